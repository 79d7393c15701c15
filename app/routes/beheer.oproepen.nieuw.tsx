import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/viewer.server";
import { callEditorOptions, createCall } from "~/calls/call-admin.server";
import { callFormSchema, callFormToInput, callFormValuesFromInput, formRefValue, rubricRows, type CallFormValues } from "~/calls/call-form";
import { CallEditor } from "~/components/call-editor";
import { rubricFor } from "~/review/rubric";
import { now } from "~/utils/clock.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { brusselsDate } from "~/utils/time-format";
import { redirectWithNotice } from "~/utils/notice.server";

export const meta: MetaFunction = () => [{ title: "Oproep toevoegen | Beheer | Subsidieportaal AgII" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const options = await callEditorOptions();
  const programmeId = new URL(request.url).searchParams.get("programma");
  const form = options.forms[0];
  const today = brusselsDate(now());
  const programme = options.programmes.find((p) => p.id === programmeId);
  // A new call starts from today's date, the default criteria of the first form and the letter
  // texts of the programme (the editor fills them in once a programme is chosen).
  const values: CallFormValues = {
    programmeId: programme?.id ?? "",
    title: "",
    description: "",
    year: today.slice(0, 4),
    opensDate: today,
    opensTime: "00:00",
    closesDate: "",
    closesTime: "23:59",
    decisionDate: "",
    decisionTime: "",
    eligibleKinds: [],
    budget: "",
    formVersion: form ? formRefValue(form) : "",
    rubric: rubricRows(rubricFor(form?.key ?? "", {})),
    ratePerLearner: "",
    maxLearners: "",
    amountPerPlan: "",
    recognitionStartsOn: "",
    changeNote: "",
    ...(programme?.letter ?? {}),
  };
  return { options, values };
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const post = await readFormPost(request);
  const parsed = post.parse(callFormSchema);
  const values = callFormValuesFromInput(post.input(callFormSchema));
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, values }, { status: 400 });
  const result = await createCall(viewer, callFormToInput(parsed.data));
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values }, { status: 400 });
  throw await redirectWithNotice(`/beheer/oproepen/${result.callId}`, "De oproep is aangemaakt.");
}

export default function NewCallPage() {
  const { options, values } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <section>
      <p>
        <Link to="/beheer/oproepen">Terug naar de oproepen</Link>
      </p>
      <h1>Oproep toevoegen</h1>
      <CallEditor
        key={failure ? JSON.stringify(failure.errors) : "new"}
        mode="create"
        values={failure?.values ?? values}
        serverErrors={failure?.errors}
        options={options}
        submitLabel="Oproep aanmaken"
      />
    </section>
  );
}
