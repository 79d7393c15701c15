/**
 * The name an attachment is shown and downloaded under: the user's own name, cleaned. It never
 * names a file on disk (those are random), but it does end up in a Content-Disposition header
 * and on other people's computers, so it must be harmless there.
 */
const MAX_LENGTH = 150;

/** Null when nothing readable is left ("unreadable name"). */
export function sanitiseFileName(raw: string, extension: string): string | null {
  // U+FFFD: the browser sent bytes that are not UTF-8.
  if (raw.includes("\uFFFD")) return null;
  // Only the last path segment.
  const segment = raw.normalize("NFC").split(/[/\\]/).at(-1) ?? "";
  let name = segment
    // Control characters (line breaks read as spaces), and direction overrides that can
    // disguise "rapport\u202Efdp.exe" as "rapportexe.pdf".
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    // Characters Windows refuses in file names.
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[. ]+/, "")
    .replace(/[. ]+$/, "");
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  // The name ends in the extension of what the content really is: a PDF uploaded as
  // "verslag.exe" downloads as "verslag.exe.pdf", never as a program.
  const suffix = `.${extension}`;
  if (!name.toLowerCase().endsWith(suffix)) name = `${name}${suffix}`;
  // Counted in code points, so an emoji is never cut in half.
  const characters = Array.from(name);
  if (characters.length > MAX_LENGTH) {
    const stem = characters
      .slice(0, MAX_LENGTH - suffix.length)
      .join("")
      .trimEnd();
    name = `${stem}${name.slice(-suffix.length)}`;
  }
  return name;
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback for old
 * clients and the exact UTF-8 name for the rest.
 */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%]/g, "_") || "bijlage";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
