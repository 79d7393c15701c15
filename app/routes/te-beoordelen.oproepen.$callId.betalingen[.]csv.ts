import type { LoaderFunctionArgs } from "@remix-run/node";
import { callExportResponse } from "~/review/export-download.server";

/** Resource route: a call's payment and recovery orders as CSV (people, Excel nl-BE), for AgII staff only. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return callExportResponse(request, params.callId ?? "", "csv", "payments");
}
