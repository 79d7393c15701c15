import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { notFound } from "~/auth/viewer.server";
import { AnswerList } from "~/components/dossier-sections";
import { InfoQuestions } from "~/components/report-questions";
import { StepForm, StepFrame, type StepFormPage } from "~/components/step-form";
import { formFor } from "~/forms/client-form";
import type { RawValues } from "~/forms/types";
import { requireReport } from "~/grants/report-route.server";
import { postReportStep, reportStepPage } from "~/grants/reports.server";
import { defined } from "~/utils/invariant";
import { readFormPost } from "~/utils/read-form-post.server";
import { isAutosave } from "~/utils/revalidation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.stepTitle} | ${data.header.title}` : "Verslag"} | Subsidieportaal AgII` },
];

// A report's step: the application wizard's form (app/components/step-form.tsx) on the report's answers.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { context } = await requireReport(request, params);
  const page = reportStepPage(context, params.stepId ?? "");
  if (!page) notFound("Deze stap bestaat niet.");
  return { ...page, stepTitle: defined(page.steps[page.stepIndex], "the page's step").title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, context } = await requireReport(request, params, "edit");
  const post = await readFormPost(request);
  const result = await postReportStep({ viewer, context, stepId: params.stepId ?? "", post });
  if (!result) notFound("Deze stap bestaat niet.");
  if (result.kind === "redirect") throw redirect(result.to);
  if (result.kind === "autosaved") return result;
  const status =
    result.outcome === "conflict" ? 409 : result.outcome === "refused" ? 403 : Object.keys(result.errors).length > 0 ? 400 : 200;
  return data(result, { status });
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  isAutosave(formData) ? false : defaultShouldRevalidate;

export default function ReportStepPage() {
  const loaded = useLoaderData<typeof loader>();
  const { header } = loaded;
  const page: StepFormPage & typeof loaded = {
    ...loaded,
    basePath: header.basePath,
    dossierPath: `/dossiers/${header.applicationId}`,
    stepsLabel: `Stappen van het verslag`,
    header: { ...header, formTitle: `${header.title}, ${header.formTitle}` },
    uploads: {},
  };
  const actionData = useActionData<typeof action>();
  const shown = actionData && actionData.kind === "shown" ? actionData : undefined;
  const form = formFor(page.formKey, page.formVersion, page.storedForm);
  const step = defined(form.steps[page.stepIndex], "the page's step");
  const values: RawValues = shown?.values ?? page.values;
  const refused = shown?.outcome === "refused" ? shown : undefined;
  if (refused || page.readOnly) {
    return (
      <StepFrame page={page} title={step.title}>
        <div className={refused ? "notice notice--error" : "notice"} role={refused ? "alert" : undefined}>
          <p>{refused?.message ?? header.message}</p>
          <p>
            {refused ? "Wat u typte, werd niet bewaard. " : null}
            <Link to={`${page.basePath}/overzicht`}>Bekijk het verslag zoals het bewaard is</Link>.
          </p>
        </div>
        {page.readOnly ? <AnswerList rows={page.readOnly.rows} computed={page.readOnly.computed} /> : null}
      </StepFrame>
    );
  }
  return (
    <>
      {header.infoQuestions ? <InfoQuestions questions={header.infoQuestions} /> : null}
      <StepForm key={shown?.revision ?? `${page.stepId}-${page.version}`} page={page} shown={shown} step={step} values={values} />
    </>
  );
}
