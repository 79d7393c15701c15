import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { applicationDetail } from "~/applications/applications.server";
import { withdrawApplication } from "~/applications/submission.server";
import { requireApplicationAccess } from "~/auth/viewer.server";

export const meta: MetaFunction = () => [{ title: "Aanvraag intrekken | Subsidieportaal AgII" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireApplicationAccess(request, params.applicationId ?? "", "edit");
  const detail = await applicationDetail(application.id);
  return { id: detail.id, reference: detail.reference, callTitle: detail.callTitle };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, application } = await requireApplicationAccess(request, params.applicationId ?? "", "edit");
  const formData = await request.formData();
  const reason = String(formData.get("reason") ?? "").slice(0, 1000);
  const result = await withdrawApplication({ viewer, applicationId: application.id, reason: reason || undefined });
  if (!result.ok) return data({ message: result.message, reason }, { status: 409 });
  throw redirect(`/dossiers/${application.id}`);
}

export default function WithdrawPage() {
  const dossier = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>Aanvraag intrekken</h1>
      {actionData?.message ? (
        <p className="notice notice--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      <p>
        U trekt de aanvraag {dossier.reference ? `${dossier.reference} ` : ""}voor “{dossier.callTitle}” in. Het agentschap
        behandelt ze dan niet. Dit kan niet ongedaan gemaakt worden.
      </p>
      <Form method="post" className="stack">
        <div className="field">
          <label htmlFor="reden">
            Reden <span className="optional">(optioneel)</span>
          </label>
          <textarea id="reden" name="reason" rows={3} defaultValue={actionData?.reason ?? ""} />
        </div>
        <div className="wizard-actions">
          <button type="submit" className="button button--danger">
            Aanvraag definitief intrekken
          </button>
          <Link to={`/dossiers/${dossier.id}`}>Annuleren</Link>
        </div>
      </Form>
    </section>
  );
}
