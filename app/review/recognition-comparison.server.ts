import { z } from "zod";
import { statusLabel } from "~/applications/status-labels";
import { prisma } from "~/db.server";
import { applicationStatusSchema } from "~/domain/application-status";
import { findForm } from "~/forms/registry";
import type { Option } from "~/forms/types";
import { brusselsDate, formatPeriod } from "~/utils/time";
import { COMPARED_STATUSES, findOverlaps, takesPartInOverlap, type CoverageEntry } from "./recognition-overlap";
import {
  allDimensionOptions,
  DIMENSION_HEADINGS,
  optionLabel,
  parseAnswers,
  recognitionProfile,
  RECOGNITION_DIMENSIONS,
  type RecognitionDimension,
  type RecognitionProfile,
} from "./recognition-profile";

const RECOGNITION = "RECOGNITION";

/** Dimensions that define an overlap (see recognition-overlap.ts), and the key they have there. */
const OVERLAP_KEYS: Partial<Record<RecognitionDimension, "themes" | "provinces" | "facets">> = {
  themas: "themes",
  provincies: "provinces",
  facetten: "facets",
};

export type RecognitionCallLink = { callId: string; title: string; candidates: number; closesAt: string };

/** The calls of recognition programmes with their number of candidates, most recent first. */
export async function recognitionCallLinks(options: { withCandidatesOnly?: boolean } = {}): Promise<RecognitionCallLink[]> {
  const calls = await prisma.call.findMany({
    where: { programme: { kind: RECOGNITION } },
    select: {
      id: true,
      title: true,
      closesAt: true,
      _count: { select: { applications: { where: { status: { in: [...COMPARED_STATUSES] } } } } },
    },
    orderBy: { closesAt: "desc" },
  });
  return calls
    .map((call) => ({ callId: call.id, title: call.title, candidates: call._count.applications, closesAt: call.closesAt.toISOString() }))
    .filter((call) => !options.withCandidatesOnly || call.candidates > 0);
}

export type ComparisonColumn = {
  id: string;
  kind: "candidate" | "recognised";
  name: string;
  applicationId: string;
  reference: string | null;
  statusLabel: string;
  /** The reviewer's proposal, for candidates that have one */
  proposalLabel: string | null;
  /** Recognised elsewhere: the call and the period */
  recognisedIn: string | null;
  period: string | null;
  /** Refused candidates are shown but take no part in the overlap */
  inOverlap: boolean;
};

export type ComparisonCell = { covered: boolean; overlap: boolean };
export type ComparisonRow = { value: string; label: string; overlap: boolean; cells: ComparisonCell[] };
export type ComparisonGroup = { dimension: RecognitionDimension; heading: string; definesOverlap: boolean; rows: ComparisonRow[] };

const settingsSchema = z
  .object({
    recognitionStartsOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  })
  .catch({});

/**
 * The side-by-side comparison of a recognition call's candidates (submitted or further), with
 * the organisations recognised in other calls with the same form whose recognition still runs
 * when this call's recognitions start. `selected`: the candidate dossiers to compare (null or none valid: all).
 * Null when the call does not exist or is not a recognition.
 */
