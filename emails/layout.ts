// Shared look of every portal e-mail. Plain functions, no React: the outbox stores the
// rendered strings, so a template change never alters a message that was already queued.
import { escapeHtml, html, type SafeHtml } from "../app/utils/html";

export { escapeHtml, html, type SafeHtml };

export type EmailContent = { subject: string; text: string; html: string };

const AGENCY = "Agentschap Integratie en Inburgering";
const PORTAL = "Subsidieportaal";

const TEXT_FOOTER = [
  "--",
  `${AGENCY} — ${PORTAL}`,
  "Dit is een automatisch bericht. Antwoorden op deze e-mail worden niet gelezen.",
].join("\n");

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
export function renderEmail({
  subject,
  textBody,
  htmlBody,
}: {
  subject: string;
  textBody: string;
  htmlBody: SafeHtml;
}): EmailContent {
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
