/**
 * Calls (oproepen): the real 2026 rounds of the three programmes, closed by now, and one demo
 * round per programme that is open at the seed time. A call is found by programme + title.
 */
import type { PrismaClient } from "~/db.server";
import type { OrganisationKind } from "~/domain/organisation";
import type { Call } from "~/generated/prisma/client";
import { defaultPhases, phaseProfileFor, type GrantPeriod } from "~/grants/phases";
import { addDays, brusselsDate, endOfDay, startOfDay } from "~/utils/time";
import { brusselsYear } from "./dates";
import { PROGRAMMES, type ProgrammeCode } from "./programmes";
import { changedFields, hasChanges, tally, type Outcome, type Tally } from "./sync";

export type CallDefinition = {
  /** Seed-internal handle used by the sample dossiers, e.g. "RAD-2026" or "RAD-demo". */
  key: string;
  programmeCode: ProgrammeCode;
  title: string;
  description: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  decisionDueAt: Date | null;
  budgetCents: number | null;
  eligibleKinds: OrganisationKind[];
  formKey: string;
  formVersion: number;
  settings: Record<string, unknown>;
  isDemo: boolean;
};

const LOCAL_GOVERNMENTS: OrganisationKind[] = ["GEMEENTE", "OCMW", "VGC", "IGS"];
const PARTNER_CANDIDATES: OrganisationKind[] = ["VZW", "OTHER"];
const EURO = 100;

/** The period each 2026 round funds (the phases after its decisions follow from it). */
const HISTORIC_PERIODS: Record<ProgrammeCode, GrantPeriod> = {
  OEF: { startsOn: "2026-01-01", endsOn: "2026-12-31" },
  RAD: { startsOn: "2026-01-01", endsOn: "2031-12-31" },
  ERK: { startsOn: "2026-01-01", endsOn: "2030-12-31" },
  SOC: { startsOn: "2026-06-15", endsOn: "2029-06-14" },
};

/** The same period `years` later: a demo round funds the years after its own deadline. */
function shiftedPeriod(period: GrantPeriod, years: number): GrantPeriod {
  const shift = (date: string) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return { startsOn: shift(period.startsOn), endsOn: shift(period.endsOn) };
}

