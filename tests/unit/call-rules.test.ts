import { describe, expect, it } from "vitest";
import { callFormSchema, callFormToInput, callToFormValues } from "~/calls/call-form";
import {
  CALL_RULE_MESSAGES,
  changedDates,
  checkCallDates,
  checkFormVersionChange,
  checkRubricChange,
  dateChangeNeedsNotice,
  deadlineFromWallClock,
  describeDateChange,
  keepUnchangedMinute,
  opensAtFromWallClock,
} from "~/calls/call-rules";
import { formInput, issuesToFieldErrors } from "~/utils/forms";

const at = (iso: string) => new Date(iso);

describe("entering a call's moments in Brussels time", () => {
  it("opens at the start of the minute and closes at the end of it (23:59 = 23:59:59.999)", () => {
    expect(opensAtFromWallClock("2026-01-05", "00:00")!.toISOString()).toBe("2026-01-04T23:00:00.000Z");
    expect(deadlineFromWallClock("2026-02-16", "23:59")!.toISOString()).toBe("2026-02-16T22:59:59.999Z");
    // Summer time: UTC+2.
    expect(deadlineFromWallClock("2026-04-30", "23:59")!.toISOString()).toBe("2026-04-30T21:59:59.999Z");
  });

  it("refuses a minute that does not exist (spring DST gap) and impossible dates", () => {
    expect(opensAtFromWallClock("2026-03-29", "02:30")).toBeNull();
    expect(deadlineFromWallClock("2026-02-30", "12:00")).toBeNull();
  });
});

describe("checkCallDates", () => {
  const opensAt = opensAtFromWallClock("2026-01-05", "00:00")!;
  const closesAt = deadlineFromWallClock("2026-02-16", "23:59")!;

  it("accepts a call that closes after it opens, decided after it closes", () => {
    expect(checkCallDates({ opensAt, closesAt, decisionDueAt: deadlineFromWallClock("2026-05-15", "23:59") })).toEqual([]);
    expect(checkCallDates({ opensAt, closesAt, decisionDueAt: null })).toEqual([]);
  });

  it("refuses a call that closes before it opens, or in the minute it opens", () => {
    expect(checkCallDates({ opensAt, closesAt: deadlineFromWallClock("2026-01-04", "23:59")!, decisionDueAt: null })).toEqual([
      { field: "closesAt", message: "De sluitingsdatum moet na de openingsdatum liggen." },
    ]);
    expect(checkCallDates({ opensAt, closesAt: deadlineFromWallClock("2026-01-05", "00:00")!, decisionDueAt: null })).toEqual([
      { field: "closesAt", message: CALL_RULE_MESSAGES.closesBeforeOpens },
    ]);
    expect(checkCallDates({ opensAt, closesAt: deadlineFromWallClock("2026-01-05", "00:01")!, decisionDueAt: null })).toEqual([]);
  });

  it("refuses a decision due before closing; the same minute is allowed", () => {
    expect(checkCallDates({ opensAt, closesAt, decisionDueAt: deadlineFromWallClock("2026-02-16", "12:00") })).toEqual([
      { field: "decisionDueAt", message: "De beslissingsdatum mag niet voor de sluitingsdatum liggen." },
    ]);
    expect(checkCallDates({ opensAt, closesAt, decisionDueAt: deadlineFromWallClock("2026-02-16", "23:59") })).toEqual([]);
  });
});

describe("checkFormVersionChange", () => {
  const v1 = { key: "oefenkansen", version: 1 };
  it("allows keeping the version, and changing it while nothing was submitted", () => {
    expect(checkFormVersionChange(v1, { ...v1 }, 3)).toBeNull();
    expect(checkFormVersionChange(v1, { key: "oefenkansen", version: 2 }, 0)).toBeNull();
  });

  it("freezes the version once a dossier was submitted", () => {
    expect(checkFormVersionChange(v1, { key: "oefenkansen", version: 2 }, 1)).toBe(
      "Het formulier van deze oproep ligt vast: er is al 1 dossier verstuurd. Een nieuwe formulierversie hoort bij een nieuwe oproep; bestaande dossiers houden hun versie.",
    );
    expect(checkFormVersionChange(v1, { key: "sociale-cohesie", version: 1 }, 4)).toContain("er zijn al 4 dossiers verstuurd");
  });
});

