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

/**
 * Why an amount a reviewer proposes (or is about to) does not fit the call's envelope, or null
 * when it fits. `otherProposedCents`: the other proposals still awaiting a decision. Only the
 * decision is refused (checkEnvelope); the reviewer is warned, so the proposal can be adjusted.
 */
export function envelopeWarning(
  figures: BudgetFigures,
  cents: number | null,
  otherProposedCents: number,
  subject: "proposal" | "request",
): string | null {
  if (figures.envelopeCents === null || figures.remainingCents === null || cents === null || cents <= 0) return null;
  const what = subject === "proposal" ? `Dit voorstel (${formatCents(cents)})` : `Het gevraagde bedrag (${formatCents(cents)})`;
  const left = Math.max(0, figures.remainingCents);
  if (cents > left) {
    return `${what} is meer dan er nog vrij is in het budget van de oproep: ${formatCents(left)} van ${formatCents(figures.envelopeCents)}. Een beslisser kan het zo niet goedkeuren.`;
  }
  if (otherProposedCents > 0 && cents + otherProposedCents > left) {
    return `${what} past nog in het budget van de oproep (${formatCents(left)} vrij van ${formatCents(figures.envelopeCents)}), maar niet samen met de andere voorstellen die op een beslissing wachten (${formatCents(otherProposedCents)}).`;
  }
  return null;
}
