import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { ORGANISATION_LETTER_MESSAGES, organisationLetterColumns, organisationLetterSchema } from "~/admin/organisation-letter-form";
import { LETTER_FORM_MESSAGES, letterFormSchema, letterFormValues, letterSettingsFromForm, paragraphsOf } from "~/calls/letter-form";
import { addresseeOf } from "~/documents/addressee";
import { AGENCY } from "~/documents/agency";
import {
  LETTER_TEXT_LIMITS,
  letterSettingsOf,
  letterSettingsSchema,
  letterSettingsWithoutDefaults,
  letterTextsFor,
  programmeLetterTexts,
  type LetterProgramme,
} from "~/documents/letter-texts";
import { sampleLetterInput } from "~/documents/sample-letter";
import { issuesToFieldErrors } from "~/utils/forms";

const OEF: LetterProgramme = { code: "OEF", kind: "FUNDING", legalBasis: "Decreet van 7 juni 2013" };
const ERK: LetterProgramme = { code: "ERK", kind: "RECOGNITION", legalBasis: "Decreet van 2024; erkenning" };

const errorsOf = (schema: z.core.$ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
};

describe("a programme's letter texts", () => {
  it("start from the programme's legal basis and its kind's and code's texts; a call's own texts win", () => {
    const oef = programmeLetterTexts(OEF);
    expect(oef.legalBasis).toEqual(["Decreet van 7 juni 2013"]);
    expect(oef.paymentTerms.length).toBeGreaterThan(0);
    expect(oef.duties.join(" ")).toContain("oefenkansen Nederlands");
    expect(programmeLetterTexts(ERK).paymentTerms).toEqual([]);
    expect(letterTextsFor(OEF, { legalBasis: ["Decreet X", "Oproep Y"] }).legalBasis).toEqual(["Decreet X", "Oproep Y"]);
    expect(letterTextsFor(OEF, { legalBasis: ["Decreet X"] }).duties).toEqual(oef.duties);
  });

  it("store only what differs from the programme and the agency's contact", () => {
    const defaults = programmeLetterTexts(OEF);
    expect(
      letterSettingsWithoutDefaults({ ...defaults, appealRoutes: ["Eigen beroep."], contact: AGENCY.contact }, OEF, AGENCY.contact),
    ).toEqual({ appealRoutes: ["Eigen beroep."] });
    const contact = { name: "Team OEF", email: "oef@agii.example" };
    expect(letterSettingsWithoutDefaults({ contact }, OEF, AGENCY.contact)).toEqual({ contact });
    // A contact differing only by its phone is the call's own.
    expect(letterSettingsWithoutDefaults({ contact: { ...AGENCY.contact, phone: "02 111 11 11" } }, OEF, AGENCY.contact)).toEqual({
      contact: { ...AGENCY.contact, phone: "02 111 11 11" },
    });
  });
});

describe("the letter fields of the call form", () => {
  it("splits a text area into points at blank lines, joining the lines of a point", () => {
    expect(paragraphsOf("Eerste punt\r\nloopt door.\r\n\r\n  \r\nTweede punt.\n \t\nDerde.")).toEqual([
      "Eerste punt loopt door.",
      "Tweede punt.",
      "Derde.",
    ]);
    expect(paragraphsOf("  \n\n ")).toEqual([]);
  });

  it("shows the programme's texts untouched, which then save as nothing of the call's own", () => {
    const shown = letterFormValues(programmeLetterTexts(OEF), AGENCY.contact);
    expect(shown.letterLegalBasis).toBe("Decreet van 7 juni 2013");
    expect(shown.letterContactEmail).toBe(AGENCY.contact.email);
    const parsed = letterFormSchema.parse(shown);
    expect(letterSettingsWithoutDefaults(letterSettingsFromForm(parsed), OEF, AGENCY.contact)).toEqual({});
  });

  it("turns a valid form into settings that the stored schema reads back unchanged", () => {
    const form = letterFormSchema.parse({
      letterLegalBasis: "Decreet van 7 juni 2013\n\nOproep 2026, goedgekeurd op 1 december 2025",
      letterPaymentTerms: "",
      letterDuties: "Eén plicht.",
      letterAppealRoutes: "Beroep A.\n\nBeroep B.",
      letterContactName: " Team OEF ",
      letterContactEmail: "OEF@Agii.Example",
      letterContactPhone: "",
    });
    const settings = letterSettingsFromForm(form);
    expect(settings).toEqual({
      legalBasis: ["Decreet van 7 juni 2013", "Oproep 2026, goedgekeurd op 1 december 2025"],
      duties: ["Eén plicht."],
      appealRoutes: ["Beroep A.", "Beroep B."],
      contact: { name: "Team OEF", email: "oef@agii.example" },
    });
    expect(letterSettingsSchema.parse(settings)).toEqual(settings);
    expect(letterSettingsOf({ rubric: [], letter: settings })).toEqual(settings);
  });

  it("says in Dutch, per field, what is wrong: too many or too long points, half a contact, a bad address", () => {
    const tooMany = Array.from({ length: LETTER_TEXT_LIMITS.items + 1 }, (_, i) => `Punt ${i + 1}.`).join("\n\n");
    const tooLong = `Kort.\n\n${"x".repeat(LETTER_TEXT_LIMITS.itemLength + 1)}`;
    expect(errorsOf(letterFormSchema, { letterAppealRoutes: tooMany, letterDuties: tooLong })).toEqual({
      letterAppealRoutes: LETTER_FORM_MESSAGES.tooManyPoints,
      letterDuties: LETTER_FORM_MESSAGES.pointTooLong(2, LETTER_TEXT_LIMITS.itemLength + 1),
    });
    expect(errorsOf(letterFormSchema, { letterContactPhone: "02 123 45 67" })).toEqual({
      letterContactName: LETTER_FORM_MESSAGES.contactName,
      letterContactEmail: LETTER_FORM_MESSAGES.contactEmail,
    });
    // The contact rule still speaks when another field of the letter is wrong.
    expect(
      errorsOf(letterFormSchema, { letterContactName: "Team", letterContactEmail: "geen-adres", letterAppealRoutes: tooMany }),
    ).toEqual({
      letterAppealRoutes: LETTER_FORM_MESSAGES.tooManyPoints,
      letterContactEmail: LETTER_FORM_MESSAGES.email,
    });
    expect(errorsOf(letterFormSchema, { letterDuties: "Met een \u0007 stuurteken." }).letterDuties).toContain("stuurteken");
  });
});

