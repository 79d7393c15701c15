import { createHash } from "node:crypto";
import { createTransport, type Transporter } from "nodemailer";
import { now } from "~/utils/clock.server";

export const DEFAULT_SMTP_URL = "smtp://127.0.0.1:1025";
export const DEFAULT_MAIL_FROM = "AgII Subsidieportaal <noreply@subsidieportaal.agii.example>";

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox key: the same key always gives the same Message-ID. */
  idempotencyKey: string;
};

// One transport per URL: SMTP_URL is read at call time (tests point it at their own catcher),
// but we do not want to build a new transport for every message.
const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = createTransport({
      url,
      // Fail fast when the SMTP server is down: the outbox retries later anyway, and a worker
      // must never hang on one message for minutes (its lock lasts 2 minutes).
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 20_000,
      dnsTimeout: 5_000,
    });
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Deterministic Message-ID: if the worker crashes after the server accepted a message but
 * before it was marked SENT, the resend carries the same ID and is recognisable as a duplicate.
 */
export function messageIdFor(idempotencyKey: string, from = mailFrom()): string {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
  const domain = /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "subsidieportaal.agii.example";
  return `<${hash}@${domain}>`;
}

function mailFrom(): string {
  return process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
}

/** Sends one message now; throws when the SMTP server does not accept it. */
export async function sendMail(message: OutgoingMail): Promise<{ messageId: string }> {
  const from = mailFrom();
  const messageId = messageIdFor(message.idempotencyKey, from);
  await transportFor(process.env.SMTP_URL || DEFAULT_SMTP_URL).sendMail({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId,
    // The Date header follows the portal clock, like every other timestamp.
    date: now(),
  });
  return { messageId };
}
