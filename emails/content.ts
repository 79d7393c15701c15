/**
 * What a template writes: its prose once, as blocks of inline text. The HTML and the plain-text
 * version are both rendered from these blocks (render-html.ts, render-text.ts), so the two cannot
 * drift apart. See docs/decisions/0052.
 */

/** Emphasised: bold in HTML, plain in text (a date, an outcome). */
export type Strong = { kind: "strong"; content: Inline[] };
/** A name the sentence mentions (a call's title, a status): bold in HTML, in quotes in text. */
export type Named = { kind: "named"; text: string };
/** A link in running text: the label in HTML, the address in text. */
export type InlineLink = { kind: "link"; url: string; label: string };

/** Running text; "\n" in a string is a line break in both versions. */
export type Inline = string | Strong | Named | InlineLink;

export type Block =
  | { kind: "paragraph"; content: Inline[] }
  /** Label/value rows: a small table in HTML, "Label: value" lines in text. */
  | { kind: "facts"; rows: Array<[label: string, value: string]> }
  /** Someone's words (a question, a motivation), line breaks kept. */
  | { kind: "quote"; text: string }
  | { kind: "list"; items: Inline[][] }
  /** The message's main link: a button plus the bare address in HTML, label and address in text. */
  | { kind: "action"; url: string; label: string };

type Interpolation = Inline | number | null | undefined | false;

function inlines(strings: TemplateStringsArray, values: Interpolation[]): Inline[] {
  const out: Inline[] = [];
  strings.forEach((text, index) => {
    if (text) out.push(text);
    const value = values[index];
    if (value === undefined || value === null || value === false) return;
    out.push(typeof value === "number" ? String(value) : value);
  });
  return out;
}

/** p`Beste ${firstName},`: a paragraph; interpolated strings are text, never markup. */
export function p(strings: TemplateStringsArray, ...values: Interpolation[]): Block {
  return { kind: "paragraph", content: inlines(strings, values) };
}

/** A paragraph of one plain string (a sentence computed elsewhere). */
export function paragraphOf(...content: Inline[]): Block {
  return { kind: "paragraph", content };
}

export function strong(...content: Inline[]): Strong {
  return { kind: "strong", content };
}

export function named(text: string): Named {
  return { kind: "named", text };
}

export function link(url: string, label = url): InlineLink {
  return { kind: "link", url, label };
}

/** li`...`: one list item, written like a paragraph. */
export function li(strings: TemplateStringsArray, ...values: Interpolation[]): Inline[] {
  return inlines(strings, values);
}

export function list(items: Inline[][]): Block {
  return { kind: "list", items };
}

export function facts(rows: Array<[label: string, value: string]>): Block {
  return { kind: "facts", rows };
}

export function quote(text: string): Block {
  return { kind: "quote", text };
}

export function action(url: string, label: string): Block {
  return { kind: "action", url, label };
}

export const SIGNATURE: Block = paragraphOf("Met vriendelijke groeten,\nAgentschap Integratie en Inburgering");
