import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import * as z from "zod/mini";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { RecognitionMatrix } from "~/components/recognition-matrix";
import { STAFF_ROLES } from "~/domain/roles";
import { recognitionComparison } from "~/review/recognition-comparison.server";
import { now } from "~/utils/clock.server";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Kandidaten vergelijken | Erkenningen | Subsidieportaal AgII" }];

// Which candidates to compare comes from the address bar (a GET form): unknown ids are ignored.
const selectionSchema = z.catch(z.array(z.string().check(z.maxLength(64))).check(z.maxLength(500)), []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, ...STAFF_ROLES);
  const selected = selectionSchema.parse(new URL(request.url).searchParams.getAll("kandidaat"));
  const comparison = await recognitionComparison(params.callId ?? "", selected, now());
  if (!comparison) notFound("Deze erkenningsoproep bestaat niet.");
  return comparison;
}

export default function RecognitionComparisonPage() {
  const comparison = useLoaderData<typeof loader>();
  const { call, candidates, columns, summary, filtered } = comparison;
  const location = useLocation();
  return (
    <section className="recognition">
      <p className="eyebrow">
        <Link to="/te-beoordelen/erkenningen">Erkenningen</Link> · {call.programmeName}
      </p>
      <h1>Kandidaten vergelijken</h1>
      <p className="intro">
        {call.title}
        {call.recognitionStartsOn ? `. De erkenningen starten op ${formatDate(call.recognitionStartsOn)}.` : "."}
      </p>
      <p className="intro">
        <strong>Overlap</strong> betekent: twee of meer organisaties werken rond hetzelfde thema, in dezelfde provincie, voor hetzelfde
        facet van de regierol. De selectie moet een taakverdeling zonder overlap opleveren. Niet-erkende kandidaten tellen niet mee;
        organisaties die al erkend zijn in een andere oproep wel.
      </p>

      {candidates.length === 0 ? (
        <p>Deze oproep heeft nog geen verstuurde aanvragen.</p>
      ) : (
        <>
          <Form method="get" action={location.pathname} className="recognition-selection" key={location.search}>
            <fieldset>
              <legend>Welke kandidaten wilt u vergelijken?</legend>
              <p className="hint">Kiest u er geen, dan ziet u alle kandidaten.</p>
              <ul className="recognition-selection__list">
                {candidates.map((candidate) => (
                  <li key={candidate.applicationId} className="choice">
                    <input
                      type="checkbox"
                      id={`kandidaat-${candidate.applicationId}`}
                      name="kandidaat"
                      value={candidate.applicationId}
                      defaultChecked={filtered && candidate.selected}
                    />
                    <label htmlFor={`kandidaat-${candidate.applicationId}`}>{`${candidate.name} (${candidate.statusLabel})`}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <p className="actions">
              <button type="submit" className="button">
                Vergelijken
              </button>
              {filtered ? (
                <Link to={location.pathname} className="button button--secondary">
                  Alle kandidaten tonen
                </Link>
              ) : null}
            </p>
          </Form>

          <OverlapSummary summary={summary} />
          <RecognitionMatrix comparison={comparison} />
          {columns.some((column) => column.kind === "recognised") ? (
            <p className="hint">
              Kolommen met &quot;al erkend&quot; zijn partnerorganisaties uit een andere oproep waarvan de erkenning nog loopt wanneer de
              erkenningen van deze oproep starten.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function OverlapSummary({ summary }: { summary: Array<{ text: string; facets: string[] }> }) {
  return (
    <section aria-labelledby="overlap-titel" className={summary.length > 0 ? "overlap-summary overlap-summary--found" : "overlap-summary"}>
      <h2 id="overlap-titel">Overlap</h2>
      {summary.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>
          Geen overlap: geen twee organisaties werken rond hetzelfde thema in dezelfde provincie voor hetzelfde facet.
        </p>
      ) : (
        <>
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{summary.length === 1 ? "1 overlap:" : `${summary.length} overlappen:`}</strong>
          </p>
          <ul>
            {summary.map((line) => (
              <li key={line.text}>
                {line.text}
                <br />
                <span className="hint">{`${line.facets.length === 1 ? "Facet" : "Facetten"}: ${line.facets.join("; ")}`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
