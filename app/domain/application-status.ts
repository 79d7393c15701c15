import * as z from "zod/mini";
import type { ActorRole } from "./roles";
import { isOneOf } from "~/utils/guards";

/**
 * The status machine of an application, written once for every programme. Pure: it knows
 * nothing about deadlines, budgets or the database; callers check those separately.
 */
export const APPLICATION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "INFO_REQUESTED",
  "PROPOSED",
  "APPROVED",
  "PARTIALLY_APPROVED",
  "REFUSED",
  "WITHDRAWN",
] as const;
export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  DRAFT: "Concept",
  SUBMITTED: "Verstuurd",
  IN_REVIEW: "In behandeling",
  INFO_REQUESTED: "Bijkomende informatie gevraagd",
  PROPOSED: "Voorstel tot beslissing",
  APPROVED: "Goedgekeurd",
  PARTIALLY_APPROVED: "Gedeeltelijk goedgekeurd",
  REFUSED: "Geweigerd",
  WITHDRAWN: "Ingetrokken",
};

export const FINAL_STATUSES: readonly ApplicationStatus[] = ["APPROVED", "PARTIALLY_APPROVED", "REFUSED", "WITHDRAWN"];

/** Submitted and not yet decided: the dossiers staff still work on. */
export const UNDECIDED_STATUSES = ["SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "PROPOSED"] as const satisfies readonly ApplicationStatus[];
/** A decision was taken; the first two grant money (or a recognition). */
export const DECIDED_STATUSES = ["APPROVED", "PARTIALLY_APPROVED", "REFUSED"] as const satisfies readonly ApplicationStatus[];
export const GRANTED_STATUSES = ["APPROVED", "PARTIALLY_APPROVED"] as const satisfies readonly ApplicationStatus[];
/** Dossiers that went through a submission and still count: everything but drafts and withdrawals. */
export const SUBMITTED_STATUSES = [...UNDECIDED_STATUSES, ...DECIDED_STATUSES] as const;

/** Whether a status (e.g. a database string) is in one of the lists above. */
export function isStatusIn(list: readonly ApplicationStatus[], status: string): boolean {
  return isOneOf(list, status);
}

/** Statuses in which the applicant may still change the content. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ["DRAFT"];

type Transition = {
  from: ApplicationStatus;
  to: ApplicationStatus;
  by: readonly ActorRole[];
  /** A reason must be recorded (shown in the timeline and the audit trail). */
  needsReason: boolean;
};

export const TRANSITIONS: readonly Transition[] = [
  { from: "DRAFT", to: "SUBMITTED", by: ["APPLICANT"], needsReason: false },
  { from: "DRAFT", to: "WITHDRAWN", by: ["APPLICANT"], needsReason: false },
  { from: "SUBMITTED", to: "WITHDRAWN", by: ["APPLICANT"], needsReason: false },
  // Reopening a submitted dossier is a staff decision with a reason, never a database script.
  { from: "SUBMITTED", to: "DRAFT", by: ["REVIEWER", "ADMIN"], needsReason: true },
  { from: "SUBMITTED", to: "IN_REVIEW", by: ["REVIEWER"], needsReason: false },
  { from: "IN_REVIEW", to: "INFO_REQUESTED", by: ["REVIEWER"], needsReason: true },
  { from: "INFO_REQUESTED", to: "IN_REVIEW", by: ["APPLICANT", "REVIEWER"], needsReason: false },
  { from: "IN_REVIEW", to: "PROPOSED", by: ["REVIEWER"], needsReason: true },
  { from: "PROPOSED", to: "IN_REVIEW", by: ["DECIDER"], needsReason: true },
  { from: "PROPOSED", to: "APPROVED", by: ["DECIDER"], needsReason: true },
  { from: "PROPOSED", to: "PARTIALLY_APPROVED", by: ["DECIDER"], needsReason: true },
  { from: "PROPOSED", to: "REFUSED", by: ["DECIDER"], needsReason: true },
];

export type TransitionCheck = { ok: true; needsReason: boolean } | { ok: false; message: string };

export function checkTransition(from: ApplicationStatus, to: ApplicationStatus, actor: ActorRole): TransitionCheck {
  const moves = TRANSITIONS.filter((t) => t.from === from && t.to === to);
  if (moves.length === 0) {
    return {
      ok: false,
      message: `Een dossier met status "${APPLICATION_STATUS_LABELS[from]}" kan niet naar "${APPLICATION_STATUS_LABELS[to]}".`,
    };
  }
  const move = moves.find((t) => t.by.includes(actor));
  if (!move) {
    return { ok: false, message: "U mag deze stap in het dossier niet zetten." };
  }
  return { ok: true, needsReason: move.needsReason };
}

export function allowedNextStatuses(from: ApplicationStatus, actor: ActorRole): ApplicationStatus[] {
  return TRANSITIONS.filter((t) => t.from === from && t.by.includes(actor)).map((t) => t.to);
}

export function isFinal(status: ApplicationStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/**
 * A proposal is an internal step: until a decider has decided, the applicant sees "in
 * behandeling", and the proposal's motivation stays internal.
 */
export function statusForApplicant(status: ApplicationStatus): ApplicationStatus {
  return status === "PROPOSED" ? "IN_REVIEW" : status;
}

export function isInternalStep(from: ApplicationStatus | null, to: ApplicationStatus | null): boolean {
  return to === "PROPOSED" || (from === "PROPOSED" && to === "IN_REVIEW");
}
