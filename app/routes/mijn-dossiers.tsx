import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listOrganisationApplications } from "~/applications/applications.server";
import { requireActiveOrganisation } from "~/auth/viewer.server";
import { listCalls } from "~/calls/calls.server";
import { ApplicationTable } from "~/components/application-table";
import { Countdown } from "~/components/countdown";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/time-format";

export const meta: MetaFunction = () => [{ title: "Mijn dossiers | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireActiveOrganisation(request);
  const [applications, calls] = await Promise.all([listOrganisationApplications(membership.organisationId), listCalls()]);
  const openCalls = calls.filter((call) => call.phase === "open" && call.eligibleKinds.includes(membership.kind));
  return { organisation: membership, applications, openCalls, serverNow: now().toISOString() };
}

export default function MyApplicationsPage() {
  const { organisation, applications, openCalls, serverNow } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Mijn dossiers</h1>
      <p>{`U werkt namens ${organisation.name}.`}</p>
      {organisation.readOnly ? (
        <p className="notice notice--warning">
          Deze organisatie is opgegaan in een fusie. Haar dossiers zijn alleen nog te lezen; nieuwe aanvragen dient u in namens de nieuwe
          organisatie.
        </p>
      ) : null}
      <ApplicationTable caption={`Dossiers van ${organisation.name}`} items={applications} />
      <h2>Open oproepen voor uw organisatie</h2>
      {openCalls.length === 0 ? (
        <p>Er is op dit moment geen oproep open voor uw soort organisatie.</p>
      ) : (
        <ul className="cards">
          {openCalls.map((call) => {
            const existing = applications.find((application) => application.callId === call.id);
            return (
              <li key={call.id} className="card">
                <h3>
                  <Link to={`/oproepen/${call.id}`}>{call.title}</Link>
                </h3>
                <p>
                  Indienen tot {formatDateTime(call.closesAt)} (<Countdown until={call.closesAt} serverNow={serverNow} />)
                </p>
                {existing ? (
                  <Link to={`/dossiers/${existing.id}`}>
                    Naar uw dossier<span className="visually-hidden"> voor {call.title}</span>
                  </Link>
                ) : organisation.readOnly ? null : (
                  <Link to={`/oproepen/${call.id}`}>
                    Aanvraag starten<span className="visually-hidden"> voor {call.title}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <Link to="/oproepen">Alle oproepen</Link>
      </p>
    </section>
  );
}
