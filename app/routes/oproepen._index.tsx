import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listCalls } from "~/calls/calls.server";
import { CallTable } from "~/components/call-table";
import { now } from "~/utils/clock.server";
import { publicUrl } from "~/utils/url.server";

export const meta: MetaFunction = () => [{ title: "Oproepen | Subsidieportaal AgII" }];

// Calls are public information: no login needed to read them.
export async function loader({ request }: LoaderFunctionArgs) {
  return {
    calls: await listCalls(),
    serverNow: now().toISOString(),
    calendarUrl: publicUrl(request, "/oproepen/kalender.ics"),
  };
}

export default function CallsPage() {
  const { calls, serverNow, calendarUrl } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Oproepen</h1>
      <p>Alle tijdstippen zijn Belgische tijd. Een aanvraag moet verstuurd zijn vóór het einde van de deadline.</p>
      <CallTable calls={calls} caption="Oproepen van het agentschap" view="public" serverNow={serverNow} />
      <p className="calendar-link">
        <a href="/oproepen/kalender.ics" type="text/calendar" download="agii-oproepen.ics">
          Voeg de deadlines toe aan uw agenda
        </a>{" "}
        (iCalendar-bestand met de deadlines van de open en komende oproepen). U kunt het adres <code>{calendarUrl}</code> ook als abonnement
        toevoegen in uw agenda: dan komen nieuwe en gewijzigde deadlines vanzelf mee.
      </p>
    </section>
  );
}
