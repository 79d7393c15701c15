import { answerReceivedEmail } from "../../emails/answer-received";
import { decisionEmail } from "../../emails/decision";
import type { DossierInfo } from "../../emails/dossier";
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
import { DOSSIER_FROM } from "~/applications/dossier.server";
import { callContact } from "~/documents/letter-texts";
import { combineDeadline, isPastDeadline } from "~/calls/deadline";
import type { Tx } from "~/db.server";
import { decode, decodeRows, nullable, sql } from "~/db/sql";
import { asSqlDb, type AnyDb, type SqlDb } from "~/db/sql.server";
import { answerReceivedRecipients } from "~/review/answer-notice.server";
import { decisionLetterFor } from "~/review/letter.server";
import { isInternalStep, type ApplicationStatus } from "~/domain/application-status";
import type { ActorRole } from "~/domain/roles";
import { now } from "~/utils/clock.server";
import { publicUrl } from "~/utils/url.server";
import { enqueueEmail, type EnqueueEmailInput } from "./outbox.server";
import { applicantRecipients, staffRecipients, type Recipient } from "./recipients.server";

export type StatusChange = {
  applicationId: string;
  from: ApplicationStatus;
  to: ApplicationStatus;
  reason?: string | null;
  actorUserId: string | null;
  /** Who made the change; decides e.g. whether INFO_REQUESTED → IN_REVIEW is an answer. */
  actorRole?: ActorRole;
};

type Attachment = NonNullable<EnqueueEmailInput["attachments"]>[number];

/** One template for a group of recipients; `render` is called once per recipient. */
type Plan = {
  template: string;
  recipients: Recipient[];
  render: (recipient: Recipient, dossier: DossierInfo) => EmailContent;
  attachments?: Attachment[];
};

function link(path: string): string {
  return publicUrl(null, path);
}

const DOSSIER_COLUMNS = {
  id: decode.text,
  version: decode.int,
  callId: decode.text,
  organisationId: decode.text,
  reference: nullable(decode.text),
  submittedAt: nullable(decode.date),
  submittedById: nullable(decode.text),
  contentHash: nullable(decode.text),
  requestedCents: nullable(decode.int),
  grantedCents: nullable(decode.int),
  organisationName: decode.text,
  callTitle: decode.text,
  callClosesAt: decode.date,
  callSettings: decode.text,
  programmeName: decode.text,
  programmeKind: decode.text,
  extensionClosesAt: nullable(decode.date),
  submitterFirstName: nullable(decode.text),
  submitterLastName: nullable(decode.text),
};

async function loadDossier(on: SqlDb, applicationId: string) {
  const [row] = decodeRows(
    DOSSIER_COLUMNS,
    await on.query(sql`
      SELECT a."id", a."version", a."callId", a."organisationId", a."reference", a."submittedAt", a."submittedById",
        a."contentHash", a."requestedCents", a."grantedCents", o."name" AS "organisationName", c."title" AS "callTitle",
        c."closesAt" AS "callClosesAt", c."settings" AS "callSettings", p."name" AS "programmeName", p."kind" AS "programmeKind",
        e."closesAt" AS "extensionClosesAt", u."firstName" AS "submitterFirstName", u."lastName" AS "submitterLastName"
      ${DOSSIER_FROM}
      LEFT JOIN "User" u ON u."id" = a."submittedById"
      WHERE a."id" = ${applicationId}`),
  );
  if (!row) throw new Error(`Dossier ${applicationId} bestaat niet.`);
  return row;
}
type Dossier = Awaited<ReturnType<typeof loadDossier>>;
/** What a caller that just wrote the dossier already knows of it, all but its new version. */
export type KnownDossier = Omit<Dossier, "version">;

function dossierInfo(dossier: Dossier): DossierInfo {
  return {
    reference: dossier.reference,
    organisationName: dossier.organisationName,
    callTitle: dossier.callTitle,
    dossierUrl: link(`/dossiers/${dossier.id}`),
    contact: callContact(dossier.callSettings),
  };
}

function fullName(user: { firstName: string; lastName: string }): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

/**
 * Queues the e-mails for one status change, in the transaction of that change: they exist
 * exactly when the change was committed. Keys name the application, its version after the
 * change, the template and the recipient, so calling this twice for one change queues nothing
 * new. Returns the number of messages handed to the outbox.
 */
export async function enqueueStatusEmails(db: AnyDb, change: StatusChange): Promise<number> {
  return (await prepareStatusEmails(db, change)).queue();
}

/** A status change's e-mails, read and planned. */
export type PreparedStatusEmails = {
  /** Renders and writes them. */
  queue(): Promise<number>;
  /**
   * The submit: renders them now, while the dossier has no reference yet, so that the call's
   * row is held only for writing (docs/decisions/0049). `referenceLength`: the length the
   * reference will have.
   */
  renderBeforeNumbering(referenceLength: number): NumberedEmails;
};

/** Rendered messages that wait for their dossier's reference. */
export type NumberedEmails = { messages(reference: string): EnqueueEmailInput[] };

