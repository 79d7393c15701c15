import { describe, expect, it } from "vitest";
import { erkenningV1 } from "~/forms/definitions/erkenning";
import type { AnyFormDefinition } from "~/forms/registry";
import { COMPARED_STATUSES, findOverlaps, takesPartInOverlap, type CoverageEntry } from "~/review/recognition-overlap";
import { inForceOnOrAfter, parseAnswers, publicWebsite, recognitionProfile } from "~/review/recognition-profile";

const ORDER = {
  themes: ["radicalisering", "extremisme", "terrorisme", "polarisatie"],
  provinces: ["Antwerpen", "Limburg", "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Brussel"],
  facets: ["regie", "livc-r", "signalen", "weerbaarheid", "online", "omgeving"],
};

function entry(id: string, input: Partial<Omit<CoverageEntry, "id">> = {}): CoverageEntry {
  return { id, kind: "candidate", themes: [], provinces: [], facets: [], ...input };
}

describe("findOverlaps", () => {
  it("finds two candidates with the same theme, province and facet", () => {
    const brugwerk = entry("brugwerk", {
      themes: ["polarisatie", "radicalisering"],
      provinces: ["Oost-Vlaanderen", "West-Vlaanderen"],
      facets: ["weerbaarheid"],
    });
    const tussenruimte = entry("tussenruimte", {
      themes: ["polarisatie"],
      provinces: ["Oost-Vlaanderen", "Vlaams-Brabant"],
      facets: ["weerbaarheid", "online"],
    });
    const report = findOverlaps([brugwerk, tussenruimte], ORDER);
    expect(report.tasks).toEqual([
      { theme: "polarisatie", province: "Oost-Vlaanderen", facet: "weerbaarheid", memberIds: ["brugwerk", "tussenruimte"] },
    ]);
    expect(report.groups).toEqual([
      { theme: "polarisatie", province: "Oost-Vlaanderen", facets: ["weerbaarheid"], memberIds: ["brugwerk", "tussenruimte"] },
    ]);
    expect(report.involved.themes.polarisatie).toEqual(["brugwerk", "tussenruimte"]);
    expect(report.involved.themes.radicalisering).toEqual([]);
    expect(report.involved.provinces["Oost-Vlaanderen"]).toEqual(["brugwerk", "tussenruimte"]);
    expect(report.involved.provinces["West-Vlaanderen"]).toEqual([]);
    expect(report.involved.facets.online).toEqual([]);
  });

  it("needs all three: a shared theme and province without a shared facet is no overlap", () => {
    const a = entry("a", { themes: ["polarisatie"], provinces: ["Antwerpen"], facets: ["regie"] });
    const b = entry("b", { themes: ["polarisatie"], provinces: ["Antwerpen"], facets: ["online"] });
    expect(findOverlaps([a, b], ORDER).tasks).toEqual([]);
  });

  it("sees no overlap between candidates in different provinces or with different themes", () => {
    const a = entry("a", { themes: ["polarisatie"], provinces: ["Antwerpen"], facets: ["regie"] });
    const b = entry("b", { themes: ["polarisatie"], provinces: ["Limburg"], facets: ["regie"] });
    const c = entry("c", { themes: ["terrorisme"], provinces: ["Antwerpen"], facets: ["regie"] });
    const report = findOverlaps([a, b, c], ORDER);
    expect(report.tasks).toEqual([]);
    expect(report.groups).toEqual([]);
    expect(Object.values(report.involved.themes).flat()).toEqual([]);
  });

  it("does not count one organisation with itself, however much it covers", () => {
    const broad = entry("breed", { themes: ORDER.themes, provinces: ORDER.provinces, facets: ORDER.facets });
    expect(findOverlaps([broad], ORDER).tasks).toEqual([]);
  });

  it("folds facets of the same theme, province and members into one group", () => {
    const a = entry("a", { themes: ["extremisme"], provinces: ["Limburg"], facets: ["regie", "signalen", "online"] });
    const b = entry("b", { themes: ["extremisme"], provinces: ["Limburg"], facets: ["signalen", "online"] });
    const report = findOverlaps([a, b], ORDER);
    expect(report.tasks).toHaveLength(2);
    expect(report.groups).toEqual([{ theme: "extremisme", province: "Limburg", facets: ["signalen", "online"], memberIds: ["a", "b"] }]);
  });

  it("keeps groups apart when different organisations overlap on different facets", () => {
    const a = entry("a", { themes: ["polarisatie"], provinces: ["Antwerpen"], facets: ["regie"] });
    const b = entry("b", { themes: ["polarisatie"], provinces: ["Antwerpen"], facets: ["regie", "online"] });
    const c = entry("c", { themes: ["polarisatie"], provinces: ["Antwerpen"], facets: ["online"] });
    const report = findOverlaps([a, b, c], ORDER);
    expect(report.groups).toEqual([
      { theme: "polarisatie", province: "Antwerpen", facets: ["regie"], memberIds: ["a", "b"] },
      { theme: "polarisatie", province: "Antwerpen", facets: ["online"], memberIds: ["b", "c"] },
    ]);
    expect(report.involved.facets.regie).toEqual(["a", "b"]);
    expect(report.involved.themes.polarisatie!.sort()).toEqual(["a", "b", "c"]);
  });

  it("counts a candidate against an organisation recognised earlier, but not two recognised ones", () => {
    const scope = { themes: ["radicalisering"], provinces: ["West-Vlaanderen"], facets: ["livc-r"] };
    const old1 = entry("erkend-1", { ...scope, kind: "recognised" });
    const old2 = entry("erkend-2", { ...scope, kind: "recognised" });
    expect(findOverlaps([old1, old2], ORDER).tasks).toEqual([]);
    const candidate = entry("kandidaat", scope);
    expect(findOverlaps([old1, candidate], ORDER).tasks).toEqual([
      { theme: "radicalisering", province: "West-Vlaanderen", facet: "livc-r", memberIds: ["erkend-1", "kandidaat"] },
    ]);
  });

  it("ignores values the form does not know and lists tasks in the form's order", () => {
    const a = entry("a", { themes: ["polarisatie", "onbekend"], provinces: ["Limburg", "Antwerpen", "Nergensland"], facets: ["regie"] });
    const b = entry("b", { themes: ["onbekend", "polarisatie"], provinces: ["Antwerpen", "Limburg", "Nergensland"], facets: ["regie"] });
    expect(findOverlaps([a, b], ORDER).tasks.map((t) => `${t.theme}/${t.province}`)).toEqual([
      "polarisatie/Antwerpen",
      "polarisatie/Limburg",
    ]);
  });
});

