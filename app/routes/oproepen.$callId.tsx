import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { eligibilityFor, startApplication } from "~/applications/drafts.server";
import { getViewer, notFound, requireActiveOrganisation } from "~/auth/viewer.server";
import { CALL_PHASE_LABELS } from "~/calls/call-state";
import { callDetail } from "~/calls/calls.server";
import { Countdown } from "~/components/countdown";
import { Markdown } from "~/components/markdown";
import { ORGANISATION_KIND_LABELS } from "~/domain/organisation";
import { now } from "~/utils/clock.server";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatCents } from "~/utils/money";
import { formatDateTime } from "~/utils/time-format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.call.title ?? "Oproep"} | Subsidieportaal AgII` }];

// The call is public; what the viewer can do with it depends on their active organisation.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const call = await callDetail(params.callId ?? "");
  if (!call) notFound("Deze oproep bestaat niet.");
  const viewer = await getViewer(request);
  const organisation = viewer?.memberships.find((m) => m.organisationId === viewer.activeOrganisationId) ?? null;
  const eligibility = viewer && organisation ? await eligibilityFor(viewer, call.id) : null;
  return { call, serverNow: now().toISOString(), loggedIn: viewer !== null, organisationName: organisation?.name ?? null, eligibility };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer } = await requireActiveOrganisation(request);
  await readFormPost(request); // the start button's (empty) form; anything else is refused
  const result = await startApplication(viewer, params.callId ?? "");
  if (!result.ok) return data({ message: result.message }, { status: 403 });
  throw redirect(result.existing ? `/dossiers/${result.applicationId}` : `/dossiers/${result.applicationId}/stap/${result.firstStepId}`);
}

export default function CallPage() {
  const { call, serverNow, loggedIn, organisationName, eligibility } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <p className="eyebrow">{call.programmeName}</p>
      <h1>{call.title}</h1>
      {call.isDemo ? <p className="notice notice--warning">Dit is een demonstratieronde: niet voor echte aanvragen.</p> : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <span className={`status status--${call.phase}`}>{CALL_PHASE_LABELS[call.phase]}</span>
        </dd>
        <dt>Open vanaf</dt>
        <dd>{formatDateTime(call.opensAt)}</dd>
        <dt>Indienen tot</dt>
        <dd>
          {formatDateTime(call.closesAt)}
          {call.phase === "open" ? (
            <>
              {" "}
              (<Countdown until={call.closesAt} serverNow={serverNow} />)
            </>
          ) : null}
        </dd>
        {call.decisionDueAt ? (
          <>
            <dt>Beslissing uiterlijk</dt>
            <dd>{formatDateTime(call.decisionDueAt)}</dd>
          </>
        ) : null}
        <dt>Wie kan aanvragen</dt>
        <dd>{call.eligibleKinds.map((kind) => ORGANISATION_KIND_LABELS[kind]).join(", ")}</dd>
        {call.budgetCents !== null ? (
          <>
            <dt>Budget van de oproep</dt>
            <dd>{formatCents(call.budgetCents)}</dd>
          </>
        ) : null}
      </dl>
      <Markdown text={call.description} />

      <h2>Aanvragen</h2>
      {actionData?.message ? (
        <p className="notice notice--error" role="alert">
          {actionData.message}
        </p>
      ) : null}
      {!loggedIn ? (
        <p>
          <Link to={`/aanmelden?redirectTo=/oproepen/${call.id}`}>Meld u aan</Link> om een aanvraag te starten.
        </p>
      ) : !eligibility ? (
        <p>U bent nog geen lid van een organisatie. Vraag een collega om u uit te nodigen.</p>
      ) : eligibility.kind === "existing" ? (
        <p>
          {organisationName} heeft al een dossier voor deze oproep.{" "}
          <Link to={`/dossiers/${eligibility.applicationId}`}>Naar het dossier</Link>
        </p>
      ) : eligibility.kind === "cannot" ? (
        <p className="notice notice--warning">{eligibility.message}</p>
      ) : (
        <Form method="post">
          <p>U start een aanvraag namens {organisationName}. Uw collega's van deze organisatie kunnen mee invullen.</p>
          <button type="submit" className="button">
            Aanvraag starten
          </button>
        </Form>
      )}
    </section>
  );
}