/**
 * Stands in for the reference while the submit's e-mails are rendered: private-use characters of
 * the reference's length, which no template escapes, wraps or shortens differently from the
 * reference's plain [A-Z0-9-] text. Putting the reference in its place then gives exactly the
 * message that rendering with the reference would (tests/integration/numbered-emails.test.ts).
 */
const STAND_IN = "\uE000";

/**
 * Does the reading for `enqueueStatusEmails` (the dossier, the recipients) and leaves the
 * rendering and writing for later in the same transaction: the submit prepares its receipt before
 * it takes the call's row to number the dossier, and holds that lock only for the last statements.
 * `known`: the dossier as the caller has just written it (the submit), which spares reading it.
 */
export async function prepareStatusEmails(db: AnyDb, change: StatusChange, known?: Dossier): Promise<PreparedStatusEmails> {
  const on = await asSqlDb(db);
  const dossier = known ?? (await loadDossier(on, change.applicationId));
  const plans = await plansFor(on, dossier, change);
  const render = (numbered?: { reference: string }): EnqueueEmailInput[] => {
    const info = dossierInfo({ ...dossier, ...numbered });
    return plans.flatMap((plan) =>
      plan.recipients.map((recipient) => ({
        idempotencyKey: `status:${dossier.id}:v${dossier.version}:${plan.template}:${recipient.userId}`,
        template: plan.template,
        to: recipient.email,
        applicationId: dossier.id,
        userId: recipient.userId,
        attachments: plan.attachments,
        ...plan.render(recipient, info),
      })),
    );
  };
  return {
    async queue() {
      const messages = render();
      for (const message of messages) await enqueueEmail(on, message);
      return messages.length;
    },
    renderBeforeNumbering(referenceLength) {
      const standIn = STAND_IN.repeat(referenceLength);
      // Typed text with the stand-in's character in it would be replaced too: render late then.
      const typed = JSON.stringify([dossier, change.reason, plans.map((plan) => plan.recipients)]);
      const drafts = typed.includes(STAND_IN) ? null : render({ reference: standIn });
      return {
        messages(reference) {
          if (!drafts || reference.length !== referenceLength) return render({ reference });
          const numbered = (text: string) => text.replaceAll(standIn, reference);
          return drafts.map((draft) => ({
            ...draft,
            subject: numbered(draft.subject),
            text: numbered(draft.text),
            html: numbered(draft.html),
          }));
        },
      };
    },
  };
}

async function plansFor(on: SqlDb, dossier: Dossier, change: StatusChange): Promise<Plan[]> {
  const { from, to } = change;
  const reason = change.reason?.trim() ?? "";
  const applicants = () => applicantRecipients(on, dossier.organisationId, dossier.submittedById);

  // Internal steps (a proposal, and a proposal sent back) are for staff only.
  if (isInternalStep(from, to)) {
    if (to === "PROPOSED") {
      return [
        {
          template: "proposal-submitted",
          recipients: await staffRecipients(on, ["DECIDER"], change.actorUserId),
          render: (r, info) => proposalSubmittedEmail({ firstName: r.firstName, dossier: info, motivation: reason }),
        },
      ];
    }
    return [
      {
        template: "proposal-returned",
        recipients: await staffRecipients(on, ["REVIEWER"], change.actorUserId),
        render: (r, info) => proposalReturnedEmail({ firstName: r.firstName, dossier: info, reason }),
      },
    ];
  }

  switch (to) {
    case "SUBMITTED": {
      const submitter =
        dossier.submitterFirstName !== null && dossier.submitterLastName !== null
          ? { firstName: dossier.submitterFirstName, lastName: dossier.submitterLastName }
          : null;
      return [
        {
          template: "submission-receipt",
          recipients: await applicants(),
          render: (r, info) =>
            submissionReceiptEmail({
              firstName: r.firstName,
              dossier: { ...info, reference: info.reference ?? "(nog geen referentie)" },
              submittedAt: dossier.submittedAt ?? now(),
              submittedByName: submitter ? fullName(submitter) : "onbekend",
              contentHash: dossier.contentHash ?? "(niet beschikbaar)",
              receiptUrl: link(`/dossiers/${dossier.id}/ontvangstbewijs`),
            }),
        },
      ];
    }
    case "INFO_REQUESTED":
      return [
        {
          template: "info-requested",
          recipients: await applicants(),
          render: (r, info) => infoRequestedEmail({ firstName: r.firstName, dossier: info, question: reason }),
        },
      ];
    case "IN_REVIEW":
      if (from === "INFO_REQUESTED" && change.actorRole === "APPLICANT") {
        return [
          {
            template: "answer-received",
            // The assignee, if any, gets the question and answer instead (answer-notice.server).
            recipients: await answerReceivedRecipients(on, dossier.id, change.actorUserId),
            render: (r, info) => answerReceivedEmail({ firstName: r.firstName, dossier: info }),
          },
        ];
      }
      return [
        {
          template: "review-started",
          recipients: await applicants(),
          render: (r, info) => reviewStartedEmail({ firstName: r.firstName, dossier: info, resumed: from === "INFO_REQUESTED" }),
        },
      ];
    case "APPROVED":
    case "PARTIALLY_APPROVED":
    case "REFUSED":
      return [
        await decisionPlan(on, dossier, to, reason, await applicants(), {
          userId: change.actorUserId,
          role: change.actorRole ?? "DECIDER",
        }),
      ];
    case "WITHDRAWN": {
      const [actor] = change.actorUserId
        ? decodeRows(
            { firstName: decode.text, lastName: decode.text },
            await on.query(sql`SELECT "firstName", "lastName" FROM "User" WHERE "id" = ${change.actorUserId}`),
          )
        : [];
      return [
        {
          template: "withdrawn",
          recipients: await applicants(),
          render: (r, info) => withdrawnEmail({ firstName: r.firstName, dossier: info, withdrawnByName: actor ? fullName(actor) : null }),
        },
      ];
    }
    case "DRAFT": {
      const { closesAt } = combineDeadline(dossier.callClosesAt, dossier.extensionClosesAt);
      return [
        {
          template: "reopened",
          recipients: await applicants(),
          render: (r, info) =>
            reopenedEmail({
              firstName: r.firstName,
              dossier: info,
              reason,
              resubmitUntil: isPastDeadline(closesAt, now()) ? null : closesAt,
            }),
        },
      ];
    }
    default:
      return [];
  }
}