/** The 2026 rounds with the dates from the policy texts (shared/domain.md); all Brussels time. */
export const HISTORIC_CALLS: readonly CallDefinition[] = [
  {
    key: "RAD-2026",
    programmeCode: "RAD",
    title: "Lokale regierol radicalisering en polarisatie – basisfinanciering 2026",
    description:
      "Lokale besturen die willen meewerken, nemen de Vlaamse beleidsprioriteiten rond de preventie van gewelddadige radicalisering en schadelijke polarisatie op in hun strategisch meerjarenplan 2026-2031 en dienen het uiterlijk op 15 januari 2026 in. Uiterlijk op 30 april 2026 beslist het agentschap welke besturen in aanmerking komen voor bijkomende middelen (€ 25.000 per actieplan).",
    year: 2026,
    opensAt: startOfDay("2025-10-01"),
    closesAt: endOfDay("2026-01-15"),
    decisionDueAt: endOfDay("2026-04-30"),
    budgetCents: 3_000_000 * EURO,
    eligibleKinds: LOCAL_GOVERNMENTS,
    formKey: "regierol",
    formVersion: 1,
    settings: { amountPerPlanCents: 2_500_000, phases: defaultPhases(phaseProfileFor("regierol", "FUNDING"), HISTORIC_PERIODS.RAD) },
    isDemo: false,
  },
  {
    key: "OEF-2026",
    programmeCode: "OEF",
    title: "Oefenkansen Nederlands – subsidieoproep 2026",
    description:
      "Subsidieoproep, gelanceerd eind 2025, voor lokale besturen en de VGC die vanaf 1 januari 2026 bijkomende, kwaliteitsvolle oefenkansen Nederlands organiseren. Per volwassen anderstalige die deelneemt aan een oefenkans wordt € 60 toegekend, met een maximum van 2.250 leerders per bestuur; het bestuur legt zelf minstens een even grote bijdrage bij.",
    year: 2026,
    opensAt: startOfDay("2025-11-03"),
    closesAt: endOfDay("2025-12-19"),
    decisionDueAt: endOfDay("2026-01-30"),
    budgetCents: 2_500_000 * EURO,
    eligibleKinds: LOCAL_GOVERNMENTS,
    formKey: "oefenkansen",
    formVersion: 1,
    settings: {
      ratePerLearnerCents: 6000,
      maxLearners: 2250,
      phases: defaultPhases(phaseProfileFor("oefenkansen", "FUNDING"), HISTORIC_PERIODS.OEF),
    },
    isDemo: false,
  },
  {
    key: "ERK-2026",
    programmeCode: "ERK",
    title: "Erkenning partnerorganisaties radicalisering en polarisatie – procedure najaar 2025",
    description:
      "Erkenningsprocedure voor partnerorganisaties die lokale besturen ondersteunen in hun regierol, met beleidsondersteuning en praktijkontwikkeling over gewelddadige radicalisering, extremisme, terrorisme en schadelijke polarisatie. De erkende partnerorganisaties starten op 1 januari 2026; de selectie waakt over een heldere taakverdeling zonder overlap.",
    year: 2026,
    opensAt: startOfDay("2025-09-15"),
    closesAt: endOfDay("2025-10-31"),
    decisionDueAt: endOfDay("2025-12-15"),
    budgetCents: null,
    eligibleKinds: PARTNER_CANDIDATES,
    formKey: "erkenning",
    formVersion: 1,
    settings: {
      recognitionStartsOn: "2026-01-01",
      phases: defaultPhases(phaseProfileFor("erkenning", "RECOGNITION"), HISTORIC_PERIODS.ERK),
    },
    isDemo: false,
  },
  {
    key: "SOC-2026",
    programmeCode: "SOC",
    title: "Sociale cohesie en participatie in een diverse samenleving – oproep 2026",
    description:
      "Oproep voor organisaties, alleen of in een samenwerkingsverband, met een aanbod dat lokale besturen kosteloos kunnen inzetten in hun regierol. De aanvrager kiest één van drie acties: arbeidsmarktintegratie via mentoring; arbeidsmarktintegratie en participatie van kwetsbare vrouwen en meisjes met een migratieachtergrond via ambassadeurs en rolmodellen; de school als uitvalsbasis voor vrijetijdsparticipatie, ouderbetrokkenheid en sociale cohesie. Projectperiode: 15 juni 2026 tot en met 14 juni 2029.",
    year: 2026,
    opensAt: startOfDay("2026-01-05"),
    closesAt: endOfDay("2026-02-16"),
    decisionDueAt: endOfDay("2026-05-15"),
    budgetCents: 1_500_000 * EURO,
    eligibleKinds: PARTNER_CANDIDATES,
    formKey: "sociale-cohesie",
    formVersion: 1,
    settings: {
      projectPeriod: HISTORIC_PERIODS.SOC,
      phases: defaultPhases(phaseProfileFor("sociale-cohesie", "FUNDING"), HISTORIC_PERIODS.SOC),
      rubric: [
        {
          key: "relevantie",
          label: "Relevantie voor de gekozen actie",
          description: "Past het project bij de actie en bij de noden van lokale besturen?",
          maxScore: 5,
        },
        { key: "aanpak", label: "Kwaliteit van de aanpak", description: "Is het project concreet, haalbaar en onderbouwd?", maxScore: 5 },
        {
          key: "bereik",
          label: "Bereik en werkingsgebied",
          description: "Bereikt het project de doelgroepen in meerdere gemeenten?",
          maxScore: 5,
        },
        {
          key: "kosteloos",
          label: "Inzetbaarheid door lokale besturen",
          description: "Kunnen lokale besturen het aanbod kosteloos en eenvoudig inzetten?",
          maxScore: 5,
        },
        { key: "begroting", label: "Realistische begroting", description: "", maxScore: 5 },
      ],
    },
    isDemo: false,
  },
];

/** How many days after the seed time each demo round closes. */
export const DEMO_ROUND_CLOSES_AFTER_DAYS: Record<ProgrammeCode, number> = { OEF: 45, RAD: 60, ERK: 50, SOC: 40 };
export const DEMO_ROUND_OPENED_DAYS_AGO = 21;
export const DEMO_DECISION_DAYS_AFTER_CLOSE = 100;

const DEMO_TITLES: Record<ProgrammeCode, string> = {
  OEF: "Oefenkansen Nederlands – nieuwe oproepronde (demo)",
  RAD: "Lokale regierol radicalisering en polarisatie – nieuwe indieningsronde (demo)",
  ERK: "Erkenning partnerorganisaties radicalisering en polarisatie – nieuwe erkenningsronde (demo)",
  SOC: "Sociale cohesie en participatie in een diverse samenleving – nieuwe oproep (demo)",
};

/**
 * The next round of each programme, open at `now`: it opened at the start of the Brussels day
 * 21 days ago and closes at the end of the Brussels day 45 (OEF), 60 (RAD) or 50 (ERK) days from
 * now; the decision is due at the end of the day 100 days after closing. The round's year, in its
 * dossiers' references, is the Brussels year of its deadline.
 *
 * These dates are relative to the seed time, but a call is looked up by programme + title and
 * a demo round that already exists is never updated: re-seeding later moves nothing (and the
 * titles carry no date, so a re-seed in another year does not add a second round either). To
 * get fresh demo rounds, start from an empty database.
 */
