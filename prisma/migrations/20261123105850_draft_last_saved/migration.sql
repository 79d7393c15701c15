-- AlterTable
ALTER TABLE "Application" ADD COLUMN "lastSavedAt" DATETIME;
ALTER TABLE "Application" ADD COLUMN "lastSavedById" TEXT;
