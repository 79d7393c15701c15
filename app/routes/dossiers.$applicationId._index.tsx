import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { SubmitButton } from "~/components/submit-button";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { applicationDetail, forApplicant } from "~/applications/applications.server";
import { extensionFormSchema, grantExtension } from "~/applications/extensions.server";
import { statusLabel } from "~/applications/status-labels";
import { dossierActions } from "~/applications/wizard.server";
import { GrantTimeline } from "~/components/grant-timeline";
import { InformationHistory } from "~/components/information-history";
import { grantTimeline } from "~/grants/grant-page.server";
import { decisionForApplicant, informationHistory } from "~/review/review-page.server";
import { requireApplicationAccess, requireDossierAccess, requireStaff } from "~/auth/viewer.server";
import { ErrorSummary, TextField, useZodForm } from "~/components/forms";
import { DeadlineNotice } from "~/components/wizard";
import { EXTENSION_ROLES, isStaff } from "~/domain/permissions";
import { ACTOR_ROLE_LABELS } from "~/domain/roles";
import { readFormPost } from "~/utils/read-form-post.server";
import { formatCents } from "~/utils/money";
import { formatDateTime, formatPeriod, formatTimestamp } from "~/utils/time-format";
import { lookup } from "~/utils/guards";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.reference ?? "Dossier"} | Subsidieportaal AgII` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, dossier } = await requireDossierAccess(request, params.applicationId ?? "");
  const [detail, actions, information, decision, timeline] = await Promise.all([
    applicationDetail(dossier.id, dossier),
    dossierActions(viewer, dossier.id, dossier),
    informationHistory(dossier.id),
    decisionForApplicant(dossier.id, dossier),
    grantTimeline(dossier, viewer),
  ]);
  return { application: isStaff(viewer) ? detail : forApplicant(detail), actions, information, decision, timeline, staff: isStaff(viewer) };
}

const EXTENSION_LABELS = { date: "Nieuwe deadline (datum)", time: "Uur", reason: "Reden van de verlenging" };

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireStaff(request, ...EXTENSION_ROLES);
  const { application } = await requireApplicationAccess(request, params.applicationId ?? "");
  const post = await readFormPost(request);
  const parsed = post.parse(extensionFormSchema);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await grantExtension({ viewer, applicationId: application.id, ...parsed.data });
  if (!result.ok) return data(post.fail({ [result.field]: result.message }), { status: 400 });
  return { ok: true as const, closesAt: result.closesAt.toISOString() };
}

export default function ApplicationPage() {
  const { application, actions, information, decision, timeline, staff } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <p className="eyebrow">{application.programmeName}</p>
      <h1>{application.reference ?? "Aanvraag in voorbereiding"}</h1>
      {actions.deadline && application.status === "DRAFT" ? (
        <DeadlineNotice closesAt={actions.deadline.closesAt} serverNow={actions.deadline.serverNow} extended={actions.deadline.extended} />
      ) : null}
      {actions.notice ? <p className="notice notice--warning">{actions.notice}</p> : null}
      {application.status === "INFO_REQUESTED" && !staff ? (
        <p className="notice notice--warning">
          Het agentschap vraagt bijkomende informatie. <Link to={`/dossiers/${application.id}/antwoord`}>Vraag beantwoorden</Link>
        </p>
      ) : null}
      {staff ? (
        <p>
          <Link to={`/dossiers/${application.id}/beoordeling`} className="button">
            Beoordeling en beslissing
          </Link>
        </p>
      ) : null}
      {actions.links.length > 0 ? (
        <ul className="actions">
          {actions.links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className={link.primary ? "button" : "button button--secondary"}>
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="facts">
        <dt>Organisatie</dt>
        <dd>{application.organisationName}</dd>
        <dt>Oproep</dt>
        <dd>
          <Link to={`/oproepen/${application.callId}`}>{application.callTitle}</Link>
        </dd>
        <dt>Status</dt>
        <dd>
          <span className="status">{statusLabel(application.status, application.programmeKind)}</span>
        </dd>
        <dt>Indienen tot</dt>
        <dd>{formatDateTime(actions.deadline?.closesAt ?? application.closesAt)}</dd>
        {application.submittedAt ? (
          <>
            <dt>Verstuurd op</dt>
            <dd>{formatTimestamp(application.submittedAt)}</dd>
          </>
        ) : null}
        {application.requestedCents !== null ? (
          <>
            <dt>Gevraagd bedrag</dt>
            <dd>{formatCents(application.requestedCents)}</dd>
          </>
        ) : null}
        {application.grantedCents !== null ? (
          <>
            <dt>Toegekend bedrag</dt>
            <dd>{formatCents(application.grantedCents)}</dd>
          </>
        ) : null}
      </dl>
      {decision ? (
        <section aria-labelledby="beslissing">
          <h2 id="beslissing">Beslissing</h2>
          <dl className="facts">
            <dt>Beslist op</dt>
            <dd>{formatDateTime(decision.decidedAt)}</dd>
            {decision.recognitionStartsOn && decision.recognitionEndsOn ? (
              <>
                <dt>Erkenningsperiode</dt>
                <dd>{formatPeriod(decision.recognitionStartsOn, decision.recognitionEndsOn)}</dd>
              </>
            ) : null}
          </dl>
          {decision.motivation ? <p className="prose">{decision.motivation}</p> : null}
          {decision.letter ? (
            <p>
              <a href={`/bijlagen/${decision.letter.id}`}>Beslissingsbrief (PDF)</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {timeline.length > 0 ? (
        <section aria-labelledby="na-de-beslissing">
          <h2 id="na-de-beslissing">Na de beslissing</h2>
          <p>Wat na de beslissing volgt, met de termijnen die het agentschap hanteert.</p>
          <GrantTimeline entries={timeline} />
        </section>
      ) : null}
      {information.length > 0 ? (
        <section aria-labelledby="informatie">
          <h2 id="informatie">Bijkomende informatie</h2>
          <InformationHistory requests={information} />
        </section>
      ) : null}
      <h2>Verloop van het dossier</h2>
      {application.timeline.length === 0 ? (
        <p>Nog geen statuswijzigingen: de aanvraag is een concept.</p>
      ) : (
        <ol className="timeline">
          {application.timeline.map((event) => (
            <li key={event.id}>
              <strong>{event.status ? statusLabel(event.status, application.programmeKind) : "Wijziging"}</strong>
              <br />
              {formatDateTime(event.at)} · {lookup(ACTOR_ROLE_LABELS, event.actorRole) ?? event.actorRole}
              {event.reason ? <p>{event.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {actions.canExtend ? <ExtensionForm actionData={actionData} /> : null}
    </section>
  );
}

function ExtensionForm({ actionData }: { actionData: ReturnType<typeof useActionData<typeof action>> }) {
  const failure = actionData && !actionData.ok ? actionData : undefined;
  const form = useZodForm(extensionFormSchema, {
    defaultValues: { date: failure?.values.date ?? "", time: failure?.values.time ?? "23:59", reason: failure?.values.reason ?? "" },
    serverErrors: failure?.errors,
  });
  return (
    <section aria-labelledby="verlenging-titel">
      <h2 id="verlenging-titel">Termijn verlengen voor deze organisatie</h2>
      {actionData?.ok ? (
        <p className="notice" role="status">
          De termijn is verlengd tot {formatDateTime(actionData.closesAt)}. De organisatie krijgt een e-mail.
        </p>
      ) : null}
      <ErrorSummary errors={form.errors} labels={EXTENSION_LABELS} attempt={form.attempt} />
      <Form method="post" className="stack" noValidate onSubmit={form.onSubmit}>
        <TextField label={EXTENSION_LABELS.date} type="date" required {...form.field("date")} />
        <TextField
          label={EXTENSION_LABELS.time}
          type="time"
          required
          hint="Belgische tijd; het hele laatste minuut telt mee."
          {...form.field("time")}
        />
        <TextField label={EXTENSION_LABELS.reason} required {...form.field("reason")} />
        <SubmitButton busyLabel="Bezig met verlengen…">Termijn verlengen</SubmitButton>
      </Form>
    </section>
  );
}
