-- CreateTable
CREATE TABLE "PaymentOrder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'TO_APPROVE',
    "amountCents" INTEGER NOT NULL,
    "iban" TEXT NOT NULL,
    "phaseKey" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "paidOn" TEXT,
    "cancelledById" TEXT,
    "cancelledAt" DATETIME,
    "cancelReason" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PaymentOrder_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PaymentOrder_callId_fkey" FOREIGN KEY ("callId") REFERENCES "Call" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PaymentOrder_callId_status_idx" ON "PaymentOrder"("callId", "status");

-- CreateIndex
CREATE INDEX "PaymentOrder_applicationId_idx" ON "PaymentOrder"("applicationId");
