import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import * as z from "zod/mini";
import { notFound, requireStaff } from "~/auth/viewer.server";
import { callEditorOptions, callForAdmin, updateCall } from "~/calls/call-admin.server";
import { callFormSchema, callFormToInput, callFormValuesFromInput, callToFormValues } from "~/calls/call-form";
import { CALL_PHASE_LABELS } from "~/calls/call-state";
import { CallEditor } from "~/components/call-editor";
import { readFormPost } from "~/utils/read-form-post.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.call.title ?? "Oproep"} | Beheer | Subsidieportaal AgII` },
];

const NOT_FOUND = "Deze oproep bestaat niet.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, "ADMIN");
  const call = await callForAdmin(params.callId ?? "");
  if (!call) notFound(NOT_FOUND);
  return { call, values: callToFormValues(call), options: await callEditorOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, "ADMIN");
  const call = await callForAdmin(params.callId ?? "");
  if (!call) notFound(NOT_FOUND);
  // The programme of a call does not change (its dossier references carry the code): whatever is posted, it stays.
  const schema = z.safeExtend(callFormSchema, {
    programmeId: z.pipe(
      z.catch(z.optional(z.string()), undefined),
      z.transform(() => call.programmeId),
    ),
  });
  const post = await readFormPost(request);
  const parsed = post.parse(schema);
  const values = { ...callFormValuesFromInput(post.input(schema)), programmeId: call.programmeId };
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, values }, { status: 400 });
  const result = await updateCall(viewer, call.id, callFormToInput(parsed.data));
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values }, { status: 400 });
  return { ok: true as const, message: result.message, emailsQueued: result.emailsQueued };
}

export default function EditCallPage() {
  const { call, values, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  const message = actionData?.ok ? actionData.message : null;
  return (
    <section>
      <p>
        <Link to="/beheer/oproepen">Terug naar de oproepen</Link>
      </p>
      <p className="eyebrow">
        {call.programme.code} – {call.programme.name}
      </p>
      <h1>{call.title}</h1>
      {message ? (
        <p className="notice" role="status">
          {message}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`status status--${call.phase}`}>{CALL_PHASE_LABELS[call.phase]}</span>
        </dd>
        <dt>Dossiers</dt>
        <dd>
          {call.submitted} verstuurd of verder, {call.drafts} {call.drafts === 1 ? "concept" : "concepten"}
        </dd>
        <dt>Publieke pagina</dt>
        <dd>
          <Link to={`/oproepen/${call.id}`}>Oproep bekijken zoals aanvragers ze zien</Link>
        </dd>
      </dl>
      <CallEditor
        key={actionData ? JSON.stringify(actionData) : "edit"}
        mode="edit"
        values={failure?.values ?? values}
        serverErrors={failure?.errors}
        options={options}
        facts={{ submitted: call.submitted, drafts: call.drafts, opened: call.phase !== "upcoming" }}
        submitLabel="Wijzigingen opslaan"
        letterPreviewUrl={`/beheer/oproepen/${call.id}/voorbeeldbrief`}
      />
    </section>
  );
}
