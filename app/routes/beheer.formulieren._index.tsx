import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formVersionsOverview } from "~/admin/form-versions.server";
import { requireStaff } from "~/auth/viewer.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Formulieren | Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return { versions: await formVersionsOverview() };
}

export default function FormVersionsPage() {
  const { versions } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Formulieren</h1>
      <p>
        Elke oproep gebruikt één formulierversie. Een versie verandert nooit: een wijziging is een nieuwe versie, en een dossier houdt de
        versie waarmee het begon. Versies in de code hebben regels en berekeningen; opgeslagen versies zijn gegevens (JSON) die u hier
        toevoegt.
      </p>
      <p>
        <Link to="/beheer/formulieren/nieuw" className="button">
          Versie toevoegen
        </Link>
      </p>
      <TableRegion label="Formulierversies">
        <table>
          <caption className="visually-hidden">Formulierversies</caption>
          <thead>
            <tr>
              <th scope="col">Formulier</th>
              <th scope="col">Sleutel</th>
              <th scope="col" className="amount">
                Versie
              </th>
              <th scope="col">Bron</th>
              <th scope="col" className="amount">
                Oproepen
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={`${version.key}@${version.version}`}>
                <td>
                  <Link to={`/beheer/formulieren/${version.key}/${version.version}`}>{version.title}</Link>
                </td>
                <td>
                  <code>{version.key}</code>
                </td>
                <td className="amount">{version.version}</td>
                <td>{version.stored ? "Opgeslagen (JSON)" : "In de code"}</td>
                <td className="amount">{version.calls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
