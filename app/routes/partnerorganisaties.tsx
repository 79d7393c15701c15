import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { SelectField } from "~/components/admin-fields";
import { partnerRegister, registerFilterOptions, type PartnerRegisterEntry } from "~/review/partner-register.server";
import { DIMENSION_HEADINGS, type RecognitionDimension } from "~/review/recognition-profile";
import { now } from "~/utils/clock.server";
import { brusselsDate } from "~/utils/time-format";

export const meta: MetaFunction = () => [{ title: "Erkende partnerorganisaties | Subsidieportaal AgII" }];

// The public register: no login. Filters come from the address bar; unknown values are ignored.
export async function loader({ request }: LoaderFunctionArgs) {
  const { provinces, themes } = registerFilterOptions();
  const oneOf = (options: Array<{ value: string }>) =>
    z.catch(z.optional(z.string().check(z.refine((value) => options.some((option) => option.value === value)))), undefined);
  const search = new URL(request.url).searchParams;
  const filter = z
    .object({ provincie: oneOf(provinces), thema: oneOf(themes) })
    .parse({ provincie: search.get("provincie") ?? undefined, thema: search.get("thema") ?? undefined });
  const register = await partnerRegister({ province: filter.provincie, theme: filter.thema }, brusselsDate(now()));
  return { ...register, applied: { provincie: filter.provincie ?? "", thema: filter.thema ?? "" } };
}

const SHOWN: RecognitionDimension[] = ["expertise", "themas", "kanalen", "facetten", "provincies"];

export default function PartnerRegisterPage() {
  const { entries, total, filters, applied } = useLoaderData<typeof loader>();
  const filtered = Boolean(applied.provincie || applied.thema);
  return (
    <section className="partner-register">
      <h1>Erkende partnerorganisaties</h1>
      <p className="intro">
        Het agentschap erkent partnerorganisaties die lokale besturen ondersteunen in hun regierol rond gewelddadige radicalisering,
        extremisme, terrorisme en schadelijke polarisatie, met beleidsondersteuning en praktijkontwikkeling. Hieronder staan de organisaties
        met een lopende of een komende erkenning, met hun aanbod voor lokale besturen.
      </p>
      <Form
        method="get"
        action="/partnerorganisaties"
        className="filters"
        role="search"
        aria-label="Partnerorganisaties filteren"
        key={`${applied.provincie}|${applied.thema}`}
      >
        <SelectField
          name="provincie"
          label="Provincie"
          placeholder="Alle provincies"
          defaultValue={applied.provincie}
          options={filters.provinces}
          filter
        />
        <SelectField name="thema" label="Thema" placeholder="Alle thema's" defaultValue={applied.thema} options={filters.themes} filter />
        <button type="submit" className="button">
          Filteren
        </button>
        {filtered ? (
          <Link to="/partnerorganisaties" className="button button--secondary partner-register__reset">
            Alle partnerorganisaties
          </Link>
        ) : null}
      </Form>
      <p role="status">{resultMessage(entries.length, total, filtered)}</p>
      {entries.length > 0 ? (
        <ul className="partner-register__list">
          {entries.map((entry) => (
            <PartnerCard key={entry.key} entry={entry} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function resultMessage(shown: number, total: number, filtered: boolean): string {
  if (total === 0) return "Er zijn op dit moment geen erkende partnerorganisaties.";
  if (shown === 0) return "Geen erkende partnerorganisaties voor deze keuze.";
  const found = shown === 1 ? "1 erkende partnerorganisatie" : `${shown} erkende partnerorganisaties`;
  return filtered ? `${found} gevonden (van ${total}).` : `${found}.`;
}

function PartnerCard({ entry }: { entry: PartnerRegisterEntry }) {
  return (
    <li className="card partner-card">
      <h2>{entry.name}</h2>
      <dl className="facts">
        <dt>Erkenningsperiode</dt>
        <dd>{entry.upcoming ? `${entry.period} (nog niet gestart)` : entry.period}</dd>
        {entry.website ? (
          <>
            <dt>Website</dt>
            <dd>
              <a href={entry.website} rel="noopener noreferrer">
                {entry.website}
              </a>
            </dd>
          </>
        ) : null}
        {SHOWN.map((dimension) => (
          <DimensionFact key={dimension} heading={DIMENSION_HEADINGS[dimension]} labels={entry.labels[dimension]} />
        ))}
      </dl>
      {entry.offer ? (
        <>
          <h3>Aanbod voor lokale besturen</h3>
          <p className="prose">{entry.offer}</p>
        </>
      ) : null}
    </li>
  );
}

function DimensionFact({ heading, labels }: { heading: string; labels: string[] }) {
  if (labels.length === 0) return null;
  return (
    <>
      <dt>{heading}</dt>
      <dd>
        <ul className="partner-card__values">
          {labels.map((label) => (
            <li key={label}>{label}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}
