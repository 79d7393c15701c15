import { prisma } from "~/db.server";
import { formatKboNumber } from "~/domain/organisation";
import type { Viewer } from "~/domain/permissions";
import type { ExportFormat } from "~/review/export.server";
import { auditExport, renderCsv, renderXlsx } from "~/review/export.server";
import type { ExportColumn } from "~/review/export-table";
import { PAYMENT_KIND_LABELS, paymentKindSchema, paymentStatusLabel, paymentStatusSchema } from "./payment-status";

/**
 * A call's payment and recovery orders for the finance system, CSV or XLSX, on the same columns
 * machinery as the dossier export (app/review/export-table.ts). A recovery's amount is negative:
 * a column of the sheet then adds up to what left the agency's account.
 */
type PaymentRow = {
  reference: string | null;
  organisation: string;
  kboNumber: string | null;
  nisCode: string | null;
  kind: string;
  kindCode: string;
  status: string;
  statusCode: string;
  signedCents: number;
  iban: string;
  phaseKey: string;
  preparedAt: Date;
  approvedAt: Date | null;
  paidOn: string | null;
};

export const PAYMENT_EXPORT_COLUMNS: readonly ExportColumn<PaymentRow>[] = [
  { header: "Dossiernummer", kind: "text", width: 16, value: (r) => r.reference },
  { header: "Organisatie", kind: "text", width: 36, value: (r) => r.organisation },
  { header: "Ondernemingsnummer", kind: "text", width: 18, value: (r) => r.kboNumber },
  { header: "NIS-code", kind: "text", width: 10, value: (r) => r.nisCode },
  { header: "Soort", kind: "text", width: 16, value: (r) => r.kind },
  { header: "Soortcode", kind: "text", width: 12, value: (r) => r.kindCode },
  { header: "Fase", kind: "text", width: 14, value: (r) => r.phaseKey },
  { header: "Status", kind: "text", width: 26, value: (r) => r.status },
  { header: "Statuscode", kind: "text", width: 14, value: (r) => r.statusCode },
  { header: "Bedrag (EUR, terugvordering negatief)", kind: "euro", width: 20, value: (r) => r.signedCents },
  { header: "IBAN", kind: "text", width: 22, value: (r) => r.iban },
  { header: "Voorbereid op (Belgische tijd)", kind: "instant", width: 20, value: (r) => r.preparedAt },
  { header: "Goedgekeurd op (Belgische tijd)", kind: "instant", width: 20, value: (r) => r.approvedAt },
  { header: "Betaald of ontvangen op", kind: "date", width: 14, value: (r) => r.paidOn },
  { header: "Bedrag (eurocent)", kind: "cents", width: 0, value: (r) => r.signedCents },
];

/** The orders of a call as a file, the download audited; null: no such call. */
export async function exportCallPayments(viewer: Viewer, callId: string, format: ExportFormat) {
  const read = await prisma.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { id: callId },
      select: { id: true, year: true, programme: { select: { code: true } } },
    });
    if (!call) return null;
    const orders = await tx.paymentOrder.findMany({
      where: { callId },
      include: { application: { select: { reference: true, organisation: { select: { name: true, kboNumber: true, nisCode: true } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const rows = orders.map((order): PaymentRow => {
      const kind = paymentKindSchema.parse(order.kind);
      const status = paymentStatusSchema.parse(order.status);
      const organisation = order.application.organisation;
      return {
        reference: order.application.reference,
        organisation: organisation.name,
        kboNumber: organisation.kboNumber ? formatKboNumber(organisation.kboNumber) : null,
        nisCode: organisation.nisCode,
        kind: PAYMENT_KIND_LABELS[kind],
        kindCode: kind,
        status: paymentStatusLabel(kind, status),
        statusCode: status,
        signedCents: kind === "RECOVERY" ? -order.amountCents : order.amountCents,
        iban: order.iban,
        phaseKey: order.phaseKey,
        preparedAt: order.createdAt,
        approvedAt: order.approvedAt,
        paidOn: order.paidOn,
      };
    });
    const fileName = `betalingen-${call.programme.code}-${call.year}-${call.id}.${format}`;
    await auditExport(tx, viewer, "payment.export", { callId: call.id, format, fileName, rows: rows.length });
    return { fileName, rows };
  });
  if (!read) return null;
  const body =
    format === "csv" ? renderCsv(PAYMENT_EXPORT_COLUMNS, read.rows) : await renderXlsx("Betalingen", PAYMENT_EXPORT_COLUMNS, read.rows);
  return { fileName: read.fileName, body, rows: read.rows.length };
}
