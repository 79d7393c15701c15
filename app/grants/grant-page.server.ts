import { prisma } from "~/db.server";
import { GRANTED_STATUSES } from "~/domain/application-status";
import { hasRole, type Viewer } from "~/domain/permissions";
import { userNames } from "~/review/review-page.server";
import { now } from "~/utils/clock.server";
import { parseJsonObject } from "~/utils/json";
import { formatCents } from "~/utils/money";
import { formatDate, formatDateTime } from "~/utils/time";
import { checkPaymentTransition, PAYMENT_KIND_LABELS, paymentKindSchema, paymentStatusLabel, paymentStatusSchema } from "./payment-status";
import { callGrantPhases, REPORT_KIND_LABELS, reportWindow, type GrantPhase } from "./phases";
import { advanceCents } from "./settlement";
import { callPaymentFigures } from "./payments.server";

/**
 * What follows a dossier's decision, as its pages show it: the timeline of the call's phases
 * (applicant and staff) and, for staff, the payment orders and what they may do with them.
 * Labels and dates are made here, so the pages ship none of the rules (docs/decisions/0055).
 */
export type TimelineEntry = { key: string; title: string; kind: GrantPhase["kind"]; when: string; state: string };

type Order = Awaited<ReturnType<typeof readOrders>>[number];

async function readOrders(applicationId: string) {
  const rows = await prisma.paymentOrder.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ ...row, kind: paymentKindSchema.parse(row.kind), status: paymentStatusSchema.parse(row.status) }));
}

function entryFor(phase: GrantPhase, grantedCents: number, orders: Order[], at: Date): TimelineEntry {
  const order = orders.find((o) => o.phaseKey === phase.key && o.status !== "CANCELLED");
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
      return {
        key: phase.key,
        title: `${phase.title} (${REPORT_KIND_LABELS[phase.reportKind].toLowerCase()})`,
        kind: phase.kind,
        when: `Van ${formatDate(phase.opensAt)} tot en met ${formatDateTime(phase.dueAt)}`,
        state: window === "upcoming" ? "Nog niet open" : window === "open" ? "Open" : "Termijn verstreken",
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

type DossierRef = { id: string; callId: string; status: string };

async function grantContext(dossier: DossierRef) {
  const application = await prisma.application.findUniqueOrThrow({
    where: { id: dossier.id },
    select: { grantedCents: true, call: { select: { settings: true, budgetCents: true } } },
  });
  const granted = (GRANTED_STATUSES as readonly string[]).includes(dossier.status) ? (application.grantedCents ?? 0) : 0;
  return { granted, phases: callGrantPhases(parseJsonObject(application.call.settings)), budgetCents: application.call.budgetCents };
}

/** The applicant's view: the timeline only, for a granted dossier whose call has phases. */
export async function grantTimeline(dossier: DossierRef): Promise<TimelineEntry[]> {
  if (!(GRANTED_STATUSES as readonly string[]).includes(dossier.status)) return [];
  const { granted, phases } = await grantContext(dossier);
  if (phases.length === 0) return [];
  const orders = await readOrders(dossier.id);
  const at = now();
  return phases.map((phase) => entryFor(phase, granted, orders, at));
}

/** The staff page: timeline, orders with who did what, the call's money, and the actions allowed. */
export async function grantFollowUp(viewer: Viewer, dossier: DossierRef) {
  const { granted, phases, budgetCents } = await grantContext(dossier);
  const orders = await readOrders(dossier.id);
  const [names, figures] = await Promise.all([
    userNames(orders.flatMap((o) => [o.createdById, o.approvedById, o.cancelledById])),
    callPaymentFigures(dossier.callId),
  ]);
  const at = now();
  const preparer = hasRole(viewer, "REVIEWER", "DECIDER");
  const approver = hasRole(viewer, "DECIDER");
  const open = (phaseKey: string) => orders.some((o) => o.phaseKey === phaseKey && o.status !== "CANCELLED");
  const settlement = phases.find((phase) => phase.kind === "SETTLEMENT");
  return {
    grantedCents: granted,
    timeline: granted > 0 ? phases.map((phase) => entryFor(phase, granted, orders, at)) : [],
    orders: orders.map((order) => ({
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
        approve: approver && checkPaymentTransition(order, "APPROVED", viewer.userId).ok,
        fourEyesBlocked: approver && order.status === "TO_APPROVE" && order.createdById === viewer.userId,
        markPaid: approver && checkPaymentTransition(order, "PAID", viewer.userId).ok,
        cancel: approver && checkPaymentTransition(order, "CANCELLED", viewer.userId).ok,
      },
    })),
    money: {
      envelope: budgetCents === null ? null : formatCents(budgetCents),
      committed: formatCents(figures.committedCents),
      paid: formatCents(figures.paidCents),
      recovered: formatCents(figures.recoveredCents),
    },
    can: {
      prepareAdvances:
        preparer && granted > 0
          ? phases.flatMap((phase) => (phase.kind === "ADVANCE" && !open(phase.key) ? [{ key: phase.key, title: phase.title }] : []))
          : [],
      settle: preparer && granted > 0 && settlement !== undefined && !open(settlement.key) ? settlement.basis : null,
    },
  };
}
