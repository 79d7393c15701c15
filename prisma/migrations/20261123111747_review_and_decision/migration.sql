-- AlterTable
ALTER TABLE "Application" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Application" ADD COLUMN "decidedAt" DATETIME;
ALTER TABLE "Application" ADD COLUMN "decidedById" TEXT;
ALTER TABLE "Application" ADD COLUMN "decisionMotivation" TEXT;
ALTER TABLE "Application" ADD COLUMN "proposedAt" DATETIME;
ALTER TABLE "Application" ADD COLUMN "proposedById" TEXT;
ALTER TABLE "Application" ADD COLUMN "proposedCents" INTEGER;
ALTER TABLE "Application" ADD COLUMN "proposedOutcome" TEXT;
ALTER TABLE "Application" ADD COLUMN "recognitionEndsOn" TEXT;
ALTER TABLE "Application" ADD COLUMN "recognitionStartsOn" TEXT;

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "criterionKey" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "motivation" TEXT NOT NULL,
    "assessedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assessment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InformationRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "requestedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    CONSTRAINT "InformationRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewNote_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_applicationId_criterionKey_key" ON "Assessment"("applicationId", "criterionKey");

-- CreateIndex
CREATE INDEX "InformationRequest_applicationId_createdAt_idx" ON "InformationRequest"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewNote_applicationId_createdAt_idx" ON "ReviewNote"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "Application_callId_status_idx" ON "Application"("callId", "status");

-- CreateIndex
CREATE INDEX "Application_assigneeId_status_idx" ON "Application"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Application_submittedAt_idx" ON "Application"("submittedAt");
