import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { EMAIL_LANGUAGE } from "../../emails/layout";
import { now } from "~/utils/clock.server";

export const DEFAULT_SMTP_URL = "smtp://127.0.0.1:1025";
export const DEFAULT_MAIL_FROM = "AgII Subsidieportaal <noreply@subsidieportaal.agii.example>";

export type MailAttachment = { filename: string; contentType: string; content: Uint8Array };

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string | null;
  /** The outbox key: the same key always gives the same Message-ID. */
  idempotencyKey: string;
  attachments?: MailAttachment[];
};

export type ComposedMail = {
  /** The complete RFC 5322 message, headers and MIME parts. */
  raw: Buffer;
  envelope: { from: string; to: string[] };
  messageId: string;
};

export function smtpUrl(): string {
  return process.env.SMTP_URL || DEFAULT_SMTP_URL;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
}

/**
 * Deterministic Message-ID: every attempt at one outbox row carries the same ID, so a copy that
 * does arrive twice (see docs/decisions/0013) is recognisable as the same message.
 */
export function messageIdFor(idempotencyKey: string, from = mailFrom()): string {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "subsidieportaal.agii.example";
  return `<${hash}@${domain}>`;
}

/** Builds the message with nodemailer's composer; the worker streams `raw` over SMTP itself. */
export async function composeMail(message: OutgoingMail): Promise<ComposedMail> {
  const from = mailFrom();
  const messageId = messageIdFor(message.idempotencyKey, from);
  const node = new MailComposer({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    replyTo: message.replyTo ?? undefined,
    messageId,
    // The Date header follows the portal clock, like every other timestamp.
    date: now(),
    // Every message is Dutch as written in Belgium (screen readers, translation offers).
    headers: { "Auto-Submitted": "auto-generated", "Content-Language": EMAIL_LANGUAGE },
    attachments: (message.attachments ?? []).map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.content),
    })),
  }).compile();
  const envelope = node.getEnvelope();
  return {
    raw: await node.build(),
    envelope: { from: envelope.from || "", to: envelope.to },
    messageId,
  };
}
