import { prisma, type PrismaClient } from "~/db.server";
import { containsIgnoringCase } from "~/db/search";
import { applicationStatusSchema, type ApplicationStatus } from "~/domain/application-status";
import type { Prisma } from "~/generated/prisma/client";
import {
  QUEUE_PAGE_SIZE,
  completeReference,
  UNDECIDED_STATUSES,
  isUndecided,
  resolveQueueFilter,
  statusesFor,
  type QueueChoices,
  type QueueFilter,
} from "./queue";

/**
 * The staff queue: which submitted dossiers match a filter, in which order, one page at a time.
 * `buildQueueQuery` is pure (filter in, Prisma arguments out) so it can be tested and
 * benchmarked (bench/queue.ts); `queuePage` runs it.
 */

export type QueueContext = {
  /** The viewer, for "aan mij toegewezen" */
  viewerId: string;
  /** From the portal clock: what is overdue depends on it */
  now: Date;
};

/** Undecided dossiers whose call's decision date has passed or whose information request is late. */
export function overdueWhere(now: Date): Prisma.ApplicationWhereInput {
  return {
    status: { in: [...UNDECIDED_STATUSES] },
    OR: [{ call: { decisionDueAt: { lt: now } } }, { infoRequests: { some: { answeredAt: null, dueAt: { lt: now } } } }],
  };
}

export function queueWhere(filter: QueueFilter, context: QueueContext): Prisma.ApplicationWhereInput {
  const and: Prisma.ApplicationWhereInput[] = [{ status: { in: [...statusesFor(filter.status)] } }];
  if (filter.callId) and.push({ callId: filter.callId });
  if (filter.programme) and.push({ call: { programme: { code: filter.programme } } });
  if (filter.province) and.push({ organisation: { province: filter.province } });
  if (filter.assignee === "mij") and.push({ assigneeId: context.viewerId });
  else if (filter.assignee === "niemand") and.push({ assigneeId: null });
  else if (filter.assignee) and.push({ assigneeId: filter.assignee });
  if (filter.overdue) and.push(overdueWhere(context.now));
  const reference = filter.q ? completeReference(filter.q) : null;
  if (reference) {
    and.push({ reference });
  } else if (filter.q) {
    const q = filter.q;
    and.push({
      OR: [
        // "rad-2026" finds RAD-2026-0042, "gent" finds Gent.
        { reference: containsIgnoringCase(q) },
        { organisation: { name: containsIgnoringCase(q) } },
        ...(/^\d{5}$/.test(q) ? [{ organisation: { nisCode: q } }] : []),
      ],
    });
  }
  return and.length === 1 ? and[0]! : { AND: and };
}

export function queueOrderBy(filter: QueueFilter): Prisma.ApplicationOrderByWithRelationInput[] {
  const dir = filter.direction === "af" ? "desc" : "asc";
  // The id breaks ties, so that no dossier appears on two pages or on none.
  const tail: Prisma.ApplicationOrderByWithRelationInput[] = [{ id: "asc" }];
  switch (filter.sort) {
    case "nummer":
      return [{ reference: dir }, ...tail];
    case "organisatie":
      return [{ organisation: { name: dir } }, { submittedAt: "asc" }, ...tail];
    case "bedrag":
      return [{ requestedCents: { sort: dir, nulls: "last" } }, { submittedAt: "asc" }, ...tail];
    case "beslissing":
      return [{ call: { decisionDueAt: { sort: dir, nulls: "last" } } }, { submittedAt: "asc" }, ...tail];
    case "ingediend":
      return [{ submittedAt: dir }, ...tail];
  }
}

export const queueSelect = {
  id: true,
  reference: true,
  status: true,
  requestedCents: true,
  submittedAt: true,
  assigneeId: true,
  organisation: { select: { name: true, province: true } },
  call: { select: { id: true, title: true, decisionDueAt: true, programme: { select: { code: true, kind: true } } } },
} as const satisfies Prisma.ApplicationSelect;

/** The Prisma arguments for one page of the queue. Pure. */
export function buildQueueQuery(filter: QueueFilter, context: QueueContext, page = filter.page) {
  return {
    where: queueWhere(filter, context),
    orderBy: queueOrderBy(filter),
    skip: (page - 1) * QUEUE_PAGE_SIZE,
    take: QUEUE_PAGE_SIZE,
    select: {
      ...queueSelect,
      // Only late, unanswered requests: their presence is the flag.
      infoRequests: {
        where: { answeredAt: null, dueAt: { lt: context.now } },
        select: { dueAt: true },
        orderBy: { dueAt: "asc" },
        take: 1,
      },
    },
  } satisfies Prisma.ApplicationFindManyArgs;
}

