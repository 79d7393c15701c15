// zod/mini: modules outside *.server.ts may reach the browser (docs/decisions/0027).
import * as z from "zod/mini";
import { callPhase, type CallPhase } from "~/calls/call-state";
import { combineDeadline, type Deadline } from "~/calls/deadline";
import { endOfDay, startOfDay } from "~/utils/time";

/**
 * What follows a decision, as data per call (`Call.settings.phases`): advance payments, reports
 * (interim, final, or a recognition's yearly activity report), each with its form and its own
 * window, and a settlement computed from the accepted final report. docs/decisions/0055.
 */
export const REPORT_KINDS = ["INTERIM", "FINAL", "ANNUAL"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  INTERIM: "Tussentijds verslag",
  FINAL: "Eindverslag",
  ANNUAL: "Jaarlijks activiteitenverslag",
};

/** How the settlement counts what is due: realised reach × rate (Oefenkansen), or accepted costs. */
export const SETTLEMENT_BASES = ["REACH", "COSTS"] as const;
export type SettlementBasis = (typeof SETTLEMENT_BASES)[number];

const key = z.string().check(z.regex(/^[a-z0-9-]{2,40}$/, "Gebruik kleine letters, cijfers en koppeltekens (2 tot 40 tekens)."));
const title = z.string().check(z.trim(), z.minLength(1, "Geef een titel op."), z.maxLength(120, "Hoogstens 120 tekens."));
/** Instants as ISO strings with an offset: the JSON of Call.settings keeps them exact. */
const instant = z.iso.datetime({ offset: true, error: "Geef een geldige datum en een geldig uur op." });

const advancePhaseSchema = z.object({
  kind: z.literal("ADVANCE"),
  key,
  title,
  /** Share of the granted amount, in whole percent, paid once the decision is taken */
  sharePercent: z.int().check(z.gte(1, "Minstens 1%."), z.lte(100, "Hoogstens 100%.")),
});

const reportPhaseSchema = z.object({
  kind: z.literal("REPORT"),
  key,
  title,
  reportKind: z.enum(REPORT_KINDS),
  formKey: z.string().check(z.minLength(1)),
  formVersion: z.int().check(z.positive()),
  /** First instant the report can be submitted */
  opensAt: instant,
  /** Last accepted instant (the one deadline rule of app/calls/deadline.ts) */
  dueAt: instant,
});

const settlementPhaseSchema = z.object({
  kind: z.literal("SETTLEMENT"),
  key,
  title,
  basis: z.enum(SETTLEMENT_BASES),
});

export const phaseSchema = z.discriminatedUnion("kind", [advancePhaseSchema, reportPhaseSchema, settlementPhaseSchema]);
export type GrantPhase = z.infer<typeof phaseSchema>;
export type ReportPhase = z.infer<typeof reportPhaseSchema>;
export type AdvancePhase = z.infer<typeof advancePhaseSchema>;
export type SettlementPhase = z.infer<typeof settlementPhaseSchema>;

export const PHASE_RULE_MESSAGES = {
  duplicateKey: (k: string) => `De sleutel "${k}" komt twee keer voor.`,
  dueBeforeOpens: "De uiterste datum moet na de openingsdatum liggen.",
  advancesOverHundred: "Samen zijn de voorschotten meer dan 100% van het toegekende bedrag.",
  settlementNeedsFinal: "Een afrekening volgt op een eindverslag: voeg er een toe.",
  oneFinal: "Een oproep heeft hoogstens één eindverslag.",
  oneSettlement: "Een oproep heeft hoogstens één afrekening.",
  finalLast: "Het eindverslag is het laatste verslag: geen ander verslag mag later vervallen.",
} as const;

/** The rules between phases; each issue names the index of the phase it is about. */
export const grantPhasesSchema = z.array(phaseSchema).check(
  z.superRefine((phases, context) => {
    const issue = (index: number, field: string, message: string) =>
      context.issues.push({ code: "custom", path: [index, field], message, input: phases });
    const seen = new Set<string>();
    phases.forEach((phase, index) => {
      if (seen.has(phase.key)) issue(index, "key", PHASE_RULE_MESSAGES.duplicateKey(phase.key));
      seen.add(phase.key);
      if (phase.kind === "REPORT" && Date.parse(phase.dueAt) <= Date.parse(phase.opensAt)) {
        issue(index, "dueAt", PHASE_RULE_MESSAGES.dueBeforeOpens);
      }
    });
    const advances = phases.flatMap((phase, index) => (phase.kind === "ADVANCE" ? [{ phase, index }] : []));
    const advanceTotal = advances.reduce((sum, { phase }) => sum + phase.sharePercent, 0);
    if (advanceTotal > 100) issue(advances.at(-1)!.index, "sharePercent", PHASE_RULE_MESSAGES.advancesOverHundred);
    const finals = phases.flatMap((phase, index) => (phase.kind === "REPORT" && phase.reportKind === "FINAL" ? [{ phase, index }] : []));
    if (finals.length > 1) issue(finals[1]!.index, "reportKind", PHASE_RULE_MESSAGES.oneFinal);
    const settlements = phases.flatMap((phase, index) => (phase.kind === "SETTLEMENT" ? [index] : []));
    if (settlements.length > 1) issue(settlements[1]!, "kind", PHASE_RULE_MESSAGES.oneSettlement);
    if (settlements.length > 0 && finals.length === 0) issue(settlements[0]!, "kind", PHASE_RULE_MESSAGES.settlementNeedsFinal);
    const final = finals[0];
    if (final) {
      phases.forEach((phase, index) => {
        if (phase.kind === "REPORT" && index !== final.index && Date.parse(phase.dueAt) > Date.parse(final.phase.dueAt)) {
          issue(index, "dueAt", PHASE_RULE_MESSAGES.finalLast);
        }
      });
    }
  }),
);

