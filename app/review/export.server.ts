import { statusLabel } from "~/applications/status-labels";
import { recordAudit } from "~/audit/audit.server";
import { prisma, type PrismaClient } from "~/db.server";
import { applicationStatusSchema } from "~/domain/application-status";
import { formatKboNumber } from "~/domain/organisation";
import type { Viewer } from "~/domain/permissions";
import { isValidIban, normaliseIban } from "~/forms/parse";
import { now } from "~/utils/clock.server";
import { toCsv } from "~/utils/csv";
import { parseJsonObject } from "~/utils/json";
import { isoInBrussels } from "~/utils/time";

/**
 * A call's dossiers and decisions for the agency's finance system, one row per submitted
 * dossier. Amounts are integer euro cents (column names end in `_cent`), as stored: no decimal
 * separator for a spreadsheet or an import to misread (docs/decisions/0016-staff-queue-and-finance-export.md).
 */
export const EXPORT_COLUMNS = [
  "dossiernummer",
  "organisatie",
  "nis_code",
  "kbo_nummer",
  "provincie",
  "status",
  "status_omschrijving",
  "gevraagd_cent",
  "voorgesteld_cent",
  "toegekend_cent",
  "ingediend_op",
  "beslist_op",
  "iban",
] as const;

/** The IBAN from the dossier's answers, without spaces, or "" when there is none (or it is not valid). */
export function ibanFromAnswers(data: string): string {
  const iban = parseJsonObject(data).iban;
  return typeof iban === "string" && isValidIban(iban) ? normaliseIban(iban) : "";
}

export type CallExport = { fileName: string; body: string; rows: number };

/** Builds the CSV and records the download in the audit trail (`call.export`); null: no such call. */
export async function exportCallCsv(viewer: Viewer, callId: string, db: PrismaClient = prisma): Promise<CallExport | null> {
  return db.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: callId },
      select: { id: true, year: true, programme: { select: { code: true, kind: true } } },
    });
    if (!call) return null;
    const dossiers = await tx.application.findMany({
      // Drafts were never submitted (or were reopened): nothing for the finance system yet.
      where: { callId, status: { not: "DRAFT" } },
      select: {
        reference: true,
        status: true,
        requestedCents: true,
        proposedCents: true,
        grantedCents: true,
        submittedAt: true,
        decidedAt: true,
        data: true,
        organisation: { select: { name: true, nisCode: true, kboNumber: true, province: true } },
      },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
    });
    const rows = dossiers.map((d) => {
      const status = applicationStatusSchema.parse(d.status);
      return [
        d.reference,
        d.organisation.name,
        d.organisation.nisCode,
        d.organisation.kboNumber ? formatKboNumber(d.organisation.kboNumber) : null,
        d.organisation.province,
        status,
        statusLabel(status, call.programme.kind),
        d.requestedCents,
        d.proposedCents,
        d.grantedCents,
        d.submittedAt ? isoInBrussels(d.submittedAt) : null,
        d.decidedAt ? isoInBrussels(d.decidedAt) : null,
        ibanFromAnswers(d.data),
      ];
    });
    const fileName = `dossiers-${call.programme.code}-${call.year}-${call.id}.csv`;
    await recordAudit(tx, {
      actorId: viewer.userId,
      actorRole: viewer.staffRoles[0] ?? "SYSTEM",
      action: "call.export",
      entityType: "Call",
      entityId: call.id,
      after: { format: "csv", fileName, rows: rows.length },
      at: now(),
    });
    return { fileName, body: toCsv(EXPORT_COLUMNS, rows), rows: rows.length };
  });
}
