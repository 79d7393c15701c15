import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SubmitButton } from "~/components/submit-button";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { discardUploads } from "~/attachments/upload.server";
import { requireApplicationAccess, requireDossierAccess } from "~/auth/viewer.server";
import { FileField } from "~/components/file-field";
import { ErrorSummary } from "~/components/forms";
import { InformationHistory } from "~/components/information-history";
import { answerFormSchema } from "~/review/forms";
import { answerInformationRequest } from "~/review/information.server";
import { informationHistory } from "~/review/review-page.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Vraag van het agentschap beantwoorden | Subsidieportaal AgII" }];

// This route takes files: server.js allows multipart posts (up to MAX_REQUEST_BYTES) only here.
export const handle = { acceptsFiles: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { dossier } = await requireDossierAccess(request, params.applicationId ?? "", "edit");
  if (dossier.status !== "INFO_REQUESTED") throw redirect(`/dossiers/${dossier.id}`);
  return { id: dossier.id, requests: await informationHistory(dossier.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, application } = await requireApplicationAccess(request, params.applicationId ?? "", "edit");
  const post = await readFormPost(request, { files: true });
  const parsed = post.parse(answerFormSchema);
  const answer = post.values.answer ?? "";
  if (!parsed.ok) {
    await discardUploads(post.files);
    return data({ errors: parsed.errors, answer }, { status: 400 });
  }
  const result = await answerInformationRequest({ viewer, applicationId: application.id, answer: parsed.data.answer, files: post.files });
  if (!result.ok) return data({ errors: { [result.field ?? "answer"]: result.message }, answer }, { status: 409 });
  throw await redirectWithNotice(`/dossiers/${application.id}`, "Uw antwoord is verstuurd naar het agentschap.");
}

export default function AnswerPage() {
  const { id, requests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <section>
      <h1>Vraag van het agentschap beantwoorden</h1>
      <InformationHistory requests={requests} />
      <ErrorSummary errors={errors} labels={{ answer: "Uw antwoord", files: "Bijlagen" }} attempt={JSON.stringify(errors)} />
      <Form method="post" encType="multipart/form-data" className="stack" noValidate>
        <div className={errors.answer ? "field field--error" : "field"}>
          <label htmlFor="veld-answer">Uw antwoord</label>
          {errors.answer ? (
            <p className="field-error" id="veld-answer-error">
              {errors.answer}
            </p>
          ) : null}
          <textarea
            id="veld-answer"
            name="answer"
            rows={8}
            defaultValue={actionData?.answer ?? ""}
            aria-describedby={errors.answer ? "veld-answer-error" : undefined}
          />
        </div>
        <FileField name="files" label="Bijlagen bij uw antwoord" kind="pdf-or-spreadsheet" files={[]} error={errors.files} />
        <SubmitButton busyLabel="Bezig met versturen…">Antwoord versturen</SubmitButton>
      </Form>
      <p>
        <Link to={`/dossiers/${id}`}>Terug naar het dossier</Link>
      </p>
    </section>
  );
}
