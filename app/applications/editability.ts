import { EDITABLE_STATUSES, type ApplicationStatus } from "~/domain/application-status";

/** The messages an applicant sees when the server refuses a change, word for word. */
export const DRAFT_MESSAGES = {
  deadlinePassed: "De deadline voor deze stap is verstreken.",
  notOpenYet: "Deze oproep is nog niet geopend.",
  locked: "Deze aanvraag is verstuurd en kan niet meer gewijzigd worden.",
  notMember: "U kunt dit dossier niet wijzigen.",
} as const;

export type Editability = { editable: true } | { editable: false; message: string };

/**
 * Whether the content of a dossier may change at `at`: only a draft, only by a member of a
 * (not merged) organisation, only between the opening and the organisation's deadline.
 */
export function draftEditability(input: {
  status: ApplicationStatus;
  opensAt: Date;
  closesAt: Date;
  at: Date;
  canEdit: boolean;
}): Editability {
  if (!input.canEdit) return { editable: false, message: DRAFT_MESSAGES.notMember };
  if (!EDITABLE_STATUSES.includes(input.status)) return { editable: false, message: DRAFT_MESSAGES.locked };
  if (input.at < input.opensAt) return { editable: false, message: DRAFT_MESSAGES.notOpenYet };
  if (input.at > input.closesAt) return { editable: false, message: DRAFT_MESSAGES.deadlinePassed };
  return { editable: true };
}
