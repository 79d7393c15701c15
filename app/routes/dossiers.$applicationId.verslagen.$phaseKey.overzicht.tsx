import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { DossierSections } from "~/components/dossier-sections";
import { InfoQuestions } from "~/components/report-questions";
import { SubmitButton } from "~/components/submit-button";
import { DeadlineNotice, WizardSteps } from "~/components/wizard";
import { requireReport } from "~/grants/report-route.server";
import { reportSummaryPage, submitReport } from "~/grants/reports.server";
import { arrivalTime } from "~/utils/clock.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatDateTime } from "~/utils/time-format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Overzicht | ${data?.header.title ?? "Verslag"} | Subsidieportaal AgII` },
];

// The submit button: near a report's deadline many officials press it at once (server/admission.js).
export const handle = { queuedPosts: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context } = await requireReport(request, params);
  return reportSummaryPage(context);
}

const submitSchema = z.object({ baseVersion: z.coerce.number() });

export async function action({ request, params, context: requestContext }: ActionFunctionArgs) {
  // The arrival of the request counts for the deadline, whatever it then waited for.
  const receivedAt = arrivalTime(requestContext);
  const { viewer, context } = await requireReport(request, params, "edit");
  const parsed = (await readFormPost(request)).parse(submitSchema);
  const result = await submitReport({ viewer, context, baseVersion: parsed.ok ? parsed.data.baseVersion : Number.NaN, receivedAt });
  if (result.ok) {
    throw await redirectWithNotice(
      `/dossiers/${context.dossier.id}/verslagen/${context.phase.key}/overzicht`,
      "Uw verslag is ingediend. U ontvangt een bevestiging per e-mail.",
    );
  }
  return data({ message: result.message }, { status: 409 });
}

export default function ReportSummaryPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { header } = page;
  return (
    <section className="wizard">
      <p className="eyebrow">
        {header.organisationName} · {header.callTitle}
      </p>
      <h1>
        {header.title} {header.reference ? `(dossier ${header.reference})` : ""}
      </h1>
      <p>
        Status: <span className="status">{header.statusLabel}</span>
        {page.submittedAt ? ` · ingediend op ${formatDateTime(page.submittedAt)}` : ""}
      </p>
      {header.editable ? (
        <DeadlineNotice closesAt={header.closesAt} serverNow={header.serverNow} extended={header.deadlineExtended} />
      ) : null}
      {header.infoQuestions ? <InfoQuestions questions={header.infoQuestions} /> : null}
      {actionData?.message ? (
        <div className="notice notice--error" role="alert">
          {actionData.message}
        </div>
      ) : null}
      {!header.editable && header.status === "DRAFT" && header.message !== actionData?.message ? (
        <p className="notice notice--warning" role="status">
          {header.message}
        </p>
      ) : null}
      <div className="wizard-layout">
        {header.editable ? (
          <WizardSteps
            applicationId={header.applicationId}
            basePath={header.basePath}
            label="Stappen van het verslag"
            steps={page.steps}
            currentId="overzicht"
          />
        ) : null}
        <div className="wizard-main">
          <DossierSections
            applicationId={header.applicationId}
            basePath={header.basePath}
            sections={page.sections}
            editable={header.editable}
          />
          {header.editable ? (
            page.complete ? (
              <Form method="post" className="submit-box">
                <h2>Indienen</h2>
                <p>Na het indienen kunt u het verslag niet meer wijzigen, tenzij het agentschap om bijkomende informatie vraagt.</p>
                <input type="hidden" name="baseVersion" value={page.version} />
                <SubmitButton busyLabel="Bezig met indienen…">Verslag indienen</SubmitButton>
              </Form>
            ) : (
              <p className="notice notice--warning">
                Het verslag is nog niet volledig: vul de stappen met een opmerking hierboven aan. Daarna kunt u indienen.
              </p>
            )
          ) : null}
          {page.contentHash ? <p className="hint">Controlecode: {page.contentHash}</p> : null}
          <p className="no-print">
            <Link to={`/dossiers/${header.applicationId}`}>Terug naar het dossier</Link>
          </p>
        </div>
      </div>
    </section>
  );
}
