import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SubmitButton } from "~/components/submit-button";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { SUBMISSION_MESSAGES, submitApplication } from "~/applications/submission.server";
import { summaryPage } from "~/applications/wizard.server";
import { requireDossierAccess } from "~/auth/viewer.server";
import { DossierSections } from "~/components/dossier-sections";
import { DeadlineNotice, WizardSteps } from "~/components/wizard";
import { arrivalTime } from "~/utils/clock.server";
import { formatCents } from "~/utils/money";
import { readFormPost } from "~/utils/read-form-post.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Overzicht | ${data?.header.formTitle ?? "Aanvraag"} | Subsidieportaal AgII` },
];

// The submit button: at a deadline a hundred officials press it at once (server/admission.js).
export const handle = { queuedPosts: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  return summaryPage(viewer, dossier.id, dossier);
}

/** The submit button's form: the version of the dossier the page showed. */
const submitSchema = z.object({ baseVersion: z.coerce.number() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, dossier: application } = await requireDossierAccess(request, params.applicationId ?? "", "edit");
  const parsed = (await readFormPost(request)).parse(submitSchema);
  // A missing or garbled version never matches the dossier's: the submission is then refused as stale.
  const result = await submitApplication({
    viewer,
    applicationId: application.id,
    baseVersion: parsed.ok ? parsed.data.baseVersion : Number.NaN,
    receivedAt: arrivalTime(context),
    loaded: application,
  });
  if (result.status === "submitted") {
    throw await redirectWithNotice(
      `/dossiers/${application.id}/ontvangstbewijs`,
      "Uw aanvraag is verstuurd. U ontvangt dit ontvangstbewijs ook per e-mail.",
    );
  }
  if (result.status === "already-submitted") throw redirect(`/dossiers/${application.id}/ontvangstbewijs`);
  if (result.status === "incomplete") return data({ message: SUBMISSION_MESSAGES.incomplete }, { status: 400 });
  return data({ message: result.message }, { status: 409 });
}

export default function SummaryPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { header, editability } = page;
  const isDraft = header.status === "DRAFT";
  return (
    <section className="wizard">
      <p className="eyebrow">
        {header.organisationName} · {header.callTitle}
      </p>
      <h1>{isDraft ? `Overzicht van uw aanvraag` : `Aanvraag ${header.reference ?? ""}`}</h1>
      {isDraft ? <DeadlineNotice closesAt={header.closesAt} serverNow={header.serverNow} extended={header.deadlineExtended} /> : null}
      {actionData?.message ? (
        <div className="notice notice--error" role="alert">
          {actionData.message}
        </div>
      ) : null}
      {/* A refused submit already said why (the same message): it is not repeated. */}
      {isDraft && !editability.editable && editability.message !== actionData?.message ? (
        <p className="notice notice--warning" role="status">
          {editability.message}
        </p>
      ) : null}
      <div className="wizard-layout">
        {isDraft && editability.editable ? <WizardSteps applicationId={header.id} steps={page.steps} currentId="overzicht" /> : null}
        <div className="wizard-main">
          <p className="print-only">
            {header.formTitle} · {header.organisationName}
          </p>
          <DossierSections applicationId={header.id} sections={page.sections} editable={isDraft && editability.editable} />
          {page.requestedCents !== null && !isDraft ? <p>Gevraagd bedrag: {formatCents(page.requestedCents)}</p> : null}
          {isDraft && editability.editable ? (
            page.complete ? (
              <Form method="post" className="submit-box">
                <h2>Indienen</h2>
                <p>
                  Na het indienen kunt u de aanvraag niet meer wijzigen. U krijgt een ontvangstbewijs met een referentienummer, ook per
                  e-mail.
                </p>
                <input type="hidden" name="baseVersion" value={page.version} />
                <SubmitButton busyLabel="Bezig met indienen…">Aanvraag indienen</SubmitButton>
              </Form>
            ) : (
              <p className="notice notice--warning">
                Uw aanvraag is nog niet volledig: vul de stappen met een opmerking hierboven aan. Daarna kunt u indienen.
              </p>
            )
          ) : null}
          <p className="no-print">
            <Link to={`/dossiers/${header.id}`}>Terug naar het dossier</Link>
          </p>
        </div>
      </div>
    </section>
  );
}
