import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminOverview } from "~/admin/overview.server";
import { requireStaff } from "~/auth/viewer.server";
import { listCalls } from "~/calls/calls.server";
import { CallTable } from "~/components/call-table";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { STAFF_ROLE_LABELS } from "~/domain/roles";
import { now } from "~/utils/clock.server";
import { formatDateTime } from "~/utils/time-format";
import { lookup } from "~/utils/guards";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const [overview, calls] = await Promise.all([adminOverview(), listCalls()]);
  return { overview, calls, serverNow: now().toISOString() };
}

export default function AdminDashboard() {
  const { overview, calls, serverNow } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Beheer</h1>
      <ul className="cards">
        <li className="card">
          <span className="figure">{overview.calls}</span> oproepen
        </li>
        <li className="card">
          <span className="figure">{overview.applications}</span> dossiers
        </li>
        <li className="card">
          <span className="figure">{overview.activeUsers}</span> actieve gebruikers
        </li>
        <li className="card">
          <span className="figure">{overview.outbox.PENDING ?? 0}</span> e-mails in de wachtrij
          {overview.outbox.FAILED ? <p>{overview.outbox.FAILED} definitief mislukt</p> : null}
          <p>
            <Link to="/beheer/e-mails">E-mails opvolgen</Link>
          </p>
        </li>
      </ul>

      <h2>Oproepen</h2>
      <p>
        <Link to="/beheer/oproepen">Oproepen beheren</Link> · <Link to="/beheer/oproepen/nieuw">Oproep toevoegen</Link> ·{" "}
        <Link to="/beheer/programmas">Programma's</Link> · <Link to="/beheer/formulieren">Formulierversies</Link> ·{" "}
        <Link to="/rapporten">Rapporten per oproep</Link>: dossiers per status, indieningen, bedragen, dekking per provincie en
        beslissingsdeadline, met CSV-downloads.
      </p>
      <CallTable calls={calls} caption="Alle oproepen" view="staff" serverNow={serverNow} />

      <h2>Organisaties</h2>
      <p>
        <Link to="/beheer/organisaties">Organisaties zoeken en beheren</Link> ·{" "}
        <Link to="/beheer/organisaties/nieuw">Partnerorganisatie toevoegen</Link> · <Link to="/beheer/fusies">Fusies</Link> ·{" "}
        <Link to="/beheer/gemeenten">Gemeenten bijwerken</Link>
      </p>
      <table>
        <caption className="visually-hidden">Organisaties per soort</caption>
        <thead>
          <tr>
            <th scope="col">Soort</th>
            <th scope="col" className="amount">
              Aantal
            </th>
          </tr>
        </thead>
        <tbody>
          {overview.organisationsByKind.map((row) => (
            <tr key={row.kind}>
              <td>{lookup(ORGANISATION_KIND_LABELS, row.kind) ?? row.kind}</td>
              <td className="amount">{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Medewerkers van het agentschap</h2>
      <p>
        <Link to="/beheer/gebruikers">Alle gebruikers, rollen en accounts beheren</Link>
      </p>
      <TableRegion label="Medewerkers en hun rollen">
        <table>
          <caption className="visually-hidden">Medewerkers en hun rollen</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">E-mailadres</th>
              <th scope="col">Rollen</th>
              <th scope="col">Laatst aangemeld</th>
            </tr>
          </thead>
          <tbody>
            {overview.staff.map((user) => (
              <tr key={user.id}>
                <td>
                  <Link to={`/beheer/gebruikers/${user.id}`}>
                    {user.firstName} {user.lastName}
                  </Link>
                </td>
                <td>{user.email}</td>
                <td>{user.staffRoles.map((role) => lookup(STAFF_ROLE_LABELS, role) ?? role).join(", ")}</td>
                <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "nooit"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
