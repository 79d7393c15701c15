import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { LegalPage } from "~/components/legal-page";
import { AGENCY, AGENCY_POSTAL_ADDRESS } from "~/legal/agency";
import { retentionFacts } from "~/legal/retention.server";

export const meta: MetaFunction = () => [{ title: "Privacyverklaring | Subsidieportaal AgII" }];

// Public: no login. The periods the portal enforces come from the code that enforces them.
export function loader() {
  return { retention: retentionFacts() };
}

/** One kind of data: what, why, how long. */
function Processing({ title, what, why, howLong }: { title: string; what: ReactNode; why: ReactNode; howLong: ReactNode }) {
  return (
    <section className="legal__processing">
      <h3>{title}</h3>
      <dl className="facts">
        <dt>Welke gegevens</dt>
        <dd>{what}</dd>
        <dt>Waarom</dt>
        <dd>{why}</dd>
        <dt>Hoe lang</dt>
        <dd>{howLong}</dd>
      </dl>
    </section>
  );
}

export default function PrivacyPage() {
  const { retention } = useLoaderData<typeof loader>();
  return (
    <LegalPage title="Privacyverklaring">
      <p className="intro">
        Het {AGENCY.name} ({AGENCY.shortName}) verwerkt in dit subsidieportaal persoonsgegevens van de ambtenaren en medewerkers die
        aanvragen indienen, en van de eigen medewerkers die ze beoordelen. Hier leest u welke gegevens dat zijn, waarom, hoe lang we ze
        bewaren, wie ze ziet en welke rechten u hebt.
      </p>

      <h2>Wie is verantwoordelijk?</h2>
      <p>
        Het {AGENCY.name}, {AGENCY_POSTAL_ADDRESS}, is de verwerkingsverantwoordelijke. Voor vragen over uw gegevens kunt u terecht bij de
        functionaris voor gegevensbescherming: <a href={`mailto:${AGENCY.dpo.email}`}>{AGENCY.dpo.email}</a>.
      </p>

      <h2>Op welke grond?</h2>
      <p>
        Het agentschap behandelt subsidieaanvragen en erkenningen als taak van algemeen belang die de decreten over integratie en
        inburgering en over de preventie van radicalisering en polarisering het toevertrouwen (artikel 6, lid 1, e van de Algemene
        Verordening Gegevensbescherming, AVG). Een account, de beveiliging van het portaal en de e-mails die het verstuurt, zijn nodig om
        die taak uit te voeren.
      </p>

      <h2>Welke gegevens, waarom en hoe lang</h2>
      <Processing
        title="Uw account"
        what={
          <>
            Voornaam, familienaam, e-mailadres, telefoonnummer (als u het opgeeft), de organisaties waarvoor u werkt, uw rol bij het
            agentschap, het tijdstip van uw laatste aanmelding en uw keuze om e-mails over dossiers te ontvangen. Uw wachtwoord bewaren we
            niet, alleen een versleutelde afgeleide (scrypt-hash) waaruit het niet terug te halen is.
          </>
        }
        why="U aanmelden, u laten werken namens uw organisatie, en u berichten sturen over de dossiers van die organisatie."
        howLong={
          <>
            Zolang uw account bestaat. Een account wordt niet gewist maar gedeactiveerd (met de reden erbij), omdat de audittrail van
            dossiers ernaar verwijst: zo blijft zichtbaar wie wat deed.
          </>
        }
      />
      <Processing
        title="Aanmelden en sessies"
        what={
          <>
            Eén cookie, <code>__session</code>: het nummer van uw sessie en de organisatie waarvoor u werkt. Het portaal gebruikt geen
            cookies voor statistieken, reclame of volgen, en laadt niets van andere websites.
          </>
        }
        why="Weten dat u aangemeld bent, zonder dat iemand met een gekopieerde cookie verder kan na het afmelden."
        howLong={
          <>
            Een sessie loopt {retention.session} en stopt eerder als u zich afmeldt, uw wachtwoord wijzigt of uw account wordt
            gedeactiveerd. Verlopen sessies worden om de {retention.tidyInterval} gewist.
          </>
        }
      />
      <Processing
        title="Uitnodigingen en wachtwoordherstel"
        what="Het e-mailadres waarnaar de link ging, wie uitnodigde, wanneer de link gebruikt werd. Van de link zelf bewaren we alleen een hash."
        why="U toegang geven tot het portaal en uw wachtwoord laten herstellen."
        howLong={
          <>
            Een link voor wachtwoordherstel werkt {retention.passwordResetLink}, een uitnodiging {retention.invitationLink}. De gegevens
            over de link blijven daarna bewaard als spoor van wie toegang kreeg.
          </>
        }
      />
      <Processing
        title="Dossiers en bijlagen"
        what={
          <>
            Alles wat uw organisatie in een aanvraag invult: onder meer de contactpersoon (naam, functie, e-mailadres, telefoonnummer), het
            rekeningnummer, de begroting en de bijlagen die u oplaadt. Daarnaast de vragen van het agentschap en uw antwoorden, de
            beoordeling (scores en motivering), interne notities van de medewerkers en de beslissing met haar motivering en
            beslissingsbrief.
          </>
        }
        why="De aanvraag behandelen, erover beslissen, de subsidie uitbetalen en later controleren hoe ze besteed werd."
        howLong={
          <>
            Het portaal wist dossiers niet automatisch: ze blijven bewaard zolang de subsidie of erkenning gecontroleerd kan worden, en
            daarna volgens de archiefregels van het agentschap. Een bijlage die u uit een concept verwijdert, verdwijnt uit uw aanvraag,
            maar het bestand blijft bewaard als bewijs van wat er gebeurde. Een upload die onderbroken werd, wordt na{" "}
            {retention.staleUpload} gewist.
          </>
        }
      />
      <Processing
        title="Audittrail"
        what="Wie wat deed in een dossier en wanneer: indienen, bewaren, toewijzen, beoordelen, beslissen, bijlagen opladen of downloaden, met de waarde ervoor en erna."
        why="Kunnen aantonen dat elk dossier correct en door de juiste persoon behandeld werd."
        howLong="Zo lang als het dossier. De audittrail kan niet gewijzigd of gewist worden, ook niet door beheerders."
      />
      <Processing
        title="E-mails van het portaal"
        what="Van elk bericht dat het portaal verstuurt: het adres, het onderwerp, de tekst, de bijlagen (zoals een beslissingsbrief) en of de mailserver het aannam."
        why={
          <>
            Kunnen aantonen dat u een bericht kreeg, en het u opnieuw laten lezen onder <Link to="/mijn-e-mails">Mijn e-mails</Link>.
          </>
        }
        howLong="Het portaal wist verstuurde e-mails niet automatisch; ze blijven bewaard zolang het dossier waarover ze gaan."
      />
      <Processing
        title="Beveiliging"
        what="Het IP-adres van wie het portaal gebruikt, met het aantal verzoeken van dat adres in de voorbije minuut. Bij een onverwachte fout: het tijdstip, de gevraagde pagina en een referentie, in het logboek van de server."
        why="Het portaal beschermen tegen het raden van wachtwoorden en tegen overbelasting, en fouten kunnen opsporen."
        howLong={<>De tellers per IP-adres gelden een minuut en worden daarna om de {retention.tidyInterval} gewist.</>}
      />
      <p>
        Het openbare register van <Link to="/partnerorganisaties">erkende partnerorganisaties</Link> toont alleen gegevens van organisaties
        (naam, thema's, regio's, erkenningsperiode), geen namen van personen.
      </p>

      <h2>Wie ziet uw gegevens?</h2>
      <ul>
        <li>uw collega's die lid zijn van dezelfde organisatie in het portaal: zij zien de dossiers van die organisatie;</li>
        <li>de medewerkers van het agentschap die de dossiers beoordelen, erover beslissen of het portaal beheren;</li>
        <li>instanties die een wet daartoe het recht geeft, zoals wie de besteding van subsidies controleert.</li>
      </ul>
      <p>Het agentschap verkoopt uw gegevens niet en geeft ze niet voor andere doelen door.</p>

      <h2>Uw rechten</h2>
      <p>U hebt het recht om:</p>
      <ul>
        <li>uw gegevens in te zien en een kopie te krijgen;</li>
        <li>onjuiste gegevens te laten verbeteren;</li>
        <li>
          gegevens te laten wissen of de verwerking te laten beperken, voor zover het agentschap ze niet meer nodig heeft voor een dossier
          of de controle ervan;
        </li>
        <li>bezwaar te maken tegen een verwerking.</li>
      </ul>
      <p>
        Mail daarvoor naar de functionaris voor gegevensbescherming, <a href={`mailto:${AGENCY.dpo.email}`}>{AGENCY.dpo.email}</a>. U krijgt
        binnen een maand antwoord. Bent u niet tevreden over het antwoord, dan kunt u klacht indienen bij de Vlaamse Toezichtcommissie voor
        de verwerking van persoonsgegevens.
      </p>
      <p>Deze privacyverklaring werd laatst bijgewerkt op 2 december 2026.</p>
    </LegalPage>
  );
}
