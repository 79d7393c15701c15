-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "addressCity" TEXT,
ADD COLUMN     "addressPostalCode" TEXT,
ADD COLUMN     "addressStreet" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "jobTitle" TEXT;
