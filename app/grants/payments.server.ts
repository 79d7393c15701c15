import { ibanFromAnswers } from "~/applications/dossier-iban";
import { recordAudit } from "~/audit/audit.server";
import { prisma, type Tx } from "~/db.server";
import { hasRole, type Viewer } from "~/domain/permissions";
import type { StaffRole } from "~/domain/roles";
import { findForm } from "~/forms/registry";
import { now } from "~/utils/clock.server";
import { isRecord } from "~/utils/guards";
import { parseJsonObject } from "~/utils/json";
import { formatCents } from "~/utils/money";
import { brusselsDate, isCalendarDate } from "~/utils/time";
import {
  activeOrderOf,
  checkPaymentTransition,
  netCommittedCents,
  paymentKindSchema,
  paymentStatusSchema,
  PAYMENT_MESSAGES,
  payableGrantCents,
  type PaymentKind,
  type PaymentStatus,
} from "./payment-status";
import { advancePhases, callGrantPhases, settlementPhase } from "./phases";
import { acceptedFinalReportFigures } from "./reports.server";
import { advanceCents, settle, type Settlement } from "./settlement";

/**
 * Payment and recovery orders of granted dossiers (docs/decisions/0055). Every order is
 * prepared in a transaction that first takes the call's write lock (as a decision does), so
 * that orders prepared at the same time are serialised: together they never pay out more than
 * the dossier was granted, nor more than the call's envelope.
 */
export type PaymentResult = { ok: true; orderId: string } | { ok: false; message: string };
/** A settlement that comes out even prepares no order. */
export type SettleResult = { ok: true; settlement: Settlement; orderId: string | null } | { ok: false; message: string };

const PREPARERS: StaffRole[] = ["REVIEWER", "DECIDER"];
const APPROVERS: StaffRole[] = ["DECIDER"];

export const PAYMENT_ROLE_MESSAGES = {
  notPreparer: "Alleen een beoordelaar of beslisser bereidt betalingen voor.",
  notApprover: "Alleen een beslisser keurt betalingen goed of boekt ze als betaald.",
  notGranted: "Er is geen toekenning in dit dossier: er valt niets te betalen.",
  noSuchPhase: "Deze oproep heeft zo'n fase niet.",
  alreadyPrepared: "Voor deze fase is al een opdracht voorbereid.",
  noSettlement: "Deze oproep heeft geen afrekening.",
  alreadySettled: "Dit dossier is al afgerekend.",
  invalidDate: "Geef een geldige datum op, niet in de toekomst.",
  noSuchOrder: "Deze opdracht bestaat niet in dit dossier.",
  noFigures: "Er is nog geen goedgekeurd eindverslag: geef het cijfer uit het eindverslag op.",
} as const;

class Refused extends Error {}

/** The role a preparer acts in: a decider's, else a reviewer's. */
const preparerRole = (viewer: Viewer) => (hasRole(viewer, "DECIDER") ? "DECIDER" : "REVIEWER");

type Dossier = {
  id: string;
  callId: string;
  organisationId: string;
  status: string;
  grantedCents: number | null;
  data: string;
  call: { budgetCents: number | null; settings: string; formKey: string; formVersion: number };
};

async function lockedDossier(tx: Tx, applicationId: string): Promise<Dossier> {
  const dossier = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: {
      id: true,
      callId: true,
      organisationId: true,
      status: true,
      grantedCents: true,
      data: true,
      call: { select: { budgetCents: true, settings: true, formKey: true, formVersion: true } },
    },
  });
  // The call's write lock: orders and decisions on one call are serialised from here on.
  await tx.call.update({ where: { id: dossier.callId }, data: { updatedAt: now() } });
  return dossier;
}

function grantOf(dossier: Dossier): number {
  const granted = payableGrantCents(dossier);
  if (granted <= 0) throw new Refused(PAYMENT_ROLE_MESSAGES.notGranted);
  return granted;
}

/** A dossier's or a call's orders, oldest first, with their kind and status read as the enums. */
export async function readPaymentOrders(db: Pick<Tx, "paymentOrder">, where: { callId: string } | { applicationId: string }) {
  const rows = await db.paymentOrder.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ ...row, kind: paymentKindSchema.parse(row.kind), status: paymentStatusSchema.parse(row.status) }));
}

/** The grant and the envelope rule for a new payment of `amountCents` (recoveries free nothing until received). */
async function checkPayable(tx: Tx, dossier: Dossier, amountCents: number): Promise<void> {
  const granted = grantOf(dossier);
  const dossierCommitted = netCommittedCents(await readPaymentOrders(tx, { applicationId: dossier.id }));
  if (dossierCommitted + amountCents > granted) {
    throw new Refused(PAYMENT_MESSAGES.overGrant(formatCents(Math.max(0, granted - dossierCommitted))));
  }
  const envelope = dossier.call.budgetCents;
  if (envelope !== null) {
    const callCommitted = netCommittedCents(await readPaymentOrders(tx, { callId: dossier.callId }));
    if (callCommitted + amountCents > envelope) {
      throw new Refused(PAYMENT_MESSAGES.overEnvelope(formatCents(Math.max(0, envelope - callCommitted))));
    }
  }
}

