import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireReport } from "~/grants/report-route.server";
import { reportPath, reportSummaryPage } from "~/grants/reports.server";

/** A report's address: the first step still to fill while it can change, else its summary. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context } = await requireReport(request, params);
  const page = reportSummaryPage(context);
  const base = reportPath(context.dossier.id, context.phase.key);
  const next = page.header.editable ? page.steps.find((step) => step.state !== "complete") : undefined;
  throw redirect(next ? `${base}/stap/${next.id}` : `${base}/overzicht`);
}
