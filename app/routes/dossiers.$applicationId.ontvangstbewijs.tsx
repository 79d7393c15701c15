import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { receiptPage } from "~/applications/wizard.server";
import { requireDossierAccess } from "~/auth/viewer.server";
import { DossierSections } from "~/components/dossier-sections";
import { PrintButton } from "~/components/print-button";
import { formatCents } from "~/utils/money";
import { formatDate, formatTimestamp } from "~/utils/time-format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Ontvangstbewijs ${data?.reference ?? ""} | Subsidieportaal AgII` },
];

// Every submit at a deadline lands here: a few at a time, beside the submits (server/admission.js).
export const handle = { queuedReads: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { dossier: application } = await requireDossierAccess(request, params.applicationId ?? "");
  const receipt = await receiptPage(application.id, application);
  if (!receipt) throw redirect(`/dossiers/${application.id}/overzicht`);
  return receipt;
}

export default function ReceiptPage() {
  const receipt = useLoaderData<typeof loader>();
  return (
    <section className="receipt">
      <h1>Ontvangstbewijs {receipt.reference}</h1>
      <dl className="facts">
        <dt>Referentienummer</dt>
        <dd>{receipt.reference}</dd>
        <dt>Aanvraag</dt>
        <dd>{receipt.header.formTitle}</dd>
        <dt>Oproep</dt>
        <dd>{receipt.header.callTitle}</dd>
        <dt>Organisatie</dt>
        <dd>{receipt.header.organisationName}</dd>
        <dt>Verstuurd op</dt>
        <dd>{formatTimestamp(receipt.submittedAt)} (Belgische tijd)</dd>
        {receipt.submittedBy ? (
          <>
            <dt>Verstuurd door</dt>
            <dd>{receipt.submittedBy}</dd>
          </>
        ) : null}
        {receipt.requestedCents !== null ? (
          <>
            <dt>Gevraagd bedrag</dt>
            <dd>{formatCents(receipt.requestedCents)}</dd>
          </>
        ) : null}
        <dt>Controlecode (SHA-256 van de inhoud)</dt>
        <dd>
          <code className="hash">{receipt.contentHash}</code>
        </dd>
      </dl>
      <section aria-labelledby="wat-nu">
        <h2 id="wat-nu">Wat gebeurt er nu?</h2>
        <p>
          {receipt.decisionDueAt
            ? `Het agentschap beoordeelt uw aanvraag. Het beslist uiterlijk op ${formatDate(receipt.decisionDueAt)}.`
            : "Het agentschap beoordeelt uw aanvraag. Voor deze oproep is nog geen beslissingsdatum vastgelegd: het agentschap laat u weten wanneer het beslist."}
        </p>
        <p>
          Bij elke wijziging van de status van uw dossier krijgt u een e-mail: wanneer de beoordeling begint, als het agentschap bijkomende
          informatie vraagt en wanneer de beslissing genomen is. U volgt de stand van zaken ook op de pagina van het dossier.
        </p>
      </section>
      <p className="no-print">
        <PrintButton /> <Link to={`/dossiers/${receipt.header.id}`}>Naar het dossier</Link>
      </p>
      <h2 className="print-break">Inhoud van de aanvraag</h2>
      <DossierSections applicationId={receipt.header.id} sections={receipt.sections} editable={false} />
    </section>
  );
}
