import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { statusLabel } from "~/applications/status-labels";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { STAFF_ROLES } from "~/domain/roles";
import { callOverview } from "~/review/call-overview.server";
import { decisionDeadlineState, describeDaysLeft, describeOverdue, describeUndecided } from "~/review/decision-deadline";
import { QUEUE_STATUSES } from "~/review/queue";
import { now } from "~/utils/clock.server";
import { formatCents } from "~/utils/money";
import { formatDate, formatDateTime } from "~/utils/time-format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.call.title ?? "Oproep"} | Te beoordelen | Subsidieportaal AgII` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ...STAFF_ROLES);
  const overview = await callOverview(params.callId ?? "", now());
  if (!overview) notFound("Deze oproep bestaat niet.");
  return overview;
}

const QUEUE_STATUS_SET: ReadonlySet<string> = new Set(QUEUE_STATUSES);

export default function CallOverviewPage() {
  const { call, budget, payments, statusCounts, submitted, deadline } = useLoaderData<typeof loader>();
  const queueLink = `/te-beoordelen?oproep=${call.id}&status=alle`;
  return (
    <section>
      <p className="eyebrow">{call.programmeName}</p>
      <h1>{call.title}</h1>
      <ul className="actions">
        <li>
          <Link to={queueLink} className="button">
            Dossiers van deze oproep
          </Link>
        </li>
        <li>
          {/* A download, not a page: a plain link so the browser saves the file. */}
          <a href={`/te-beoordelen/oproepen/${call.id}/export.csv`} className="button button--secondary" download>
            Dossiers en beslissingen downloaden (CSV)
          </a>
        </li>
        <li>
          <a href={`/te-beoordelen/oproepen/${call.id}/export.xlsx`} className="button button--secondary" download>
            Dossiers en beslissingen downloaden voor de boekhouding (Excel)
          </a>
        </li>
        <li>
          <a href={`/te-beoordelen/oproepen/${call.id}/betalingen.xlsx`} className="button button--secondary" download>
            Betalingsopdrachten downloaden (Excel)
          </a>
        </li>
        <li>
          <a href={`/te-beoordelen/oproepen/${call.id}/betalingen.csv`} className="button button--secondary" download>
            Betalingsopdrachten downloaden (CSV)
          </a>
        </li>
      </ul>
      <dl className="facts">
        <dt>Indienen</dt>
        <dd>
          van {formatDateTime(call.opensAt)} tot {formatDateTime(call.closesAt)}
        </dd>
        <dt>Ingediende dossiers</dt>
        <dd>{submitted}</dd>
      </dl>

      <h2>Beslissingstermijn</h2>
      {deadline ? (
        <>
          <dl className="facts">
            <dt>Beslissing uiterlijk</dt>
            <dd>{formatDate(deadline.dueAt)}</dd>
            <dt>Resterende tijd</dt>
            <dd>
              {decisionDeadlineState(deadline.daysLeft) === "passed" ? (
                <strong>Termijn {describeDaysLeft(deadline.daysLeft)}</strong>
              ) : (
                describeDaysLeft(deadline.daysLeft)
              )}
            </dd>
            <dt>Nog te beslissen</dt>
            <dd>{describeUndecided(deadline.undecided)}</dd>
          </dl>
          {deadline.overdue > 0 ? (
            <p className="notice notice--warning">
              <strong>Let op:</strong> {describeOverdue(deadline.overdue)}.{" "}
              <Link to={`/te-beoordelen?oproep=${call.id}&achterstand=ja`}>Bekijk de dossiers over tijd</Link>.
            </p>
          ) : null}
        </>
      ) : (
        <p>Voor deze oproep is geen uiterste beslissingsdatum vastgelegd.</p>
      )}

      <h2>Budget</h2>
      {budget.envelopeCents === null ? (
        <p>
          {call.programmeKind === "RECOGNITION"
            ? "Een erkenning kent geen bedrag toe: deze oproep heeft geen budget."
            : "Voor deze oproep is geen budget vastgelegd."}
        </p>
      ) : (
        <table className="budget-table">
          <caption className="visually-hidden">Budget van de oproep</caption>
          <tbody>
            <tr>
              <th scope="row">Budget (enveloppe)</th>
              <td className="amount">{formatCents(budget.envelopeCents)}</td>
            </tr>
            <tr>
              <th scope="row">Toegekend</th>
              <td className="amount">{formatCents(budget.grantedCents)}</td>
            </tr>
            <tr>
              <th scope="row">Voorgesteld, nog niet beslist</th>
              <td className="amount">{formatCents(budget.proposedCents)}</td>
            </tr>
            <tr>
              <th scope="row">Nog beschikbaar</th>
              <td className="amount">{formatCents(budget.remainingCents ?? 0)}</td>
            </tr>
            <tr>
              <th scope="row">Nog beschikbaar als alle voorstellen worden goedgekeurd</th>
              <td className="amount">{formatCents((budget.remainingCents ?? 0) - budget.proposedCents)}</td>
            </tr>
            <tr>
              <th scope="row">Vastgelegd in betalingsopdrachten</th>
              <td className="amount">{formatCents(payments.committedCents)}</td>
            </tr>
            <tr>
              <th scope="row">Betaald</th>
              <td className="amount">{formatCents(payments.paidCents)}</td>
            </tr>
            <tr>
              <th scope="row">Teruggevorderd en ontvangen</th>
              <td className="amount">{formatCents(payments.recoveredCents)}</td>
            </tr>
          </tbody>
        </table>
      )}

      <h2>Dossiers per status</h2>
      <table className="status-counts">
        <caption className="visually-hidden">Aantal dossiers per status</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col" className="amount">
              Aantal
            </th>
          </tr>
        </thead>
        <tbody>
          {statusCounts.map(({ status, count }) => (
            <tr key={status}>
              <th scope="row">
                {QUEUE_STATUS_SET.has(status) && count > 0 ? (
                  <Link to={`/te-beoordelen?oproep=${call.id}&status=${status}`}>{statusLabel(status, call.programmeKind)}</Link>
                ) : (
                  statusLabel(status, call.programmeKind)
                )}
                {status === "DRAFT" ? <span className="queue-table__sub">nog niet ingediend</span> : null}
              </th>
              <td className="amount">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
