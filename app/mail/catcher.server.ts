import { createServer, type Server } from "node:http";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { now } from "~/utils/clock.server";
import { createInboxHandler } from "./catcher-inbox.server";
import { MessageStore, type CaughtMessage, type MessagePredicate, type WaitOptions } from "./catcher-store.server";

export type { CaughtAttachment, CaughtMessage, MessagePredicate, WaitOptions } from "./catcher-store.server";

export type MailCatcherOptions = {
  /** 0 picks a free port (tests). */
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  maxMessages?: number;
};

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  /** Oldest first, newest last. */
  messages(): CaughtMessage[];
  clear(): void;
  waitForMessages(predicate?: MessagePredicate, options?: WaitOptions): Promise<CaughtMessage[]>;
  close(): Promise<void>;
};

/**
 * A real SMTP server plus a small web inbox for development and tests: mail the portal sends
 * goes through the real SMTP path (nodemailer, the outbox worker) but never leaves the machine.
 */
export async function startMailCatcher({
  smtpPort = 0,
  httpPort = 0,
  host = "127.0.0.1",
  maxMessages = 500,
}: MailCatcherOptions = {}): Promise<MailCatcher> {
  const store = new MessageStore(maxMessages);

  const smtp = new SMTPServer({
    authOptional: true,
    // Plain local SMTP: nodemailer would otherwise try to upgrade to TLS without a certificate.
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    banner: "AgII postvak (ontwikkeling)",
    size: 30 * 1024 * 1024,
    // Do not keep a dev server or a test run waiting 30 s for idle clients on close.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          if (stream.sizeExceeded) return callback(new Error("Bericht is te groot"));
          store.add(toCaughtMessage(parsed, session));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // smtp-server re-emits client and socket errors; without a listener they would crash the process.
  smtp.on("error", (error) => console.error("[postvak] SMTP-fout:", error.message));

  const web = createServer(safely(createInboxHandler(store, [host])));

  const actualSmtpPort = await listen(smtp.server, smtpPort, host);
  let actualHttpPort: number;
  try {
    actualHttpPort = await listen(web, httpPort, host);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(resolve));
    throw error;
  }

  return {
    smtpPort: actualSmtpPort,
    httpPort: actualHttpPort,
    messages: () => store.all(),
    clear: () => store.clear(),
    waitForMessages: (predicate, options) => store.waitFor(predicate, options),
    close: async () => {
      store.rejectWaiters("Postvak werd gesloten terwijl er nog op berichten gewacht werd.");
      web.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => smtp.close(resolve)), new Promise<void>((resolve) => web.close(() => resolve()))]);
    },
  };
}

function toCaughtMessage(parsed: ParsedMail, session: SMTPServerSession): Omit<CaughtMessage, "id"> {
  const headerRecipients = addresses(parsed.to);
  return {
    from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
    to: headerRecipients.length > 0 ? headerRecipients : session.envelope.rcptTo.map((rcpt) => rcpt.address),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: parsed.html || null,
    date: parsed.date ?? now(),
    messageId: parsed.messageId ?? null,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? "bijlage",
      contentType: attachment.contentType,
      size: attachment.size,
      content: attachment.content,
    })),
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .flatMap((entry) => (entry.address ? [entry.address] : []));
}

function listen(server: Server | import("node:net").Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      // On a host and port the address is an AddressInfo (a string only for a pipe, null once closed).
      if (address === null || typeof address === "string") reject(new Error(`No port to report: listening on ${address}`));
      else resolve(address.port);
    });
  });
}

/** A bug in a page must answer 500, not take the whole catcher (or test run) down. */
function safely(handler: ReturnType<typeof createInboxHandler>): ReturnType<typeof createInboxHandler> {
  return (req, res) => {
    try {
      handler(req, res);
    } catch (error) {
      console.error("[postvak] Fout in het webpostvak:", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Interne fout in het postvak.");
    }
  };
}
