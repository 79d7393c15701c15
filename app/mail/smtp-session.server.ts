import { Readable } from "node:stream";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { composeMail, smtpUrl, type ComposedMail, type OutgoingMail } from "./mailer.server";

/**
 * What happened to one message. Only "unconfirmed" leaves doubt: the message was complete when
 * the connection failed, so the server may have it (docs/decisions/0013).
 */
export type SendOutcome =
  /** The server answered the final "." with 2xx. */
  | { kind: "accepted"; response: string }
  /** The message never became complete (no final "."): the server discards it; safe to retry. */
  | { kind: "not-sent"; error: unknown; permanent: boolean }
  /** The server refused the complete message with 4xx/5xx: not delivered. */
  | { kind: "rejected"; error: unknown; permanent: boolean }
  /** `beforeEnd` refused (the worker lost its claim): dropped before the final ".". */
  | { kind: "abandoned"; error: unknown }
  /** Complete message handed over, then no answer: delivered or not, nobody knows. */
  | { kind: "unconfirmed"; error: unknown };

/**
 * One SMTP connection (nodemailer's SMTPConnection) that sends several messages in a row. The
 * message body is streamed by us, so the final "." of DATA is written only after `beforeEnd`
 * resolved: that is where the worker records the message as sent.
 */
export class SmtpSession {
  #broken = false;

  private constructor(private readonly connection: SMTPConnection) {
    // SMTPConnection emits socket errors as events; without a listener they crash the process.
    connection.on("error", () => (this.#broken = true));
    connection.on("end", () => (this.#broken = true));
  }

  /** Connects (and logs in when the URL has credentials); rejects when the server is unreachable. */
  static open(url = smtpUrl()): Promise<SmtpSession> {
    const options = parseConnectionUrl(url);
    const connection = new SMTPConnection({
      ...options,
      // Fail fast when the SMTP server is down: the outbox retries later anyway, and a worker
      // must never hang on one message for minutes (its claim lasts 2 minutes).
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 20_000,
      dnsTimeout: 5_000,
    });
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        connection.close();
        reject(error);
      };
      connection.once("error", fail);
      connection.connect((error) => {
        if (error) return fail(error);
        const ready = (loginError?: unknown) => {
          if (loginError) return fail(loginError);
          settled = true;
          connection.removeListener("error", fail);
          resolve(new SmtpSession(connection));
        };
        if (options.auth && connection.allowsAuth) connection.login(options.auth, (loginError) => ready(loginError ?? undefined));
        else ready();
      });
    });
  }

  get usable(): boolean {
    return !this.#broken;
  }

  /**
   * Sends one message. `beforeEnd` runs after the server accepted the envelope (354) and the
   * body was handed to the socket, just before the final "."; if it rejects, the connection is
   * dropped instead, and the server discards the incomplete message.
   */
  send(mail: ComposedMail, beforeEnd: () => Promise<void>): Promise<SendOutcome> {
    return new Promise((resolve) => {
      // Kept in one object: TypeScript does not see the callbacks below change plain variables.
      const state: { stage: "envelope" | "body" | "committing" | "final-dot"; finished: boolean; commit: Promise<boolean> | null } = {
        stage: "envelope",
        finished: false,
        commit: null,
      };

      const body = new Readable({
        read() {
          if (state.stage === "envelope") {
            state.stage = "body";
            this.push(mail.raw);
            return;
          }
          if (state.stage !== "body") return;
          state.stage = "committing";
          state.commit = beforeEnd().then(
            () => {
              if (state.finished) return true; // the connection failed meanwhile: no "." on a dead socket
              state.stage = "final-dot";
              this.push(null);
              return true;
            },
            (error: unknown) => {
              this.destroy(error instanceof Error ? error : new Error(String(error)));
              return false;
            },
          );
        },
      });

      this.connection.send(mail.envelope, body, (error, info) => {
        state.finished = true;
        if (!error) return resolve({ kind: "accepted", response: info.response });
        // nodemailer marks a refusal that will not change on a retry; its types do not say so.
        const permanent = "permanent" in error && error.permanent === true;
        this.drop(); // after any error, the next message starts on a fresh connection
        if (state.stage === "final-dot") {
          // The complete message went out. A reply code means the server answered (and refused);
          // without one the connection failed while we waited for that answer.
          if (typeof error.responseCode === "number" && error.responseCode >= 400) {
            return resolve({ kind: "rejected", error, permanent });
          }
          return resolve({ kind: "unconfirmed", error });
        }
        // No final ".": not delivered. If `beforeEnd` refused, the claim was lost: "abandoned".
        if (!state.commit) return resolve({ kind: "not-sent", error, permanent });
        void state.commit.then((committed) => resolve(committed ? { kind: "not-sent", error, permanent } : { kind: "abandoned", error }));
      });
    });
  }

  /** Closes the connection without QUIT: used when it can no longer be trusted. */
  drop(): void {
    this.#broken = true;
    this.connection.close();
  }

  /** Ends the session politely. */
  close(): void {
    if (this.#broken) return this.connection.close();
    this.#broken = true;
    this.connection.quit();
  }
}

/** Sends one message right away, outside the outbox (tools, tests); throws unless accepted. */
export async function sendMail(message: OutgoingMail): Promise<{ messageId: string; response: string }> {
  const mail = await composeMail(message);
  const session = await SmtpSession.open();
  try {
    const outcome = await session.send(mail, async () => {});
    if (outcome.kind !== "accepted") throw outcome.error;
    return { messageId: mail.messageId, response: outcome.response };
  } finally {
    session.close();
  }
}
