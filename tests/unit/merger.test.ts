import { describe, expect, it } from "vitest";
import {
  checkMergerParties,
  findDossierConflicts,
  mergedAtFor,
  mergerConflictMessage,
  mergerFormSchema,
  type MergerOrganisation,
} from "~/domain/merger";
import { isReadOnlyOrganisation, mergedOrganisationMessage } from "~/domain/organisation";

const gemeente = (name: string, nisCode: string, successorName: string | null = null): MergerOrganisation => ({
  id: `id-${nisCode}`,
  name,
  nisCode,
  kind: "GEMEENTE",
  successorName,
});

describe("read-only predecessors", () => {
  it("derives read-only from successorId alone", () => {
    expect(isReadOnlyOrganisation({ successorId: null })).toBe(false);
    expect(isReadOnlyOrganisation({ successorId: "pajottegem" })).toBe(true);
  });

  it("tells the applicant in whose name to apply", () => {
    expect(mergedOrganisationMessage("Pajottegem")).toBe(
      "Deze organisatie is opgegaan in Pajottegem. Dien de aanvraag in namens Pajottegem.",
    );
  });
});

describe("the merger form", () => {
  const valid = {
    predecessorNisCodes: "23023, 23024;23032",
    successorMode: "existing",
    successorNisCode: "23106",
    mergedOn: "2025-01-01",
  };

  it("splits the NIS codes and describes an existing successor", () => {
    expect(mergerFormSchema.parse(valid)).toEqual({
      predecessorNisCodes: ["23023", "23024", "23032"],
      successor: { mode: "existing", nisCode: "23106" },
      mergedOn: "2025-01-01",
    });
  });

  it("needs a name and a province for a new successor", () => {
    const result = mergerFormSchema.safeParse({ ...valid, successorMode: "new", successorName: "" });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(paths).toContainEqual(["successorName", "Dit veld is verplicht."]);
    expect(paths).toContainEqual(["successorProvince", "Gelieve een optie te kiezen."]);
    expect(
      mergerFormSchema.parse({ ...valid, successorMode: "new", successorName: "Pajottegem", successorProvince: "Vlaams-Brabant" })
        .successor,
    ).toEqual({ mode: "new", nisCode: "23106", name: "Pajottegem", province: "Vlaams-Brabant" });
  });

  it("refuses malformed, repeated or self-merging codes and a missing date", () => {
    const message = (input: object) => mergerFormSchema.safeParse({ ...valid, ...input }).error?.issues[0]?.message;
    expect(message({ predecessorNisCodes: "2302, 23024" })).toBe("Geef NIS-codes van 5 cijfers op, gescheiden door komma's.");
    expect(message({ predecessorNisCodes: "23023, 23023" })).toBe("Elke NIS-code mag maar één keer voorkomen.");
    expect(message({ predecessorNisCodes: "23023, 23106" })).toBe("De nieuwe gemeente kan niet ook een van de fusiegemeenten zijn.");
    expect(message({ mergedOn: "" })).toBe("Dit veld is verplicht.");
    expect(message({ mergedOn: "2025-02-30" })).toBe("Geef een geldige datum op.");
  });
});

describe("checking the parties", () => {
  const base = {
    predecessorNisCodes: ["23023", "23024"],
    predecessors: [gemeente("Galmaarden", "23023"), gemeente("Gooik", "23024")],
    successor: gemeente("Pajottegem", "23106"),
    successorMode: "existing" as const,
    successorNisCode: "23106",
    mergedOn: "2025-01-01",
    today: "2026-11-23",
  };

  it("accepts a correct merger", () => {
    expect(checkMergerParties(base)).toEqual({});
  });

  it("refuses a predecessor that was merged before, naming its successor", () => {
    const errors = checkMergerParties({
      ...base,
      predecessors: [gemeente("Galmaarden", "23023", "Pajottegem"), gemeente("Gooik", "23024")],
    });
    expect(errors.predecessorNisCodes).toBe("Galmaarden is al opgegaan in Pajottegem en kan geen tweede keer fuseren.");
  });

  it("names unknown codes, non-municipalities, a merged successor and a future date", () => {
    const errors = checkMergerParties({
      ...base,
      predecessorNisCodes: ["23023", "23024", "99999"],
      predecessors: [gemeente("Galmaarden", "23023"), { ...gemeente("OCMW Gooik", "23024"), kind: "OCMW" }],
      successor: gemeente("Pajottegem", "23106", "Groot-Pajottenland"),
      mergedOn: "2026-11-24",
    });
    expect(errors).toEqual({
      predecessorNisCodes: "Geen gemeente met NIS-code 99999. OCMW Gooik is geen gemeente.",
      successorNisCode: "Pajottegem is zelf opgegaan in Groot-Pajottenland: kies die gemeente.",
      mergedOn: "De fusiedatum mag niet in de toekomst liggen.",
    });
  });

  it("refuses a new successor whose NIS code is taken, and a missing existing one", () => {
    expect(checkMergerParties({ ...base, successorMode: "new" }).successorNisCode).toBe(
      'Er bestaat al een organisatie met NIS-code 23106 (Pajottegem). Kies "Bestaande gemeente".',
    );
    expect(checkMergerParties({ ...base, successor: null }).successorNisCode).toBe(
      'Geen gemeente met NIS-code 23106. Kies "Nieuwe gemeente aanmaken".',
    );
  });
});

describe("dossier conflicts", () => {
  const dossier = (callId: string, organisationName: string) => ({
    callId,
    callTitle: `Oproep ${callId}`,
    organisationId: organisationName,
    organisationName,
  });

  it("finds calls in which more than one party has a dossier", () => {
    const conflicts = findDossierConflicts([
      dossier("B", "Herne"),
      dossier("A", "Gooik"),
      dossier("B", "Galmaarden"),
      dossier("C", "Pajottegem"),
      dossier("A", "Pajottegem"),
    ]);
    expect(conflicts).toEqual([
      { callId: "A", callTitle: "Oproep A", organisationNames: ["Gooik", "Pajottegem"] },
      { callId: "B", callTitle: "Oproep B", organisationNames: ["Galmaarden", "Herne"] },
    ]);
    expect(mergerConflictMessage(conflicts)).toBe(
      "De fusie is niet uitgevoerd: per oproep kan een organisatie maar één dossier hebben, en in deze oproepen heeft " +
        "meer dan één fusiepartner een dossier: Oproep A (Gooik, Pajottegem); Oproep B (Galmaarden, Herne). Er is niets gewijzigd.",
    );
  });

  it("finds none when every call has one owner", () => {
    expect(findDossierConflicts([dossier("A", "Gooik"), dossier("B", "Herne")])).toEqual([]);
  });
});

describe("the merger date", () => {
  it("is midnight in Brussels at the start of the day", () => {
    expect(mergedAtFor("2025-01-01").toISOString()).toBe("2024-12-31T23:00:00.000Z");
    expect(mergedAtFor("2025-07-01").toISOString()).toBe("2025-06-30T22:00:00.000Z");
  });
});
