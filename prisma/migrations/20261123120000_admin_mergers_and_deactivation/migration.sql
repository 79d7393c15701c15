-- AlterTable
ALTER TABLE "Application" ADD COLUMN "transferredAt" DATETIME;
ALTER TABLE "Application" ADD COLUMN "transferredFromId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "deactivationReason" TEXT;
