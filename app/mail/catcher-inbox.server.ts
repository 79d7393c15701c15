import type { IncomingMessage, ServerResponse } from "node:http";
import { html, SafeHtml } from "~/utils/html";
import { formatDateTime, formatTimestamp } from "~/utils/time";
import type { CaughtMessage, MessageStore } from "./catcher-store.server";

/**
 * Web inbox of the development mail catcher: a few server-rendered Dutch pages and a JSON API.
 * It shows password-reset links, so it only answers to local host names (a DNS-rebinding page
 * elsewhere cannot read it) and refuses cross-site writes.
 */
export function createInboxHandler(store: MessageStore, extraHosts: string[] = []) {
  const localHosts = new Set(["127.0.0.1", "localhost", "[::1]", ...extraHosts]);

  return (req: IncomingMessage, res: ServerResponse): void => {
    const host = req.headers.host ?? "";
    if (!localHosts.has(host.replace(/:\d+$/, ""))) return sendText(res, 403, "Alleen lokaal bereikbaar.");

    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD" && isCrossSite(req, host))
      return sendText(res, 403, "Verzoek van een andere site geweigerd.");

    if (path === "/api/messages") {
      if (method === "GET") return sendJson(res, store.all().map(toJson));
      if (method === "DELETE") {
        store.clear();
        res.writeHead(204).end();
        return;
      }
      return methodNotAllowed(res, "GET, DELETE");
    }
    if (path === "/wissen") {
      if (method !== "POST") return methodNotAllowed(res, "POST");
      store.clear();
      res.writeHead(303, { Location: "/" }).end();
      return;
    }
    if (method !== "GET" && method !== "HEAD") return methodNotAllowed(res, "GET");
    if (path === "/") return sendPage(res, 200, INBOX_TITLE, inboxPage(store.all()));

    const detail = /^\/berichten\/(\d+)$/.exec(path);
    const download = /^\/berichten\/(\d+)\/bijlagen\/(\d+)$/.exec(path);
    const message = store.get((detail ?? download)?.[1] ?? "");
    if (detail && message) return sendPage(res, 200, message.subject || "(geen onderwerp)", messagePage(message));
    const attachment = download && message?.attachments[Number(download[2])];
    if (attachment) {
      res.writeHead(200, {
        "Content-Type": attachment.contentType,
        "Content-Length": attachment.size,
        // Always a download, never rendered in the inbox's origin.
        "Content-Disposition": contentDisposition(attachment.filename),
        "Content-Security-Policy": "sandbox",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      });
      res.end(attachment.content);
      return;
    }
    sendPage(res, 404, "Niet gevonden", notFoundPage());
  };
}

