/**
 * Control characters in typed text: NUL and the other C0 controls, and DEL. Tab, line feed and
 * carriage return belong in multi-line text; in a single-line field they are refused too
 * (a browser never puts them there, and they break CSV exports, e-mail headers and logs).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_OR_LINE_BREAK = /[\u0000-\u001F\u007F]/;
const BLANK = /^[\s\u0000-\u001F\u007F]*$/;

export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL : CONTROL_OR_LINE_BREAK).test(text);
}

/** Nothing but white space and control characters: does not count as filled in. */
export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

export const TEXT_MESSAGES = {
  control:
    "Deze tekst bevat een onzichtbaar stuurteken dat niet toegelaten is. Verwijder het, of typ de tekst opnieuw in plaats van hem te plakken.",
  singleLine: "Dit veld mag geen tab of nieuwe regel bevatten. Zet de tekst op één regel.",
} as const;

/** The message for a text with characters it may not hold, or null when it is fine. */
export function controlCharacterMessage(text: string, options: { multiline?: boolean } = {}): string | null {
  if (CONTROL.test(text)) return TEXT_MESSAGES.control;
  if (!options.multiline && CONTROL_OR_LINE_BREAK.test(text)) return TEXT_MESSAGES.singleLine;
  return null;
}
