import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { REPORT_ROLES } from "~/domain/permissions";
import { BarChart } from "~/components/charts/bar-chart";
import { StepChart } from "~/components/charts/step-chart";
import { ReportTableView } from "~/components/report-table";
import { formatCount, formatPercent } from "~/reports/format";
import { callReport } from "~/reports/reports.server";
import { provinceLabel, REPORT_TABLE_FILES, reportTables, type ReportTableKey } from "~/reports/tables";
import { formatCents } from "~/utils/money";
import { formatDate, formatDateTime } from "~/utils/time";
import { lookup } from "~/utils/guards";
import { defined } from "~/utils/invariant";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Rapport ${data?.report.call.title ?? ""} | Subsidieportaal AgII` },
];

// Live figures: never served from a cache, so a submission shows at the next load.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const paramsSchema = z.object({ callId: z.string().check(z.minLength(1)) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ...REPORT_ROLES);
  const { callId } = paramsSchema.parse(params);
  const report = await callReport(callId);
  if (!report) notFound("Deze oproep bestaat niet.");
  return { report, tables: reportTables(report) };
}

const SECTIONS = [
  { id: "statussen", title: "Dossiers per status" },
  { id: "indieningen", title: "Indieningen tot de deadline" },
  { id: "bedragen", title: "Gevraagde en toegekende bedragen" },
  { id: "dekking", title: "Dekking per provincie" },
  { id: "beslissing", title: "Beslissingsdeadline" },
] as const;

export default function CallReportPage() {
  const { report, tables } = useLoaderData<typeof loader>();
  const { call, submissions, budget, coverage, deadline } = report;
  const csv = (key: ReportTableKey) => `/rapporten/${call.id}/${REPORT_TABLE_FILES[key]}`;
  const heading = (id: (typeof SECTIONS)[number]["id"]) =>
    defined(
      SECTIONS.find((s) => s.id === id),
      `section ${id}`,
    ).title;
  const deadlineNotice = lookup({ overdue: "notice notice--error", running: "notice notice--warning", done: "notice" }, deadline.state);

  return (
    <section className="report">
      <p className="eyebrow">
        <Link to="/rapporten">Rapporten</Link> · {call.programmeName}
      </p>
      <h1>Rapport: {call.title}</h1>
      <dl className="facts">
        <dt>Indienen</dt>
        <dd>
          van {formatDateTime(call.opensAt)} tot {formatDateTime(call.closesAt)}
        </dd>
        <dt>Beslissing uiterlijk</dt>
        <dd>{call.decisionDueAt ? formatDateTime(call.decisionDueAt) : "geen deadline vastgelegd"}</dd>
        <dt>Ingediende dossiers</dt>
        <dd>{formatCount(report.amounts.totals.count)} (zonder concepten en ingetrokken aanvragen)</dd>
        <dt>Stand op</dt>
        <dd>{formatDateTime(report.generatedAt)} (de cijfers worden bij elk bezoek opnieuw berekend)</dd>
      </dl>
      <nav aria-label="Onderdelen van het rapport" className="report-contents">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="statussen" className="report-section">
        <h2 id="statussen">{heading("statussen")}</h2>
        <BarChart
          id="grafiek-statussen"
          title="Staafdiagram: aantal dossiers per status"
          bars={report.statuses.map((s) => ({ label: s.label, value: s.count, valueText: formatCount(s.count) }))}
        />
        <ReportTableView table={tables.statussen} csvHref={csv("statussen")} />
      </section>

      <section aria-labelledby="indieningen" className="report-section">
        <h2 id="indieningen">{heading("indieningen")}</h2>
        <p>
          {submissions.days.length === 0
            ? "De oproep is nog niet open: er zijn nog geen indieningen."
            : `${formatCount(submissions.total)} ${submissions.total === 1 ? "aanvraag" : "aanvragen"} ingediend, per dag geteld in Belgische tijd.`}
          {submissions.afterDeadline > 0
            ? ` Daarvan ${submissions.afterDeadline === 1 ? "kwam er 1" : `kwamen er ${formatCount(submissions.afterDeadline)}`} na de deadline binnen, dankzij een verlenging.`
            : ""}
        </p>
        {submissions.days.length > 0 ? (
          <>
            <StepChart
              id="grafiek-indieningen"
              title="Trapgrafiek: aantal ingediende aanvragen opgeteld per dag"
              summary={`Van ${formatDate(call.opensAt)} tot de deadline op ${formatDate(call.closesAt)}. Op ${formatDate(submissions.days.at(-1)!.date)} stond de teller op ${formatCount(submissions.days.at(-1)!.cumulative)}.`}
              points={submissions.days}
              firstDate={submissions.firstDate}
              lastDate={submissions.lastDate}
              deadlineDate={submissions.deadlineDate}
            />
            <ReportTableView table={tables.indieningen} csvHref={csv("indieningen")} long />
          </>
        ) : null}
      </section>

      <section aria-labelledby="bedragen" className="report-section">
        <h2 id="bedragen">{heading("bedragen")}</h2>
        {budget.envelopeCents === null ? (
          <p>Deze oproep heeft geen budget: er worden geen bedragen toegekend.</p>
        ) : (
          <BarChart
            id="grafiek-bedragen"
            title="Staafdiagram: budget, gevraagde, voorgestelde en toegekende bedragen"
            bars={[
              { label: "Budget van de oproep", value: budget.envelopeCents, valueText: formatCents(budget.envelopeCents) },
              {
                label: "Gevraagd",
                value: report.amounts.totals.requestedCents,
                valueText: formatCents(report.amounts.totals.requestedCents),
              },
              { label: "Voorgesteld, niet beslist", value: budget.proposedCents, valueText: formatCents(budget.proposedCents) },
              { label: "Toegekend", value: budget.grantedCents, valueText: formatCents(budget.grantedCents) },
              { label: "Nog beschikbaar", value: budget.remainingCents ?? 0, valueText: formatCents(budget.remainingCents ?? 0) },
            ]}
          />
        )}
        <ReportTableView table={tables.budget} csvHref={csv("budget")} />
        <ReportTableView table={tables.bedragen} csvHref={csv("bedragen")} />
      </section>

      <section aria-labelledby="dekking" className="report-section">
        <h2 id="dekking">{heading("dekking")}</h2>
        {call.forMunicipalities ? (
          <>
            <p>
              Hoeveel gemeenten per provincie een ingediende aanvraag hebben (ingetrokken aanvragen tellen niet). Gemeenten die in een fusie
              opgingen tellen niet meer mee; voor Brussel telt de Vlaamse Gemeenschapscommissie. In totaal{" "}
              {formatCount(coverage.overall.applied)} van {formatCount(coverage.overall.total)} (
              {formatPercent(coverage.overall.percentage)}).
            </p>
            <BarChart
              id="grafiek-dekking"
              title="Staafdiagram: aandeel gemeenten met een ingediende aanvraag, per provincie"
              max={100}
              track
              bars={coverage.rows.map((row) => ({
                label: provinceLabel(row.province),
                value: row.percentage ?? 0,
                valueText: `${formatCount(row.applied)} van ${formatCount(row.total)} (${formatPercent(row.percentage)})`,
              }))}
            />
            <ReportTableView table={tables.dekking} csvHref={csv("dekking")} />
          </>
        ) : (
          <p>Gemeenten kunnen niet op deze oproep intekenen: een dekking per provincie zegt hier niets.</p>
        )}
      </section>

      <section aria-labelledby="beslissing" className="report-section">
        <h2 id="beslissing">{heading("beslissing")}</h2>
        <p className={deadlineNotice}>{deadline.description}</p>
        <BarChart
          id="grafiek-beslissing"
          title="Staafdiagram: dossiers met en zonder beslissing"
          bars={[
            { label: "Beslist", value: deadline.decided, valueText: formatCount(deadline.decided) },
            { label: "Nog te beslissen", value: deadline.undecided, valueText: formatCount(deadline.undecided) },
          ]}
        />
        <ReportTableView table={tables.beslissing} csvHref={csv("beslissing")} />
      </section>
    </section>
  );
}
