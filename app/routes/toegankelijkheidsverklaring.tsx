import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { LegalPage } from "~/components/legal-page";
import { ACCESSIBILITY_STATEMENT } from "~/legal/accessibility";
import { AGENCY } from "~/legal/agency";
import { formatDate } from "~/utils/time-format";
import { publicUrl } from "~/utils/url.server";

export const meta: MetaFunction = () => [{ title: "Toegankelijkheidsverklaring | Subsidieportaal AgII" }];

// Public: no login. Follows the Flemish government's model statement; the facts are in app/legal/accessibility.ts.
export function loader({ request }: LoaderFunctionArgs) {
  return { siteUrl: publicUrl(request, "/") };
}

export default function AccessibilityStatementPage() {
  const { siteUrl } = useLoaderData<typeof loader>();
  const statement = ACCESSIBILITY_STATEMENT;
  return (
    <LegalPage title="Toegankelijkheidsverklaring">
      <p className="intro">
        Het {AGENCY.name} streeft ernaar zijn websites toegankelijk te maken, overeenkomstig het bestuursdecreet van 7 december 2018 en de
        Europese richtlijn (EU) 2016/2102 van het Europees Parlement en de Raad van 26 oktober 2016 inzake de toegankelijkheid van de
        websites en mobiele applicaties van overheidsinstanties.
      </p>
      <p>
        Deze toegankelijkheidsverklaring is van toepassing op het subsidieportaal, <span className="hash">{siteUrl}</span>.
      </p>

      <h2>Nalevingsstatus</h2>
      <p>
        Dit portaal is <strong>{statement.status}</strong> met {statement.standard}. De niet-conforme onderdelen staan hieronder.
      </p>

      <h2>Niet-toegankelijke inhoud</h2>
      <p>De onderstaande inhoud is niet toegankelijk omdat ze de toegankelijkheidsvoorschriften niet naleeft.</p>
      {statement.knownProblems.map((problem) => (
        <section key={problem.title} className="legal__problem">
          <h3>{problem.title}</h3>
          <p>{problem.description}</p>
          <p>Succescriteria van WCAG 2.1: {problem.criteria.join(", ")}.</p>
          <p>
            <strong>Wat u intussen kunt doen:</strong> {problem.alternative}
          </p>
        </section>
      ))}
      <p>
        Onevenredige last: het agentschap roept geen onevenredige last in. Buiten het toepassingsgebied: de bijlagen die aanvragers zelf
        opladen (zoals meerjarenplannen en begrotingen) zijn documenten van de aanvragers; het agentschap kan hun toegankelijkheid niet
        waarborgen.
      </p>

      <h2>Opstelling van deze verklaring</h2>
      <p>
        Deze verklaring werd opgesteld op {formatDate(statement.drawnUpOn)}. De gebruikte methode is {statement.method}
      </p>
      <p>De verklaring werd voor het laatst herzien op {formatDate(statement.reviewedOn)}.</p>

      <h2>Feedback en contactgegevens</h2>
      <p>
        Stuit u op een probleem met de toegankelijkheid van dit portaal, of hebt u informatie uit het portaal nodig in een andere vorm? Meld
        het via <a href={`mailto:${AGENCY.accessibility.email}`}>{AGENCY.accessibility.email}</a> of bel{" "}
        <a href={`tel:${AGENCY.helpdesk.phone.replace(/\s/g, "")}`}>{AGENCY.helpdesk.phoneDisplay}</a> ({AGENCY.helpdesk.hours}). Vermeld:
      </p>
      <ul>
        <li>het adres van de pagina (of de naam van het document);</li>
        <li>wat u probeerde te doen en wat er misliep;</li>
        <li>welk hulpmiddel u gebruikt, zoals een schermlezer of vergroting, als u dat wilt delen.</li>
      </ul>
      <p>
        We bevestigen dat we uw melding ontvangen hebben, zoeken een oplossing en bezorgen u intussen de informatie die u nodig hebt op een
        andere manier. Andere contactgegevens vindt u op de <Link to="/contact">contactpagina</Link>.
      </p>

      <h2>Handhavingsprocedure</h2>
      <p>
        Bent u niet tevreden over de manier waarop het agentschap op uw melding of verzoek reageert? Dan kunt u klacht indienen bij de
        Vlaamse Ombudsdienst.
      </p>
    </LegalPage>
  );
}
