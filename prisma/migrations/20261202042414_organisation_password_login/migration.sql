-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "nisCode" TEXT,
    "kboNumber" TEXT,
    "province" TEXT,
    "addressStreet" TEXT,
    "addressPostalCode" TEXT,
    "addressCity" TEXT,
    "successorId" TEXT,
    "mergedAt" DATETIME,
    "passwordLoginAllowed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organisation_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Organisation" ("addressCity", "addressPostalCode", "addressStreet", "createdAt", "id", "kboNumber", "kind", "mergedAt", "name", "nisCode", "province", "successorId", "updatedAt") SELECT "addressCity", "addressPostalCode", "addressStreet", "createdAt", "id", "kboNumber", "kind", "mergedAt", "name", "nisCode", "province", "successorId", "updatedAt" FROM "Organisation";
DROP TABLE "Organisation";
ALTER TABLE "new_Organisation" RENAME TO "Organisation";
CREATE UNIQUE INDEX "Organisation_nisCode_key" ON "Organisation"("nisCode");
CREATE UNIQUE INDEX "Organisation_kboNumber_key" ON "Organisation"("kboNumber");
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");
CREATE INDEX "Organisation_province_idx" ON "Organisation"("province");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
