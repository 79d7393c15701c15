// The HTML version of a message's blocks: inline styles and tables only, which Outlook and
// webmail alike keep. Long unbroken strings (a link, a SHA-256 hash) may break anywhere, but
// only when they do not fit on a line of their own: `overflow-wrap:anywhere`, never
// `word-break:break-all`, which also splits ordinary words ("Nederland|s") on a phone.
import { html, type SafeHtml } from "../app/utils/html";
import type { Block, Inline } from "./content";

/**
 * For a value or address that can be one long token: breaks inside it only when it must.
 * `word-wrap` is the old name of `overflow-wrap`, so it comes first: for clients without
 * `anywhere`. After it, it would override `anywhere`, and `break-word` alone does not let a table
 * cell shrink, so a hash would widen the message past a phone's screen.
 */
export const BREAK_LONG_TOKENS = "word-wrap:break-word;overflow-wrap:anywhere;";
const LINK_STYLE = `color:#0b4f8a;${BREAK_LONG_TOKENS}`;

/** Text with its line breaks kept, escaped line by line. */
function lines(text: string): SafeHtml {
  const parts = text.replace(/\r\n?/g, "\n").split("\n");
  return html`${parts.map((line, index) => (index === 0 ? line : html`<br>${line}`))}`;
}

export function inlineHtml(content: readonly Inline[]): SafeHtml {
  return html`${content.map((part) => {
    if (typeof part === "string") return lines(part);
    switch (part.kind) {
      case "strong":
        return html`<strong>${inlineHtml(part.content)}</strong>`;
      case "named":
        return html`<strong>${part.text}</strong>`;
      case "link":
        return html`<a href="${part.url}" style="${LINK_STYLE}">${part.label}</a>`;
    }
  })}`;
}

function paragraph(content: SafeHtml): SafeHtml {
  return html`<p style="margin:0 0 16px 0;">${content}</p>`;
}

/** A link that looks like a button (most mail clients ignore <button> and CSS classes). */
function buttonLink(url: string, label: string): SafeHtml {
  return html`<a href="${url}" style="display:inline-block;background:#1d1d1b;color:#ffffff;font-weight:bold;text-decoration:none;padding:12px 20px;border-radius:2px;">${label}</a>`;
}

function blockHtml(block: Block): SafeHtml {
  switch (block.kind) {
    case "paragraph":
      return paragraph(inlineHtml(block.content));
    case "facts":
      // "Label: value" lines, as in the text version. A two-column table looked tidier on a
      // desktop, but on a phone its value column was too narrow for a long word and broke it.
      return html`<p style="margin:0 0 16px 0;${BREAK_LONG_TOKENS}">${block.rows.map(
        ([label, value], index) => html`${index === 0 ? "" : html`<br>`}<strong>${label}:</strong> ${value}`,
      )}</p>`;
    case "quote":
      return html`<blockquote style="margin:0 0 16px 0;padding:8px 16px;border-left:4px solid #c9c9c5;background:#f6f6f4;">${lines(block.text)}</blockquote>`;
    case "list":
      return html`<ul style="margin:0 0 16px 0;padding-left:24px;">${block.items.map((item) => html`<li>${inlineHtml(item)}</li>`)}</ul>`;
    case "action":
      return html`${paragraph(buttonLink(block.url, block.label))}${paragraph(
        html`Werkt de knop niet? Kopieer dan deze link in uw browser:<br><a href="${block.url}" style="${LINK_STYLE}">${block.url}</a>`,
      )}`;
  }
}

export function blocksHtml(blocks: readonly Block[]): SafeHtml {
  return html`${blocks.map(blockHtml)}`;
}
