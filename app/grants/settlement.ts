import { formatCents } from "~/utils/money";
import type { SettlementBasis } from "./phases";

/**
 * What a grant settles at, from the accepted final report, and what is left to pay or to
 * recover. Pure; amounts in integer cents. docs/decisions/0055.
 *
 * - REACH (Oefenkansen): learners who took part × the call's rate per learner, counting at
 *   most the call's maximum of learners, and never more than the granted amount.
 * - COSTS (regierol, recognition, project calls): the accepted costs, never more than granted.
 * Balance = settled − advances paid: positive is a balance payment, negative a recovery.
 */
export type SettlementInput =
  | {
      basis: Extract<SettlementBasis, "REACH">;
      grantedCents: number;
      advancesPaidCents: number;
      learnersReached: number;
      ratePerLearnerCents: number;
      maxLearners: number;
    }
  | { basis: Extract<SettlementBasis, "COSTS">; grantedCents: number; advancesPaidCents: number; acceptedCostsCents: number };

export type SettlementOutcome = "BALANCE_PAYMENT" | "RECOVERY" | "SETTLED";

export type Settlement = {
  /** What the grant is worth after the final report */
  settledCents: number;
  /** settled − advances paid */
  balanceCents: number;
  outcome: SettlementOutcome;
  /** The computation in sentences, for the staff screen, the letter and the audit trail */
  lines: string[];
};

const count = new Intl.NumberFormat("nl-BE");

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} moet een geheel, niet-negatief aantal eurocent zijn.`);
}

export function settle(input: SettlementInput): Settlement {
  assertCents("grantedCents", input.grantedCents);
  assertCents("advancesPaidCents", input.advancesPaidCents);
  const lines: string[] = [];
  let dueCents: number;
  if (input.basis === "REACH") {
    assertCents("learnersReached", input.learnersReached);
    const counted = Math.min(input.learnersReached, input.maxLearners);
    dueCents = counted * input.ratePerLearnerCents;
    lines.push(
      counted < input.learnersReached
        ? `${count.format(input.learnersReached)} deelnemers bereikt; de oproep telt er hoogstens ${count.format(input.maxLearners)}.`
        : `${count.format(counted)} deelnemers bereikt.`,
      `${count.format(counted)} × ${formatCents(input.ratePerLearnerCents)} = ${formatCents(dueCents)}.`,
    );
  } else {
    assertCents("acceptedCostsCents", input.acceptedCostsCents);
    dueCents = input.acceptedCostsCents;
    lines.push(`Aanvaarde kosten: ${formatCents(dueCents)}.`);
  }
  const settledCents = Math.min(dueCents, input.grantedCents);
  if (settledCents < dueCents) lines.push(`Begrensd tot het toegekende bedrag: ${formatCents(input.grantedCents)}.`);
  const balanceCents = settledCents - input.advancesPaidCents;
  lines.push(`Afgerekend: ${formatCents(settledCents)}; al betaald als voorschot: ${formatCents(input.advancesPaidCents)}.`);
  const outcome: SettlementOutcome = balanceCents > 0 ? "BALANCE_PAYMENT" : balanceCents < 0 ? "RECOVERY" : "SETTLED";
  lines.push(
    outcome === "BALANCE_PAYMENT"
      ? `Saldo te betalen: ${formatCents(balanceCents)}.`
      : outcome === "RECOVERY"
        ? `Terug te vorderen: ${formatCents(-balanceCents)}.`
        : "Er blijft niets te betalen of terug te vorderen.",
  );
  return { settledCents, balanceCents, outcome, lines };
}

/** An advance: its share of the granted amount, rounded down to the cent so advances never exceed it. */
export function advanceCents(grantedCents: number, sharePercent: number): number {
  assertCents("grantedCents", grantedCents);
  return Math.floor((grantedCents * sharePercent) / 100);
}
