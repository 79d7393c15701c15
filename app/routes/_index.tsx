import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getViewer } from "~/auth/viewer.server";
import { listCalls } from "~/calls/calls.server";
import { homePath } from "~/domain/permissions";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await getViewer(request);
  if (viewer) throw redirect(homePath(viewer));
  const calls = await listCalls();
  return { openCalls: calls.filter((call) => call.phase === "open").length };
}

export default function HomePage() {
  const { openCalls } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>Subsidies en erkenningen voor integratie en inburgering</h1>
      <p>
        Via dit portaal vragen lokale besturen en de Vlaamse Gemeenschapscommissie subsidies aan bij het Agentschap Integratie en
        Inburgering, en vragen organisaties een erkenning aan als partnerorganisatie.
      </p>
      <ul className="cards">
        <li className="card">
          <h2>Oefenkansen Nederlands</h2>
          <p>Middelen om (extra) kwaliteitsvolle oefenkansen Nederlands te organiseren buiten de les.</p>
        </li>
        <li className="card">
          <h2>Regierol radicalisering en polarisatie</h2>
          <p>Financiering voor de lokale regierol in de preventie van gewelddadige radicalisering en schadelijke polarisatie.</p>
        </li>
        <li className="card">
          <h2>Erkenning partnerorganisaties</h2>
          <p>Erkenning van organisaties die lokale besturen ondersteunen in hun regierol.</p>
        </li>
      </ul>
      <p>
        <Link to="/oproepen">
          Bekijk de oproepen ({openCalls} {openCalls === 1 ? "oproep" : "oproepen"} nu open)
        </Link>
      </p>
      <p>
        <Link className="button" to="/aanmelden">
          Aanmelden
        </Link>
      </p>
    </section>
  );
}
