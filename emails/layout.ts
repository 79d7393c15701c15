// Shared look of every portal e-mail. Plain functions, no React: the outbox stores the
// rendered strings, so a template change never alters a message that was already queued.
// A template writes its prose once, as blocks (content.ts); both versions come from them.
import { AGENCY, type Contact } from "../app/documents/agency";
import { html } from "../app/utils/html";
import type { Block } from "./content";
import { blocksHtml } from "./render-html";
import { blocksText } from "./render-text";

export type { Contact };

export type EmailContent = {
  subject: string;
  text: string;
  html: string;
  /** The Reply-To header: the contact the footer names, as an RFC 5322 address. */
  replyTo: string;
};

/** The language of every message: the Content-Language header and the HTML's lang. */
export const EMAIL_LANGUAGE = "nl-BE";

const AGENCY_NAME = AGENCY.name;
const PORTAL = "Subsidieportaal";

/** "Name" <address>, quoted so that a comma or a quote in the name cannot split it. */
export function contactAddress(contact: Contact): string {
  return `"${contact.name.replace(/["\\]/g, "\\$&")}" <${contact.email}>`;
}

/** Whom a reply reaches: the footer says it, because the sender address itself is not read. */
function replyNote(contact: Contact): string {
  return `Dit is een automatisch bericht. Antwoordt u op deze e-mail, dan komt uw antwoord bij ${contact.name} (${contact.email}).`;
}

/**
 * Wraps a message's blocks in the portal layout, as HTML and as plain text. `replyTo`: the call's
 * contact for a message about a dossier, otherwise the agency's general contact.
 */
export function renderEmail({ subject, blocks, replyTo }: { subject: string; blocks: readonly Block[]; replyTo: Contact }): EmailContent {
  const footer = replyNote(replyTo);
  // Tables and inline styles: the only layout that survives Outlook and webmail alike.
  const document = html`<!doctype html>
<html lang="${EMAIL_LANGUAGE}">
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
                <p style="margin:0;font-size:14px;color:#4a4a48;">${AGENCY_NAME} — <strong style="color:#1d1d1b;">${PORTAL}</strong></p>
              </td>
            </tr>
            <tr>
              <td style="padding:24px;">
                <h1 style="margin:0 0 16px 0;font-size:22px;line-height:1.3;">${subject}</h1>
                ${blocksHtml(blocks)}
              </td>
            </tr>
            <tr>
              <td style="padding:16px 24px;border-top:1px solid #c9c9c5;font-size:13px;color:#4a4a48;">
                ${AGENCY_NAME} — ${PORTAL}<br>
                ${footer}
              </td>
            </tr>
          </table>
        </td>
      </tr>
    </table>
  </body>
</html>`;
  const text = `${blocksText(blocks).trimEnd()}\n\n--\n${AGENCY_NAME} — ${PORTAL}\n${footer}\n`;
  return { subject, text, html: document.value, replyTo: contactAddress(replyTo) };
}
