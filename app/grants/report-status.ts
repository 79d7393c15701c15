// zod/mini: the dossier pages show these labels (docs/decisions/0027).
import * as z from "zod/mini";
import type { CallPhase } from "~/calls/call-state";
import { isPastDeadline } from "~/calls/deadline";
import type { StaffRole } from "~/domain/roles";
import { formatDateTime } from "~/utils/time-format";
import { reportDeadline, reportWindow, type ReportPhase } from "./phases";

/**
 * The life of one report (GrantReport, docs/decisions/0057), pure: the applicant fills it while
 * its window is open and submits it; a reviewer accepts it or asks for more information, which
 * the applicant answers by changing the report and submitting it again. A final report is
 * accepted with four eyes: a reviewer (or decider) proposes, a different decider accepts.
 */
export const REPORT_STATUSES = ["DRAFT", "SUBMITTED", "INFO_REQUESTED", "ACCEPTANCE_PROPOSED", "ACCEPTED"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const reportStatusSchema = z.enum(REPORT_STATUSES);

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: "In te vullen",
  SUBMITTED: "Ingediend, wordt beoordeeld",
  INFO_REQUESTED: "Bijkomende informatie gevraagd",
  ACCEPTANCE_PROPOSED: "Goedkeuring voorgesteld",
  ACCEPTED: "Goedgekeurd",
};

/** What the applicant reads: an internal proposal is still "being assessed". */
export function applicantReportStatusLabel(status: ReportStatus): string {
  return status === "ACCEPTANCE_PROPOSED" ? REPORT_STATUS_LABELS.SUBMITTED : REPORT_STATUS_LABELS[status];
}

export type ReportAction = "submit" | "request-info" | "propose" | "accept";

export const REPORT_MESSAGES = {
  notOpenYet: (opensAt: string) => `Dit verslag kan pas vanaf ${formatDateTime(opensAt)} ingediend worden.`,
  pastDeadline: (closesAt: Date) =>
    `De termijn voor dit verslag is verstreken op ${formatDateTime(closesAt)}. Neem contact op met het agentschap.`,
  pastInfoDue: (dueAt: Date) =>
    `De termijn om te antwoorden is verstreken op ${formatDateTime(dueAt)}. Neem contact op met het agentschap.`,
  notEditable: "Dit verslag is ingediend en kan niet meer gewijzigd worden.",
  notMember: "Alleen leden van de organisatie van dit dossier vullen het verslag in.",
  notReviewer: "Alleen een beoordelaar of beslisser beoordeelt verslagen.",
  notDecider: "Alleen een beslisser keurt een eindverslag goed.",
  fourEyes: "Een eindverslag keurt een andere persoon goed dan wie de goedkeuring voorstelde.",
  finalNeedsProposal: "Een eindverslag wordt eerst ter goedkeuring voorgesteld; een beslisser keurt het daarna goed.",
  proposeOnlyFinal: "Alleen een eindverslag wordt ter goedkeuring voorgesteld; keur dit verslag meteen goed.",
  notAllowed: (from: ReportStatus, action: ReportAction) =>
    `Dit kan niet voor een verslag met status “${REPORT_STATUS_LABELS[from]}” (${ACTION_WORDS[action]}).`,
  stale: "Iemand heeft het verslag gewijzigd terwijl u het overzicht bekeek. Controleer het opnieuw en dien daarna in.",
  incomplete: "Het verslag is nog niet volledig. Vul de stappen aan en dien daarna in.",
} as const;

const ACTION_WORDS: Record<ReportAction, string> = {
  submit: "indienen",
  "request-info": "informatie vragen",
  propose: "goedkeuring voorstellen",
  accept: "goedkeuren",
};

export type ReportTransition = { ok: true; to: ReportStatus } | { ok: false; message: string };

/** Where an action takes a report, and who may do it. Staff actions name the actor's roles. */
export function checkReportTransition(
  report: { status: ReportStatus; final: boolean; proposedById: string | null },
  action: ReportAction,
  actor: { userId: string; roles: readonly StaffRole[] },
): ReportTransition {
  const refuse = (message: string): ReportTransition => ({ ok: false, message });
  const assessor = actor.roles.includes("REVIEWER") || actor.roles.includes("DECIDER");
  const { status } = report;
  switch (action) {
    case "submit":
      return status === "DRAFT" || status === "INFO_REQUESTED" ? { ok: true, to: "SUBMITTED" } : refuse(REPORT_MESSAGES.notEditable);
    case "request-info":
      if (!assessor) return refuse(REPORT_MESSAGES.notReviewer);
      return status === "SUBMITTED" || status === "ACCEPTANCE_PROPOSED"
        ? { ok: true, to: "INFO_REQUESTED" }
        : refuse(REPORT_MESSAGES.notAllowed(status, action));
    case "propose":
      if (!assessor) return refuse(REPORT_MESSAGES.notReviewer);
      if (!report.final) return refuse(REPORT_MESSAGES.proposeOnlyFinal);
      return status === "SUBMITTED" ? { ok: true, to: "ACCEPTANCE_PROPOSED" } : refuse(REPORT_MESSAGES.notAllowed(status, action));
    case "accept":
      if (!report.final) {
        if (!assessor) return refuse(REPORT_MESSAGES.notReviewer);
        return status === "SUBMITTED" ? { ok: true, to: "ACCEPTED" } : refuse(REPORT_MESSAGES.notAllowed(status, action));
      }
      if (status === "SUBMITTED") return refuse(REPORT_MESSAGES.finalNeedsProposal);
      if (status !== "ACCEPTANCE_PROPOSED") return refuse(REPORT_MESSAGES.notAllowed(status, action));
      if (!actor.roles.includes("DECIDER")) return refuse(REPORT_MESSAGES.notDecider);
      if (report.proposedById === actor.userId) return refuse(REPORT_MESSAGES.fourEyes);
      return { ok: true, to: "ACCEPTED" };
  }
}

export type ReportEditability = { editable: true; closesAt: Date } | { editable: false; message: string; window: CallPhase | null };

/**
 * Whether the applicant may change and submit the report at `at` (for a submit: the request's
 * arrival). A draft follows the phase's window with the dossier's extension, by the one deadline
 * rule (reportDeadline); a report sent back with questions can be changed until their due date.
 */
export function reportEditability(
  phase: ReportPhase,
  report: { status: ReportStatus; extendedUntil: Date | null; infoDueAt: Date | null } | null,
  at: Date,
): ReportEditability {
  const status = report?.status ?? "DRAFT";
  if (status === "INFO_REQUESTED") {
    const dueAt = report?.infoDueAt ?? null;
    if (dueAt && isPastDeadline(dueAt, at)) return { editable: false, message: REPORT_MESSAGES.pastInfoDue(dueAt), window: null };
    return { editable: true, closesAt: dueAt ?? reportDeadline(phase, report?.extendedUntil ?? null).closesAt };
  }
  if (status !== "DRAFT") return { editable: false, message: REPORT_MESSAGES.notEditable, window: null };
  const extendedUntil = report?.extendedUntil ?? null;
  const window = reportWindow(phase, at, extendedUntil);
  const deadline = reportDeadline(phase, extendedUntil);
  if (window === "upcoming") return { editable: false, message: REPORT_MESSAGES.notOpenYet(phase.opensAt), window };
  if (window === "closed") return { editable: false, message: REPORT_MESSAGES.pastDeadline(deadline.closesAt), window };
  return { editable: true, closesAt: deadline.closesAt };
}
