/**
 * Tiny HTML builder for server-rendered strings outside React (e-mails, the dev mail inbox).
 * Every interpolated value is escaped unless it is already SafeHtml, so forgetting to escape
 * is not possible by construction.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(value);
}

/** html`<p>${name}</p>`: escapes the values, keeps nested html`` fragments as they are. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Marks a string that is known to be safe HTML (use sparingly). */
export function unsafeRaw(value: string): SafeHtml {
  return new SafeHtml(value);
}
