-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN "addressCity" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "addressPostalCode" TEXT;
ALTER TABLE "Organisation" ADD COLUMN "addressStreet" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "jobTitle" TEXT;
