import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { LegalPage } from "~/components/legal-page";
import { AGENCY, AGENCY_POSTAL_ADDRESS } from "~/legal/agency";

export const meta: MetaFunction = () => [{ title: "Contact | Subsidieportaal AgII" }];

// Public: no login, no loader; the details come from app/legal/agency.ts.
export default function ContactPage() {
  const { helpdesk } = AGENCY;
  return (
    <LegalPage title="Contact">
      <p className="intro">
        Hebt u een vraag over een oproep, over uw dossier of over het portaal? Neem contact op met het {helpdesk.name} van het {AGENCY.name}
        .
      </p>
      <dl className="facts">
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${helpdesk.email}`}>{helpdesk.email}</a>
        </dd>
        <dt>Telefoon</dt>
        <dd>
          <a href={`tel:${helpdesk.phone.replace(/\s/g, "")}`}>{helpdesk.phoneDisplay}</a>, {helpdesk.hours}
        </dd>
        <dt>Adres</dt>
        <dd>
          {AGENCY.name}, {helpdesk.name}
          <br />
          {AGENCY_POSTAL_ADDRESS}
        </dd>
      </dl>
      <h2>Wat vermeldt u best?</h2>
      <ul>
        <li>de naam van uw organisatie;</li>
        <li>het dossiernummer (bijvoorbeeld OEF-2026-0001) als uw vraag over een dossier gaat;</li>
        <li>bij een foutmelding: de referentie die op de foutpagina staat.</li>
      </ul>
      <p>
        Antwoordt u op een e-mail van het portaal, dan komt uw antwoord bij de contactpersoon die onderaan die e-mail staat. U kunt ook
        altijd mailen naar <a href={`mailto:${helpdesk.email}`}>{helpdesk.email}</a>.
      </p>
      <h2>Andere vragen</h2>
      <ul>
        <li>
          Over uw persoonsgegevens: de functionaris voor gegevensbescherming, <a href={`mailto:${AGENCY.dpo.email}`}>{AGENCY.dpo.email}</a>{" "}
          (zie de <Link to="/privacyverklaring">privacyverklaring</Link>).
        </li>
        <li>
          Over de toegankelijkheid van het portaal: <a href={`mailto:${AGENCY.accessibility.email}`}>{AGENCY.accessibility.email}</a> (zie
          de <Link to="/toegankelijkheidsverklaring">toegankelijkheidsverklaring</Link>).
        </li>
      </ul>
    </LegalPage>
  );
}
