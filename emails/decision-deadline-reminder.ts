import { formatDate } from "../app/utils/time";
import { factsTable, factsText, html, linkBlock, paragraph, renderEmail, signature, SIGNATURE_TEXT, type EmailContent } from "./layout";

export type UndecidedDossier = { reference: string | null; organisationName: string; statusLabel: string; url: string };

export type DecisionDeadlineReminderEmailInput = {
  firstName: string;
  callTitle: string;
  decisionDueAt: Date;
  /** The reminder: 14 or 3 days before the decision date. */
  daysBefore: number;
  undecided: UndecidedDossier[];
  /** Absolute link to the staff worklist. */
  worklistUrl: string;
};

const LISTED = 20;

/** To reviewers and deciders: the call's decision deadline approaches with dossiers undecided. */
export function decisionDeadlineReminderEmail(input: DecisionDeadlineReminderEmailInput): EmailContent {
  const count = input.undecided.length;
  const dossiers = count === 1 ? "1 dossier heeft" : `${count} dossiers hebben`;
  const due = formatDate(input.decisionDueAt);
  const listed = input.undecided.slice(0, LISTED);
  const more = count > LISTED ? `… en nog ${count - LISTED} andere.` : "";
  const lines = listed.map((d) => `- ${d.reference ?? "zonder referentie"}, ${d.organisationName} (${d.statusLabel}): ${d.url}`);
  return renderEmail({
    subject: `Beslistermijn ${input.callTitle}: nog ${input.daysBefore} dagen, ${count} ${count === 1 ? "dossier" : "dossiers"} zonder beslissing`,
    textBody: `Beste ${input.firstName},

Voor de oproep "${input.callTitle}" moet het agentschap uiterlijk op ${due} beslissen. ${dossiers} nog geen beslissing:

${lines.join("\n")}${more ? `\n${more}` : ""}

${factsText([
  ["Oproep", input.callTitle],
  ["Beslissen uiterlijk op", due],
  ["Zonder beslissing", String(count)],
])}

Naar de dossiers die op u wachten:
${input.worklistUrl}

${SIGNATURE_TEXT}`,
    htmlBody: html`
      ${paragraph(`Beste ${input.firstName},`)}
      ${paragraph(html`Voor de oproep <strong>${input.callTitle}</strong> moet het agentschap uiterlijk op <strong>${due}</strong> beslissen. ${dossiers} nog geen beslissing:`)}
      <ul style="margin:0 0 16px 0;padding-left:24px;">
        ${listed.map(
          (d) =>
            html`<li><a href="${d.url}" style="color:#0b4f8a;">${d.reference ?? "zonder referentie"}</a>, ${d.organisationName} (${d.statusLabel})</li>`,
        )}
      </ul>
      ${more ? paragraph(more) : ""}
      ${factsTable([
        ["Oproep", input.callTitle],
        ["Beslissen uiterlijk op", due],
        ["Zonder beslissing", String(count)],
      ])}
      ${linkBlock(input.worklistUrl, "Naar de dossiers")}
      ${signature()}
    `,
  });
}