/** The decision, with its letter as a PDF: one letter, attached to every recipient's message. */
async function decisionPlan(
  on: SqlDb,
  dossier: Dossier,
  outcome: "APPROVED" | "PARTIALLY_APPROVED" | "REFUSED",
  motivation: string,
  recipients: Recipient[],
  actor: { userId: string | null; role: ActorRole },
): Promise<Plan> {
  const programme = { name: dossier.programmeName, kind: dossier.programmeKind };
  // The letter is stored with the dossier through Prisma: decisions run in a Prisma transaction.
  if (!on.prisma) throw new Error("Een beslissing loopt in een Prisma-transactie (beslissingsbrief).");
  const { filename, content: letter } = await decisionLetterFor(on.prisma, { applicationId: dossier.id, outcome, motivation, actor });
  const attachments = [{ filename, contentType: "application/pdf", content: letter }];
  if (programme.kind === "RECOGNITION" && outcome === "APPROVED") {
    return {
      template: "recognition-granted",
      recipients,
      attachments,
      render: (r, info) =>
        recognitionGrantedEmail({
          firstName: r.firstName,
          dossier: info,
          programmeName: programme.name,
          motivation,
          letterFilename: filename,
        }),
    };
  }
  return {
    template: "decision",
    recipients,
    attachments,
    render: (r, info) =>
      decisionEmail({
        firstName: r.firstName,
        dossier: info,
        outcome,
        programmeKind: programme.kind,
        requestedCents: dossier.requestedCents,
        grantedCents: dossier.grantedCents,
        motivation,
        letterFilename: filename,
      }),
  };
}

export type ExtensionGranted = { callId: string; organisationId: string; closesAt: Date; reason: string };

/**
 * Tells the organisation's members that they got more time in a call. Call it in the
 * transaction that stores the extension. Returns the number of messages queued.
 */
export async function notifyExtensionGranted(tx: Tx, extension: ExtensionGranted): Promise<number> {
  const [call, organisation, application] = await Promise.all([
    tx.call.findUniqueOrThrow({ where: { id: extension.callId }, select: { title: true, closesAt: true, settings: true } }),
    tx.organisation.findUniqueOrThrow({ where: { id: extension.organisationId }, select: { name: true } }),
    tx.application.findUnique({
      where: { callId_organisationId: { callId: extension.callId, organisationId: extension.organisationId } },
      select: { id: true, reference: true, submittedById: true },
    }),
  ]);
  const dossier: DossierInfo = {
    reference: application?.reference ?? null,
    organisationName: organisation.name,
    callTitle: call.title,
    dossierUrl: link(application ? `/dossiers/${application.id}` : "/mijn-dossiers"),
    label: application ? undefined : "nog geen aanvraag gestart",
    contact: callContact(call.settings),
  };
  const recipients = await applicantRecipients(tx, extension.organisationId, application?.submittedById ?? null);
  for (const recipient of recipients) {
    await enqueueEmail(tx, {
      idempotencyKey: `extension:${extension.callId}:${extension.organisationId}:${extension.closesAt.toISOString()}:${recipient.userId}`,
      template: "extension-granted",
      to: recipient.email,
      applicationId: application?.id,
      userId: recipient.userId,
      ...extensionGrantedEmail({
        firstName: recipient.firstName,
        dossier,
        closesAt: extension.closesAt,
        callClosesAt: call.closesAt,
        reason: extension.reason,
      }),
    });
  }
  return recipients.length;
}
