import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { PROGRAMME_KIND_LABELS } from "~/programmes/programme-form";
import { listProgrammes } from "~/programmes/programmes.server";
import { lookup } from "~/utils/guards";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Programma's | Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  return { programmes: await listProgrammes() };
}

export default function ProgrammesPage() {
  const { programmes } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Programma's</h1>
      <p>Een programma bundelt de oproepen van één regeling: code, rechtsgrond en wat een beslissing betekent.</p>
      <p>
        <Link to="/beheer/programmas/nieuw" className="button">
          Programma toevoegen
        </Link>
      </p>
      <TableRegion label="Programma's">
        <table>
          <caption className="visually-hidden">Programma's</caption>
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Naam</th>
              <th scope="col">Soort</th>
              <th scope="col" className="amount">
                Oproepen
              </th>
            </tr>
          </thead>
          <tbody>
            {programmes.map((programme) => (
              <tr key={programme.id}>
                <td className="reference">{programme.code}</td>
                <td>
                  <Link to={`/beheer/programmas/${programme.id}`}>{programme.name}</Link>
                </td>
                <td>{lookup(PROGRAMME_KIND_LABELS, programme.kind) ?? programme.kind}</td>
                <td className="amount">{programme.calls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
