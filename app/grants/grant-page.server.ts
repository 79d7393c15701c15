import { prisma } from "~/db.server";
import { hasRole, type Viewer } from "~/domain/permissions";
import { userNames } from "~/review/review-page.server";
import { now } from "~/utils/clock.server";
import { parseJsonObject } from "~/utils/json";
import { formatCents } from "~/utils/money";
import { formatDate, formatDateTime } from "~/utils/time";
import { activeOrderOf, checkPaymentTransition, PAYMENT_KIND_LABELS, payableGrantCents, paymentStatusLabel } from "./payment-status";
import { advancePhases, callGrantPhases, REPORT_KIND_LABELS, reportWindow, settlementPhase, type GrantPhase } from "./phases";
import { applicantReportStatusLabel, type ReportStatus } from "./report-status";
import { canSeeReport, reportPath, reportStatuses } from "./reports.server";
import { advanceCents } from "./settlement";
import { callPaymentFigures, readPaymentOrders } from "./payments.server";

/**
 * What follows a dossier's decision, as its pages show it: the timeline of the call's phases
 * (applicant and staff) and, for staff, the payment orders and what they may do with them.
 * Labels and dates are made here, so the pages ship none of the rules (docs/decisions/0055).
 */
export type TimelineEntry = {
  key: string;
  title: string;
  kind: GrantPhase["kind"];
  when: string;
  state: string;
  /** The report's pages, for a member of the dossier's organisation (docs/decisions/0057) */
  href?: string | null;
  hrefLabel?: string;
};

type Reports = { statuses: Map<string, ReportStatus>; links: { applicationId: string } | null };

type Order = Awaited<ReturnType<typeof readPaymentOrders>>[number];

function entryFor(phase: GrantPhase, grantedCents: number, orders: Order[], at: Date, reports: Reports): TimelineEntry {
  const order = activeOrderOf(orders, phase.key);
  switch (phase.kind) {
    case "ADVANCE":
      return {
        key: phase.key,
        title: phase.title,
        kind: phase.kind,
        when: `${phase.sharePercent}% van het toegekende bedrag: ${formatCents(advanceCents(grantedCents, phase.sharePercent))}`,
        state:
          order?.status === "PAID" && order.paidOn
            ? `Betaald op ${formatDate(order.paidOn)}`
            : order
              ? "Wordt betaald"
              : "Nog niet betaald",
      };
    case "REPORT": {
      const window = reportWindow(phase, at);
      const status = reports.statuses.get(phase.key) ?? null;
      const started = status !== null && status !== "DRAFT";
      const fillable = window === "open" || status === "INFO_REQUESTED";
      const href =
        reports.links && (fillable || started)
          ? `${reportPath(reports.links.applicationId, phase.key)}${started ? "/overzicht" : ""}`
          : null;
      return {
        key: phase.key,
        title: `${phase.title} (${REPORT_KIND_LABELS[phase.reportKind].toLowerCase()})`,
        kind: phase.kind,
        when: `Van ${formatDate(phase.opensAt)} tot en met ${formatDateTime(phase.dueAt)}`,
        state: started
          ? applicantReportStatusLabel(status)
          : window === "upcoming"
            ? "Nog niet open"
            : window === "open"
              ? status === "DRAFT"
                ? "Open, in te vullen"
                : "Open"
              : "Termijn verstreken",
        href,
        hrefLabel: status === "INFO_REQUESTED" ? "Verslag aanpassen" : started ? "Verslag bekijken" : "Verslag invullen",
      };
    }
    case "SETTLEMENT":
      return {
        key: phase.key,
        title: phase.title,
        kind: phase.kind,
        when: phase.basis === "REACH" ? "Na het eindverslag: bereikte deelnemers × tarief" : "Na het eindverslag: aanvaarde kosten",
        state: order
          ? `${PAYMENT_KIND_LABELS[order.kind]} van ${formatCents(order.amountCents)}: ${paymentStatusLabel(order.kind, order.status).toLowerCase()}`
          : "Nog niet afgerekend",
      };
  }
}

