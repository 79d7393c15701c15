import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { REPORT_ROLES } from "~/domain/permissions";
import { formatCount } from "~/reports/format";
import { reportCallList } from "~/reports/reports.server";
import { formatDate } from "~/utils/time-format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Rapporten | Subsidieportaal AgII" }];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ...REPORT_ROLES);
  return { calls: await reportCallList() };
}

export default function ReportsPage() {
  const { calls } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Rapporten</h1>
      <p className="intro">
        Per oproep: dossiers per status, indieningen tot de deadline, gevraagde en toegekende bedragen, dekking per provincie en de
        voortgang tegenover de beslissingsdeadline. Elke tabel kan als CSV gedownload worden.
      </p>
      {calls.length === 0 ? (
        <p>Er zijn nog geen oproepen.</p>
      ) : (
        <TableRegion label="Oproepen, de laatste deadline eerst">
          <table>
            <caption>Oproepen, de laatste deadline eerst</caption>
            <thead>
              <tr>
                <th scope="col">Oproep</th>
                <th scope="col">Status</th>
                <th scope="col">Indienen tot</th>
                <th scope="col" className="amount">
                  Ingediend
                </th>
                <th scope="col">Beslissing uiterlijk</th>
                <th scope="col">Voortgang beslissingen</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.id}>
                  <th scope="row">
                    <Link to={`/rapporten/${call.id}`}>{call.title}</Link>
                    <span className="report-list__programme">{call.programmeName}</span>
                  </th>
                  <td>{call.phaseLabel}</td>
                  <td>{formatDate(call.closesAt)}</td>
                  <td className="amount">{formatCount(call.submitted)}</td>
                  <td>{call.decisionDueAt ? formatDate(call.decisionDueAt) : "—"}</td>
                  <td className={call.deadlineState === "overdue" ? "report-list__overdue" : undefined}>{call.deadlineDescription}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
