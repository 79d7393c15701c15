import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { listCallsForAdmin } from "~/calls/call-admin.server";
import { CALL_PHASE_LABELS } from "~/calls/call-state";
import { formatDateTime } from "~/utils/time-format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Oproepen | Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return { calls: await listCallsForAdmin() };
}

export default function AdminCallsPage() {
  const { calls } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Oproepen</h1>
      <p>
        <Link to="/beheer/oproepen/nieuw" className="button">
          Oproep toevoegen
        </Link>
      </p>
      <TableRegion label="Alle oproepen, laatst sluitende eerst">
        <table>
          <caption className="visually-hidden">Alle oproepen, laatst sluitende eerst</caption>
          <thead>
            <tr>
              <th scope="col">Oproep</th>
              <th scope="col">Programma</th>
              <th scope="col">Status</th>
              <th scope="col">Open vanaf</th>
              <th scope="col">Indienen tot</th>
              <th scope="col">Formulier</th>
              <th scope="col" className="amount">
                Dossiers
              </th>
              <th scope="col" className="amount">
                Concepten
              </th>
            </tr>
          </thead>
          <tbody>
            {calls.map((call) => (
              <tr key={call.id}>
                <td>
                  <Link to={`/beheer/oproepen/${call.id}`}>{call.title}</Link>
                </td>
                <td className="reference">{call.programme.code}</td>
                <td>
                  <span className={`status status--${call.phase}`}>{CALL_PHASE_LABELS[call.phase]}</span>
                </td>
                <td>{formatDateTime(call.opensAt)}</td>
                <td>{formatDateTime(call.closesAt)}</td>
                <td>
                  <Link to={`/beheer/formulieren/${call.formKey}/${call.formVersion}`}>
                    {call.formKey} v{call.formVersion}
                  </Link>
                </td>
                <td className="amount">{call.dossiers}</td>
                <td className="amount">{call.drafts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
