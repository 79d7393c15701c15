import { describe, expect, it } from "vitest";
import { answerReceivedEmail } from "../../emails/answer-received";
import { decisionEmail } from "../../emails/decision";
import { decisionDeadlineReminderEmail } from "../../emails/decision-deadline-reminder";
import type { DossierInfo } from "../../emails/dossier";
import { draftReminderEmail } from "../../emails/draft-reminder";
import { extensionGrantedEmail } from "../../emails/extension-granted";
import { infoRequestedEmail } from "../../emails/info-requested";
import type { EmailContent } from "../../emails/layout";
import { proposalReturnedEmail } from "../../emails/proposal-returned";
import { proposalSubmittedEmail } from "../../emails/proposal-submitted";
import { recognitionGrantedEmail } from "../../emails/recognition-granted";
import { reopenedEmail } from "../../emails/reopened";
import { reviewStartedEmail } from "../../emails/review-started";
import { submissionReceiptEmail } from "../../emails/submission-receipt";
import { withdrawnEmail } from "../../emails/withdrawn";

// Every dossier e-mail names the dossier and links to it, in the text and in the HTML, and
// whatever a person typed (names, reasons, questions) is escaped in the HTML.
const URL = "https://portaal.example/dossiers/abc123?x=1&y=2";
const HOSTILE = `<script>alert("x")</script> & 'co'`;

const dossier: DossierInfo & { reference: string } = {
  reference: "RAD-2026-0007",
  organisationName: `Gemeente <b>Zottegem</b>`,
  callTitle: "Regierol 2026",
  dossierUrl: URL,
  contact: { name: "Team Regierol", email: "regierol@integratie-inburgering.be" },
};

function expectDossierAndLink(mail: EmailContent, reference = dossier.reference) {
  expect(mail.text).toContain(reference);
  expect(mail.text).toContain(URL);
  expect(mail.html).toContain(reference);
  expect(mail.html).toContain('href="https://portaal.example/dossiers/abc123?x=1&amp;y=2"');
  expect(mail.html).toContain('<html lang="nl-BE">');
  expect(mail.text).toContain("Agentschap Integratie en Inburgering — Subsidieportaal");
}

function expectEscaped(mail: EmailContent) {
  expect(mail.html).not.toContain("<script>");
  expect(mail.html).not.toContain("<b>Zottegem</b>");
  expect(mail.html).toContain("Gemeente &lt;b&gt;Zottegem&lt;/b&gt;");
}

const templates: Array<[string, () => EmailContent]> = [
  [
    "submission receipt",
    () =>
      submissionReceiptEmail({
        firstName: "An",
        dossier,
        submittedAt: new Date("2026-01-15T22:59:58Z"),
        submittedByName: "An Peeters",
        contentHash: "a".repeat(64),
        receiptUrl: "https://portaal.example/dossiers/abc123/ontvangstbewijs",
      }),
  ],
  [
    "draft reminder",
    () => draftReminderEmail({ firstName: "An", dossier, closesAt: new Date("2026-01-15T22:59:59.999Z"), daysBefore: 7, extended: false }),
  ],
  ["info requested", () => infoRequestedEmail({ firstName: "An", dossier, question: HOSTILE })],
  ["answer received", () => answerReceivedEmail({ firstName: "Els", dossier })],
  ["review started", () => reviewStartedEmail({ firstName: "An", dossier, resumed: false })],
  [
    "extension granted",
    () =>
      extensionGrantedEmail({
        firstName: "An",
        dossier,
        closesAt: new Date("2026-01-22T22:59:59.999Z"),
        callClosesAt: new Date("2026-01-15T22:59:59.999Z"),
        reason: HOSTILE,
      }),
  ],
  [
    "decision",
    () =>
      decisionEmail({
        firstName: "An",
        dossier,
        outcome: "PARTIALLY_APPROVED",
        programmeKind: "FUNDING",
        requestedCents: 5_000_000,
        grantedCents: 3_750_050,
        motivation: HOSTILE,
        letterFilename: "beslissing-RAD-2026-0007.pdf",
      }),
  ],
  [
    "recognition granted",
    () =>
      recognitionGrantedEmail({
        firstName: "Lotte",
        dossier,
        programmeName: "Erkenning partnerorganisaties",
        motivation: HOSTILE,
        letterFilename: "brief.pdf",
      }),
  ],
  ["withdrawn", () => withdrawnEmail({ firstName: "An", dossier, withdrawnByName: HOSTILE })],
  ["reopened", () => reopenedEmail({ firstName: "An", dossier, reason: HOSTILE, resubmitUntil: new Date("2026-01-15T22:59:59.999Z") })],
  ["proposal submitted", () => proposalSubmittedEmail({ firstName: "Pieter", dossier, motivation: HOSTILE })],
  ["proposal returned", () => proposalReturnedEmail({ firstName: "Els", dossier, reason: HOSTILE })],
  [
    "decision deadline reminder",
    () =>
      decisionDeadlineReminderEmail({
        firstName: "Els",
        callTitle: "Regierol 2026",
        decisionDueAt: new Date("2026-04-30T21:59:59.999Z"),
        daysBefore: 14,
        undecided: [{ reference: dossier.reference, organisationName: dossier.organisationName, statusLabel: "In behandeling", url: URL }],
        worklistUrl: "https://portaal.example/te-beoordelen",
        contact: dossier.contact,
      }),
  ],
];

