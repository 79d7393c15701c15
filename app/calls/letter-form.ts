import * as z from "zod/mini";
import type { Contact } from "~/documents/agency";
import { LETTER_TEXT_LIMITS, type LetterSettings, type LetterTexts } from "~/documents/letter-texts";
import { optionalText } from "~/utils/schemas";

/**
 * The decision letter's fixed texts in the call editor: part of the call form (call-form.ts),
 * checked by the same schema in the browser and the action. A list of texts is one text area,
 * one point per paragraph (a blank line starts the next point), as the call's description.
 * The form shows the texts the letter would use (the call's own, else the programme's); what is
 * saved is only what differs from the programme (`letterSettingsWithoutDefaults`).
 */

export const LETTER_TEXT_FIELDS = ["letterLegalBasis", "letterPaymentTerms", "letterDuties", "letterAppealRoutes"] as const;
export type LetterTextField = (typeof LETTER_TEXT_FIELDS)[number];
export const LETTER_CONTACT_FIELDS = ["letterContactName", "letterContactEmail", "letterContactPhone"] as const;
export const LETTER_FORM_FIELDS = [...LETTER_TEXT_FIELDS, ...LETTER_CONTACT_FIELDS] as const;
export type LetterFormField = (typeof LETTER_FORM_FIELDS)[number];

/** Which list of `LetterTexts` each text area holds. */
const TEXT_KEYS = {
  letterLegalBasis: "legalBasis",
  letterPaymentTerms: "paymentTerms",
  letterDuties: "duties",
  letterAppealRoutes: "appealRoutes",
} as const satisfies Record<LetterTextField, keyof LetterTexts>;

export const LETTER_FORM_LABELS = {
  letterLegalBasis: "Rechtsgrond",
  letterPaymentTerms: "Betaling",
  letterDuties: "Wat het agentschap verwacht",
  letterAppealRoutes: "Beroepsmogelijkheden",
  letterContactName: "Contact voor vragen: naam of dienst",
  letterContactEmail: "Contact voor vragen: e-mailadres",
  letterContactPhone: "Contact voor vragen: telefoonnummer",
} as const satisfies Record<LetterFormField, string>;

export const LETTER_FORM_MESSAGES = {
  tooManyPoints: `Gebruik hoogstens ${LETTER_TEXT_LIMITS.items} punten (alinea's).`,
  pointTooLong: (point: number, length: number) =>
    `Punt ${point} is te lang: ${length} tekens, hoogstens ${LETTER_TEXT_LIMITS.itemLength}. Splits het met een lege regel.`,
  contactName: "Geef de naam van de contactpersoon of dienst op, of laat de drie contactvelden leeg.",
  contactEmail: "Geef het e-mailadres van het contact op, of laat de drie contactvelden leeg.",
  email: "Geef een geldig e-mailadres op.",
} as const;

/** A text area's points: paragraphs separated by blank lines, each on one line. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((point) => point.replace(/\s*\n\s*/g, " ").trim())
    .filter((point) => point.length > 0);
}

export function paragraphsText(points: readonly string[]): string {
  return points.join("\n\n");
}

/** A text area of points. Its whole text may hold every point at its longest, with the blank lines between. */
const pointsField = () =>
  optionalText(LETTER_TEXT_LIMITS.items * (LETTER_TEXT_LIMITS.itemLength + 4), { multiline: true }).check(
    z.refine((value) => paragraphsOf(value ?? "").length <= LETTER_TEXT_LIMITS.items, LETTER_FORM_MESSAGES.tooManyPoints),
    z.superRefine((value, ctx) => {
      const points = paragraphsOf(value ?? "");
      const long = points.findIndex((point) => point.length > LETTER_TEXT_LIMITS.itemLength);
      if (long >= 0) ctx.addIssue({ code: "custom", message: LETTER_FORM_MESSAGES.pointTooLong(long + 1, points[long]!.length) });
    }),
  );

/** The letter's fields of the call form. */
export const letterFormFields = {
  letterLegalBasis: pointsField(),
  letterPaymentTerms: pointsField(),
  letterDuties: pointsField(),
  letterAppealRoutes: pointsField(),
  letterContactName: optionalText(LETTER_TEXT_LIMITS.contactName),
  letterContactEmail: z.optional(
    z.string().check(
      z.trim(),
      z.refine((value) => value === "" || z.safeParse(z.email(), value).success, LETTER_FORM_MESSAGES.email),
    ),
  ),
  letterContactPhone: optionalText(LETTER_TEXT_LIMITS.contactPhone),
};

export type LetterFormValues = Record<LetterFormField, string>;

/** A contact is all or nothing: a name and an e-mail address (the phone is optional). */
export function letterContactIssues(
  form: Partial<Record<LetterFormField, string | undefined>>,
): Array<{ path: LetterFormField; message: string }> {
  const name = form.letterContactName?.trim() ?? "";
  const email = form.letterContactEmail?.trim() ?? "";
  const phone = form.letterContactPhone?.trim() ?? "";
  if (!name && !email && !phone) return [];
  const issues: Array<{ path: LetterFormField; message: string }> = [];
  if (!name) issues.push({ path: "letterContactName", message: LETTER_FORM_MESSAGES.contactName });
  if (!email) issues.push({ path: "letterContactEmail", message: LETTER_FORM_MESSAGES.contactEmail });
  return issues;
}

/** The letter's fields alone: the preview checks them (the rest of the call form may be half done). */
export const letterFormSchema = z.object(letterFormFields).check(
  z.superRefine((form, ctx) => {
    for (const issue of letterContactIssues(form)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  }),
);

/** The texts and the contact a letter would use, as the form shows them. */
export function letterFormValues(texts: LetterTexts, contact: Contact): LetterFormValues {
  return {
    letterLegalBasis: paragraphsText(texts.legalBasis),
    letterPaymentTerms: paragraphsText(texts.paymentTerms),
    letterDuties: paragraphsText(texts.duties),
    letterAppealRoutes: paragraphsText(texts.appealRoutes),
    letterContactName: contact.name,
    letterContactEmail: contact.email,
    letterContactPhone: contact.phone ?? "",
  };
}

/**
 * What a valid form says, as `Call.settings.letter`: every list that was filled in and the
 * contact if it was given. An empty text area means "the programme's text".
 */
export function letterSettingsFromForm(form: Partial<Record<LetterFormField, string | undefined>>): LetterSettings {
  const settings: LetterSettings = {};
  for (const field of LETTER_TEXT_FIELDS) {
    const points = paragraphsOf(form[field] ?? "");
    if (points.length > 0) settings[TEXT_KEYS[field]] = points;
  }
  const name = form.letterContactName?.trim();
  const email = form.letterContactEmail?.trim().toLowerCase();
  const phone = form.letterContactPhone?.trim();
  if (name && email) settings.contact = { name, email, ...(phone ? { phone } : {}) };
  return settings;
}
