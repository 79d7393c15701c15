import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { postStep, stepPage } from "~/applications/wizard.server";
import { notFound, requireDossierAccess } from "~/auth/viewer.server";
import { AnswerList } from "~/components/dossier-sections";
import { StepForm, StepFrame, type StepFormPage } from "~/components/step-form";
import { formFor } from "~/forms/client-form";
import type { RawValues } from "~/forms/types";
import { readFormPost } from "~/utils/read-form-post.server";
import { isAutosave } from "~/utils/revalidation";
import { defined } from "~/utils/invariant";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.stepTitle} | ${data.header.formTitle}` : "Aanvraag"} | Subsidieportaal AgII` },
];

// This route takes files: server.js allows multipart posts (up to MAX_REQUEST_BYTES) only here.
export const handle = { acceptsFiles: true };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  const page = await stepPage(viewer, dossier.id, params.stepId ?? "", dossier);
  if (!page) notFound("Deze stap bestaat niet.");
  return { ...page, stepTitle: defined(page.steps[page.stepIndex], "the page's step").title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, dossier } = await requireDossierAccess(request, params.applicationId ?? "", "edit");
  const post = await readFormPost(request, { files: true });
  const result = await postStep({ viewer, applicationId: dossier.id, stepId: params.stepId ?? "", post, loaded: dossier });
  if (!result) notFound("Deze stap bestaat niet.");
  if (result.kind === "redirect") throw redirect(result.to);
  if (result.kind === "autosaved") return result;
  const status =
    result.outcome === "conflict" ? 409 : result.outcome === "refused" ? 403 : Object.keys(result.errors).length > 0 ? 400 : 200;
  return data(result, { status });
}

// An autosave changes nothing the page shows except the version, which it gets from its answer.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isAutosave(formData) ? false : defaultShouldRevalidate;

export default function StepPage() {
  const loaded = useLoaderData<typeof loader>();
  const page: StepFormPage & typeof loaded = {
    ...loaded,
    basePath: `/dossiers/${loaded.header.id}`,
    dossierPath: `/dossiers/${loaded.header.id}`,
  };
  const actionData = useActionData<typeof action>();
  const shown = actionData && actionData.kind === "shown" ? actionData : undefined;
  const form = formFor(page.formKey, page.formVersion, page.storedForm);
  const step = defined(form.steps[page.stepIndex], "the page's step");
  const values: RawValues = shown?.values ?? page.values;
  // A dossier that cannot change (submitted, past its deadline, not the viewer's) shows its
  // answers; after a refused save, the answers as typed.
  const refused = shown?.outcome === "refused" ? shown : undefined;
  const readOnly = refused?.answers ?? page.readOnly;
  if (refused || readOnly) {
    return (
      <StepFrame page={page} title={step.title}>
        <div className={refused ? "notice notice--error" : "notice"} role={refused ? "alert" : undefined}>
          <p>{refused?.message ?? (page.editability.editable ? "" : page.editability.message)}</p>
          <p>
            {refused ? "Wat u typte, staat hieronder nog; het werd niet bewaard. " : null}
            <Link to={`${page.basePath}/overzicht`}>Bekijk de aanvraag zoals ze bewaard is</Link>.
          </p>
        </div>
        {readOnly ? <AnswerList rows={readOnly.rows} computed={readOnly.computed} /> : null}
      </StepFrame>
    );
  }
  // A new answer from the server (saved, errors, conflict) starts the form from what it says.
  return <StepForm key={shown?.revision ?? `${page.stepId}-${page.version}`} page={page} shown={shown} step={step} values={values} />;
}
