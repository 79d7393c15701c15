import { callPhase } from "~/calls/call-state";
import { isPastDeadline } from "~/calls/deadline";
import { allowedNextStatuses, EDITABLE_STATUSES, type ApplicationStatus } from "~/domain/application-status";
import { formatDateTime } from "~/utils/time-format";

/**
 * The one message for a draft after its deadline, on every page and in every refusal: it names
 * the deadline that counts (the call's, or the later one granted to the organisation), in
 * Brussels time.
 */
export function deadlinePassedMessage(closesAt: Date | string, extended: boolean): string {
  const which = extended ? "De verlengde indiendatum voor uw organisatie" : "De indiendatum van deze oproep";
  return `${which}, ${formatDateTime(closesAt)}, is voorbij. U kunt deze aanvraag niet meer indienen of wijzigen.`;
}

/** The messages an applicant sees when the server refuses a change, word for word. */
export const DRAFT_MESSAGES = {
  notOpenYet: "Deze oproep is nog niet geopend.",
  locked: "Deze aanvraag is verstuurd en kan niet meer gewijzigd worden.",
  notMember: "U kunt dit dossier niet wijzigen.",
} as const;

export const WITHDRAW_MESSAGES = {
  withdrawAfterDeadline: "De deadline is verstreken: u kunt de aanvraag niet meer intrekken. Neem contact op met het agentschap.",
  notWithdrawable: "Deze aanvraag kan niet meer ingetrokken worden.",
} as const;

export type Editability = { editable: true } | { editable: false; message: string };
export type Withdrawability = { ok: true } | { ok: false; message: string };

/**
 * Whether the content of a dossier may change at `at`: only a draft, only by a member of a
 * (not merged) organisation, only between the opening and the organisation's deadline.
 */
export function draftEditability(input: {
  status: ApplicationStatus;
  opensAt: Date;
  /** The organisation's deadline (combineDeadline) */
  closesAt: Date;
  /** Whether `closesAt` is an extension for the organisation rather than the call's own deadline */
  extended: boolean;
  at: Date;
  canEdit: boolean;
}): Editability {
  if (!input.canEdit) return { editable: false, message: DRAFT_MESSAGES.notMember };
  if (!EDITABLE_STATUSES.includes(input.status)) return { editable: false, message: DRAFT_MESSAGES.locked };
  const phase = callPhase(input, input.at);
  if (phase === "upcoming") return { editable: false, message: DRAFT_MESSAGES.notOpenYet };
  if (phase === "closed") return { editable: false, message: deadlinePassedMessage(input.closesAt, input.extended) };
  return { editable: true };
}

/**
 * Whether the applicant may withdraw the dossier at `at`: a member, in a status the status
 * machine lets an applicant withdraw from, up to the organisation's deadline.
 */
export function withdrawability(input: { status: ApplicationStatus; closesAt: Date; at: Date; canEdit: boolean }): Withdrawability {
  if (!input.canEdit) return { ok: false, message: DRAFT_MESSAGES.notMember };
  if (!allowedNextStatuses(input.status, "APPLICANT").includes("WITHDRAWN"))
    return { ok: false, message: WITHDRAW_MESSAGES.notWithdrawable };
  if (isPastDeadline(input.closesAt, input.at)) return { ok: false, message: WITHDRAW_MESSAGES.withdrawAfterDeadline };
  return { ok: true };
}