export async function recognitionComparison(callId: string, selected: readonly string[] | null, at: Date) {
  const call = await prisma.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      title: true,
      formKey: true,
      formVersion: true,
      settings: true,
      programme: { select: { name: true, kind: true } },
    },
  });
  if (!call || call.programme.kind !== RECOGNITION) return null;
  const form = findForm(call.formKey, call.formVersion);
  if (!form) return null;
  const options = allDimensionOptions(form);
  const startsOn = settingsSchema.parse(parseJson(call.settings)).recognitionStartsOn ?? null;
  // Recognitions that end before this call's recognitions start leave room for them.
  const referenceDate = startsOn ?? brusselsDate(at);

  const applicationSelect = {
    id: true,
    organisationId: true,
    status: true,
    reference: true,
    data: true,
    proposedOutcome: true,
    recognitionStartsOn: true,
    recognitionEndsOn: true,
    organisation: { select: { name: true } },
    call: { select: { title: true } },
  } as const;
  const [candidateRows, recognisedRows] = await Promise.all([
    prisma.application.findMany({
      where: { callId, status: { in: [...COMPARED_STATUSES] } },
      select: applicationSelect,
      orderBy: { organisation: { name: "asc" } },
    }),
    prisma.application.findMany({
      where: {
        callId: { not: callId },
        status: "APPROVED",
        // The same kind of recognition: another recognition programme's tasks are not these.
        formKey: call.formKey,
        call: { programme: { kind: RECOGNITION } },
        recognitionStartsOn: { not: null },
        OR: [{ recognitionEndsOn: null }, { recognitionEndsOn: { gte: referenceDate } }],
      },
      select: applicationSelect,
      orderBy: { organisation: { name: "asc" } },
    }),
  ]);

  const candidates = candidateRows.map((row) => ({ ...row, status: applicationStatusSchema.parse(row.status) }));
  const validSelection = (selected ?? []).filter((id) => candidates.some((c) => c.id === id));
  const shown = validSelection.length > 0 ? candidates.filter((c) => validSelection.includes(c.id)) : candidates;
  // A renewal: the organisation's new application stands for it, not its running recognition.
  const candidateOrganisations = new Set(candidates.map((c) => c.organisationId));
  // The query asks for recognitions with a start date.
  const recognised = recognisedRows.flatMap(({ recognitionStartsOn, ...row }) =>
    recognitionStartsOn && !candidateOrganisations.has(row.organisationId) ? [{ ...row, recognitionStartsOn }] : [],
  );

  const columns: Array<ComparisonColumn & { profile: RecognitionProfile }> = [
    ...shown.map((row) => ({
      id: row.id,
      kind: "candidate" as const,
      name: row.organisation.name,
      applicationId: row.id,
      reference: row.reference,
      statusLabel: statusLabel(row.status, RECOGNITION),
      proposalLabel: proposalLabel(row.proposedOutcome),
      recognisedIn: null,
      period: null,
      inOverlap: takesPartInOverlap(row.status),
      profile: recognitionProfile(form, parseAnswers(row.data)),
    })),
    ...recognised.map((row) => ({
      id: row.id,
      kind: "recognised" as const,
      name: row.organisation.name,
      applicationId: row.id,
      reference: row.reference,
      statusLabel: statusLabel("APPROVED", RECOGNITION),
      proposalLabel: null,
      recognisedIn: row.call.title,
      period: formatPeriod(row.recognitionStartsOn, row.recognitionEndsOn),
      inOverlap: true,
      profile: recognitionProfile(form, parseAnswers(row.data)),
    })),
  ];

  const entries: CoverageEntry[] = columns
    .filter((column) => column.inOverlap)
    .map((column) => ({
      id: column.id,
      kind: column.kind,
      themes: column.profile.themas,
      provinces: column.profile.provincies,
      facets: column.profile.facetten,
    }));
  const report = findOverlaps(entries, {
    themes: options.themas.map((o) => o.value),
    provinces: options.provincies.map((o) => o.value),
    facets: options.facetten.map((o) => o.value),
  });

  const nameOf = (id: string) => columns.find((column) => column.id === id)?.name ?? id;
  // "Schadelijke polarisatie in Oost-Vlaanderen: vzw Brugwerk, vzw Tussenruimte"
  const summary = report.groups.map((group) => {
    const where = `${optionLabel(options.themas, group.theme)} in ${optionLabel(options.provincies, group.province)}`;
    return {
      text: `${where}: ${group.memberIds.map(nameOf).join(", ")}`,
      facets: group.facets.map((facet) => optionLabel(options.facetten, facet)),
    };
  });

  const groups: ComparisonGroup[] = RECOGNITION_DIMENSIONS.map((dimension) => {
    const key = OVERLAP_KEYS[dimension];
    return {
      dimension,
      heading: DIMENSION_HEADINGS[dimension],
      definesOverlap: key !== undefined,
      rows: options[dimension].map((option: Option) => {
        const involved = key ? (report.involved[key][option.value] ?? []) : [];
        return {
          value: option.value,
          label: option.label,
          overlap: involved.length > 0,
          cells: columns.map((column) => ({
            covered: column.profile[dimension].includes(option.value),
            overlap: involved.includes(column.id),
          })),
        };
      }),
    };
  });

  return {
    call: { id: call.id, title: call.title, programmeName: call.programme.name, recognitionStartsOn: startsOn },
    candidates: candidates.map((c) => ({
      applicationId: c.id,
      name: c.organisation.name,
      statusLabel: statusLabel(c.status, RECOGNITION),
      selected: shown.includes(c),
    })),
    filtered: shown.length < candidates.length,
    columns: columns.map(({ profile: _profile, ...column }) => column),
    groups,
    summary,
  };
}

export type RecognitionComparison = NonNullable<Awaited<ReturnType<typeof recognitionComparison>>>;

function proposalLabel(outcome: string | null): string | null {
  const parsed = applicationStatusSchema.safeParse(outcome);
  return parsed.success ? statusLabel(parsed.data, RECOGNITION) : null;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return {};
  }
}
