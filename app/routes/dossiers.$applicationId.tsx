import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { applicationDetail, forApplicant } from "~/applications/applications.server";
import { statusLabel } from "~/applications/status-labels";
import { requireApplicationAccess } from "~/auth/viewer.server";
import { isStaff } from "~/domain/permissions";
import { ACTOR_ROLE_LABELS } from "~/domain/roles";
import { formatCents } from "~/utils/money";
import { formatDateTime, formatTimestamp } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.application.reference ?? "Dossier"} | Subsidieportaal AgII` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, application } = await requireApplicationAccess(request, params.applicationId ?? "");
  const detail = await applicationDetail(application.id);
  return { application: isStaff(viewer) ? detail : forApplicant(detail) };
}

export default function ApplicationPage() {
  const { application } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{application.reference ?? "Aanvraag in voorbereiding"}</h1>
      <dl className="facts">
        <dt>Organisatie</dt>
        <dd>{application.organisationName}</dd>
        <dt>Oproep</dt>
        <dd>{application.callTitle}</dd>
        <dt>Status</dt>
        <dd>
          <span className="status">{statusLabel(application.status, application.programmeKind)}</span>
        </dd>
        <dt>Indienen tot</dt>
        <dd>{formatDateTime(application.closesAt)}</dd>
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
      <h2>Verloop van het dossier</h2>
      {application.timeline.length === 0 ? (
        <p>Nog geen statuswijzigingen: de aanvraag is een concept.</p>
      ) : (
        <ol className="timeline">
          {application.timeline.map((event) => (
            <li key={event.id}>
              <strong>{event.status ? statusLabel(event.status, application.programmeKind) : "Wijziging"}</strong>
              <br />
              {formatDateTime(event.at)} · {ACTOR_ROLE_LABELS[event.actorRole] ?? event.actorRole}
              {event.reason ? <p>{event.reason}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
