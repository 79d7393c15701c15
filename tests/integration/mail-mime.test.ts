import { SMTPServer } from "smtp-server";
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail, type StructuredHeader } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { messageIdFor } from "~/mail/mailer.server";
import { endOfDay } from "~/utils/time";
import { drainAll, move, submitDossier } from "../support/dossier-flow";
import { createApplication, createOrganisation, createProgrammeAndCall, createUser } from "../support/fixtures";

// The decision e-mail as it leaves the portal: a status change queues it in the outbox, the
// worker composes and sends it to an SMTP server on 127.0.0.1, and mailparser reads the raw
// message that arrived. What a mail client sees, not what the template returned.

const CONTACT = { name: "Team Oefenkansen", email: "oefenkansen@integratie-inburgering.example" };
const received: Buffer[] = [];
let server: SMTPServer;

beforeAll(async () => {
  process.env.PUBLIC_URL = "https://portaal.example";
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 500,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  server.on("error", () => {});
  const port = await new Promise<number>((resolve) =>
    server.server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)),
  );
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  delete process.env.SMTP_URL;
  delete process.env.PUBLIC_URL;
  await prisma.$disconnect();
});

type Entity = { raw: Buffer; parsed: ParsedMail };

async function entity(raw: Buffer): Promise<Entity> {
  return { raw, parsed: await simpleParser(raw) };
}

/** The parts of a multipart entity, each parsed by mailparser (split at RFC 2046 delimiters). */
async function partsOf({ raw, parsed }: Entity): Promise<Entity[]> {
  const boundary = contentTypeHeader(parsed).params["boundary"];
  if (!boundary) throw new Error(`not a multipart entity: ${contentType(parsed)}`);
  const chunks = raw.toString("latin1").split(`\r\n--${boundary}`);
  // Before the first delimiter: the headers and preamble; after the closing one ("--"): the epilogue.
  const bodies = chunks.slice(1).filter((chunk) => !chunk.startsWith("--"));
  return Promise.all(bodies.map((body) => entity(Buffer.from(body.replace(/^[ \t]*\r\n/, ""), "latin1"))));
}

/** Content-Type and Content-Disposition parse to a value with parameters (mailparser's types). */
function isStructured(header: HeaderValue | undefined): header is StructuredHeader {
  if (typeof header !== "object" || Array.isArray(header) || header instanceof Date) return false;
  return "value" in header && typeof header.value === "string" && "params" in header && typeof header.params === "object";
}

function contentTypeHeader(part: ParsedMail): StructuredHeader {
  const header = part.headers.get("content-type");
  if (!isStructured(header)) throw new Error("no Content-Type header with parameters");
  return header;
}

function contentType(part: ParsedMail): string {
  return contentTypeHeader(part).value;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined) {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((object) => object.value);
}