async function insertOrder(
  tx: Tx,
  viewer: Viewer,
  dossier: Dossier,
  order: { kind: PaymentKind; amountCents: number; phaseKey: string },
  reason?: string,
): Promise<string> {
  const iban = ibanFromAnswers(dossier.data);
  if (!iban) throw new Refused(PAYMENT_MESSAGES.noIban);
  const created = await tx.paymentOrder.create({
    data: { applicationId: dossier.id, callId: dossier.callId, ...order, iban, createdById: viewer.userId },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: viewer.userId,
    actorRole: preparerRole(viewer),
    action: "payment.prepared",
    entityType: "PaymentOrder",
    entityId: created.id,
    applicationId: dossier.id,
    organisationId: dossier.organisationId,
    after: { ...order, iban },
    reason,
  });
  return created.id;
}

async function refusable<T extends { ok: boolean }>(work: () => Promise<T>): Promise<T | { ok: false; message: string }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}

/** Prepares the advance of one of the call's ADVANCE phases: its share of the granted amount. */
export async function prepareAdvance(input: { viewer: Viewer; applicationId: string; phaseKey: string }): Promise<PaymentResult> {
  if (!hasRole(input.viewer, ...PREPARERS)) return { ok: false, message: PAYMENT_ROLE_MESSAGES.notPreparer };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const dossier = await lockedDossier(tx, input.applicationId);
      const phase = advancePhases(callGrantPhases(parseJsonObject(dossier.call.settings))).find((p) => p.key === input.phaseKey);
      if (!phase) throw new Refused(PAYMENT_ROLE_MESSAGES.noSuchPhase);
      if (activeOrderOf(await readPaymentOrders(tx, { applicationId: dossier.id }), phase.key)) {
        throw new Refused(PAYMENT_ROLE_MESSAGES.alreadyPrepared);
      }
      const amountCents = advanceCents(grantOf(dossier), phase.sharePercent);
      await checkPayable(tx, dossier, amountCents);
      return {
        ok: true as const,
        orderId: await insertOrder(tx, input.viewer, dossier, { kind: "ADVANCE", amountCents, phaseKey: phase.key }),
      };
    }),
  );
}

export type SettlementFigures = { learnersReached: number } | { acceptedCostsCents: number };

/**
 * Settles a grant from the accepted final report's figures: computes what is due (settle()),
 * records it, and prepares the balance payment or the recovery order. Advances count once paid.
 * With an accepted final report in the portal its figure counts and `figures` is not asked for;
 * without one, staff type the figure of a report received outside the portal (docs/decisions/0057).
 */
export async function settleGrant(input: { viewer: Viewer; applicationId: string; figures?: SettlementFigures }): Promise<SettleResult> {
  if (!hasRole(input.viewer, ...PREPARERS)) return { ok: false, message: PAYMENT_ROLE_MESSAGES.notPreparer };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const dossier = await lockedDossier(tx, input.applicationId);
      const settings: unknown = parseJsonObject(dossier.call.settings);
      const phase = settlementPhase(callGrantPhases(settings));
      if (!phase) throw new Refused(PAYMENT_ROLE_MESSAGES.noSettlement);
      const orders = await readPaymentOrders(tx, { applicationId: dossier.id });
      if (activeOrderOf(orders, phase.key)) {
        throw new Refused(PAYMENT_ROLE_MESSAGES.alreadySettled);
      }
      const grantedCents = grantOf(dossier);
      const figures = (await acceptedFinalReportFigures(dossier, tx)) ?? input.figures;
      if (!figures) throw new Refused(PAYMENT_ROLE_MESSAGES.noFigures);
      const advancesPaidCents = orders
        .filter((order) => order.kind === "ADVANCE" && order.status === "PAID")
        .reduce((sum, order) => sum + order.amountCents, 0);
      const settlement =
        phase.basis === "REACH" && "learnersReached" in figures
          ? settle({
              basis: "REACH",
              grantedCents,
              advancesPaidCents,
              learnersReached: figures.learnersReached,
              ...reachRates(dossier, settings),
            })
          : phase.basis === "COSTS" && "acceptedCostsCents" in figures
            ? settle({ basis: "COSTS", grantedCents, advancesPaidCents, acceptedCostsCents: figures.acceptedCostsCents })
            : null;
      if (!settlement)
        throw new Refused(phase.basis === "REACH" ? "Geef het aantal bereikte deelnemers op." : "Geef de aanvaarde kosten op.");
      await recordAudit(tx, {
        actorId: input.viewer.userId,
        actorRole: preparerRole(input.viewer),
        action: "grant.settled",
        entityType: "Application",
        entityId: dossier.id,
        applicationId: dossier.id,
        organisationId: dossier.organisationId,
        after: { ...figures, settledCents: settlement.settledCents, balanceCents: settlement.balanceCents, lines: settlement.lines },
      });
      if (settlement.outcome === "SETTLED") return { ok: true as const, orderId: null, settlement };
      const recovery = settlement.outcome === "RECOVERY";
      const amountCents = Math.abs(settlement.balanceCents);
      if (!recovery) await checkPayable(tx, dossier, amountCents);
      const orderId = await insertOrder(
        tx,
        input.viewer,
        dossier,
        { kind: recovery ? "RECOVERY" : "BALANCE", amountCents, phaseKey: phase.key },
        settlement.lines.join(" "),
      );
      return { ok: true as const, orderId, settlement };
    }),
  );
}

