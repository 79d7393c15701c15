import { callSummarySelect } from "~/calls/calls.server";
import { recordAudit } from "~/audit/audit.server";
import { CALL_PHASE_LABELS, callPhase } from "~/calls/call-state";
import { prisma } from "~/db.server";
import { isStatusIn } from "~/domain/application-status";
import type { Viewer } from "~/domain/permissions";
import type { StaffRole } from "~/domain/roles";
import { callBudget } from "~/review/budget.server";
import { now } from "~/utils/clock.server";
import { toCsv } from "~/utils/csv";
import { buildCallReport, type CallReport } from "./report";
import { deadlineProgress, describeDeadline, SUBMITTED_STATUSES } from "./series";
import { REPORT_TABLE_FILES, reportTables, tableCsvRows, type ReportTableKey } from "./tables";

/**
 * Reports read the live database on every request (no cache, no snapshot): a dossier submitted
 * a second ago is in the next report.
 */

const callSelect = callSummarySelect;

/** The report of one call at this moment, or null when the call does not exist. */
export async function callReport(callId: string, at: Date = now()): Promise<CallReport | null> {
  const call = await prisma.call.findUnique({ where: { id: callId }, select: callSelect });
  if (!call) return null;
  const [dossiers, organisations, budget] = await Promise.all([
    prisma.application.findMany({
      where: { callId },
      select: { organisationId: true, status: true, submittedAt: true, requestedCents: true, grantedCents: true, decidedAt: true },
    }),
    // Candidates for the coverage: current municipalities and the VGC (series.ts decides).
    prisma.organisation.findMany({
      where: { successorId: null, OR: [{ kind: "GEMEENTE", nisCode: { not: null } }, { kind: "VGC" }] },
      select: { id: true, kind: true, nisCode: true, province: true, successorId: true },
    }),
    callBudget(prisma, callId),
  ]);
  return buildCallReport({
    call: { ...call, eligibleKinds: call.eligibleKinds.map((k) => k.organisationKind) },
    dossiers,
    organisations,
    budget,
    at,
  });
}

export type ReportCallListItem = {
  id: string;
  title: string;
  programmeName: string;
  phaseLabel: string;
  closesAt: string;
  submitted: number;
  decisionDueAt: string | null;
  deadlineDescription: string;
  deadlineState: string;
};

/** Every call with its number of submitted dossiers and decision progress, latest deadline first. */
export async function reportCallList(at: Date = now()): Promise<ReportCallListItem[]> {
  const [calls, dossiers] = await Promise.all([
    prisma.call.findMany({ select: callSelect, orderBy: { closesAt: "desc" } }),
    prisma.application.findMany({ where: { status: { not: "DRAFT" } }, select: { callId: true, status: true, decidedAt: true } }),
  ]);
  return calls.map((call) => {
    const ofCall = dossiers.filter((d) => d.callId === call.id);
    const progress = deadlineProgress({ decisionDueAt: call.decisionDueAt, at, dossiers: ofCall });
    return {
      id: call.id,
      title: call.title,
      programmeName: call.programme.name,
      phaseLabel: CALL_PHASE_LABELS[callPhase(call, at)],
      closesAt: call.closesAt.toISOString(),
      submitted: ofCall.filter((d) => isStatusIn(SUBMITTED_STATUSES, d.status)).length,
      decisionDueAt: call.decisionDueAt?.toISOString() ?? null,
      deadlineDescription: describeDeadline(progress),
      deadlineState: progress.state,
    };
  });
}

/** The role an export is recorded under: the strongest the viewer holds. */
function auditRole(viewer: Viewer): StaffRole {
  const order: StaffRole[] = ["ADMIN", "DECIDER", "REVIEWER"];
  return order.find((role) => viewer.staffRoles.includes(role)) ?? "REVIEWER";
}

/**
 * One table of a call's report as CSV, with an audit line saying who downloaded which table
 * (figures leave the portal with it). Null when the call does not exist.
 */
export async function exportReportTable(input: {
  viewer: Viewer;
  callId: string;
  table: ReportTableKey;
}): Promise<{ fileName: string; csv: string } | null> {
  const report = await callReport(input.callId);
  if (!report) return null;
  const table = reportTables(report)[input.table];
  const { header, rows } = tableCsvRows(table);
  await prisma.$transaction((tx) =>
    recordAudit(tx, {
      actorId: input.viewer.userId,
      actorRole: auditRole(input.viewer),
      action: "report.export",
      entityType: "Call",
      entityId: report.call.id,
      after: { table: input.table, rows: rows.length },
      at: new Date(report.generatedAt),
    }),
  );
  const stem = `rapport-${report.call.programmeCode}-${report.call.year}`.toLowerCase().replace(/[^a-z0-9-]/g, "-");
  return { fileName: `${stem}-${REPORT_TABLE_FILES[input.table]}`, csv: toCsv(header, rows) };
}
