-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN "reportId" TEXT;

-- CreateTable
CREATE TABLE "GrantReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "phaseKey" TEXT NOT NULL,
    "formKey" TEXT NOT NULL,
    "formVersion" INTEGER NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "submittedAt" DATETIME,
    "submittedById" TEXT,
    "contentHash" TEXT,
    "lastSavedAt" DATETIME,
    "lastSavedById" TEXT,
    "extendedUntil" DATETIME,
    "extensionReason" TEXT,
    "infoQuestions" TEXT,
    "infoDueAt" DATETIME,
    "infoRequestedById" TEXT,
    "proposedById" TEXT,
    "proposedAt" DATETIME,
    "acceptedById" TEXT,
    "acceptedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "GrantReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "GrantReport_status_idx" ON "GrantReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "GrantReport_applicationId_phaseKey_key" ON "GrantReport"("applicationId", "phaseKey");

-- CreateIndex
CREATE INDEX "Attachment_reportId_idx" ON "Attachment"("reportId");
