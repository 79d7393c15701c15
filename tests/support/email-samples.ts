// Every portal e-mail template, rendered with realistic long Dutch names and unbroken strings
// (a SHA-256 hash, long links): for checks that hold for every message.
import { answerReceivedEmail } from "../../emails/answer-received";
import { answerToAssigneeEmail } from "../../emails/answer-to-assignee";
import { callDatesChangedEmail } from "../../emails/call-dates-changed";
import { decisionEmail } from "../../emails/decision";
import { decisionDeadlineReminderEmail } from "../../emails/decision-deadline-reminder";
import type { DossierInfo } from "../../emails/dossier";
import { draftReminderEmail } from "../../emails/draft-reminder";
import { extensionGrantedEmail } from "../../emails/extension-granted";
import { infoRequestedEmail } from "../../emails/info-requested";
import { invitationEmail } from "../../emails/invitation";
import type { EmailContent } from "../../emails/layout";
import { passwordResetEmail } from "../../emails/password-reset";
import { proposalReturnedEmail } from "../../emails/proposal-returned";
import { proposalSubmittedEmail } from "../../emails/proposal-submitted";
import { recognitionGrantedEmail } from "../../emails/recognition-granted";
import { reopenedEmail } from "../../emails/reopened";
import { reviewStartedEmail } from "../../emails/review-started";
import { submissionReceiptEmail } from "../../emails/submission-receipt";
import { withdrawnEmail } from "../../emails/withdrawn";

const LONG_URL = "https://subsidieportaal.integratie-inburgering.be/dossiers/cm4x7q2p90000l8r3h5k2v9wz";
const dossier: DossierInfo & { reference: string } = {
  reference: "OEF-2026-0042",
  organisationName: "Vereniging voor Interculturele Samenlevingsopbouw Oost-Vlaanderen vzw",
  callTitle: "Oefenkansen Nederlands 2026",
  dossierUrl: LONG_URL,
  contact: { name: "Team Oefenkansen Nederlands", email: "oefenkansen.nederlands@integratie-inburgering.be" },
};
const reason = "De toelichting bij de samenwerkingsovereenkomst met de gemeentelijke dienstverlening ontbreekt nog.";
const closesAt = new Date("2026-03-31T21:59:59.999Z");

export const EMAIL_SAMPLES: Array<[template: string, render: () => EmailContent]> = [
  [
    "submission-receipt",
    () =>
      submissionReceiptEmail({
        firstName: "Anneleen",
        dossier,
        submittedAt: new Date("2026-03-31T21:59:58Z"),
        submittedByName: "Anneleen Vandenbroucke-Verstraeten",
        contentHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        receiptUrl: `${LONG_URL}/ontvangstbewijs`,
      }),
  ],
  ["draft-reminder", () => draftReminderEmail({ firstName: "Anneleen", dossier, closesAt, daysBefore: 7, extended: true })],
  ["info-requested", () => infoRequestedEmail({ firstName: "Anneleen", dossier, question: reason })],
  ["answer-received", () => answerReceivedEmail({ firstName: "Els", dossier })],
  ["answer-to-assignee", () => answerToAssigneeEmail({ firstName: "Els", dossier, question: reason, answer: reason, fileCount: 2 })],
  ["review-started", () => reviewStartedEmail({ firstName: "Anneleen", dossier, resumed: true })],
  [
    "extension-granted",
    () => extensionGrantedEmail({ firstName: "Anneleen", dossier, closesAt, callClosesAt: new Date("2026-03-15T22:59:59.999Z"), reason }),
  ],
  [
    "decision",
    () =>
      decisionEmail({
        firstName: "Anneleen",
        dossier,
        outcome: "PARTIALLY_APPROVED",
        programmeKind: "FUNDING",
        requestedCents: 12_345_678,
        grantedCents: 9_876_543,
        motivation: reason,
        letterFilename: "beslissing-OEF-2026-0042.pdf",
      }),
  ],
  [
    "recognition-granted",
    () =>
      recognitionGrantedEmail({
        firstName: "Anneleen",
        dossier,
        programmeName: "Erkenning partnerorganisaties inburgering",
        motivation: reason,
        letterFilename: "beslissing-ERK-2026-0003.pdf",
      }),
  ],
  ["withdrawn", () => withdrawnEmail({ firstName: "Anneleen", dossier, withdrawnByName: "Anneleen Vandenbroucke-Verstraeten" })],
  ["reopened", () => reopenedEmail({ firstName: "Anneleen", dossier, reason, resubmitUntil: closesAt })],
  ["proposal-submitted", () => proposalSubmittedEmail({ firstName: "Pieter", dossier, motivation: reason })],
  ["proposal-returned", () => proposalReturnedEmail({ firstName: "Els", dossier, reason })],
  [
    "call-dates-changed",
    () =>
      callDatesChangedEmail({
        firstName: "Anneleen",
        dossier: { ...dossier, reference: null },
        changes: [{ label: "Indienen tot", before: new Date("2026-03-15T22:59:59.999Z"), after: closesAt }],
        closesAt,
        extended: false,
        note: reason,
      }),
  ],
  [
    "decision-deadline-reminder",
    () =>
      decisionDeadlineReminderEmail({
        firstName: "Els",
        callTitle: dossier.callTitle,
        decisionDueAt: new Date("2026-06-30T21:59:59.999Z"),
        daysBefore: 14,
        undecided: [
          { reference: dossier.reference, organisationName: dossier.organisationName, statusLabel: "In behandeling", url: LONG_URL },
        ],
        worklistUrl: "https://subsidieportaal.integratie-inburgering.be/te-beoordelen?oproep=cm4x7q2p90000l8r3h5k2v9wz",
        contact: dossier.contact,
      }),
  ],
  [
    "invitation",
    () =>
      invitationEmail({
        inviterName: "Anneleen Vandenbroucke-Verstraeten",
        organisationName: dossier.organisationName,
        acceptUrl: "https://subsidieportaal.integratie-inburgering.be/uitnodiging/8c1f0f6e0d9b4a2c9e7f5a3b1d0c8e6f",
        expiresAt: closesAt,
      }),
  ],
  [
    "password-reset",
    () =>
      passwordResetEmail({
        firstName: "Anneleen",
        resetUrl: "https://subsidieportaal.integratie-inburgering.be/wachtwoord-herstellen/8c1f0f6e0d9b4a2c9e7f5a3b1d0c8e6f",
        expiresAt: closesAt,
      }),
  ],
];
