import { formatDate } from "../app/utils/time";
import { action, facts, li, link, list, named, p, SIGNATURE, strong } from "./content";
import { renderEmail, type Contact, type EmailContent } from "./layout";

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
  /** The call's contact: replies go there. */
  contact: Contact;
};

const LISTED = 20;

/** To reviewers and deciders: the call's decision deadline approaches with dossiers undecided. */
export function decisionDeadlineReminderEmail(input: DecisionDeadlineReminderEmailInput): EmailContent {
  const count = input.undecided.length;
  const dossiers = count === 1 ? "1 dossier heeft" : `${count} dossiers hebben`;
  const due = formatDate(input.decisionDueAt);
  const listed = input.undecided.slice(0, LISTED);
  const more = count > LISTED ? `… en nog ${count - LISTED} andere.` : "";
  return renderEmail({
    subject: `Beslistermijn ${input.callTitle}: nog ${input.daysBefore} dagen, ${count} ${count === 1 ? "dossier" : "dossiers"} zonder beslissing`,
    replyTo: input.contact,
    blocks: [
      p`Beste ${input.firstName},`,
      p`Voor de oproep ${named(input.callTitle)} moet het agentschap uiterlijk op ${strong(due)} beslissen. ${dossiers} nog geen beslissing:`,
      list(listed.map((d) => li`${link(d.url, d.reference ?? "zonder referentie")}, ${d.organisationName} (${d.statusLabel})`)),
      ...(more ? [p`${more}`] : []),
      facts([
        ["Oproep", input.callTitle],
        ["Beslissen uiterlijk op", due],
        ["Zonder beslissing", String(count)],
      ]),
      action(input.worklistUrl, "Naar de dossiers die op u wachten"),
      SIGNATURE,
    ],
  });
}
