import { request } from "node:http";
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "~/mail/catcher.server";
import { sendMail } from "~/mail/smtp-session.server";

// The development mail catcher on random local ports, fed through real SMTP.
let catcher: MailCatcher;
let inbox: string;

beforeAll(async () => {
  catcher = await startMailCatcher();
  inbox = `http://127.0.0.1:${catcher.httpPort}`;
  process.env.SMTP_URL = `smtp://127.0.0.1:${catcher.smtpPort}`;
});

afterAll(async () => {
  await catcher.close();
});

beforeEach(() => {
  catcher.clear();
});

function send(subject: string, overrides: Partial<Parameters<typeof sendMail>[0]> = {}) {
  return sendMail({
    to: "lies@gemeente.example",
    subject,
    text: `Tekst van ${subject}`,
    html: `<p>HTML van ${subject}</p>`,
    idempotencyKey: `catcher:${subject}`,
    ...overrides,
  });
}

/** node:http instead of fetch, because the test needs to set the Host header itself. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(`${inbox}${path}`, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("mail catcher", () => {
  it("stores what arrives over SMTP, attachments included", async () => {
    const transport = createTransport({ host: "127.0.0.1", port: catcher.smtpPort, secure: false });
    await transport.sendMail({
      from: "Portaal <noreply@portaal.example>",
      to: ["lies@gemeente.example", "Mo <mo@ocmw.example>"],
      subject: "Ontvangstbewijs OEF-2026-0042",
      text: "In bijlage het ontvangstbewijs.",
      html: "<p>In bijlage het <strong>ontvangstbewijs</strong>.</p>",
      messageId: "<vast@portaal.example>",
      attachments: [{ filename: "ontvangstbewijs één.pdf", content: Buffer.from("%PDF-1.4 demo"), contentType: "application/pdf" }],
    });

    const [message] = await catcher.waitForMessages((m) => m.subject.startsWith("Ontvangstbewijs"));
    expect(message).toMatchObject({
      to: ["lies@gemeente.example", "mo@ocmw.example"],
      subject: "Ontvangstbewijs OEF-2026-0042",
      text: "In bijlage het ontvangstbewijs.",
      messageId: "<vast@portaal.example>",
    });
    expect(message!.from).toContain("noreply@portaal.example");
    expect(message!.html).toContain("<strong>ontvangstbewijs</strong>");
    expect(message!.date).toBeInstanceOf(Date);
    expect(message!.attachments).toHaveLength(1);
    expect(message!.attachments[0]).toMatchObject({ filename: "ontvangstbewijs één.pdf", contentType: "application/pdf", size: 13 });
    expect(message!.attachments[0]!.content.toString()).toBe("%PDF-1.4 demo");

    const download = await fetch(`${inbox}/berichten/${message!.id}/bijlagen/0`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("attachment;");
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''ontvangstbewijs%20%C3%A9%C3%A9n.pdf");
    expect(Buffer.from(await download.arrayBuffer()).toString()).toBe("%PDF-1.4 demo");
    expect((await fetch(`${inbox}/berichten/${message!.id}/bijlagen/1`)).status).toBe(404);
  });

  it("lists the message in the web inbox and in the JSON API", async () => {
    await send("Uw aanvraag werd ontvangen");
    const [message] = await catcher.waitForMessages();

    const page = await fetch(`${inbox}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const body = await page.text();
    expect(body).toContain('<html lang="nl">');
    expect(body).toContain("Postvak (ontwikkeling)");
    expect(body).toContain("Uw aanvraag werd ontvangen");
    expect(body).toContain("lies@gemeente.example");
    expect(body).toContain(`href="/berichten/${message!.id}"`);

    const api = await fetch(`${inbox}/api/messages`);
    const list = (await api.json()) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: message!.id, subject: "Uw aanvraag werd ontvangen", to: ["lies@gemeente.example"] });
    expect(list[0]!.text).toBe("Tekst van Uw aanvraag werd ontvangen");

    const detail = await (await fetch(`${inbox}/berichten/${message!.id}`)).text();
    expect(detail).toContain("<pre>Tekst van Uw aanvraag werd ontvangen</pre>");
    expect(detail).toMatch(/<iframe sandbox="" srcdoc="[^"]*&lt;p&gt;HTML van Uw aanvraag werd ontvangen&lt;\/p&gt;/);
  });

  it("lists the newest message first", async () => {
    await send("Eerste");
    await send("Tweede");
    await catcher.waitForMessages(() => true, { count: 2 });
    expect(catcher.messages().map((m) => m.subject)).toEqual(["Eerste", "Tweede"]);
    const body = await (await fetch(`${inbox}/`)).text();
    expect(body.indexOf("Tweede")).toBeLessThan(body.indexOf("Eerste"));
  });

  it("escapes HTML from the message in every page", async () => {
    const evil = `<script>alert("x")</script> & <img src=x onerror=alert(1)>`;
    await send(evil, {
      text: "<b>vet</b>",
      html: `<p onclick="steal()">Hallo</p><script>alert(2)</script>`,
      idempotencyKey: "catcher:evil",
    });
    const [message] = await catcher.waitForMessages();
    expect(message!.subject).toBe(evil);

    const list = await (await fetch(`${inbox}/`)).text();
    expect(list).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
    expect(list).not.toContain("<script>");
    expect(list).not.toContain("<img");

    const detail = await (await fetch(`${inbox}/berichten/${message!.id}`)).text();
    expect(detail).not.toContain("<script>");
    expect(detail).toContain("<pre>&lt;b&gt;vet&lt;/b&gt;</pre>");
    expect(detail).toContain("&lt;p onclick=&quot;steal()&quot;&gt;Hallo&lt;/p&gt;");
    expect(detail).toContain('<iframe sandbox="" srcdoc=');
  });

  it("clears through the API", async () => {
    await send("Weg ermee");
    await catcher.waitForMessages();
    expect((await fetch(`${inbox}/api/messages`, { method: "DELETE" })).status).toBe(204);
    expect(catcher.messages()).toEqual([]);
    expect(await (await fetch(`${inbox}/api/messages`)).json()).toEqual([]);
  });

  it("answers only to local host names and refuses cross-site writes", async () => {
    expect((await get("/", { Host: "aanvaller.example" })).status).toBe(403);
    expect((await get("/", { Host: `localhost:${catcher.httpPort}` })).status).toBe(200);
    const crossSite = await fetch(`${inbox}/api/messages`, { method: "DELETE", headers: { Origin: "http://aanvaller.example" } });
    expect(crossSite.status).toBe(403);
    expect((await get("/berichten/999")).status).toBe(404);
  });

  it("explains a timeout with the messages that did arrive", async () => {
    await send("Iets anders");
    await catcher.waitForMessages();
    await expect(catcher.waitForMessages((m) => m.subject === "Nooit", { timeoutMs: 200 })).rejects.toThrow(
      /0 van de 1 verwachte.*\n.*Wel ontvangen \(1\):\n.*lies@gemeente\.example: "Iets anders"/,
    );
  });

  it("resolves a wait when the message arrives later", async () => {
    const waiting = catcher.waitForMessages((m) => m.subject === "Straks", { count: 1, timeoutMs: 5_000 });
    await send("Straks");
    expect((await waiting).map((m) => m.subject)).toEqual(["Straks"]);
  });

  it("keeps at most maxMessages, dropping the oldest", async () => {
    const small = await startMailCatcher({ maxMessages: 2 });
    const previous = process.env.SMTP_URL;
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${small.smtpPort}`;
      for (const subject of ["een", "twee", "drie"]) await send(subject);
      expect(small.messages().map((m) => m.subject)).toEqual(["twee", "drie"]);
    } finally {
      process.env.SMTP_URL = previous;
      await small.close();
    }
  });
});