const callPhasesSchema = z.object({ phases: z.optional(grantPhasesSchema) });

/** A call's phases from its settings JSON; none when the call defines none. */
export function callGrantPhases(settings: unknown): GrantPhase[] {
  return callPhasesSchema.parse(settings ?? {}).phases ?? [];
}

export function reportPhases(phases: readonly GrantPhase[]): ReportPhase[] {
  return phases.filter((phase): phase is ReportPhase => phase.kind === "REPORT");
}

export function finalReport(phases: readonly GrantPhase[]): ReportPhase | null {
  return reportPhases(phases).find((phase) => phase.reportKind === "FINAL") ?? null;
}

export function settlementPhase(phases: readonly GrantPhase[]): SettlementPhase | null {
  return phases.find((phase): phase is SettlementPhase => phase.kind === "SETTLEMENT") ?? null;
}

export function advancePhases(phases: readonly GrantPhase[]): AdvancePhase[] {
  return phases.filter((phase): phase is AdvancePhase => phase.kind === "ADVANCE");
}

/**
 * A report's deadline for one dossier: the phase's due instant, or the later date of an
 * extension granted for it. The same rule as a call's deadline (app/calls/deadline.ts).
 */
export function reportDeadline(phase: ReportPhase, extendedUntil: Date | null): Deadline {
  return combineDeadline(new Date(phase.dueAt), extendedUntil);
}

/** Whether a report takes submissions at `at`: before it opens, open, or past its deadline. */
export function reportWindow(phase: ReportPhase, at: Date, extendedUntil: Date | null = null): CallPhase {
  return callPhase({ opensAt: phase.opensAt, closesAt: phase.dueAt }, at, extendedUntil);
}

/** The period a grant covers, in Brussels calendar days (ISO dates): the funded years. */
export type GrantPeriod = { startsOn: string; endsOn: string };

/**
 * A report opens on the first day of the last month it covers (activities may end early; the
 * official reports as soon as they can) and is due at the end of 31 March of the next year.
 */
function reportAfter(
  year: number,
  coversUntil: string,
  phase: { key: string; title: string; reportKind: ReportKind; formKey: string },
): ReportPhase {
  return {
    kind: "REPORT",
    ...phase,
    formVersion: 1,
    opensAt: startOfDay(`${coversUntil.slice(0, 7)}-01`).toISOString(),
    dueAt: endOfDay(`${year + 1}-03-31`).toISOString(),
  };
}

function yearsOf(period: GrantPeriod): number[] {
  const first = Number(period.startsOn.slice(0, 4));
  const last = Number(period.endsOn.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** What kind of follow-up a grant gets: derived from its form and its programme's kind. */
export type PhaseProfile = {
  /** Share of the grant paid as an advance after the decision; null: none */
  advancePercent: number | null;
  /** Reports for the years before the last: interim (funding) or yearly activity reports (recognition) */
  yearly: Extract<ReportKind, "INTERIM" | "ANNUAL">;
  reportFormKey: string;
  basis: SettlementBasis;
};

/**
 * The follow-up that fits a call (design choices; domain.md is silent): Oefenkansen settles on
 * reach, other funding on accepted costs, both with a 60% advance; a recognition reports every
 * year and settles on costs without an advance.
 */
export function phaseProfileFor(formKey: string, programmeKind: "FUNDING" | "RECOGNITION"): PhaseProfile {
  if (programmeKind === "RECOGNITION")
    return { advancePercent: null, yearly: "ANNUAL", reportFormKey: "activiteitenverslag", basis: "COSTS" };
  if (formKey === "oefenkansen") return { advancePercent: 60, yearly: "INTERIM", reportFormKey: "verslag-oefenkansen", basis: "REACH" };
  return { advancePercent: 60, yearly: "INTERIM", reportFormKey: "verslag-kosten", basis: "COSTS" };
}

/**
 * The phases of a profile over a grant period, for the seeds and as the editor's starting
 * point: the advance, a report per year before the last (due 31 March of the next year), the
 * final report over the whole period, and the settlement.
 */
export function defaultPhases(profile: PhaseProfile, period: GrantPeriod): GrantPhase[] {
  const years = yearsOf(period);
  const lastYear = years.at(-1)!;
  const formKey = profile.reportFormKey;
  const yearlyTitle = profile.yearly === "ANNUAL" ? "Activiteitenverslag" : "Tussentijds verslag";
  const advance: GrantPhase[] =
    profile.advancePercent === null
      ? []
      : [{ kind: "ADVANCE", key: "voorschot", title: `Voorschot (${profile.advancePercent}%)`, sharePercent: profile.advancePercent }];
  const yearly = years
    .slice(0, -1)
    .map((year) =>
      reportAfter(year, `${year}-12-31`, { key: `verslag-${year}`, title: `${yearlyTitle} ${year}`, reportKind: profile.yearly, formKey }),
    );
  return [
    ...advance,
    ...yearly,
    reportAfter(lastYear, period.endsOn, { key: "eindverslag", title: "Eindverslag", reportKind: "FINAL", formKey }),
    { kind: "SETTLEMENT", key: "afrekening", title: "Afrekening", basis: profile.basis },
  ];
}
