import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/root";

/** The root loader's data (who is logged in, the request id), from any route, its error boundary included. */
export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}