/** The dossier as its pages loaded it (app/applications/dossier.server.ts): nothing is read twice. */
type DossierRef = { id: string; callId: string; status: string; grantedCents: number | null; call: { settings: string } };

const phasesOf = (dossier: DossierRef) => callGrantPhases(parseJsonObject(dossier.call.settings));

/** The applicant's view: the timeline only, for a granted dossier whose call has phases; members get the reports' links. */
export async function grantTimeline(dossier: DossierRef & { organisationId: string }, viewer: Viewer): Promise<TimelineEntry[]> {
  const granted = payableGrantCents(dossier);
  if (granted <= 0) return [];
  const phases = phasesOf(dossier);
  if (phases.length === 0) return [];
  const [orders, statuses] = await Promise.all([readPaymentOrders(prisma, { applicationId: dossier.id }), reportStatuses(dossier.id)]);
  const at = now();
  const reports = { statuses, links: canSeeReport(viewer, dossier) ? { applicationId: dossier.id } : null };
  return phases.map((phase) => entryFor(phase, granted, orders, at, reports));
}

/** The staff page: timeline, orders with who did what, the call's money, and the actions allowed. */
export async function grantFollowUp(viewer: Viewer, dossier: DossierRef) {
  const granted = payableGrantCents(dossier);
  const phases = phasesOf(dossier);
  const [orders, figures, { budgetCents }, statuses] = await Promise.all([
    readPaymentOrders(prisma, { applicationId: dossier.id }),
    callPaymentFigures(dossier.callId),
    prisma.call.findUniqueOrThrow({ where: { id: dossier.callId }, select: { budgetCents: true } }),
    reportStatuses(dossier.id),
  ]);
  const names = await userNames(orders.flatMap((o) => [o.createdById, o.approvedById, o.cancelledById]));
  const at = now();
  const preparer = hasRole(viewer, "REVIEWER", "DECIDER");
  const approver = hasRole(viewer, "DECIDER");
  const settlement = settlementPhase(phases);
  return {
    grantedCents: granted,
    timeline: granted > 0 ? phases.map((phase) => entryFor(phase, granted, orders, at, { statuses, links: null })) : [],
    orders: orders.map((order) => {
      const approve = approver && checkPaymentTransition(order, "APPROVED", viewer.userId).ok;
      return {
        id: order.id,
        kind: PAYMENT_KIND_LABELS[order.kind],
        phase: phases.find((phase) => phase.key === order.phaseKey)?.title ?? order.phaseKey,
        amount: formatCents(order.amountCents),
        iban: order.iban,
        status: paymentStatusLabel(order.kind, order.status),
        preparedBy: `${names.get(order.createdById) ?? "?"}, ${formatDateTime(order.createdAt)}`,
        approvedBy:
          order.approvedById && order.approvedAt ? `${names.get(order.approvedById) ?? "?"}, ${formatDateTime(order.approvedAt)}` : null,
        paidOn: order.paidOn ? formatDate(order.paidOn) : null,
        cancelReason: order.cancelReason,
        can: {
          approve,
          // A prepared order its approver may not approve: only four-eyes stands in the way.
          fourEyesBlocked: approver && order.status === "TO_APPROVE" && !approve,
          markPaid: approver && checkPaymentTransition(order, "PAID", viewer.userId).ok,
          cancel: approver && checkPaymentTransition(order, "CANCELLED", viewer.userId).ok,
        },
      };
    }),
    money: {
      envelope: budgetCents === null ? null : formatCents(budgetCents),
      committed: formatCents(figures.committedCents),
      paid: formatCents(figures.paidCents),
      recovered: formatCents(figures.recoveredCents),
    },
    can: {
      prepareAdvances:
        preparer && granted > 0
          ? advancePhases(phases).flatMap((phase) => (activeOrderOf(orders, phase.key) ? [] : [{ key: phase.key, title: phase.title }]))
          : [],
      settle: preparer && granted > 0 && settlement && !activeOrderOf(orders, settlement.key) ? settlement.basis : null,
    },
  };
}
