import { describe, expect, it } from "vitest";
import { reportFigure } from "~/forms/definitions/reports";
import { findForm, getForm, listForms, listReportForms } from "~/forms/registry";
import { validateForm } from "~/forms/validation";
import { phaseProfileFor, type ReportPhase } from "~/grants/phases";
import { checkReportTransition, REPORT_MESSAGES, reportEditability } from "~/grants/report-status";
import { endOfDay, startOfDay } from "~/utils/time";

const phase: ReportPhase = {
  kind: "REPORT",
  key: "eindverslag",
  title: "Eindverslag",
  reportKind: "FINAL",
  formKey: "verslag-oefenkansen",
  formVersion: 1,
  opensAt: startOfDay("2026-12-01").toISOString(),
  dueAt: endOfDay("2027-03-31").toISOString(),
};
const reviewer = { userId: "rev", roles: ["REVIEWER"] as const };
const decider = { userId: "dec", roles: ["DECIDER"] as const };
const applicant = { userId: "app", roles: [] };
const draft = { status: "DRAFT" as const, extendedUntil: null, infoDueAt: null };

describe("the report's deadline, in Brussels time", () => {
  it("is the end of 31 March: 23:59:59.999 Brussels (CEST, +02:00) is on time, one millisecond later is late", () => {
    const due = new Date(phase.dueAt);
    expect(due.toISOString()).toBe("2027-03-31T21:59:59.999Z");
    expect(reportEditability(phase, draft, due).editable).toBe(true);
    const late = reportEditability(phase, draft, new Date(due.getTime() + 1));
    expect(late).toMatchObject({ editable: false, window: "closed" });
  });

  it("opens at midnight Brussels (CET) on the opening day, not a millisecond before", () => {
    const opens = new Date(phase.opensAt);
    expect(opens.toISOString()).toBe("2026-11-30T23:00:00.000Z");
    expect(reportEditability(phase, null, new Date(opens.getTime() - 1))).toMatchObject({ editable: false, window: "upcoming" });
    expect(reportEditability(phase, null, opens).editable).toBe(true);
  });

  it("counts an extension for this dossier, on both sides of its last instant", () => {
    const extendedUntil = endOfDay("2027-04-15");
    const report = { ...draft, extendedUntil };
    expect(reportEditability(phase, report, extendedUntil)).toMatchObject({ editable: true, closesAt: extendedUntil });
    expect(reportEditability(phase, report, new Date(extendedUntil.getTime() + 1)).editable).toBe(false);
  });

  it("lets a report sent back with questions change until their due date, after the phase's deadline", () => {
    const infoDueAt = endOfDay("2027-05-10");
    const report = { status: "INFO_REQUESTED" as const, extendedUntil: null, infoDueAt };
    expect(reportEditability(phase, report, infoDueAt).editable).toBe(true);
    expect(reportEditability(phase, report, new Date(infoDueAt.getTime() + 1)).editable).toBe(false);
  });

  it("keeps a submitted report closed", () => {
    const report = { status: "SUBMITTED" as const, extendedUntil: null, infoDueAt: null };
    expect(reportEditability(phase, report, new Date(phase.opensAt))).toMatchObject({
      editable: false,
      message: REPORT_MESSAGES.notEditable,
    });
  });
});

describe("the report's status machine", () => {
  const final = (status: Parameters<typeof checkReportTransition>[0]["status"], proposedById: string | null = null) => ({
    status,
    final: true,
    proposedById,
  });

  it("submits a draft and a report sent back, nothing else", () => {
    expect(checkReportTransition(final("DRAFT"), "submit", applicant)).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkReportTransition(final("INFO_REQUESTED"), "submit", applicant)).toEqual({ ok: true, to: "SUBMITTED" });
    expect(checkReportTransition(final("SUBMITTED"), "submit", applicant).ok).toBe(false);
    expect(checkReportTransition(final("ACCEPTED"), "submit", applicant).ok).toBe(false);
  });

  it("accepts an interim report at once, by a reviewer", () => {
    const interim = { status: "SUBMITTED" as const, final: false, proposedById: null };
    expect(checkReportTransition(interim, "accept", reviewer)).toEqual({ ok: true, to: "ACCEPTED" });
    expect(checkReportTransition(interim, "propose", reviewer)).toEqual({ ok: false, message: REPORT_MESSAGES.proposeOnlyFinal });
    expect(checkReportTransition(interim, "accept", applicant)).toEqual({ ok: false, message: REPORT_MESSAGES.notReviewer });
  });

  it("accepts a final report with four eyes: proposed, then accepted by a different decider", () => {
    expect(checkReportTransition(final("SUBMITTED"), "accept", decider)).toEqual({
      ok: false,
      message: REPORT_MESSAGES.finalNeedsProposal,
    });
    expect(checkReportTransition(final("SUBMITTED"), "propose", reviewer)).toEqual({ ok: true, to: "ACCEPTANCE_PROPOSED" });
    expect(checkReportTransition(final("ACCEPTANCE_PROPOSED", "rev"), "accept", reviewer)).toEqual({
      ok: false,
      message: REPORT_MESSAGES.notDecider,
    });
    expect(checkReportTransition(final("ACCEPTANCE_PROPOSED", "dec"), "accept", decider)).toEqual({
      ok: false,
      message: REPORT_MESSAGES.fourEyes,
    });
    expect(checkReportTransition(final("ACCEPTANCE_PROPOSED", "rev"), "accept", decider)).toEqual({ ok: true, to: "ACCEPTED" });
  });

  it("asks for more information on a submitted or proposed report, not on a draft or an accepted one", () => {
    expect(checkReportTransition(final("SUBMITTED"), "request-info", reviewer)).toEqual({ ok: true, to: "INFO_REQUESTED" });
    expect(checkReportTransition(final("ACCEPTANCE_PROPOSED", "rev"), "request-info", decider)).toEqual({ ok: true, to: "INFO_REQUESTED" });
    expect(checkReportTransition(final("DRAFT"), "request-info", reviewer).ok).toBe(false);
    expect(checkReportTransition(final("ACCEPTED"), "request-info", reviewer).ok).toBe(false);
  });
});

describe("the default report forms", () => {
  it("exist for every report form key a phase profile names, apart from the application forms", () => {
    const keys = [
      phaseProfileFor("oefenkansen", "FUNDING"),
      phaseProfileFor("regierol", "FUNDING"),
      phaseProfileFor("erkenning", "RECOGNITION"),
    ].map((profile) => profile.reportFormKey);
    for (const key of keys) expect(findForm(key, 1), key).not.toBeNull();
    expect(listReportForms().map((f) => f.key)).toEqual(["verslag-oefenkansen", "verslag-kosten", "activiteitenverslag"]);
    expect(listForms().map((f) => f.key)).not.toContain("verslag-oefenkansen");
  });

  it("give the settlement its one figure: reach, or costs in cents", () => {
    const reach = validateForm(
      getForm("verslag-oefenkansen", 1),
      { bereikteDeelnemers: "280", verslag: "x", verklaringJuist: true },
      {},
      { attachmentCounts: {} },
    );
    expect(reach.valid).toBe(true);
    expect(reportFigure(reach.parsed)).toEqual({ learnersReached: 280 });
    const costs = validateForm(
      getForm("verslag-kosten", 1),
      { activiteitenverslag: "x", gemaakteKosten: "24.500,50", verklaringJuist: true },
      {},
      { attachmentCounts: {} },
    );
    expect(costs.valid).toBe(true);
    expect(reportFigure(costs.parsed)).toEqual({ acceptedCostsCents: 2_450_050 });
  });
});