describe("who takes part", () => {
  it("compares submitted and later dossiers, never drafts or withdrawn ones", () => {
    expect(COMPARED_STATUSES).not.toContain("DRAFT");
    expect(COMPARED_STATUSES).not.toContain("WITHDRAWN");
    expect(COMPARED_STATUSES).toContain("SUBMITTED");
    expect(COMPARED_STATUSES).toContain("APPROVED");
  });

  it("leaves refused candidates, drafts and withdrawn dossiers out of the overlap", () => {
    expect(takesPartInOverlap("SUBMITTED")).toBe(true);
    expect(takesPartInOverlap("PROPOSED")).toBe(true);
    expect(takesPartInOverlap("APPROVED")).toBe(true);
    expect(takesPartInOverlap("REFUSED")).toBe(false);
    expect(takesPartInOverlap("DRAFT")).toBe(false);
    expect(takesPartInOverlap("WITHDRAWN")).toBe(false);
  });
});

describe("recognition profile", () => {
  const form = erkenningV1 as unknown as AnyFormDefinition;

  it("reads the checkbox groups in the form's option order and drops unknown values", () => {
    const profile = recognitionProfile(form, {
      themas: ["polarisatie", "gewelddadige radicalisering", "radicalisering"],
      provincies: ["West-Vlaanderen", "Antwerpen"],
      facetten: "online",
      kanalen: [],
      expertise: ["praktijkontwikkeling"],
    });
    expect(profile).toEqual({
      themas: ["radicalisering", "polarisatie"],
      provincies: ["Antwerpen", "West-Vlaanderen"],
      facetten: ["online"],
      kanalen: [],
      expertise: ["praktijkontwikkeling"],
    });
  });

  it("reads broken JSON as no answers", () => {
    expect(parseAnswers("{kapot")).toEqual({});
    expect(parseAnswers("[1,2]")).toEqual({});
    expect(parseAnswers('{"aanbod":"Vorming"}')).toEqual({ aanbod: "Vorming" });
  });

  it("makes only http(s) websites into links", () => {
    expect(publicWebsite("https://brugwerk.example/")).toBe("https://brugwerk.example/");
    expect(publicWebsite("javascript:alert(1)")).toBeNull();
    expect(publicWebsite("brugwerk.example")).toBeNull();
    expect(publicWebsite(undefined)).toBeNull();
  });

  it("keeps recognitions that run today or start later, not ended ones or ones without a start", () => {
    expect(inForceOnOrAfter({ startsOn: "2026-01-01", endsOn: "2030-12-31" }, "2026-06-01")).toBe(true);
    expect(inForceOnOrAfter({ startsOn: "2027-01-01", endsOn: "2031-12-31" }, "2026-06-01")).toBe(true);
    expect(inForceOnOrAfter({ startsOn: "2026-01-01", endsOn: "2026-06-01" }, "2026-06-01")).toBe(true);
    expect(inForceOnOrAfter({ startsOn: "2021-01-01", endsOn: "2025-12-31" }, "2026-06-01")).toBe(false);
    expect(inForceOnOrAfter({ startsOn: "2026-01-01", endsOn: null }, "2026-06-01")).toBe(true);
    expect(inForceOnOrAfter({ startsOn: null, endsOn: null }, "2026-06-01")).toBe(false);
  });
});
