import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { receiptPage } from "~/applications/wizard.server";
import { requireDossierAccess } from "~/auth/viewer.server";
import { DossierSections } from "~/components/dossier-sections";
import { PrintButton } from "~/components/print-button";
import { formatCents } from "~/utils/money";
import { formatTimestamp } from "~/utils/time-format";

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
      <p className="no-print">
        <PrintButton /> <Link to={`/dossiers/${receipt.header.id}`}>Naar het dossier</Link>
      </p>
      <h2 className="print-break">Inhoud van de aanvraag</h2>
      <DossierSections applicationId={receipt.header.id} sections={receipt.sections} editable={false} />
    </section>
  );
}
