-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "reportId" TEXT;

-- CreateTable
CREATE TABLE "GrantReport" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "phaseKey" TEXT NOT NULL,
    "formKey" TEXT NOT NULL,
    "formVersion" INTEGER NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "contentHash" TEXT,
    "lastSavedAt" TIMESTAMP(3),
    "lastSavedById" TEXT,
    "extendedUntil" TIMESTAMP(3),
    "extensionReason" TEXT,
    "infoQuestions" TEXT,
    "infoDueAt" TIMESTAMP(3),
    "infoRequestedById" TEXT,
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GrantReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GrantReport_status_idx" ON "GrantReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "GrantReport_applicationId_phaseKey_key" ON "GrantReport"("applicationId", "phaseKey");

-- CreateIndex
CREATE INDEX "Attachment_reportId_idx" ON "Attachment"("reportId");

-- AddForeignKey
ALTER TABLE "GrantReport" ADD CONSTRAINT "GrantReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