describe("an organisation's organ and address", () => {
  it("wants an organ with its article and a complete Belgian address, or none", () => {
    expect(errorsOf(organisationLetterSchema, { boardName: "Beheerscomité", addressStreet: "Kaai 3", addressPostalCode: "92000" })).toEqual(
      {
        boardName: ORGANISATION_LETTER_MESSAGES.boardArticle,
        addressPostalCode: ORGANISATION_LETTER_MESSAGES.postalCode,
        addressCity: ORGANISATION_LETTER_MESSAGES.addressIncomplete,
      },
    );
    const valid = organisationLetterSchema.parse({
      boardName: " het beheerscomité ",
      addressStreet: "Kaai 3",
      addressPostalCode: "9200",
      addressCity: "Dendermonde",
    });
    expect(organisationLetterColumns(valid)).toEqual({
      boardName: "het beheerscomité",
      addressStreet: "Kaai 3",
      addressPostalCode: "9200",
      addressCity: "Dendermonde",
    });
    expect(
      organisationLetterColumns(
        organisationLetterSchema.parse({ boardName: "", addressStreet: "", addressPostalCode: "", addressCity: "" }),
      ),
    ).toEqual({ boardName: null, addressStreet: null, addressPostalCode: null, addressCity: null });
  });

  it("addresses the letter to the named organ instead of the kind's", () => {
    const base = {
      organisationName: "Interlokale Vereniging Scheldeland",
      organisationKind: "IGS" as const,
      address: null,
      declaredAddress: null,
      contactPerson: null,
    };
    expect(addresseeOf(base)).toMatchObject({ board: "Aan de raad van bestuur van Interlokale Vereniging Scheldeland" });
    expect(addresseeOf({ ...base, boardName: "het beheerscomité" })).toMatchObject({
      board: "Aan het beheerscomité van Interlokale Vereniging Scheldeland",
      greeting: "Geachte leden van het beheerscomité",
    });
    expect(addresseeOf({ ...base, boardName: "  " }).board).toBe("Aan de raad van bestuur van Interlokale Vereniging Scheldeland");
  });
});

describe("the preview's made-up dossier", () => {
  const call = { title: "Oproep", year: 2026, opensAt: new Date("2026-01-05"), closesAt: new Date("2026-02-16"), eligibleKinds: [] };
  it("is marked as a sample, never sealed, and addressed to the first kind the call admits", () => {
    const funding = sampleLetterInput({
      programme: { ...OEF, name: "Oefenkansen" },
      call: { ...call, eligibleKinds: ["VZW", "OTHER"] },
      letter: {},
      at: new Date("2026-03-01"),
    });
    expect(funding).toMatchObject({
      sample: true,
      seal: null,
      reference: "OEF-2026-VOORBEELD",
      organisation: { kind: "VZW", name: "Voorbeeld vzw" },
    });
    expect(funding.grantedCents).toBeGreaterThan(0);
    const recognition = sampleLetterInput({
      programme: { ...ERK, name: "Erkenning" },
      call: { ...call, recognitionStartsOn: "2026-01-01" },
      letter: { duties: ["Eigen plicht."] },
      at: new Date("2026-03-01"),
    });
    expect(recognition).toMatchObject({ grantedCents: null, recognitionPeriod: { startsOn: "2026-01-01", endsOn: "2031-12-31" } });
    expect(recognition.organisation.kind).toBe("GEMEENTE");
    expect(recognition.call.letter).toEqual({ duties: ["Eigen plicht."] });
  });
});
