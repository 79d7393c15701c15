-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "managedByIdp" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idToken" TEXT,
ADD COLUMN     "oidcSid" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oidcSubject" TEXT;

-- CreateIndex
CREATE INDEX "Session_oidcSid_idx" ON "Session"("oidcSid");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcSubject_key" ON "User"("oidcSubject");
