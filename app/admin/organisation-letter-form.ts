import * as z from "zod/mini";
import { BOARD_NAME_PATTERN } from "~/documents/addressee";
import { optionalText } from "~/utils/schemas";

/**
 * What decision letters take from an organisation, as administrators edit it on the
 * organisation's page: the postal address and, when it is not the one its kind has, the organ
 * the letter is addressed to. One schema for the browser and the action.
 */
export const ORGANISATION_LETTER_LABELS = {
  boardName: "Bestuursorgaan",
  addressStreet: "Straat en nummer",
  addressPostalCode: "Postcode",
  addressCity: "Gemeente",
} as const;

export const ORGANISATION_LETTER_MESSAGES = {
  boardArticle: "Begin met het lidwoord, bv. “de raad van bestuur” of “het beheerscomité”.",
  boardWithoutName: "Laat de naam van de organisatie weg: de brief zet “van” en de naam erachter.",
  postalCode: "Geef een Belgische postcode van 4 cijfers op, bv. 9000.",
  addressIncomplete: "Vul straat, postcode en gemeente alle drie in, of laat ze alle drie leeg.",
} as const;

const ADDRESS_FIELDS = ["addressStreet", "addressPostalCode", "addressCity"] as const;

export const organisationLetterSchema = z
  .object({
    boardName: optionalText(200).check(
      z.refine((value) => !value || BOARD_NAME_PATTERN.test(value), ORGANISATION_LETTER_MESSAGES.boardArticle),
    ),
    addressStreet: optionalText(200),
    addressPostalCode: z.optional(
      z.string().check(
        z.trim(),
        z.refine((value) => value === "" || /^[1-9]\d{3}$/.test(value), ORGANISATION_LETTER_MESSAGES.postalCode),
      ),
    ),
    addressCity: optionalText(100),
  })
  .check(
    z.superRefine((form, ctx) => {
      const given = ADDRESS_FIELDS.filter((field) => Boolean(form[field]));
      if (given.length === 0 || given.length === ADDRESS_FIELDS.length) return;
      for (const field of ADDRESS_FIELDS) {
        if (!form[field]) ctx.addIssue({ code: "custom", path: [field], message: ORGANISATION_LETTER_MESSAGES.addressIncomplete });
      }
    }),
  );

export type OrganisationLetterValues = z.input<typeof organisationLetterSchema>;

export type OrganisationLetterColumns = {
  boardName: string | null;
  addressStreet: string | null;
  addressPostalCode: string | null;
  addressCity: string | null;
};

/** The stored columns: an empty field is null (the letter then uses the kind's organ, the declared address). */
export function organisationLetterColumns(form: z.output<typeof organisationLetterSchema>): OrganisationLetterColumns {
  return {
    boardName: form.boardName || null,
    addressStreet: form.addressStreet || null,
    addressPostalCode: form.addressPostalCode || null,
    addressCity: form.addressCity || null,
  };
}
