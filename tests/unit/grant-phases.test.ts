import { describe, expect, it } from "vitest";
import {
  callGrantPhases,
  defaultPhases,
  finalReport,
  grantPhasesSchema,
  phaseProfileFor,
  PHASE_RULE_MESSAGES,
  reportDeadline,
  reportPhases,
  reportWindow,
  type GrantPhase,
  type ReportPhase,
} from "~/grants/phases";

const report = (overrides: Partial<ReportPhase> = {}): ReportPhase => ({
  kind: "REPORT",
  key: "eindverslag",
  title: "Eindverslag",
  reportKind: "FINAL",
  formKey: "verslag-oefenkansen",
  formVersion: 1,
  opensAt: "2027-01-01T00:00:00.000+01:00",
  dueAt: "2027-03-31T23:59:59.999+02:00",
  ...overrides,
});

function messages(phases: GrantPhase[]): string[] {
  const result = grantPhasesSchema.safeParse(phases);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("a call's phases after the decision", () => {
  it("defaults for Oefenkansen 2026: 60% advance, the final report from 1 December 2026 to 31 March 2027 (Brussels), settlement on reach", () => {
    const phases = defaultPhases(phaseProfileFor("oefenkansen", "FUNDING"), { startsOn: "2026-01-01", endsOn: "2026-12-31" });
    expect(grantPhasesSchema.parse(phases)).toEqual(phases);
    expect(phases.map((p) => p.kind)).toEqual(["ADVANCE", "REPORT", "SETTLEMENT"]);
    expect(phases[0]).toMatchObject({ kind: "ADVANCE", sharePercent: 60 });
    const final = finalReport(phases)!;
    // 1 December 2026 00:00 Brussels is 23:00 UTC the day before; 31 March 2027 is summer time.
    expect(final.opensAt).toBe("2026-11-30T23:00:00.000Z");
    expect(final.dueAt).toBe("2027-03-31T21:59:59.999Z");
    expect(phases[2]).toMatchObject({ kind: "SETTLEMENT", basis: "REACH" });
  });

  it("defaults for the regierol plan 2026-2031: a report per year, the final one after the period, settlement on costs", () => {
    const phases = defaultPhases(phaseProfileFor("regierol", "FUNDING"), { startsOn: "2026-01-01", endsOn: "2031-12-31" });
    expect(grantPhasesSchema.safeParse(phases).success).toBe(true);
    const reports = reportPhases(phases);
    expect(reports.map((r) => r.key)).toEqual([
      "verslag-2026",
      "verslag-2027",
      "verslag-2028",
      "verslag-2029",
      "verslag-2030",
      "eindverslag",
    ]);
    expect(reports.map((r) => r.reportKind)).toEqual(["INTERIM", "INTERIM", "INTERIM", "INTERIM", "INTERIM", "FINAL"]);
    expect(finalReport(phases)!.dueAt).toBe("2032-03-31T21:59:59.999Z");
  });

  it("defaults for a recognition: yearly activity reports and no advance", () => {
    const phases = defaultPhases(phaseProfileFor("erkenning", "RECOGNITION"), { startsOn: "2026-01-01", endsOn: "2028-12-31" });
    expect(grantPhasesSchema.safeParse(phases).success).toBe(true);
    expect(phases.some((p) => p.kind === "ADVANCE")).toBe(false);
    expect(reportPhases(phases).map((r) => r.reportKind)).toEqual(["ANNUAL", "ANNUAL", "FINAL"]);
  });

  it("defaults for a project period that does not follow the calendar year (15 June 2026 to 14 June 2029)", () => {
    const phases = defaultPhases(phaseProfileFor("sociale-cohesie", "FUNDING"), { startsOn: "2026-06-15", endsOn: "2029-06-14" });
    expect(grantPhasesSchema.safeParse(phases).success).toBe(true);
    // The final report opens on the first day of the period's last month, Brussels summer time.
    expect(finalReport(phases)!.opensAt).toBe("2029-05-31T22:00:00.000Z");
    expect(finalReport(phases)!.dueAt).toBe("2030-03-31T21:59:59.999Z");
  });

  it("refuses phases that contradict each other, naming the phase and the field", () => {
    const advance = { kind: "ADVANCE", key: "voorschot", title: "Voorschot", sharePercent: 70 } as const;
    expect(messages([advance, { ...advance, key: "tweede", sharePercent: 40 }])).toEqual([
      `1.sharePercent: ${PHASE_RULE_MESSAGES.advancesOverHundred}`,
    ]);
    expect(messages([report(), report()])).toContain(`1.key: ${PHASE_RULE_MESSAGES.duplicateKey("eindverslag")}`);
    expect(messages([report(), report({ key: "ander" })])).toContain(`1.reportKind: ${PHASE_RULE_MESSAGES.oneFinal}`);
    expect(messages([report({ dueAt: "2026-12-31T23:00:00.000Z" })])).toEqual([`0.dueAt: ${PHASE_RULE_MESSAGES.dueBeforeOpens}`]);
    expect(messages([{ kind: "SETTLEMENT", key: "afrekening", title: "Afrekening", basis: "COSTS" }])).toEqual([
      `0.kind: ${PHASE_RULE_MESSAGES.settlementNeedsFinal}`,
    ]);
    expect(messages([report(), report({ key: "later", reportKind: "INTERIM", dueAt: "2027-04-30T21:59:59.999Z" })])).toEqual([
      `1.dueAt: ${PHASE_RULE_MESSAGES.finalLast}`,
    ]);
  });

  it("reads phases from a call's settings JSON, none when the call has none", () => {
    expect(callGrantPhases({})).toEqual([]);
    expect(callGrantPhases({ ratePerLearnerCents: 6000, phases: [report()] })).toHaveLength(1);
    expect(() => callGrantPhases({ phases: [{ kind: "PAYMENT" }] })).toThrow();
  });
});

describe("a report's deadline, on the one deadline rule in Brussels time", () => {
  const phase = report({ dueAt: "2027-03-31T21:59:59.999Z" });

  it("takes a report up to and including 23:59:59.999 on the due day, and refuses one at midnight", () => {
    expect(reportWindow(phase, new Date("2027-03-31T21:59:59.999Z"))).toBe("open");
    expect(reportWindow(phase, new Date("2027-03-31T22:00:00.000Z"))).toBe("closed");
  });

  it("is not open before its opening instant (midnight of 1 January in Brussels)", () => {
    expect(reportWindow(phase, new Date("2026-12-31T22:59:59.999Z"))).toBe("upcoming");
    expect(reportWindow(phase, new Date("2026-12-31T23:00:00.000Z"))).toBe("open");
  });

  it("follows an extension granted for the report, and never shortens the deadline", () => {
    const extended = new Date("2027-04-15T21:59:59.999Z");
    expect(reportWindow(phase, new Date("2027-04-10T10:00:00Z"), extended)).toBe("open");
    expect(reportWindow(phase, new Date("2027-04-15T22:00:00.000Z"), extended)).toBe("closed");
    expect(reportDeadline(phase, new Date("2027-03-01T00:00:00Z"))).toMatchObject({ extended: false, closesAt: new Date(phase.dueAt) });
  });
});