export function demoRoundCalls(now: Date): CallDefinition[] {
  const opensAt = startOfDay(brusselsDate(addDays(now, -DEMO_ROUND_OPENED_DAYS_AGO)));
  return HISTORIC_CALLS.map((historic) => {
    const code = historic.programmeCode;
    const closesAt = endOfDay(brusselsDate(addDays(now, DEMO_ROUND_CLOSES_AFTER_DAYS[code])));
    const decisionDueAt = endOfDay(brusselsDate(addDays(closesAt, DEMO_DECISION_DAYS_AFTER_CLOSE)));
    // The round's year (its dossiers' references, OEF-2027-0001) is the year it closes in;
    // recognitions start on 1 January of the calendar year after that.
    const year = brusselsYear(closesAt);
    // The years it funds move with it: a recognition starts the year after, a project's period shifts.
    const period = shiftedPeriod(HISTORIC_PERIODS[code], year - historic.year + (code === "ERK" ? 1 : 0));
    const settings = {
      ...historic.settings,
      ...(code === "ERK" ? { recognitionStartsOn: period.startsOn } : {}),
      ...(code === "SOC" ? { projectPeriod: period } : {}),
      phases: defaultPhases(phaseProfileFor(historic.formKey, PROGRAMMES.find((programme) => programme.code === code)!.kind), period),
    };
    return {
      ...historic,
      key: `${code}-demo`,
      title: DEMO_TITLES[code],
      description: `Demonstratieronde met dezelfde voorwaarden als de ronde 2026, om het portaal te tonen en te testen. Niet voor echte aanvragen. ${historic.description}`,
      year,
      opensAt,
      closesAt,
      decisionDueAt,
      settings,
      isDemo: true,
    };
  });
}

function callFields(definition: CallDefinition) {
  return {
    description: definition.description,
    year: definition.year,
    opensAt: definition.opensAt,
    closesAt: definition.closesAt,
    decisionDueAt: definition.decisionDueAt,
    budgetCents: definition.budgetCents,
    formKey: definition.formKey,
    formVersion: definition.formVersion,
    settings: JSON.stringify(definition.settings),
    isDemo: definition.isDemo,
  };
}

function sameKinds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/**
 * Creates the call when programme + title is unknown. An existing historic call is brought in
 * line with its definition (only fields that differ); an existing demo round is left untouched.
 */
export async function seedCall(prisma: PrismaClient, definition: CallDefinition): Promise<{ call: Call; outcome: Outcome }> {
  const programme = await prisma.programme.findUnique({ where: { code: definition.programmeCode } });
  if (!programme) throw new Error(`Programma ${definition.programmeCode} bestaat niet (eerst programma's seeden).`);
  const fields = callFields(definition);
  const existing = await prisma.call.findFirst({
    where: { programmeId: programme.id, title: definition.title },
    include: { eligibleKinds: true },
  });
  if (!existing) {
    const call = await prisma.call.create({
      data: {
        programmeId: programme.id,
        title: definition.title,
        ...fields,
        eligibleKinds: { create: definition.eligibleKinds.map((organisationKind) => ({ organisationKind })) },
      },
    });
    return { call, outcome: "created" };
  }
  const { eligibleKinds, ...call } = existing;
  if (definition.isDemo) return { call, outcome: "unchanged" };

  const changes = changedFields(call, fields);
  const kindsChanged = !sameKinds(
    eligibleKinds.map((k) => k.organisationKind),
    definition.eligibleKinds,
  );
  if (!hasChanges(changes) && !kindsChanged) return { call, outcome: "unchanged" };
  const updated = await prisma.$transaction(async (tx) => {
    if (kindsChanged) {
      await tx.callEligibleKind.deleteMany({ where: { callId: call.id } });
      await tx.callEligibleKind.createMany({
        data: definition.eligibleKinds.map((organisationKind) => ({ callId: call.id, organisationKind })),
      });
    }
    return hasChanges(changes) ? tx.call.update({ where: { id: call.id }, data: changes }) : call;
  });
  return { call: updated, outcome: "updated" };
}

export async function seedCalls(
  prisma: PrismaClient,
  definitions: readonly CallDefinition[],
): Promise<{ tally: Tally; calls: Map<string, Call> }> {
  const calls = new Map<string, Call>();
  const outcomes: Outcome[] = [];
  for (const definition of definitions) {
    const { call, outcome } = await seedCall(prisma, definition);
    calls.set(definition.key, call);
    outcomes.push(outcome);
  }
  return { tally: tally(outcomes), calls };
}
