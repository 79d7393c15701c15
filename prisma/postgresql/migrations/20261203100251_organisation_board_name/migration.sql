-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "boardName" TEXT;