/** The HTML as a reader sees it: tags gone, our escapes undone, one line per block. */
function visibleText(html: string): string {
  return html
    .replace(/<(head|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|li|td|tr|h1|blockquote)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .split("\n")
    .map((line) => line.replace(/[ \t]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** The sentences of a text: split at line ends and sentence ends, quote marks and list dashes dropped. */
function sentences(text: string): string[] {
  return text
    .replace(/"/g, "")
    .split(/\n|(?<=[.!?])\s+/)
    .map((line) => line.replace(/^\s*(- )?/, "").trim())
    .filter((line) => line.length > 0 && line !== "--");
}

describe("the decision e-mail on the wire", () => {
  it("is text and HTML of the same sentences, with the PDF letter, Reply-To the call's contact and Content-Language nl-BE", async () => {
    const call = await createProgrammeAndCall(prisma, {
      opensAt: new Date("2026-01-01T00:00:00Z"),
      closesAt: endOfDay("2026-12-31"),
      settings: { letter: { contact: CONTACT } },
    });
    const organisation = await createOrganisation(prisma, { name: `Vzw "Samen" & Co` });
    const member = await createUser(prisma, { email: "an.mime@vzw.example", memberOf: [organisation.id] });
    const reviewer = await createUser(prisma, { email: "els.mime@agii.example", staffRoles: ["REVIEWER"] });
    const decider = await createUser(prisma, { email: "pieter.mime@agii.example", staffRoles: ["DECIDER"] });
    const application = await createApplication(prisma, { callId: call.id, organisationId: organisation.id });
    const reference = "MIME-2026-0001";
    await submitDossier(prisma, application.id, member.id, reference);
    await move(application.id, "IN_REVIEW", { userId: reviewer.id, role: "REVIEWER" });
    await move(application.id, "PROPOSED", { userId: reviewer.id, role: "REVIEWER" }, "Goedkeuren.");
    await prisma.application.update({ where: { id: application.id }, data: { requestedCents: 2_000_000, grantedCents: 1_500_000 } });
    await drainAll();
    received.length = 0;

    const motivation = "Het bereik is goed onderbouwd.\nDe begroting is iets te hoog ingeschat.";
    await move(application.id, "PARTIALLY_APPROVED", { userId: decider.id, role: "DECIDER" }, motivation);
    expect(await drainAll()).toBe(1);
    expect(received).toHaveLength(1);
    const message = await entity(received[0]!);
    const mail = message.parsed;

    // Headers.
    const row = await prisma.emailOutbox.findFirstOrThrow({ where: { applicationId: application.id, template: "decision" } });
    expect(mail.messageId).toBe(messageIdFor(row.idempotencyKey));
    expect(mail.headers.get("content-language")).toBe("nl-BE");
    expect(addressesOf(mail.replyTo)).toEqual([{ name: CONTACT.name, address: CONTACT.email }]);
    expect(addressesOf(mail.to).map((entry) => entry.address)).toEqual([member.email]);
    expect(mail.subject).toBe(`Beslissing over uw aanvraag ${reference}: gedeeltelijk goedgekeurd`);

    // Structure: mixed = [alternative = [text/plain, text/html], application/pdf].
    expect(contentType(mail)).toBe("multipart/mixed");
    const [body, letter, ...rest] = await partsOf(message);
    expect(rest).toHaveLength(0);
    expect(contentType(body!.parsed)).toBe("multipart/alternative");
    const alternatives = await partsOf(body!);
    expect(alternatives.map((part) => contentType(part.parsed))).toEqual(["text/plain", "text/html"]);
    // Each alternative decodes to the same body mailparser reports for the whole message.
    expect(alternatives[0]!.parsed.text).toBe(mail.text);
    expect(alternatives[1]!.parsed.html).toBe(mail.html);

    // The letter.
    expect(letter && contentType(letter.parsed)).toBe("application/pdf");
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.contentType).toBe("application/pdf");
    expect(pdf!.contentDisposition).toBe("attachment");
    expect(pdf!.filename).toBe(`beslissing-${reference}.pdf`);
    expect(pdf!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // The same content: every sentence of the text is in the HTML, and every sentence of the HTML
    // in the text, except what only makes sense in one of them.
    const text = mail.text ?? "";
    const html = typeof mail.html === "string" ? mail.html : "";
    const shown = visibleText(html);
    // Text puts a named thing (the call, a status) in quotes where HTML makes it bold.
    const shownPlain = shown.replace(/"/g, "");
    const textOnly = (sentence: string) => /:$/.test(sentence) && /https?:\/\//.test(text.split(sentence)[1]?.split("\n")[1] ?? "");
    for (const sentence of sentences(text)) {
      if (sentence.startsWith("https://") || textOnly(sentence)) continue; // an address below its label: a link in HTML
      expect(shownPlain).toContain(sentence);
    }
    // Only in HTML: the subject as heading and the button's fallback line.
    const htmlOnly = new Set([mail.subject, "Werkt de knop niet? Kopieer dan deze link in uw browser:"]);
    const plain = text.replace(/"/g, "");
    const shownLines = shown.split("\n").filter((line) => !htmlOnly.has(line));
    for (const sentence of sentences(shownLines.join("\n"))) {
      if (!sentence.startsWith("https://")) expect(plain).toContain(sentence);
    }
    // Key sentences, so that the comparison cannot pass on two empty bodies.
    for (const sentence of [
      "Het agentschap keurt uw aanvraag gedeeltelijk goed.",
      "De begroting is iets te hoog ingeschat.",
      `De beslissingsbrief zit als PDF in de bijlage van deze e-mail (beslissing-${reference}.pdf).`,
      `Antwoordt u op deze e-mail, dan komt uw antwoord bij ${CONTACT.name} (${CONTACT.email}).`,
    ]) {
      expect(text).toContain(sentence);
      expect(shown).toContain(sentence);
    }
    expect(text).toContain("Toegekend bedrag: € 15.000,00");
    expect(text).toContain(`Organisatie: Vzw "Samen" & Co`);
    expect(html).toContain("Vzw &quot;Samen&quot; &amp; Co");
    expect(text).not.toContain("niet gelezen");
  });
});
