import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { candidateCount } from "~/components/recognition-links";
import { STAFF_ROLES } from "~/domain/roles";
import { recognitionCallLinks } from "~/review/recognition-comparison.server";
import { formatDate } from "~/utils/time-format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Erkenningen vergelijken | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ...STAFF_ROLES);
  return { calls: await recognitionCallLinks() };
}

export default function RecognitionCallsPage() {
  const { calls } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Erkenningen: kandidaten vergelijken</h1>
      <p className="intro">
        Kies een erkenningsoproep om de kandidaat-partnerorganisaties naast elkaar te zien, met hun thema&apos;s, facetten, kanalen,
        expertise en provincies, en de overlap tussen hen.
      </p>
      {calls.length === 0 ? (
        <p>Er zijn nog geen erkenningsoproepen.</p>
      ) : (
        <TableRegion label="Erkenningsoproepen">
          <table>
            <caption>Erkenningsoproepen</caption>
            <thead>
              <tr>
                <th scope="col">Oproep</th>
                <th scope="col">Deadline</th>
                <th scope="col">Kandidaten</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((call) => (
                <tr key={call.callId}>
                  <td>
                    <Link to={`/te-beoordelen/erkenningen/${call.callId}`}>{call.title}</Link>
                  </td>
                  <td>{formatDate(call.closesAt)}</td>
                  <td>{candidateCount(call.candidates)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
