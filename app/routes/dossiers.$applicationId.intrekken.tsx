import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SubmitButton } from "~/components/submit-button";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { withdrawApplication } from "~/applications/submission.server";
import { requireApplicationAccess, requireDossierAccess } from "~/auth/viewer.server";
import { TextAreaField } from "~/components/admin-fields";
import { ErrorSummary, useZodForm } from "~/components/forms";
import { withdrawFormSchema } from "~/applications/withdraw-form";
import { readFormPost } from "~/utils/read-form-post.server";

export const meta: MetaFunction = () => [{ title: "Aanvraag intrekken | Subsidieportaal AgII" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { dossier } = await requireDossierAccess(request, params.applicationId ?? "", "edit");
  return { id: dossier.id, reference: dossier.reference, callTitle: dossier.call.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, application } = await requireApplicationAccess(request, params.applicationId ?? "", "edit");
  const post = await readFormPost(request);
  const parsed = post.parse(withdrawFormSchema);
  if (!parsed.ok) return data({ message: null, errors: parsed.errors, reason: parsed.values.reason ?? "" }, { status: 400 });
  const result = await withdrawApplication({ viewer, applicationId: application.id, reason: parsed.data.reason || undefined });
  if (!result.ok) return data({ message: result.message, errors: {}, reason: parsed.data.reason ?? "" }, { status: 409 });
  throw redirect(`/dossiers/${application.id}`);
}

const LABELS = { reason: "Reden" };

export default function WithdrawPage() {
  const dossier = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useZodForm(withdrawFormSchema, {
    defaultValues: { reason: actionData?.reason ?? "" },
    serverErrors: actionData?.errors,
  });
  return (
    <section>
      <h1>Aanvraag intrekken</h1>
      <ErrorSummary errors={form.errors} labels={LABELS} attempt={form.attempt} />
      {actionData?.message ? (
        <p className="notice notice--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      <p>
        U trekt de aanvraag {dossier.reference ? `${dossier.reference} ` : ""}voor “{dossier.callTitle}” in. Het agentschap behandelt ze dan
        niet. Dit kan niet ongedaan gemaakt worden.
      </p>
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextAreaField label={LABELS.reason} rows={3} {...form.field("reason")} />
        <div className="wizard-actions">
          <SubmitButton busyLabel="Bezig met intrekken…" className="button button--danger">
            Aanvraag definitief intrekken
          </SubmitButton>
          <Link to={`/dossiers/${dossier.id}`}>Annuleren</Link>
        </div>
      </Form>
    </section>
  );
}
