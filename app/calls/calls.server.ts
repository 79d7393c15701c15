import { prisma } from "~/db.server";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/domain/organisation";
import { now } from "~/utils/clock.server";
import { callPhase, type CallPhase } from "./call-state";
import { isOneOf } from "~/utils/guards";

/** The fields of a call every overview shows (calls list, reports, staff overview, admin). */
export const callSummarySelect = {
  id: true,
  title: true,
  year: true,
  opensAt: true,
  closesAt: true,
  decisionDueAt: true,
  budgetCents: true,
  isDemo: true,
  programme: { select: { code: true, name: true, kind: true } },
  eligibleKinds: { select: { organisationKind: true } },
} as const;

export type CallSummary = {
  id: string;
  title: string;
  programmeCode: string;
  programmeName: string;
  opensAt: string;
  closesAt: string;
  decisionDueAt: string | null;
  budgetCents: number | null;
  isDemo: boolean;
  eligibleKinds: OrganisationKind[];
  phase: CallPhase;
};

function toSummary(call: CallRow, at: Date): CallSummary {
  return {
    id: call.id,
    title: call.title,
    programmeCode: call.programme.code,
    programmeName: call.programme.name,
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    decisionDueAt: call.decisionDueAt?.toISOString() ?? null,
    budgetCents: call.budgetCents,
    isDemo: call.isDemo,
    eligibleKinds: call.eligibleKinds.map((k) => k.organisationKind).filter((kind) => isOneOf(ORGANISATION_KINDS, kind)),
    phase: callPhase(call, at),
  };
}
type CallRow = Awaited<ReturnType<typeof prisma.call.findMany<{ select: typeof callSummarySelect }>>>[number];

/** One call for its public page, with the texts; null when it does not exist. */
export async function callDetail(callId: string) {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    select: { ...callSummarySelect, description: true, programme: { select: { code: true, name: true, kind: true, description: true } } },
  });
  if (!call) return null;
  return { ...toSummary(call, now()), description: call.description, programmeDescription: call.programme.description };
}

/** Every call with its phase at this moment: open ones first (soonest deadline first). */
export async function listCalls(): Promise<CallSummary[]> {
  const at = now();
  const calls = await prisma.call.findMany({ select: callSummarySelect, orderBy: { closesAt: "asc" } });
  const order: Record<CallPhase, number> = { open: 0, upcoming: 1, closed: 2 };
  return calls
    .map((call) => toSummary(call, at))
    .sort((a, b) => order[a.phase] - order[b.phase] || (a.phase === "closed" ? b.closesAt.localeCompare(a.closesAt) : 0));
}
