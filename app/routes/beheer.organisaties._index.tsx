import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import * as z from "zod/mini";
import { searchOrganisations } from "~/admin/organisations.server";
import { requireStaff } from "~/auth/viewer.server";
import { SearchField, SelectField } from "~/components/admin-fields";
import { Pagination } from "~/components/admin-nav";
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  PROVINCES,
  formatKboNumber,
  organisationKindSchema,
  provinceSchema,
} from "~/domain/organisation";
import { formatDate } from "~/utils/time-format";
import { lookup } from "~/utils/guards";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Organisaties | Beheer | Subsidieportaal AgII" }];

// Filters come from the address bar: anything unknown is ignored rather than refused.
const filterSchema = z.object({
  q: z.catch(z.optional(z.string().check(z.maxLength(100))), undefined),
  soort: z.catch(z.optional(organisationKindSchema), undefined),
  provincie: z.catch(z.optional(provinceSchema), undefined),
  status: z.catch(z.optional(z.enum(["active", "merged"])), undefined),
  pagina: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000))), undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return searchOrganisations({ q: filter.q, kind: filter.soort, province: filter.provincie, status: filter.status, page: filter.pagina });
}

export default function OrganisationsPage() {
  const { organisations, total, page, pages } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <section>
      <h1>Organisaties</h1>
      <p>
        <Link to="/beheer/organisaties/nieuw" className="button">
          Partnerorganisatie toevoegen
        </Link>
      </p>
      <Form method="get" action="/beheer/organisaties" className="filters" role="search" aria-label="Organisaties zoeken">
        <SearchField name="q" label="Zoeken" hint="Naam, NIS-code of ondernemingsnummer" defaultValue={search.get("q") ?? ""} />
        <SelectField
          name="soort"
          label="Soort"
          placeholder="Alle soorten"
          defaultValue={search.get("soort") ?? ""}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: ORGANISATION_KIND_LABELS[kind] }))}
          filter
        />
        <SelectField
          name="provincie"
          label="Provincie"
          placeholder="Alle provincies"
          defaultValue={search.get("provincie") ?? ""}
          options={PROVINCES.map((province) => ({ value: province, label: province }))}
          filter
        />
        <SelectField
          name="status"
          label="Fusie"
          placeholder="Alle organisaties"
          defaultValue={search.get("status") ?? ""}
          options={[
            { value: "active", label: "Actief (niet opgegaan in een fusie)" },
            { value: "merged", label: "Opgegaan in een fusie" },
          ]}
          filter
        />
        <button type="submit" className="button">
          Zoeken
        </button>
      </Form>
      <p role="status">{total === 1 ? "1 organisatie gevonden." : `${total} organisaties gevonden.`}</p>
      <TableRegion label="Organisaties">
        <table>
          <caption className="visually-hidden">Organisaties</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col">NIS-code</th>
              <th scope="col">Ondernemingsnummer</th>
              <th scope="col">Provincie</th>
              <th scope="col" className="amount">
                Leden
              </th>
              <th scope="col">Fusie</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => (
              <tr key={organisation.id}>
                <td>
                  <Link to={`/beheer/organisaties/${organisation.id}`}>{organisation.name}</Link>
                </td>
                <td>{lookup(ORGANISATION_KIND_LABELS, organisation.kind) ?? organisation.kind}</td>
                <td>{organisation.nisCode ?? "—"}</td>
                <td>{organisation.kboNumber ? formatKboNumber(organisation.kboNumber) : "—"}</td>
                <td>{organisation.province ?? "—"}</td>
                <td className="amount">{organisation.members}</td>
                <td>
                  {organisation.successor ? (
                    <>
                      Opgegaan in <Link to={`/beheer/organisaties/${organisation.successor.id}`}>{organisation.successor.name}</Link>
                      {organisation.mergedAt ? ` op ${formatDate(organisation.mergedAt)}` : ""}
                    </>
                  ) : organisation.predecessors.length > 0 ? (
                    <>Ontstaan uit {organisation.predecessors.map((p) => p.name).join(", ")}</>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Pagination page={page} pages={pages} search={search} />
    </section>
  );
}
