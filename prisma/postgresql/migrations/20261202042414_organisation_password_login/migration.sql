-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "passwordLoginAllowed" BOOLEAN NOT NULL DEFAULT false;
