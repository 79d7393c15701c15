import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listCalls } from "~/calls/calls.server";
import { CallTable } from "~/components/call-table";
import { now } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "Oproepen | Subsidieportaal AgII" }];

// Calls are public information: no login needed to read them.
export async function loader() {
  return { calls: await listCalls(), serverNow: now().toISOString() };
}

export default function CallsPage() {
  const { calls, serverNow } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Oproepen</h1>
      <p>Alle tijdstippen zijn Belgische tijd. Een aanvraag moet verstuurd zijn vóór het einde van de deadline.</p>
      <CallTable calls={calls} caption="Oproepen van het agentschap" view="public" serverNow={serverNow} />
    </section>
  );
}