function isCrossSite(req: IncomingMessage, host: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return req.headers["sec-fetch-site"] === "cross-site";
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

function toJson(message: CaughtMessage) {
  return {
    ...message,
    date: message.date.toISOString(),
    attachments: message.attachments.map(({ filename, contentType, size }, index) => ({
      filename,
      contentType,
      size,
      url: `/berichten/${encodeURIComponent(message.id)}/bijlagen/${index}`,
    })),
  };
}

function inboxPage(messages: CaughtMessage[]): SafeHtml {
  const newestFirst = [...messages].reverse();
  return html`
    <h1>${INBOX_TITLE}</h1>
    <p>Alle e-mail die het portaal tijdens de ontwikkeling verstuurt, komt hier toe. Er vertrekt niets naar echte adressen.</p>
    ${
      newestFirst.length === 0
        ? html`<p>Er zijn nog geen berichten.</p>`
        : html`
          <table>
            <caption>${plural(newestFirst.length, "bericht", "berichten")}, nieuwste eerst</caption>
            <thead><tr><th scope="col">Ontvangen</th><th scope="col">Aan</th><th scope="col">Onderwerp</th></tr></thead>
            <tbody>
              ${newestFirst.map(
                (message) => html`<tr>
                  <td>${timeElement(message.date, formatTimestamp)}</td>
                  <td>${message.to.join(", ")}</td>
                  <td><a href="/berichten/${encodeURIComponent(message.id)}">${message.subject || "(geen onderwerp)"}</a></td>
                </tr>`,
              )}
            </tbody>
          </table>
          <form method="post" action="/wissen"><button type="submit">Alle berichten wissen</button></form>
        `
    }
  `;
}

function messagePage(message: CaughtMessage): SafeHtml {
  const base = `/berichten/${encodeURIComponent(message.id)}`;
  return html`
    <p><a href="/">Terug naar het postvak</a></p>
    <h1>${message.subject || "(geen onderwerp)"}</h1>
    <dl>
      <dt>Van</dt><dd>${message.from}</dd>
      <dt>Aan</dt><dd>${message.to.join(", ")}</dd>
      <dt>Datum</dt><dd>${timeElement(message.date, formatDateTime)}</dd>
      <dt>Message-ID</dt><dd><code>${message.messageId ?? "(geen)"}</code></dd>
    </dl>
    <h2>Tekst</h2>
    <pre>${message.text || "(geen tekstversie)"}</pre>
    <h2>HTML</h2>
    ${
      message.html
        ? // Empty sandbox: no scripts, forms, plugins or same-origin access for the mail's HTML.
          html`<iframe sandbox="" srcdoc="${message.html}" title="HTML-versie van het bericht"></iframe>`
        : html`<p>Dit bericht heeft geen HTML-versie.</p>`
    }
    <h2>Bijlagen</h2>
    ${
      message.attachments.length === 0
        ? html`<p>Geen bijlagen.</p>`
        : html`<ul>
          ${message.attachments.map(
            (attachment, index) =>
              html`<li><a href="${base}/bijlagen/${index}" download="${attachment.filename}">${attachment.filename}</a>
                (${attachment.contentType}, ${formatSize(attachment.size)})</li>`,
          )}
        </ul>`
    }
  `;
}

function notFoundPage(): SafeHtml {
  return html`<h1>Niet gevonden</h1><p>Dit bericht bestaat niet (meer). <a href="/">Terug naar het postvak</a></p>`;
}

function timeElement(date: Date, format: (date: Date) => string): SafeHtml {
  return html`<time datetime="${date.toISOString()}">${format(date)}</time>`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  return `${(bytes / 1024).toLocaleString("nl-BE", { maximumFractionDigits: 1 })} kB`;
}

/** ASCII fallback plus the RFC 5987 form, so names with accents survive. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, "_") || "bijlage";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const INBOX_TITLE = "Postvak (ontwikkeling)";

// Our own constant, inserted unescaped: a <style> element does not decode entities.
const STYLE = `
  body { margin: 0; font-family: "Segoe UI", Arial, sans-serif; color: #1d1d1b; line-height: 1.5; }
  header { border-bottom: 4px solid #ffe615; padding: 0.75rem 1rem; }
  header span { display: block; }
  .agency { font-size: 0.85rem; color: #4a4a48; }
  .name { font-size: 1.35rem; font-weight: 700; }
  main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  a { color: #0b4f8a; }
  :focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.5rem; }
  th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #c9c9c5; vertical-align: top; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  pre { white-space: pre-wrap; background: #f6f6f4; padding: 1rem; border: 1px solid #c9c9c5; }
  iframe { width: 100%; min-height: 32rem; border: 1px solid #c9c9c5; }
  button { font: inherit; font-weight: 600; background: #1d1d1b; color: #fff; border: 2px solid #1d1d1b; padding: 0.45rem 1rem; cursor: pointer; }
`;

// Inline styles only; the iframe's srcdoc inherits this policy, so mail HTML may use inline
// styles and data: images (cid images) but cannot load anything from elsewhere.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function sendPage(res: ServerResponse, status: number, title: string, body: SafeHtml): void {
  const page = html`<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title === INBOX_TITLE ? title : `${title} · ${INBOX_TITLE}`}</title>
    <style>${new SafeHtml(STYLE)}</style>
  </head>
  <body>
    <header>
      <span class="agency">Agentschap Integratie en Inburgering — Subsidieportaal</span>
      <span class="name">${INBOX_TITLE}</span>
    </header>
    <main>${body}</main>
  </body>
</html>`;
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
  });
  res.end(page.value);
}

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.writeHead(405, { Allow: allow, "Content-Type": "text/plain; charset=utf-8" });
  res.end("Methode niet toegestaan.");
}
