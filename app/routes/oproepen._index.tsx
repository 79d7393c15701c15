import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CALL_PHASE_LABELS } from "~/calls/call-state";
import { listCalls } from "~/calls/calls.server";
import { Countdown } from "~/components/countdown";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { now } from "~/utils/clock.server";
import { formatCents } from "~/utils/money";
import { formatDateTime } from "~/utils/time";

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
      <table>
        <caption>Oproepen van het agentschap</caption>
        <thead>
          <tr>
            <th scope="col">Oproep</th>
            <th scope="col">Status</th>
            <th scope="col">Indienen tot</th>
            <th scope="col">Resterende tijd</th>
            <th scope="col">Wie kan aanvragen</th>
            <th scope="col" className="amount">
              Budget
            </th>
          </tr>
        </thead>
        <tbody>
          {calls.map((call) => (
            <tr key={call.id}>
              <td>{call.title}</td>
              <td>
                <span className={`status status--${call.phase}`}>{CALL_PHASE_LABELS[call.phase]}</span>
              </td>
              <td>{formatDateTime(call.closesAt)}</td>
              <td>{call.phase === "open" ? <Countdown until={call.closesAt} serverNow={serverNow} /> : "—"}</td>
              <td>{call.eligibleKinds.map((kind) => ORGANISATION_KIND_LABELS[kind]).join(", ")}</td>
              <td className="amount">{call.budgetCents === null ? "—" : formatCents(call.budgetCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
