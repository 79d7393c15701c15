// zod/mini: the labels are read by pages too (docs/decisions/0027).
import * as z from "zod/mini";
import { GRANTED_STATUSES, isStatusIn } from "~/domain/application-status";

/**
 * Payment and recovery orders: the one status machine (docs/decisions/0055). An order is
 * prepared (TO_APPROVE), approved for payment by a second person (APPROVED), then marked paid
 * (or, for a recovery, received) on a date. A prepared order can be cancelled with a reason.
 */
export const PAYMENT_KINDS = ["ADVANCE", "BALANCE", "RECOVERY"] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];
export const paymentKindSchema = z.enum(PAYMENT_KINDS);

export const PAYMENT_STATUSES = ["TO_APPROVE", "APPROVED", "PAID", "CANCELLED"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);

export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  ADVANCE: "Voorschot",
  BALANCE: "Saldo",
  RECOVERY: "Terugvordering",
};

export function paymentStatusLabel(kind: PaymentKind, status: PaymentStatus): string {
  switch (status) {
    case "TO_APPROVE":
      return "Goed te keuren";
    case "APPROVED":
      return kind === "RECOVERY" ? "Goedgekeurd, te ontvangen" : "Goedgekeurd voor betaling";
    case "PAID":
      return kind === "RECOVERY" ? "Ontvangen" : "Betaald";
    case "CANCELLED":
      return "Geannuleerd";
  }
}

const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  TO_APPROVE: ["APPROVED", "CANCELLED"],
  APPROVED: ["PAID"],
  PAID: [],
  CANCELLED: [],
};

export const PAYMENT_MESSAGES = {
  notAllowed: (from: PaymentStatus, to: PaymentStatus) =>
    `Een opdracht met status "${paymentStatusLabel("ADVANCE", from)}" kan niet naar "${paymentStatusLabel("ADVANCE", to)}".`,
  fourEyes: "Een tweede persoon keurt de opdracht goed: u hebt ze zelf voorbereid.",
  overGrant: (left: string) => `Dit bedrag is meer dan er van de toekenning nog te betalen is (${left}).`,
  overEnvelope: (left: string) => `Dit bedrag past niet meer in het budget van de oproep: er blijft ${left} over.`,
  noIban: "Het dossier heeft geen rekeningnummer (IBAN): vul het eerst aan.",
  reasonRequired: "Geef een reden op.",
} as const;

export type PaymentTransition = { ok: true } | { ok: false; message: string };

/**
 * Whether an order may go from `from` to `to` by `actorId`. Approval is four-eyes: not by the
 * person who prepared the order.
 */
export function checkPaymentTransition(
  order: { status: PaymentStatus; createdById: string },
  to: PaymentStatus,
  actorId: string,
): PaymentTransition {
  if (!NEXT[order.status].includes(to)) return { ok: false, message: PAYMENT_MESSAGES.notAllowed(order.status, to) };
  if (to === "APPROVED" && order.createdById === actorId) return { ok: false, message: PAYMENT_MESSAGES.fourEyes };
  return { ok: true };
}

/**
 * What the agency has committed to pay out on a set of orders: every payment not cancelled,
 * minus the recoveries actually received. A recovery still to be received frees nothing: if
 * it is never paid back, the money stays spent. Used for one dossier (never more than granted)
 * and for a call (never more than its envelope).
 */
export function netCommittedCents(orders: ReadonlyArray<{ kind: PaymentKind; status: PaymentStatus; amountCents: number }>): number {
  return orders.reduce((sum, order) => {
    if (order.kind === "RECOVERY") return order.status === "PAID" ? sum - order.amountCents : sum;
    return order.status === "CANCELLED" ? sum : sum + order.amountCents;
  }, 0);
}

/** What a dossier was granted and may be paid: its granted amount once it is decided positively, else 0. */
export function payableGrantCents(dossier: { status: string; grantedCents: number | null }): number {
  return isStatusIn(GRANTED_STATUSES, dossier.status) ? (dossier.grantedCents ?? 0) : 0;
}

/** The order that stands for a phase: the one not cancelled (a cancelled one may be prepared again). */
export function activeOrderOf<O extends { phaseKey: string; status: PaymentStatus }>(
  orders: readonly O[],
  phaseKey: string,
): O | undefined {
  return orders.find((order) => order.phaseKey === phaseKey && order.status !== "CANCELLED");
}