describe("dossier e-mail templates", () => {
  it.each(templates)("%s: names the dossier, links to it and escapes what people typed", (_name, render) => {
    const mail = render();
    expectDossierAndLink(mail);
    expectEscaped(mail);
    // Plain text keeps what was typed readable, unescaped.
    expect(mail.text).toContain("Gemeente <b>Zottegem</b>");
  });

  it("receipt: Brussels timestamp with seconds, the content hash and the receipt link", () => {
    const mail = templates[0]![1]();
    expect(mail.subject).toBe("Ontvangstbewijs voor uw aanvraag RAD-2026-0007");
    expect(mail.text).toContain("Verstuurd op: 15 januari 2026 om 23:59:58 (Belgische tijd)");
    expect(mail.text).toContain(`Controlegetal (SHA-256): ${"a".repeat(64)}`);
    expect(mail.text).toContain("https://portaal.example/dossiers/abc123/ontvangstbewijs");
    expect(mail.html).toContain('href="https://portaal.example/dossiers/abc123/ontvangstbewijs"');
  });

  it("reasons and questions keep their line breaks, escaped line by line", () => {
    const mail = infoRequestedEmail({ firstName: "An", dossier, question: "Eerste regel <i>\nTweede regel" });
    expect(mail.html).toContain("Eerste regel &lt;i&gt;<br>Tweede regel");
    expect(mail.text).toContain("    Eerste regel <i>\n    Tweede regel");
  });

  it("decision: outcome in the subject, amounts as € 12.345,67 and a mention of the letter", () => {
    const mail = templates[6]![1]();
    expect(mail.subject).toBe("Beslissing over uw aanvraag RAD-2026-0007: gedeeltelijk goedgekeurd");
    expect(mail.text).toContain("Gevraagd bedrag: € 50.000,00");
    expect(mail.text).toContain("Toegekend bedrag: € 37.500,50");
    expect(mail.text).toContain("beslissing-RAD-2026-0007.pdf");

    const refused = decisionEmail({
      firstName: "An",
      dossier,
      outcome: "REFUSED",
      programmeKind: "RECOGNITION",
      requestedCents: null,
      grantedCents: null,
      motivation: "Overlap met bestaande partners.",
      letterFilename: null,
    });
    expect(refused.subject).toBe("Beslissing over uw aanvraag RAD-2026-0007: niet erkend");
    expect(refused.text).not.toContain("Toegekend bedrag");
  });

  it("draft reminder: 'morgen' the day before, the effective deadline in Brussels time", () => {
    const mail = draftReminderEmail({
      firstName: "An",
      dossier: { ...dossier, reference: null },
      closesAt: new Date("2026-03-31T21:59:59.999Z"),
      daysBefore: 1,
      extended: true,
    });
    expect(mail.subject).toBe("Laatste herinnering: uw aanvraag voor Regierol 2026 is nog niet verstuurd");
    expect(mail.text).toContain("De termijn loopt morgen af: u kunt versturen tot 31 maart 2026 om 23:59 (Belgische tijd).");
    expect(mail.text).toContain("verlengde termijn");
    expect(mail.text).toContain("Dossier: concept (nog niet verstuurd)");
  });

  it("decision deadline reminder: counts and lists the undecided dossiers", () => {
    const mail = templates[12]![1]();
    expect(mail.subject).toBe("Beslistermijn Regierol 2026: nog 14 dagen, 1 dossier zonder beslissing");
    expect(mail.text).toContain("uiterlijk op 30 april 2026");
    expect(mail.text).toContain("https://portaal.example/te-beoordelen");
  });
});
