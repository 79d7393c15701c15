import { formatCents } from "~/utils/money";

/** A call's envelope and what is spent of it, in cents. `envelope` null: no envelope (recognitions). */
export type BudgetFigures = {
  envelopeCents: number | null;
  grantedCents: number;
  /** Proposed by reviewers, not yet decided */
  proposedCents: number;
  remainingCents: number | null;
};

export function budgetFigures(envelopeCents: number | null, grantedCents: number, proposedCents: number): BudgetFigures {
  return {
    envelopeCents,
    grantedCents,
    proposedCents,
    remainingCents: envelopeCents === null ? null : envelopeCents - grantedCents,
  };
}

/**
 * The envelope rule: the granted amounts of a call never add up to more than its envelope.
 * Checked inside the decision's transaction (see decision.server.ts).
 */
export function checkEnvelope(figures: BudgetFigures, grantCents: number): { ok: true } | { ok: false; message: string } {
  if (figures.remainingCents === null || figures.envelopeCents === null || grantCents <= figures.remainingCents) return { ok: true };
  return {
    ok: false,
    message: `Dit bedrag past niet meer in het budget van de oproep: er blijft ${formatCents(Math.max(0, figures.remainingCents))} over van ${formatCents(figures.envelopeCents)}.`,
  };
}
