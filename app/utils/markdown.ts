/**
 * A very small markdown dialect for texts administrators write (call descriptions):
 * paragraphs, line breaks, **bold**, *italic*, lists ("- ", "* ", "1. ") and [links](https://…).
 * It parses into a tree that app/components/markdown.tsx renders as React elements, so no
 * HTML string is ever built: every character typed is text, and only http(s) links become
 * links. See docs/decisions/0018-markdown-without-html.md.
 */

export type Inline =
  | { type: "text"; text: string }
  | { type: "break" }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export type Block = { type: "paragraph"; children: Inline[] } | { type: "list"; ordered: boolean; items: Inline[][] };

const BULLET = /^\s{0,3}[-*]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/** An absolute http(s) URL, normalised; null for anything else (javascript:, data:, relative …). */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}

// Earliest of: **strong**, *em*, [text](url). Content never spans an empty match.
const INLINE = /\*\*(.+?)\*\*(?!\*)|\*([^*\s](?:[^*]*?[^*\s])?)\*|\[([^\]\n]+)\]\(([^()\s]+)\)/;

function parseSpans(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = INLINE.exec(rest);
    if (!match) {
      out.push({ type: "text", text: rest });
      break;
    }
    if (match.index > 0) out.push({ type: "text", text: rest.slice(0, match.index) });
    const [whole, strong, em, linkText, linkHref] = match;
    if (strong !== undefined) out.push({ type: "strong", children: parseSpans(strong) });
    else if (em !== undefined) out.push({ type: "em", children: parseSpans(em) });
    else if (linkText !== undefined && linkHref !== undefined) {
      const href = safeHref(linkHref);
      // A link to anything but http(s) stays visible as its text, without the target.
      if (href) out.push({ type: "link", href, children: parseSpans(linkText) });
      else out.push(...parseSpans(linkText));
    } else out.push({ type: "text", text: whole }); // INLINE has no other alternative
    rest = rest.slice(match.index + whole.length);
  }
  return mergeText(out);
}

function mergeText(nodes: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === "text" && last?.type === "text") last.text += node.text;
    else merged.push(node);
  }
  return merged;
}

/** The lines of one paragraph, joined by line breaks. */
function parseLines(lines: string[]): Inline[] {
  return lines.flatMap((line, index): Inline[] =>
    index === 0 ? parseSpans(line.trim()) : [{ type: "break" }, ...parseSpans(line.trim())],
  );
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[][] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", children: parseLines(paragraph) });
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map(parseLines) });
    paragraph = [];
    list = null;
  };
  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push([item[1] ?? ""]);
    } else if (list && /^\s+/.test(line)) {
      // An indented line continues the list item above it.
      list.items.at(-1)?.push(line);
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function inlineText(nodes: Inline[]): string {
  return nodes.map((node) => (node.type === "text" ? node.text : node.type === "break" ? " " : inlineText(node.children))).join("");
}

/** The text without markup, e.g. for a short summary or a meta description. */
export function markdownToPlainText(source: string): string {
  return parseMarkdown(source)
    .map((block) => (block.type === "paragraph" ? inlineText(block.children) : block.items.map(inlineText).join("; ")))
    .join("\n\n");
}
