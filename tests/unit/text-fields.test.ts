import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newPasswordFormSchema } from "~/auth/password-form";
import { oefenkansenV1 } from "~/forms/definitions/oefenkansen";
import type { Step } from "~/forms/types";
import { validateStep } from "~/forms/validation";
import { parseFormData } from "~/utils/forms";
import { emailField, optionalText, REQUIRED, repeated, requiredText } from "~/utils/schemas";
import { TEXT_MESSAGES } from "~/utils/text";
import { oefenkansenDraft } from "../support/answers";

// The shared text schemas, which the browser (react-hook-form) and the actions both use.
const FORBIDDEN = [
  ...Array.from({ length: 9 }, (_, code) => code), // U+0000–U+0008
  0x0b,
  0x0c,
  ...Array.from({ length: 18 }, (_, index) => 0x0e + index), // U+000E–U+001F
  0x7f,
].map((code) => String.fromCharCode(code));

// Classic or zod/mini: the shared fields are zod/mini, the schemas built from them here classic.
const messages = (schema: z.core.$ZodType, value: unknown) => z.safeParse(schema, value).error?.issues.map((issue) => issue.message) ?? [];

describe("requiredText", () => {
  const single = requiredText(100);
  const multi = requiredText(100, { multiline: true });

  it.each(FORBIDDEN.map((char) => [`U+${char.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`, char]))(
    "refuses %s inside a text, single-line or multi-line",
    (_name, char) => {
      expect(messages(single, `Peet${char}ers`)).toEqual([TEXT_MESSAGES.control]);
      expect(messages(multi, `Eerste regel${char}\ntweede regel`)).toEqual([TEXT_MESSAGES.control]);
    },
  );

  it("counts a value of only control characters or white space as not filled in", () => {
    for (const value of ["\u0000", "\u0000\u0000 ", "   ", "\t\r\n", "\u0007\u001f\u007f", " \u000b "]) {
      expect(messages(single, value), JSON.stringify(value)).toEqual([REQUIRED]);
      expect(messages(multi, value), JSON.stringify(value)).toEqual([REQUIRED]);
    }
  });

  it("allows tabs and line breaks only in multi-line text", () => {
    expect(multi.parse("Eerste regel\r\n\tmet een tab\nen nog een regel")).toBe("Eerste regel\r\n\tmet een tab\nen nog een regel");
    expect(messages(single, "Voor\tnaam")).toEqual([TEXT_MESSAGES.singleLine]);
    expect(messages(single, "Voor\nnaam")).toEqual([TEXT_MESSAGES.singleLine]);
    // Leading and trailing white space is trimmed, as before, also a tab pasted from a spreadsheet.
    expect(single.parse("\tAn Peeters\t")).toBe("An Peeters");
  });

  it("keeps accents, emoji and other printable characters", () => {
    expect(single.parse("Zoë Çelik – ‘t Stad 🙂")).toBe("Zoë Çelik – ‘t Stad 🙂");
  });
});

describe("optionalText, emailField and passwords", () => {
  it("lets an optional text stay empty but refuses control characters in it", () => {
    const schema = z.object({ reason: optionalText(100, { multiline: true }) });
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ reason: "  " })).toEqual({ reason: "" });
    expect(messages(schema, { reason: "\u0000" })).toEqual([TEXT_MESSAGES.control]);
  });

  it("counts an e-mail address of only control characters as not filled in", () => {
    expect(messages(emailField, "\u0000")).toEqual([REQUIRED]);
    expect(messages(emailField, "an\u0000@leuven.example")).toEqual(["Geef een geldig e-mailadres op."]);
  });

  it("refuses a new password with a control character", () => {
    const password = "een-lang-wachtwoord\u0000";
    expect(messages(newPasswordFormSchema, { password, confirmPassword: password })).toEqual([TEXT_MESSAGES.control]);
  });
});

describe("the application forms (forms as data)", () => {
  const settings = oefenkansenV1.parseSettings({});
  const none = { attachmentCounts: {} };
  const step = (id: string) => oefenkansenV1.steps.find((s) => s.id === id)! as Step<unknown>;

  it("refuses control characters in a text field and counts them alone as empty", () => {
    const { issues } = validateStep(
      step("organisatie"),
      { ...oefenkansenDraft(), contactVoornaam: "\u0000", contactAchternaam: "Pee\u0007ters", contactFunctie: "Schepen\tvan integratie" },
      settings,
      none,
    );
    expect(issues).toEqual([
      { path: ["contactVoornaam"], message: REQUIRED },
      { path: ["contactAchternaam"], message: TEXT_MESSAGES.control },
      { path: ["contactFunctie"], message: TEXT_MESSAGES.singleLine },
    ]);
  });

  it("allows line breaks and tabs in a textarea, not other control characters", () => {
    const textarea = step("huidig-aanbod");
    const fine = validateStep(textarea, { ...oefenkansenDraft(), huidigAanbod: "Taalcafé\r\n\t- elke dinsdag" }, settings, none);
    expect(fine.issues).toEqual([]);
    const broken = validateStep(textarea, { ...oefenkansenDraft(), huidigAanbod: "Taalcafé\u001b[31m" }, settings, none);
    expect(broken.issues).toEqual([{ path: ["huidigAanbod"], message: TEXT_MESSAGES.control }]);
  });
});

describe("parseFormData", () => {
  it("keeps repeated names for checkbox groups, and single values as they are", () => {
    const schema = z.object({ roles: repeated(z.enum(["REVIEWER", "DECIDER", "ADMIN"])), reason: requiredText(100) });
    const form = new FormData();
    form.append("roles", "REVIEWER");
    form.append("roles", "ADMIN");
    form.append("reason", "Nieuwe taak");
    expect(parseFormData(schema, form)).toEqual({ ok: true, data: { roles: ["REVIEWER", "ADMIN"], reason: "Nieuwe taak" } });
    const one = new FormData();
    one.append("roles", "DECIDER");
    one.append("reason", "Nieuwe taak");
    expect(parseFormData(schema, one)).toMatchObject({ ok: true, data: { roles: ["DECIDER"] } });
    const none = new FormData();
    none.append("reason", "Geen rollen meer");
    expect(parseFormData(schema, none)).toMatchObject({ ok: true, data: { roles: [] } });
  });
});
