import ExcelJS from "exceljs";
import { statusLabel } from "~/applications/status-labels";
import { recordAudit } from "~/audit/audit.server";
import type { AuditAction } from "~/audit/audit-sentences";
import type { AnyDb } from "~/db/sql.server";
import { prisma, type PrismaClient } from "~/db.server";
import { applicationStatusSchema } from "~/domain/application-status";
import { formatKboNumber } from "~/domain/organisation";
import type { Viewer } from "~/domain/permissions";
import { ibanFromAnswers } from "~/applications/dossier-iban";
import { now } from "~/utils/clock.server";
import { toCsv } from "~/utils/csv";
import { csvCell, EXPORT_COLUMNS, xlsxCell, xlsxColumns, xlsxNumberFormat, type ExportColumn, type ExportDossier } from "./export-table";

/**
 * A call's dossiers and decisions for the agency's finance system, one row per submitted
 * dossier, as CSV (people, Excel nl-BE) or XLSX (finance: typed euro cells); the columns are in
 * ./export-table.ts (docs/decisions/0016-staff-queue-and-finance-export.md).
 */
export type ExportFormat = "csv" | "xlsx";

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type CallExport = { fileName: string; body: Uint8Array<ArrayBuffer> | string; rows: number };

/** Reads the call's dossiers and records the download (`call.export`) in the same transaction; null: no such call. */
async function readCallExport(viewer: Viewer, callId: string, format: ExportFormat, db: PrismaClient) {
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
    const rows = dossiers.map((d): ExportDossier => {
      const status = applicationStatusSchema.parse(d.status);
      return {
        reference: d.reference,
        organisation: d.organisation.name,
        nisCode: d.organisation.nisCode,
        kboNumber: d.organisation.kboNumber ? formatKboNumber(d.organisation.kboNumber) : null,
        province: d.organisation.province,
        status,
        statusLabel: statusLabel(status, call.programme.kind),
        requestedCents: d.requestedCents,
        proposedCents: d.proposedCents,
        grantedCents: d.grantedCents,
        submittedAt: d.submittedAt,
        decidedAt: d.decidedAt,
        iban: ibanFromAnswers(d.data),
      };
    });
    const fileName = `dossiers-${call.programme.code}-${call.year}-${call.id}.${format}`;
    await auditExport(tx, viewer, "call.export", { callId: call.id, format, fileName, rows: rows.length });
    return { fileName, rows };
  });
}

/** Every download of a call's export is audited: who, which file, how many rows. */
export async function auditExport(
  db: AnyDb,
  viewer: Viewer,
  action: Extract<AuditAction, "call.export" | "payment.export">,
  file: { callId: string; format: ExportFormat; fileName: string; rows: number },
): Promise<void> {
  await recordAudit(db, {
    actorId: viewer.userId,
    actorRole: viewer.staffRoles[0] ?? "SYSTEM",
    action,
    entityType: "Call",
    entityId: file.callId,
    after: { format: file.format, fileName: file.fileName, rows: file.rows },
    at: now(),
  });
}

/** Rows as CSV under the columns' headers (people, Excel nl-BE). */
export function renderCsv<R>(columns: readonly ExportColumn<R>[], rows: readonly R[]): string {
  return toCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((column) => csvCell(column, row))),
  );
}

/** Rows as one XLSX sheet with typed cells, a frozen bold header and a filter (finance). */
export async function renderXlsx<R>(
  sheetName: string,
  allColumns: readonly ExportColumn<R>[],
  rows: readonly R[],
): Promise<Uint8Array<ArrayBuffer>> {
  const columns = xlsxColumns(allColumns);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Subsidieportaal AgII";
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => {
    const numFmt = xlsxNumberFormat(column);
    return { header: column.header, width: column.width, style: numFmt ? { numFmt } : {} };
  });
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => xlsxCell(column, row)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The export file of a call in the asked format, its download audited; null: no such call. */
export async function exportCall(
  viewer: Viewer,
  callId: string,
  format: ExportFormat,
  db: PrismaClient = prisma,
): Promise<CallExport | null> {
  const read = await readCallExport(viewer, callId, format, db);
  if (!read) return null;
  const body = format === "csv" ? renderCsv(EXPORT_COLUMNS, read.rows) : await renderXlsx("Dossiers", EXPORT_COLUMNS, read.rows);
  return { fileName: read.fileName, body, rows: read.rows.length };
}
