// The plain-text version of a message's blocks: what a text-only client or a screen reader's
// "plain text" view shows. No wrapping: clients wrap, and the outbox stores what we render.
import type { Block, Inline } from "./content";

export function inlineText(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === "string") return part;
      switch (part.kind) {
        case "strong":
          return inlineText(part.content);
        case "named":
          return `"${part.text}"`;
        case "link":
          return part.label === part.url ? part.url : `${part.label} (${part.url})`;
      }
    })
    .join("");
}

/** Every line indented, so it reads as a quote. */
export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return inlineText(block.content);
    case "facts":
      return block.rows.map(([label, value]) => `${label}: ${value}`).join("\n");
    case "quote":
      return quoteText(block.text);
    case "list":
      return block.items.map((item) => `- ${inlineText(item)}`).join("\n");
    case "action":
      return `${block.label}:\n${block.url}`;
  }
}

export function blocksText(blocks: readonly Block[]): string {
  return blocks.map(blockText).join("\n\n");
}
