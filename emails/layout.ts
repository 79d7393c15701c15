// Shared look of every portal e-mail. Plain functions, no React: the outbox stores the
// rendered strings, so a template change never alters a message that was already queued.
import { escapeHtml, html, type SafeHtml } from "../app/utils/html";

export { escapeHtml, html, type SafeHtml };

export type EmailContent = { subject: string; text: string; html: string };

const AGENCY = "Agentschap Integratie en Inburgering";
const PORTAL = "Subsidieportaal";

const TEXT_FOOTER = ["--", `${AGENCY} — ${PORTAL}`, "Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen."].join(
  "\n",
);

/** A link that looks like a button (most mail clients ignore <button> and CSS classes). */
export function buttonLink(url: string, label: string): SafeHtml {
  return html`<a href="${url}" style="display:inline-block;background:#1d1d1b;color:#ffffff;font-weight:bold;text-decoration:none;padding:12px 20px;border-radius:2px;">${label}</a>`;
}

/** A paragraph in the layout's style. */
export function paragraph(content: SafeHtml | string): SafeHtml {
  return html`<p style="margin:0 0 16px 0;">${content}</p>`;
}

/**
 * Wraps a message in the portal layout. `textBody` is the full plain-text version (the footer
 * is added); `htmlBody` is the HTML content, already built with html`` so it is escaped.
 */
export function renderEmail({ subject, textBody, htmlBody }: { subject: string; textBody: string; htmlBody: SafeHtml }): EmailContent {
  // Tables and inline styles: the only layout that survives Outlook and webmail alike.
  const document = html`<!doctype html>
<html lang="nl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${subject}</title>
  </head>
  <body style="margin:0;padding:0;background:#f6f6f4;">
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f6f4;">
      <tr>
        <td align="center" style="padding:24px 12px;">
          <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;font-family:'Segoe UI',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1d1d1b;">
            <tr>
              <td style="padding:16px 24px;border-bottom:4px solid #ffe615;">
                <p style="margin:0;font-size:14px;color:#4a4a48;">${AGENCY} — <strong style="color:#1d1d1b;">${PORTAL}</strong></p>
              </td>
            </tr>
            <tr>
              <td style="padding:24px;">
                <h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;">${subject}</h1>
                ${htmlBody}
              </td>
            </tr>
            <tr>
              <td style="padding:16px 24px;border-top:1px solid #c9c9c5;font-size:13px;color:#4a4a48;">
                ${AGENCY} — ${PORTAL}<br>
                Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen.
              </td>
            </tr>
          </table>
        </td>
      </tr>
    </table>
  </body>
</html>`;
  return { subject, text: `${textBody.trimEnd()}\n\n${TEXT_FOOTER}\n`, html: document.value };
}

/** Text a user typed (a reason, a question): escaped, with its line breaks kept. */
export function multiline(text: string): SafeHtml {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return html`${lines.map((line, index) => (index === 0 ? line : html`<br>${line}`))}`;
}

/** A quoted block for someone's words, such as a reviewer's question or a motivation. */
export function quote(text: string): SafeHtml {
  return html`<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #c9c9c5;background:#f6f6f4;">${multiline(text)}</blockquote>`;
}

/** The same text for the plain-text version: every line indented, so it reads as a quote. */
export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

/** Label/value rows as a small table (dossier reference, organisation, dates). */
export function factsTable(rows: Array<[label: string, value: string]>): SafeHtml {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px 0;border-collapse:collapse;">
  ${rows.map(
    ([label, value]) =>
      html`<tr><th scope="row" align="left" style="padding:4px 16px 4px 0;vertical-align:top;font-weight:bold;">${label}</th><td style="padding:4px 0;vertical-align:top;word-break:break-all;">${value}</td></tr>`,
  )}
</table>`;
}

/** The same rows for the plain-text version: "Label: value". */
export function factsText(rows: Array<[label: string, value: string]>): string {
  return rows.map(([label, value]) => `${label}: ${value}`).join("\n");
}

/** A button plus the bare link for clients that do not show buttons. */
export function linkBlock(url: string, label: string): SafeHtml {
  return html`${paragraph(buttonLink(url, label))}${paragraph(
    html`Werkt de knop niet? Kopieer dan deze link in uw browser:<br><a href="${url}" style="color:#0b4f8a;word-break:break-all;">${url}</a>`,
  )}`;
}

export const SIGNATURE_TEXT = "Met vriendelijke groeten,\nAgentschap Integratie en Inburgering";

export function signature(): SafeHtml {
  return paragraph(html`Met vriendelijke groeten,<br>Agentschap Integratie en Inburgering`);
}
