-- CreateIndex
CREATE INDEX "Application_queue_idx" ON "Application"("status", "submittedAt", "id", "reference", "organisationId", "callId", "assigneeId", "requestedCents");
