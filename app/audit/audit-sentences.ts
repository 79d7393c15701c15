import { APPLICATION_STATUS_LABELS, applicationStatusSchema, type ApplicationStatus } from "~/domain/application-status";
import { ACTOR_ROLE_LABELS, STAFF_ROLE_LABELS, staffRoleSchema } from "~/domain/roles";
import { paymentKindSchema } from "~/grants/payment-status";
import { isRecord, lookup } from "~/utils/guards";
import { formatCents } from "~/utils/money";
import { formatDate, formatDateTime, formatPeriod } from "~/utils/time-format";

/**
 * Every action the portal writes to the audit trail (app/audit/audit.server.ts takes only
 * these), each with the sentence a person reads: "Els Vermeulen wees het dossier toe aan Jan
 * Peeters." The stored before/after stay as they are; pages show them folded away.
 */
export const AUDIT_ACTIONS = [
  "application.status",
  "application.assigned",
  "application.decision",
  "application.transferred",
  "assessment.score",
  "deadline.extended",
  "attachment.upload",
  "attachment.remove",
  "attachment.download",
  "attachment.generated",
  "note.added",
  "email.retry",
  "call.created",
  "call.updated",
  "call.dates-changed",
  "call.export",
  "report.export",
  "programme.created",
  "programme.updated",
  "form-version.created",
  "municipalities.refreshed",
  "organisation.created",
  "organisation.invitation",
  "organisation.member-joined",
  "organisation.merged",
  "organisation.merger",
  "organisation.password-login",
  "organisation.updated",
  "user.created-from-idp",
  "user.deactivated",
  "user.reactivated",
  "user.password-reset",
  "user.role-granted",
  "user.role-revoked",
  "user.job-title",
  "membership.granted-by-idp",
  "membership.removed-by-idp",
  "staff-role.granted-by-idp",
  "staff-role.revoked-by-idp",
  "payment.prepared",
  "payment.approved",
  "payment.paid",
  "payment.cancelled",
  "grant.settled",
  "payment.export",
  "report.submitted",
  "report.info-requested",
  "report.acceptance-proposed",
  "report.accepted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit trail as stored: before and after are JSON text (or null). */
export type AuditLine = {
  action: string;
  actorId: string | null;
  actorRole: string;
  before: string | null;
  after: string | null;
  reason: string | null;
};

/** What a sentence needs besides the line: names for user ids, labels for criteria. */
export type AuditContext = {
  userName: (id: string) => string | undefined;
  criterionLabel?: (key: string) => string | undefined;
  /** RECOGNITION words a positive decision "erkend" */
  programmeKind?: string;
};

type Parsed = { actor: string; before: Record<string, unknown>; after: Record<string, unknown>; line: AuditLine; context: AuditContext };

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) ? value : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);
const quoted = (value: unknown, fallback: string) => (text(value) ? `“${text(value)}”` : fallback);

