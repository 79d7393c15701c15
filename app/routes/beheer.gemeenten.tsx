import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { countMunicipalities, refreshMunicipalities } from "~/admin/municipalities.server";
import { requireStaff } from "~/auth/viewer.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { SubmitButton } from "~/components/submit-button";

export const meta: MetaFunction = () => [{ title: "Gemeenten bijwerken | Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return { municipalities: await countMunicipalities() };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  await readFormPost(request); // the button's (empty) form; anything else is refused
  return refreshMunicipalities(viewer);
}

const FIELD_LABELS: Record<string, string> = { name: "naam", kind: "soort", province: "provincie" };

export default function MunicipalitiesPage() {
  const { municipalities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Gemeenten bijwerken</h1>
      <p>
        Leest de lijst van de 285 Vlaamse gemeenten (toestand op 1 januari 2025, met NIS-code, naam en provincie) en brengt de organisaties
        in het portaal in overeenstemming: ontbrekende gemeenten worden toegevoegd, gewijzigde namen of provincies bijgewerkt. Niets wordt
        verwijderd; gemeenten die in een fusie zijn opgegaan blijven bestaan. U kunt dit veilig meer dan eens doen.
      </p>
      <p>Nu in het portaal: {municipalities} gemeenten (zonder de gemeenten die in een fusie zijn opgegaan).</p>
      <Form method="post">
        <SubmitButton busyLabel="Bezig met bijwerken…">Gemeenten bijwerken</SubmitButton>
      </Form>
      {result ? (
        <div role="status" className="import-result">
          <h2>Resultaat</h2>
          <ul className="cards">
            <li className="card">
              <span className="figure">{result.tally.created}</span> toegevoegd
            </li>
            <li className="card">
              <span className="figure">{result.tally.updated}</span> bijgewerkt
            </li>
            <li className="card">
              <span className="figure">{result.tally.unchanged}</span> ongewijzigd
            </li>
          </ul>
          {result.created.length > 0 ? (
            <>
              <h3>Toegevoegd</h3>
              <ul>
                {result.created.map((m) => (
                  <li key={m.nisCode}>
                    {m.name} ({m.nisCode})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.updated.length > 0 ? (
            <>
              <h3>Bijgewerkt</h3>
              <ul>
                {result.updated.map((m) => (
                  <li key={m.nisCode}>
                    {m.name} ({m.nisCode}):{" "}
                    {Object.entries(m.changes)
                      .map(([field, change]) => `${FIELD_LABELS[field] ?? field} "${change?.from ?? "—"}" → "${change?.to}"`)
                      .join(", ")}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.created.length === 0 && result.updated.length === 0 ? <p>Alle gemeenten waren al up-to-date.</p> : null}
        </div>
      ) : null}
    </section>
  );
}
