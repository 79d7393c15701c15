import { prisma } from "~/db.server";
import {
  applicationStatusSchema,
  isInternalStep,
  statusForApplicant,
  type ApplicationStatus,
} from "~/domain/application-status";
import { parseJsonObject } from "~/utils/json";

const listSelect = {
  id: true,
  status: true,
  reference: true,
  requestedCents: true,
  grantedCents: true,
  submittedAt: true,
  updatedAt: true,
  organisation: { select: { id: true, name: true, province: true } },
  call: { select: { id: true, title: true, closesAt: true, decisionDueAt: true, programme: { select: { code: true, name: true, kind: true } } } },
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
export async function applicationDetail(applicationId: string) {
  const application = await prisma.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      ...listSelect,
      formKey: true,
      formVersion: true,
      contentHash: true,
      call: {
        select: {
          id: true,
          title: true,
          opensAt: true,
          closesAt: true,
          decisionDueAt: true,
          programme: { select: { code: true, name: true, kind: true } },
        },
      },
    },
  });
  const events = await prisma.auditEvent.findMany({
    where: { applicationId, action: "application.status" },
    select: { id: true, at: true, actorRole: true, before: true, after: true, reason: true },
    // Events of one transaction share a timestamp; ids (cuid) keep their order.
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return {
    ...toListItem(application),
    opensAt: application.call.opensAt.toISOString(),
    programmeName: application.call.programme.name,
    formKey: application.formKey,
    formVersion: application.formVersion,
    contentHash: application.contentHash,
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