export type QueueRow = {
  id: string;
  reference: string | null;
  status: ApplicationStatus;
  programmeKind: string;
  organisationName: string;
  province: string | null;
  callId: string;
  callTitle: string;
  assigneeId: string | null;
  assigneeName: string | null;
  submittedAt: string | null;
  requestedCents: number | null;
  decisionDueAt: string | null;
  /** The call's decision date has passed and the dossier is not decided */
  decisionOverdue: boolean;
  /** The applicant's answer to an information request is late (its due date) */
  answerOverdueSince: string | null;
};

export type QueuePage = { rows: QueueRow[]; total: number; page: number; pages: number };

/** One page of the queue and the number of matching dossiers. A page past the end shows the last one. */
export async function queuePage(filter: QueueFilter, context: QueueContext, db: PrismaClient = prisma): Promise<QueuePage> {
  const query = buildQueueQuery(filter, context);
  let [total, found] = await Promise.all([db.application.count({ where: query.where }), db.application.findMany(query)]);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  if (page !== filter.page) found = await db.application.findMany(buildQueueQuery(filter, context, page));

  const assigneeIds = [...new Set(found.map((row) => row.assigneeId).filter((id): id is string => id !== null))];
  const assignees = assigneeIds.length
    ? await db.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, firstName: true, lastName: true } })
    : [];
  const names = new Map(assignees.map((user) => [user.id, `${user.firstName} ${user.lastName}`]));

  const rows = found.map((row): QueueRow => {
    const status = applicationStatusSchema.parse(row.status);
    const undecided = isUndecided(status);
    return {
      id: row.id,
      reference: row.reference,
      status,
      programmeKind: row.call.programme.kind,
      organisationName: row.organisation.name,
      province: row.organisation.province,
      callId: row.call.id,
      callTitle: row.call.title,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      requestedCents: row.requestedCents,
      decisionDueAt: row.call.decisionDueAt?.toISOString() ?? null,
      decisionOverdue: undecided && row.call.decisionDueAt !== null && row.call.decisionDueAt < context.now,
      answerOverdueSince: undecided ? (row.infoRequests[0]?.dueAt.toISOString() ?? null) : null,
    };
  });
  return { rows, total, page, pages };
}

/** What the filter's drop-down lists offer: programmes, calls (newest first), reviewers. */
export async function queueOptions(db: PrismaClient = prisma) {
  const [programmes, calls, reviewers] = await Promise.all([
    db.programme.findMany({ select: { code: true, name: true }, orderBy: { name: "asc" } }),
    db.call.findMany({
      select: { id: true, title: true, programme: { select: { code: true } } },
      orderBy: [{ closesAt: "desc" }, { title: "asc" }],
    }),
    db.user.findMany({
      where: { staffRoles: { some: { role: "REVIEWER" } } },
      select: { id: true, firstName: true, lastName: true, deactivatedAt: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  ]);
  return {
    programmes,
    calls: calls.map((call) => ({ id: call.id, title: call.title, programmeCode: call.programme.code })),
    reviewers: reviewers.map((user) => ({
      id: user.id,
      name: `${user.firstName} ${user.lastName}${user.deactivatedAt ? " (gedeactiveerd)" : ""}`,
    })),
  };
}
export type QueueOptions = Awaited<ReturnType<typeof queueOptions>>;

export function queueChoices(options: QueueOptions): QueueChoices {
  return {
    programmeCodes: options.programmes.map((p) => p.code),
    callIds: options.calls.map((c) => c.id),
    assigneeIds: options.reviewers.map((r) => r.id),
  };
}

/** The filter with unknown programmes, calls and reviewers dropped, and the matching page. */
export async function loadQueue(filter: QueueFilter, context: QueueContext, db: PrismaClient = prisma) {
  const options = await queueOptions(db);
  const resolved = resolveQueueFilter(filter, queueChoices(options));
  const result = await queuePage(resolved, context, db);
  return { options, filter: { ...resolved, page: result.page }, ...result };
}

/** Counts for the shortcuts above the queue: per undecided status, mine, overdue. */
export async function queueShortcuts(context: QueueContext, db: PrismaClient = prisma) {
  const undecided = { status: { in: [...UNDECIDED_STATUSES] } };
  const [grouped, mine, overdue] = await Promise.all([
    db.application.groupBy({ by: ["status"], where: undecided, _count: { _all: true } }),
    db.application.count({ where: { ...undecided, assigneeId: context.viewerId } }),
    db.application.count({ where: overdueWhere(context.now) }),
  ]);
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
  return {
    perStatus: UNDECIDED_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    mine,
    overdue,
  };
}