describe("checkRubricChange", () => {
  const current = [
    { key: "relevantie", label: "Relevantie" },
    { key: "begroting", label: "Begroting" },
  ];
  it("allows adding, relabelling and removing criteria nobody scored", () => {
    expect(checkRubricChange(current, [{ key: "relevantie" }, { key: "nieuw" }], new Set(["relevantie"]))).toBeNull();
  });
  it("keeps scored criteria", () => {
    expect(checkRubricChange(current, [{ key: "relevantie" }], new Set(["begroting"]))).toBe(
      'Het criterium "Begroting" heeft al scores van beoordelaars: het kan niet meer weg en zijn sleutel kan niet veranderen.',
    );
  });
});

describe("date changes after opening", () => {
  const before = { opensAt: at("2026-01-04T23:00:00Z"), closesAt: at("2026-02-16T22:59:59.999Z"), decisionDueAt: null };

  it("lists what changed, before and after", () => {
    const after = { ...before, closesAt: at("2026-02-28T22:59:59.999Z"), decisionDueAt: at("2026-05-15T21:59:59.999Z") };
    const changes = changedDates(before, after);
    expect(changes.map((c) => c.field)).toEqual(["closesAt", "decisionDueAt"]);
    expect(changes.map(describeDateChange)).toEqual([
      "Indienen tot: 16 februari 2026 om 23:59 → 28 februari 2026 om 23:59",
      "Beslissing uiterlijk: geen datum → 15 mei 2026 om 23:59",
    ]);
    expect(changedDates(before, { ...before })).toEqual([]);
  });

  it("needs a notice only once the call has opened and only for a real change", () => {
    const changes = changedDates(before, { ...before, closesAt: at("2026-02-28T22:59:59.999Z") });
    expect(dateChangeNeedsNotice(before, changes, at("2026-01-04T22:59:59Z"))).toBe(false);
    expect(dateChangeNeedsNotice(before, changes, at("2026-01-04T23:00:00Z"))).toBe(true);
    expect(dateChangeNeedsNotice(before, [], at("2026-01-10T00:00:00Z"))).toBe(false);
  });
});

