import { callSummarySelect } from "~/calls/calls.server";
import { prisma, type PrismaClient } from "~/db.server";
import { APPLICATION_STATUSES, type ApplicationStatus } from "~/domain/application-status";
import { calendarDaysUntil } from "~/utils/time";
import { callPaymentFigures } from "~/grants/payments.server";
import { callBudget } from "./budget.server";
import { isOpenDecisionDeadline } from "./decision-deadline";
import { UNDECIDED_STATUSES } from "./queue";
import { overdueWhere } from "./queue.server";

/**
 * A call as staff follow it up: the envelope and what is spent of it, the dossiers per status,
 * and the decision deadline with what still waits for a decision.
 */

export type DecisionDeadline = {
  dueAt: string;
  /** Brussels calendar days left; 0 on the day itself, negative once passed */
  daysLeft: number;
  undecided: number;
  /** Undecided after the due date, or with an information request answered too late */
  overdue: number;
};

export async function callOverview(callId: string, at: Date, db: PrismaClient = prisma) {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: callSummarySelect,
  });
  if (!call) return null;
  const [budget, payments, grouped, overdue] = await Promise.all([
    callBudget(db, callId),
    callPaymentFigures(callId, db),
    db.application.groupBy({ by: ["status"], where: { callId }, _count: { _all: true } }),
    db.application.count({ where: { AND: [{ callId }, overdueWhere(at)] } }),
  ]);
  const byStatus = new Map(grouped.map((g) => [g.status, g._count._all]));
  const statusCounts = APPLICATION_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
  const undecided = sumOf(statusCounts, UNDECIDED_STATUSES);
  const deadline: DecisionDeadline | null = call.decisionDueAt
    ? { dueAt: call.decisionDueAt.toISOString(), daysLeft: calendarDaysUntil(call.decisionDueAt, at), undecided, overdue }
    : null;
  return {
    call: {
      id: call.id,
      title: call.title,
      year: call.year,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      programmeCode: call.programme.code,
      programmeName: call.programme.name,
      programmeKind: call.programme.kind,
    },
    budget,
    payments,
    statusCounts,
    /** Submitted at some point (everything but drafts) */
    submitted: statusCounts.filter((c) => c.status !== "DRAFT").reduce((sum, c) => sum + c.count, 0),
    deadline,
  };
}
export type CallOverview = NonNullable<Awaited<ReturnType<typeof callOverview>>>;

function sumOf(counts: Array<{ status: ApplicationStatus; count: number }>, statuses: readonly ApplicationStatus[]): number {
  return counts.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + c.count, 0);
}

/**
 * For the staff dashboard: one line per call whose decision deadline is still open (its day
 * has not passed, or dossiers still wait for a decision), the nearest deadline first.
 */
export async function openDecisionDeadlines(at: Date, db: PrismaClient = prisma) {
  const [calls, undecided, overdue] = await Promise.all([
    db.call.findMany({
      where: { decisionDueAt: { not: null } },
      select: { id: true, title: true, decisionDueAt: true },
      orderBy: { decisionDueAt: "asc" },
    }),
    db.application.groupBy({ by: ["callId"], where: { status: { in: [...UNDECIDED_STATUSES] } }, _count: { _all: true } }),
    db.application.groupBy({ by: ["callId"], where: overdueWhere(at), _count: { _all: true } }),
  ]);
  const undecidedByCall = new Map(undecided.map((g) => [g.callId, g._count._all]));
  const overdueByCall = new Map(overdue.map((g) => [g.callId, g._count._all]));
  // The query asks for calls with a decision deadline.
  return calls
    .flatMap(({ decisionDueAt, ...call }) => (decisionDueAt ? [{ ...call, decisionDueAt }] : []))
    .map((call) => ({
      callId: call.id,
      title: call.title,
      dueAt: call.decisionDueAt.toISOString(),
      daysLeft: calendarDaysUntil(call.decisionDueAt, at),
      undecided: undecidedByCall.get(call.id) ?? 0,
      overdue: overdueByCall.get(call.id) ?? 0,
    }))
    .filter((line) => isOpenDecisionDeadline(line.daysLeft, line.undecided));
}
export type DeadlineLine = Awaited<ReturnType<typeof openDecisionDeadlines>>[number];
