import { requireViewer } from "~/auth/viewer.server";
import { isStaff } from "~/domain/permissions";
import { exportCallPayments } from "~/grants/payment-export.server";
import { EXPORT_CONTENT_TYPES, exportCall, type ExportFormat } from "./export.server";

/** What a call's export holds: its dossiers and decisions, or its payment and recovery orders. */
export type CallExportKind = "dossiers" | "payments";

function refusal(status: 403 | 404, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The answer of a call's export route, CSV or XLSX alike: one access check for both (AgII
 * staff only). A resource route renders no error page, so refusals are short Dutch plain text.
 */
export async function callExportResponse(
  request: Request,
  callId: string,
  format: ExportFormat,
  kind: CallExportKind = "dossiers",
): Promise<Response> {
  const viewer = await requireViewer(request);
  if (!isStaff(viewer)) return refusal(403, "U hebt geen toegang tot deze export.");
  const result = kind === "dossiers" ? await exportCall(viewer, callId, format) : await exportCallPayments(viewer, callId, format);
  if (!result) return refusal(404, "Deze oproep bestaat niet.");
  return new Response(result.body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
