import type { LoaderFunctionArgs } from "@remix-run/node";
import { callExportResponse } from "~/review/export-download.server";

/** Resource route: a call's dossiers and decisions as CSV (people, Excel nl-BE), for AgII staff only. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return callExportResponse(request, params.callId ?? "", "csv");
}