function status(value: unknown): ApplicationStatus | null {
  const parsed = applicationStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** "Els Vermeulen", or who it was when no name is known ("Het portaal", "Een beoordelaar"). */
function actorName(line: AuditLine, context: AuditContext): string {
  const name = line.actorId ? context.userName(line.actorId) : undefined;
  if (name) return name;
  if (line.actorRole === "SYSTEM" || !line.actorId) return "Het portaal";
  const role = lookup(ACTOR_ROLE_LABELS, line.actorRole);
  return role ? `Een ${role.toLowerCase()}` : "Iemand";
}

function personName(id: unknown, context: AuditContext, fallback: string): string {
  return (typeof id === "string" && context.userName(id)) || fallback;
}

function roleLabel(value: unknown): string {
  const role = staffRoleSchema.safeParse(value);
  return role.success ? `“${STAFF_ROLE_LABELS[role.data]}”` : "een rol";
}

function statusSentence({ actor, before, after, line, context }: Parsed): string {
  const from = status(before.status);
  const to = status(after.status);
  const recognition = context.programmeKind === "RECOGNITION";
  switch (to) {
    case "DRAFT":
      return from ? `${actor} heropende de aanvraag.` : `${actor} begon de aanvraag.`;
    case "SUBMITTED":
      return `${actor} diende de aanvraag in.`;
    case "IN_REVIEW":
      if (from === "INFO_REQUESTED" && line.actorRole === "APPLICANT") return `${actor} beantwoordde de vraag om bijkomende informatie.`;
      if (from === "PROPOSED") return `${actor} stuurde het voorstel terug naar de beoordelaar.`;
      if (from === "INFO_REQUESTED") return `${actor} nam het dossier weer in behandeling.`;
      return `${actor} nam het dossier in behandeling.`;
    case "INFO_REQUESTED":
      return `${actor} vroeg de aanvrager bijkomende informatie.`;
    case "PROPOSED":
      return `${actor} deed een voorstel tot beslissing.`;
    case "APPROVED":
      return recognition ? `${actor} erkende de organisatie.` : `${actor} keurde de aanvraag goed.`;
    case "PARTIALLY_APPROVED":
      return `${actor} keurde de aanvraag gedeeltelijk goed.`;
    case "REFUSED":
      return recognition ? `${actor} besliste de organisatie niet te erkennen.` : `${actor} weigerde de aanvraag.`;
    case "WITHDRAWN":
      return `${actor} trok de aanvraag in.`;
    case null:
      return `${actor} wijzigde de status van het dossier.`;
  }
}

function assignedSentence({ actor, before, after, line, context }: Parsed): string {
  const to = after.assigneeId;
  const previous = typeof before.assigneeId === "string" ? personName(before.assigneeId, context, "een andere beoordelaar") : null;
  const target = to === line.actorId ? "zichzelf" : personName(to, context, "een beoordelaar");
  return previous
    ? `${actor} wees het dossier toe aan ${target}, in plaats van aan ${previous}.`
    : `${actor} wees het dossier toe aan ${target}.`;
}

function decisionSentence({ actor, after, context }: Parsed): string {
  const outcome = status(after.outcome);
  const cents = typeof after.grantedCents === "number" ? after.grantedCents : null;
  const period = isRecord(after.recognitionPeriod) ? after.recognitionPeriod : null;
  const startsOn = text(period?.startsOn);
  const endsOn = text(period?.endsOn);
  const label = outcome
    ? context.programmeKind === "RECOGNITION" && outcome === "APPROVED"
      ? "erkend"
      : context.programmeKind === "RECOGNITION" && outcome === "REFUSED"
        ? "niet erkend"
        : APPLICATION_STATUS_LABELS[outcome].toLowerCase()
    : "beslist";
  const amount = cents !== null && cents > 0 ? ` voor ${formatCents(cents)}` : "";
  const during = startsOn && endsOn ? `, van ${formatPeriod(startsOn, endsOn)}` : "";
  return `${actor} besliste over het voorstel: ${label}${amount}${during}.`;
}

function scoreSentence({ actor, before, after, context }: Parsed): string {
  const key = text(after.criterion) ?? text(before.criterion);
  const criterion = quoted(key ? (context.criterionLabel?.(key) ?? key) : null, "een criterium");
  const score = typeof after.score === "number" ? after.score : null;
  const previous = typeof before.score === "number" ? before.score : null;
  if (previous === null) return score === null ? `${actor} beoordeelde ${criterion}.` : `${actor} gaf ${criterion} een score van ${score}.`;
  if (previous === score) return `${actor} wijzigde de motivering bij ${criterion}.`;
  return `${actor} wijzigde de score voor ${criterion} van ${previous} naar ${score ?? "geen score"}.`;
}

/** "een voorschot van € 10.800,00" */
function paymentPhrase(after: Record<string, unknown>, before: Record<string, unknown> = {}): string {
  const kind = paymentKindSchema.safeParse(after.kind ?? before.kind);
  const cents =
    typeof after.amountCents === "number" ? after.amountCents : typeof before.amountCents === "number" ? before.amountCents : null;
  const what = kind.success
    ? { ADVANCE: "een voorschot", BALANCE: "een saldobetaling", RECOVERY: "een terugvordering" }[kind.data]
    : "een opdracht";
  return cents === null ? what : `${what} van ${formatCents(cents)}`;
}

function when(value: unknown): string | null {
  return text(value) ? formatDateTime(String(value)) : null;
}

const SENTENCES: Record<AuditAction, (parsed: Parsed) => string> = {
  "application.status": statusSentence,
  "application.assigned": assignedSentence,
  "application.decision": decisionSentence,
  "application.transferred": ({ actor, before, after }) =>
    `${actor} droeg het dossier bij een fusie over van ${text(before.organisationName) ?? "de vorige organisatie"} naar ${text(after.organisationName) ?? "de nieuwe gemeente"}.`,
  "assessment.score": scoreSentence,
  "deadline.extended": ({ actor, after }) => {
    const until = when(after.closesAt);
    return until ? `${actor} verlengde de termijn tot ${until}.` : `${actor} verlengde de termijn.`;
  },
  "attachment.upload": ({ actor, after }) => `${actor} voegde het bestand ${quoted(after.fileName, "een bestand")} toe.`,
  "attachment.remove": ({ actor, before }) => `${actor} verwijderde het bestand ${quoted(before.fileName, "een bestand")}.`,
  "attachment.download": ({ actor, after }) => `${actor} downloadde het bestand ${quoted(after.fileName, "een bestand")}.`,
  "attachment.generated": ({ actor, after }) => `${actor} liet het document ${quoted(after.fileName, "een document")} aanmaken.`,
  "note.added": ({ actor }) => `${actor} voegde een interne notitie toe.`,
  "email.retry": ({ actor, after }) =>
    text(after.to) ? `${actor} liet een e-mail aan ${text(after.to)} opnieuw versturen.` : `${actor} liet een e-mail opnieuw versturen.`,
  "call.created": ({ actor, after }) => `${actor} maakte de oproep ${quoted(after.title, "")}`.trimEnd() + " aan.",
  "call.updated": ({ actor }) => `${actor} wijzigde de oproep.`,
  "call.dates-changed": ({ actor }) => `${actor} wijzigde de data van de oproep.`,
  "call.export": ({ actor, after }) =>
    typeof after.rows === "number"
      ? `${actor} exporteerde de dossiers van de oproep (${after.rows} ${after.rows === 1 ? "rij" : "rijen"}).`
      : `${actor} exporteerde de dossiers van de oproep.`,
  "report.export": ({ actor }) => `${actor} downloadde een rapport van de oproep.`,
  "programme.created": ({ actor, after }) => `${actor} maakte het programma ${quoted(after.name, "")}`.trimEnd() + " aan.",
  "programme.updated": ({ actor }) => `${actor} wijzigde het programma.`,
  "form-version.created": ({ actor, after }) =>
    typeof after.version === "number"
      ? `${actor} maakte versie ${after.version} van het formulier ${quoted(after.key, "")}`.trimEnd() + " aan."
      : `${actor} maakte een nieuwe formulierversie aan.`,
  "municipalities.refreshed": ({ actor }) => `${actor} werkte de lijst van de gemeenten bij.`,
  "organisation.created": ({ actor, after }) => `${actor} maakte de organisatie ${quoted(after.name, "")}`.trimEnd() + " aan.",
  "organisation.invitation": ({ actor, after }) => {
    const name = [text(after.firstName), text(after.lastName)].filter(Boolean).join(" ");
    return name ? `${actor} nodigde ${name} uit voor de organisatie.` : `${actor} nodigde iemand uit voor de organisatie.`;
  },
  "organisation.member-joined": ({ actor, after, context }) =>
    typeof after.invitedById === "string" && context.userName(after.invitedById)
      ? `${actor} werd lid van de organisatie, op uitnodiging van ${context.userName(after.invitedById)}.`
      : `${actor} werd lid van de organisatie.`,
  "organisation.merged": ({ actor, after }) =>
    `${actor} voegde de organisatie samen met ${text(after.successorName) ?? "een nieuwe gemeente"}.`,
  "organisation.merger": ({ actor }) => `${actor} voerde een fusie van gemeenten uit.`,
  "organisation.password-login": ({ actor, after }) =>
    after.passwordLoginAllowed === true
      ? `${actor} stond aanmelden met een wachtwoord toe voor de organisatie.`
      : `${actor} stond aanmelden met een wachtwoord niet langer toe voor de organisatie.`,
  "organisation.updated": ({ actor }) => `${actor} wijzigde het adres of het bestuursorgaan van de organisatie.`,
  "user.created-from-idp": () => "Het account werd aangemaakt bij de eerste aanmelding met de overheidsaccount.",
  "user.deactivated": ({ actor }) => `${actor} deactiveerde het account.`,
  "user.reactivated": ({ actor }) => `${actor} activeerde het account opnieuw.`,
  "user.password-reset": ({ actor }) => `${actor} koos een nieuw wachtwoord.`,
  "user.role-granted": ({ actor, after }) => `${actor} gaf de rol ${roleLabel(after.role)}.`,
  "user.role-revoked": ({ actor, after }) => `${actor} nam de rol ${roleLabel(after.role)} af.`,
  "user.job-title": ({ actor, after }) =>
    text(after.jobTitle) ? `${actor} zette de functie op ${quoted(after.jobTitle, "")}.` : `${actor} maakte de functie leeg.`,
  "membership.granted-by-idp": () => "De overheidsaccount maakte de gebruiker lid van een organisatie.",
  "membership.removed-by-idp": () => "De overheidsaccount nam het lidmaatschap van een organisatie weg.",
  "staff-role.granted-by-idp": ({ after }) => `De overheidsaccount gaf de rol ${roleLabel(after.role)}.`,
  "staff-role.revoked-by-idp": ({ after }) => `De overheidsaccount nam de rol ${roleLabel(after.role)} af.`,
  "payment.prepared": ({ actor, after }) => `${actor} bereidde ${paymentPhrase(after)} voor.`,
  "payment.approved": ({ actor, before, after }) => `${actor} keurde ${paymentPhrase(after, before)} goed.`,
  "payment.paid": ({ actor, before, after }) => {
    const on = text(after.paidOn) ? ` op ${formatDate(String(after.paidOn))}` : "";
    return before.kind === "RECOVERY" || after.kind === "RECOVERY"
      ? `${actor} boekte ${paymentPhrase(after, before)} als ontvangen${on}.`
      : `${actor} boekte ${paymentPhrase(after, before)} als betaald${on}.`;
  },
  "payment.cancelled": ({ actor, before, after }) => `${actor} annuleerde ${paymentPhrase(after, before)}.`,
  "payment.export": ({ actor, after }) =>
    typeof after.rows === "number"
      ? `${actor} exporteerde de betalingsopdrachten van de oproep (${after.rows} ${after.rows === 1 ? "rij" : "rijen"}).`
      : `${actor} exporteerde de betalingsopdrachten van de oproep.`,
  "report.submitted": ({ actor, after }) => `${actor} diende ${reportName(after)} in.`,
  "report.info-requested": ({ actor, after, line }) =>
    text(line.reason)
      ? `${actor} vroeg bijkomende informatie over ${reportName(after)}: ${quoted(line.reason, "")}.`
      : `${actor} vroeg bijkomende informatie over ${reportName(after)}.`,
  "report.acceptance-proposed": ({ actor, after }) => `${actor} stelde voor ${reportName(after)} goed te keuren.`,
  "report.accepted": ({ actor, after }) => `${actor} keurde ${reportName(after)} goed.`,
  "grant.settled": ({ actor, after }) =>
    typeof after.settledCents === "number"
      ? `${actor} rekende de subsidie af op ${formatCents(after.settledCents)}.`
      : `${actor} rekende de subsidie af.`,
};

/** "het verslag “Eindverslag”": a report by its phase's title (app/grants/reports.server.ts). */
function reportName(after: Record<string, unknown>): string {
  return text(after.title) ? `het verslag ${quoted(after.title, "")}` : "een verslag";
}

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The sentence for one line of the audit trail; an action unknown here still reads as Dutch. */
export function auditSentence(line: AuditLine, context: AuditContext): string {
  const parsed: Parsed = { actor: actorName(line, context), before: parse(line.before), after: parse(line.after), line, context };
  return isAuditAction(line.action) ? SENTENCES[line.action](parsed) : `${parsed.actor} deed een handeling in het portaal.`;
}

/** The user ids a line mentions (actor, assignees, inviter), to look their names up at once. */
export function userIdsIn(line: AuditLine): string[] {
  const before = parse(line.before);
  const after = parse(line.after);
  return [line.actorId, before.assigneeId, after.assigneeId, after.invitedById, before.proposedById].filter(
    (id): id is string => typeof id === "string" && id.length > 0,
  );
}
