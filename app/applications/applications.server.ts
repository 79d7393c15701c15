import { prisma } from "~/db.server";
import { applicationStatusSchema, isInternalStep, statusForApplicant, type ApplicationStatus } from "~/domain/application-status";
import { parseJsonObject } from "~/utils/json";
import { loadDossier, type Dossier } from "./dossier.server";

const listSelect = {
  id: true,
  status: true,
  reference: true,
  requestedCents: true,
  grantedCents: true,
  submittedAt: true,
  updatedAt: true,
  organisation: { select: { id: true, name: true, province: true } },
  call: {
    select: { id: true, title: true, closesAt: true, decisionDueAt: true, programme: { select: { code: true, name: true, kind: true } } },
  },
} as const;

type ListRow = Awaited<ReturnType<typeof prisma.application.findMany<{ select: typeof listSelect }>>>[number];

function toListItem(row: ListRow) {
  return {
    id: row.id,
    status: applicationStatusSchema.parse(row.status),
    reference: row.reference,
    requestedCents: row.requestedCents,
    grantedCents: row.grantedCents,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    organisationName: row.organisation.name,
    province: row.organisation.province,
    callId: row.call.id,
    callTitle: row.call.title,
    closesAt: row.call.closesAt.toISOString(),
    decisionDueAt: row.call.decisionDueAt?.toISOString() ?? null,
    programmeCode: row.call.programme.code,
    programmeKind: row.call.programme.kind,
  };
}
export type ApplicationListItem = ReturnType<typeof toListItem>;

/** "Mijn dossiers": the dossiers of one organisation, most recently changed first, as its applicants see them. */
export async function listOrganisationApplications(organisationId: string): Promise<ApplicationListItem[]> {
  const rows = await prisma.application.findMany({
    where: { organisationId },
    select: listSelect,
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((row) => {
    const item = toListItem(row);
    return { ...item, status: statusForApplicant(item.status) };
  });
}

/** The dossier as its applicant may see it: without internal steps and their motivations. */
export function forApplicant(detail: ApplicationDetail): ApplicationDetail {
  return {
    ...detail,
    status: statusForApplicant(detail.status),
    timeline: detail.timeline
      .filter((event) => !isInternalStep(event.fromStatus, event.status))
      // A decision follows a proposal; to the applicant it follows "in behandeling".
      .map((event) => ({ ...event, fromStatus: event.fromStatus && statusForApplicant(event.fromStatus) })),
  };
}

export type ApplicationDetail = Awaited<ReturnType<typeof applicationDetail>>;

/** One dossier with its call and its status history (from the append-only audit trail). */
export async function applicationDetail(applicationId: string, loaded?: Dossier) {
  const dossier = loaded ?? (await loadDossier(applicationId));
  const events = await prisma.auditEvent.findMany({
    where: { applicationId: dossier.id, action: "application.status" },
    select: { id: true, at: true, actorRole: true, before: true, after: true, reason: true },
    // Events of one transaction share a timestamp; ids (cuid) keep their order.
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return {
    id: dossier.id,
    status: dossier.status,
    reference: dossier.reference,
    requestedCents: dossier.requestedCents,
    grantedCents: dossier.grantedCents,
    submittedAt: dossier.submittedAt?.toISOString() ?? null,
    updatedAt: dossier.updatedAt.toISOString(),
    organisationName: dossier.organisation.name,
    province: dossier.organisation.province,
    callId: dossier.callId,
    callTitle: dossier.call.title,
    closesAt: dossier.call.closesAt.toISOString(),
    decisionDueAt: dossier.call.decisionDueAt?.toISOString() ?? null,
    programmeCode: dossier.call.programme.code,
    programmeKind: dossier.call.programme.kind,
    opensAt: dossier.call.opensAt.toISOString(),
    programmeName: dossier.call.programme.name,
    formKey: dossier.formKey,
    formVersion: dossier.formVersion,
    contentHash: dossier.contentHash,
    timeline: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorRole: event.actorRole,
      fromStatus: statusFromAuditJson(event.before),
      status: statusFromAuditJson(event.after),
      reason: event.reason,
    })),
  };
}

function statusFromAuditJson(json: string | null): ApplicationStatus | null {
  if (!json) return null;
  const parsed = applicationStatusSchema.safeParse(parseJsonObject(json).status);
  return parsed.success ? parsed.data : null;
}
