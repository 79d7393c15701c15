import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireViewer } from "~/auth/viewer.server";
import { isStaff } from "~/domain/permissions";
import { exportCallCsv } from "~/review/export.server";

function refusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Resource route: a call's dossiers and decisions as CSV for the finance system, for AgII staff
 * only. It renders no error page, so refusals are short Dutch plain-text answers.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  if (!isStaff(viewer)) return refusal(403, "U hebt geen toegang tot deze export.");
  const result = await exportCallCsv(viewer, params.callId ?? "");
  if (!result) return refusal(404, "Deze oproep bestaat niet.");
  return new Response(result.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
