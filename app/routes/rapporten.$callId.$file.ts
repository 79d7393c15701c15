import type { LoaderFunctionArgs } from "@remix-run/node";
import * as z from "zod";
import { contentDisposition } from "~/attachments/file-name";
import { requireViewer } from "~/auth/viewer.server";
import { canViewReports } from "~/domain/permissions";
import { exportReportTable } from "~/reports/reports.server";
import { reportTableKeyForFile } from "~/reports/tables";

/**
 * Resource route: one table of a call's report as CSV (e.g. /rapporten/<id>/statussen.csv),
 * for AgII staff only; every download is audited. A resource route renders no error page, so
 * a missing call or table gets a short Dutch plain-text answer.
 */
const paramsSchema = z.object({ callId: z.string().min(1), file: z.string().min(1) });

function refusal(status: 403 | 404, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // requireStaff would throw an error page's data, which a resource route cannot render.
  const viewer = await requireViewer(request);
  if (!canViewReports(viewer)) return refusal(403, "U hebt geen toegang tot de rapporten.");
  const { callId, file } = paramsSchema.parse(params);
  const table = reportTableKeyForFile(file);
  const result = table ? await exportReportTable({ viewer, callId, table }) : null;
  if (!result) return refusal(404, "Dit rapport bestaat niet.");
  return new Response(result.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(result.fileName),
      "Cache-Control": "private, no-store",
    },
  });
}