describe("the call form", () => {
  const post = () => {
    const form = new FormData();
    const fields: Record<string, string> = {
      programmeId: "p1",
      title: "Oproep 2027",
      description: "Tekst",
      year: "2027",
      opensDate: "2027-01-04",
      opensTime: "09:00",
      closesDate: "2027-02-15",
      closesTime: "23:59",
      decisionDate: "",
      decisionTime: "",
      budget: "1.500.000,00",
      formVersion: "oefenkansen@1",
      "rubric.1.key": "begroting",
      "rubric.1.label": "Begroting",
      "rubric.1.maxScore": "5",
      "rubric.0.key": "relevantie",
      "rubric.0.label": "Relevantie",
      "rubric.0.description": "Past het?",
      "rubric.0.maxScore": "10",
      ratePerLearner: "75",
      maxLearners: "",
      amountPerPlan: "30.000",
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append("eligibleKinds", "GEMEENTE");
    form.append("eligibleKinds", "OCMW");
    return form;
  };

  it("reads checkboxes and rubric rows from a post and converts to instants, cents and settings", () => {
    const parsed = callFormSchema.parse(formInput(callFormSchema, post()));
    const input = callFormToInput(parsed);
    expect(input.eligibleKinds).toEqual(["GEMEENTE", "OCMW"]);
    expect(input.rubric).toEqual([
      { key: "relevantie", label: "Relevantie", description: "Past het?", maxScore: 10 },
      { key: "begroting", label: "Begroting", description: "", maxScore: 5 },
    ]);
    expect(input.opensAt.toISOString()).toBe("2027-01-04T08:00:00.000Z");
    expect(input.closesAt.toISOString()).toBe("2027-02-15T22:59:59.999Z");
    expect(input.decisionDueAt).toBeNull();
    expect(input.budgetCents).toBe(150_000_000);
    // Only the chosen form's settings; the regierol amount typed by mistake is ignored.
    expect(input.settings).toEqual({ ratePerLearnerCents: 7500, maxLearners: undefined });
  });

  it("puts the rule messages next to the date fields", () => {
    const form = post();
    form.set("closesDate", "2027-01-03");
    form.set("decisionDate", "2027-01-01");
    const result = callFormSchema.safeParse(formInput(callFormSchema, form));
    expect(result.success).toBe(false);
    expect(issuesToFieldErrors(result.error!.issues)).toEqual({
      decisionTime: "Geef zowel een datum als een uur op, of laat beide leeg.",
      closesDate: "De sluitingsdatum moet na de openingsdatum liggen.",
    });
    form.set("decisionTime", "12:00");
    const again = callFormSchema.safeParse(formInput(callFormSchema, form));
    expect(issuesToFieldErrors(again.error!.issues)).toEqual({
      closesDate: "De sluitingsdatum moet na de openingsdatum liggen.",
      decisionDate: "De beslissingsdatum mag niet voor de sluitingsdatum liggen.",
    });
    form.set("closesDate", "2027-02-15");
    const third = callFormSchema.safeParse(formInput(callFormSchema, form));
    expect(issuesToFieldErrors(third.error!.issues)).toEqual({
      decisionDate: "De beslissingsdatum mag niet voor de sluitingsdatum liggen.",
    });
  });

  it("names bad rubric rows, duplicate keys and missing choices", () => {
    const form = post();
    form.set("rubric.1.key", "relevantie");
    form.set("rubric.0.maxScore", "11");
    form.delete("eligibleKinds");
    form.set("programmeId", "");
    const result = callFormSchema.safeParse(formInput(callFormSchema, form));
    expect(issuesToFieldErrors(result.error!.issues)).toEqual({
      programmeId: "Kies een programma.",
      eligibleKinds: "Kies minstens één soort organisatie.",
      "rubric.0.maxScore": "Geef een geheel getal van 1 tot 10 op.",
      "rubric.1.key": 'De sleutel "relevantie" komt twee keer voor.',
    });
  });

  it("shows a stored call again as it was typed, in Brussels time", () => {
    const values = callToFormValues({
      programmeId: "p1",
      title: "T",
      description: "D",
      year: 2026,
      opensAt: "2026-01-04T23:00:00.000Z",
      closesAt: "2026-02-16T22:59:59.999Z",
      decisionDueAt: null,
      budgetCents: 150_000_000,
      eligibleKinds: ["VZW"],
      formKey: "oefenkansen",
      formVersion: 1,
      settings: { ratePerLearnerCents: 6000, projectPeriod: {} },
      rubric: [{ key: "a", label: "A", description: "", maxScore: 5 }],
      programme: { code: "OEF", kind: "FUNDING", legalBasis: "Decreet" },
    });
    expect(values).toMatchObject({
      opensDate: "2026-01-05",
      opensTime: "00:00",
      closesDate: "2026-02-16",
      closesTime: "23:59",
      decisionDate: "",
      budget: "1.500.000,00",
      ratePerLearner: "60,00",
      formVersion: "oefenkansen@1",
      rubric: [{ key: "a", label: "A", description: "", maxScore: "5" }],
    });
  });
});

describe("keepUnchangedMinute", () => {
  it("keeps the stored instant when the same minute is typed back, and takes a new minute", () => {
    const stored = at("2026-02-16T22:59:59.999Z");
    expect(keepUnchangedMinute(stored, at("2026-02-16T22:59:00.000Z"))).toBe(stored);
    expect(keepUnchangedMinute(at("2026-01-04T23:00:12.345Z"), at("2026-01-04T23:00:00.000Z"))!.toISOString()).toBe(
      "2026-01-04T23:00:12.345Z",
    );
    expect(keepUnchangedMinute(stored, at("2026-02-17T22:59:59.999Z"))!.toISOString()).toBe("2026-02-17T22:59:59.999Z");
    expect(keepUnchangedMinute(null, stored)).toBe(stored);
    expect(keepUnchangedMinute(stored, null)).toBeNull();
  });
});