/** Rate and maximum of learners from the call's form settings (Oefenkansen). */
function reachRates(dossier: Dossier, settings: unknown): { ratePerLearnerCents: number; maxLearners: number } {
  const form = findForm(dossier.call.formKey, dossier.call.formVersion);
  // The form's own settings schema (with its defaults) is the one source of rate and maximum.
  const parsed: unknown = form?.parseSettings(settings);
  const rate = isRecord(parsed) ? parsed.ratePerLearnerCents : null;
  const max = isRecord(parsed) ? parsed.maxLearners : null;
  if (typeof rate !== "number" || typeof max !== "number") throw new Refused("De oproep heeft geen tarief per deelnemer.");
  return { ratePerLearnerCents: rate, maxLearners: max };
}

/** Which order of which dossier: a page acts only on the orders of its own dossier. */
export type OrderRef = { applicationId: string; orderId: string };

async function moveOrder(
  viewer: Viewer,
  { applicationId, orderId }: OrderRef,
  to: PaymentStatus,
  data: { paidOn?: string; reason?: string },
): Promise<PaymentResult> {
  if (!hasRole(viewer, ...APPROVERS)) return { ok: false, message: PAYMENT_ROLE_MESSAGES.notApprover };
  return refusable(() =>
    prisma.$transaction(async (tx) => {
      const order = await tx.paymentOrder.findFirst({ where: { id: orderId, applicationId } });
      if (!order) throw new Refused(PAYMENT_ROLE_MESSAGES.noSuchOrder);
      const status = paymentStatusSchema.parse(order.status);
      const allowed = checkPaymentTransition({ status, createdById: order.createdById }, to, viewer.userId);
      if (!allowed.ok) throw new Refused(allowed.message);
      const at = now();
      const moved = await tx.paymentOrder.updateMany({
        // Conditional on the status read: two people pressing at once move it once.
        where: { id: orderId, status },
        data:
          to === "APPROVED"
            ? { status: to, approvedById: viewer.userId, approvedAt: at }
            : to === "PAID"
              ? { status: to, paidOn: data.paidOn }
              : { status: to, cancelledById: viewer.userId, cancelledAt: at, cancelReason: data.reason },
      });
      if (moved.count !== 1) throw new Refused(PAYMENT_MESSAGES.notAllowed(status, to));
      await recordAudit(tx, {
        actorId: viewer.userId,
        actorRole: "DECIDER",
        action: to === "APPROVED" ? "payment.approved" : to === "PAID" ? "payment.paid" : "payment.cancelled",
        entityType: "PaymentOrder",
        entityId: orderId,
        applicationId: order.applicationId,
        before: { status, kind: order.kind, amountCents: order.amountCents },
        after: { status: to, ...(data.paidOn ? { paidOn: data.paidOn } : {}) },
        reason: data.reason,
        at,
      });
      return { ok: true as const, orderId };
    }),
  );
}

/** A second person approves the order for payment (four-eyes). */
export function approvePaymentOrder(input: { viewer: Viewer } & OrderRef): Promise<PaymentResult> {
  return moveOrder(input.viewer, input, "APPROVED", {});
}

/** The money left (or, for a recovery, came back) on `paidOn`, a Brussels date not in the future. */
export function markPaymentPaid(input: { viewer: Viewer; paidOn: string } & OrderRef): Promise<PaymentResult> {
  if (!isCalendarDate(input.paidOn) || input.paidOn > brusselsDate(now())) {
    return Promise.resolve({ ok: false, message: PAYMENT_ROLE_MESSAGES.invalidDate });
  }
  return moveOrder(input.viewer, input, "PAID", { paidOn: input.paidOn });
}

export function cancelPaymentOrder(input: { viewer: Viewer; reason: string } & OrderRef): Promise<PaymentResult> {
  const reason = input.reason.trim();
  if (!reason) return Promise.resolve({ ok: false, message: PAYMENT_MESSAGES.reasonRequired });
  return moveOrder(input.viewer, input, "CANCELLED", { reason });
}

/** A call's money against its envelope: committed (not cancelled), paid, recovered. */
export async function callPaymentFigures(callId: string, db: Pick<Tx, "paymentOrder"> = prisma) {
  const orders = await readPaymentOrders(db, { callId });
  const sum = (keep: (o: (typeof orders)[number]) => boolean) => orders.filter(keep).reduce((total, o) => total + o.amountCents, 0);
  return {
    committedCents: netCommittedCents(orders),
    paidCents: sum((o) => o.kind !== "RECOVERY" && o.status === "PAID"),
    recoveredCents: sum((o) => o.kind === "RECOVERY" && o.status === "PAID"),
  };
}
