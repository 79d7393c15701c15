import { statusLabel } from "~/applications/status-labels";
import { callPhase, type CallPhase } from "~/calls/call-state";
import { isStatusIn, type ApplicationStatus } from "~/domain/application-status";
import type { BudgetFigures } from "~/review/budget";
import {
  amountsByStatus,
  coverageByProvince,
  deadlineProgress,
  describeDeadline,
  statusCounts,
  submissionSeries,
  SUBMITTED_STATUSES,
  type AmountRow,
  type Amounts,
  type CoverageFigures,
  type CoverageOrganisation,
  type CoverageRow,
  type DeadlineProgress,
  type SubmissionSeries,
} from "./series";

/** Everything the report of one call shows, as plain JSON (dates as ISO strings). */
export type CallReport = {
  call: {
    id: string;
    title: string;
    programmeCode: string;
    programmeName: string;
    year: number;
    opensAt: string;
    closesAt: string;
    decisionDueAt: string | null;
    phase: CallPhase;
    /** Whether municipalities (or the VGC) may apply: otherwise coverage says nothing */
    forMunicipalities: boolean;
  };
  generatedAt: string;
  statuses: Array<{ status: ApplicationStatus; label: string; count: number }>;
  submissions: SubmissionSeries;
  amounts: { rows: Array<AmountRow & { label: string }>; totals: Amounts["totals"] };
  budget: BudgetFigures;
  coverage: { rows: CoverageRow[]; overall: CoverageFigures };
  deadline: DeadlineProgress & { description: string };
};

export type ReportCall = {
  id: string;
  title: string;
  year: number;
  opensAt: Date;
  closesAt: Date;
  decisionDueAt: Date | null;
  programme: { code: string; name: string; kind: string };
  eligibleKinds: string[];
};

export type ReportDossier = {
  organisationId: string;
  status: string;
  submittedAt: Date | null;
  requestedCents: number | null;
  grantedCents: number | null;
  decidedAt: Date | null;
};

/** Builds the report of a call from its rows; pure, so it is tested without a database. */
export function buildCallReport(input: {
  call: ReportCall;
  dossiers: readonly ReportDossier[];
  organisations: readonly CoverageOrganisation[];
  budget: BudgetFigures;
  at: Date;
}): CallReport {
  const { call, dossiers, at } = input;
  const label = (status: ApplicationStatus) => statusLabel(status, call.programme.kind);
  const submitted = dossiers.filter((d) => isStatusIn(SUBMITTED_STATUSES, d.status));
  // A dossier withdrawn after submission was received on its day, so it stays in the series.
  const received = dossiers.filter((d) => d.status !== "DRAFT" && d.submittedAt !== null);
  const amounts = amountsByStatus(dossiers);
  const deadline = deadlineProgress({ decisionDueAt: call.decisionDueAt, at, dossiers });
  return {
    call: {
      id: call.id,
      title: call.title,
      programmeCode: call.programme.code,
      programmeName: call.programme.name,
      year: call.year,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      decisionDueAt: call.decisionDueAt?.toISOString() ?? null,
      phase: callPhase(call, at),
      forMunicipalities: call.eligibleKinds.some((kind) => kind === "GEMEENTE" || kind === "VGC"),
    },
    generatedAt: at.toISOString(),
    statuses: statusCounts(dossiers.map((d) => d.status)).map((row) => ({ ...row, label: label(row.status) })),
    submissions: submissionSeries({
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      submittedAt: received.flatMap((d) => (d.submittedAt ? [d.submittedAt] : [])),
      at,
    }),
    amounts: { ...amounts, rows: amounts.rows.map((row) => ({ ...row, label: label(row.status) })) },
    budget: input.budget,
    coverage: coverageByProvince(input.organisations, new Set(submitted.map((d) => d.organisationId))),
    deadline: { ...deadline, description: describeDeadline(deadline) },
  };
}
