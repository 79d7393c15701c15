import * as z from "zod/mini";
import {
  APPLICATION_STATUS_LABELS,
  DECIDED_STATUSES,
  FINAL_STATUSES,
  UNDECIDED_STATUSES,
  type ApplicationStatus,
} from "~/domain/application-status";
import { provinceSchema, type Province } from "~/domain/organisation";

/**
 * The staff queue's filter, as it lives in the address bar (GET form, no JavaScript needed).
 * Pure and client-safe: parsing, defaults, and turning a filter back into a query string.
 * The database query is built in queue.server.ts.
 */

export const QUEUE_PAGE_SIZE = 25;

export { DECIDED_STATUSES, UNDECIDED_STATUSES };

/** Single statuses staff can filter on (drafts are the applicant's business, not the queue's). */
export const QUEUE_STATUSES = [...UNDECIDED_STATUSES, ...DECIDED_STATUSES, "WITHDRAWN"] as const satisfies readonly ApplicationStatus[];
export const QUEUE_STATUS_GROUPS = ["open", "beslist", "alle"] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number] | (typeof QUEUE_STATUS_GROUPS)[number];

export const QUEUE_STATUS_OPTIONS: ReadonlyArray<{ value: QueueStatus; label: string }> = [
  { value: "open", label: "Alle lopende dossiers" },
  ...UNDECIDED_STATUSES.map((status) => ({ value: status, label: APPLICATION_STATUS_LABELS[status] })),
  { value: "beslist", label: "Alle besliste dossiers" },
  ...DECIDED_STATUSES.map((status) => ({ value: status, label: APPLICATION_STATUS_LABELS[status] })),
  { value: "WITHDRAWN", label: APPLICATION_STATUS_LABELS.WITHDRAWN },
  { value: "alle", label: "Alle ingediende dossiers" },
];

/** The statuses a status filter stands for. */
export function statusesFor(status: QueueStatus): readonly ApplicationStatus[] {
  if (status === "open") return UNDECIDED_STATUSES;
  if (status === "beslist") return DECIDED_STATUSES;
  if (status === "alle") return QUEUE_STATUSES;
  return [status];
}

export function isUndecided(status: ApplicationStatus): boolean {
  return status !== "DRAFT" && !FINAL_STATUSES.includes(status);
}

export const QUEUE_SORTS = ["ingediend", "nummer", "organisatie", "bedrag", "beslissing"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  ingediend: "Datum van indienen",
  nummer: "Dossiernummer",
  organisatie: "Organisatie",
  bedrag: "Gevraagd bedrag",
  beslissing: "Uiterste beslissingsdatum",
};
export const QUEUE_DIRECTIONS = ["op", "af"] as const;
export type QueueDirection = (typeof QUEUE_DIRECTIONS)[number];
export const QUEUE_DIRECTION_LABELS: Record<QueueDirection, string> = { op: "Oplopend", af: "Aflopend" };

/** "mij" (the viewer), "niemand" (unassigned) or a staff member's user id. */
export type QueueAssignee = string;

export type QueueFilter = {
  /** Dossier number, organisation name or NIS code */
  q?: string;
  /** Programme code (OEF, RAD, ERK) */
  programme?: string;
  callId?: string;
  status: QueueStatus;
  province?: Province;
  assignee?: QueueAssignee;
  /** Only dossiers past the call's decision date or with an information request past its due date */
  overdue: boolean;
  sort: QueueSort;
  direction: QueueDirection;
  page: number;
};

export const DEFAULT_QUEUE_FILTER: QueueFilter = {
  status: "open",
  overdue: false,
  sort: "ingediend",
  direction: "op",
  page: 1,
};

const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

// Anything unknown or malformed falls back to the default: an edited address never fails.
const querySchema = z.object({
  // Prisma's `contains` on SQLite passes % and _ on as LIKE wildcards, unescaped
  // (prisma/orm#23611); they occur in no dossier number or organisation name, so they go.
  q: z.catch(
    z.optional(
      z.pipe(
        z.string(),
        z.transform((value: string) => value.replace(/[%_]/g, " ").trim().replace(/\s+/g, " ").slice(0, 100)),
      ),
    ),
    undefined,
  ),
  programma: z.catch(z.optional(z.string().check(z.regex(/^[A-Z0-9]{1,10}$/))), undefined),
  oproep: z.catch(z.optional(idSchema), undefined),
  status: z.catch(z.enum([...QUEUE_STATUSES, ...QUEUE_STATUS_GROUPS]), DEFAULT_QUEUE_FILTER.status),
  provincie: z.catch(z.optional(provinceSchema), undefined),
  toegewezen: z.catch(z.optional(idSchema), undefined),
  achterstand: z.catch(z.optional(z.literal("ja")), undefined),
  sorteer: z.catch(z.enum(QUEUE_SORTS), DEFAULT_QUEUE_FILTER.sort),
  volgorde: z.catch(z.enum(QUEUE_DIRECTIONS), DEFAULT_QUEUE_FILTER.direction),
  pagina: z.catch(z.coerce.number().check(z.int(), z.gte(1), z.lte(1_000_000)), 1),
});

/** Reads the filter from a query string. Never throws. */
export function parseQueueSearch(search: URLSearchParams): QueueFilter {
  const raw: Record<string, string> = {};
  // The first value wins when a parameter is repeated; empty values mean "not set".
  for (const [key, value] of search) if (!(key in raw) && value !== "") raw[key] = value;
  const parsed = querySchema.parse(raw);
  return {
    q: parsed.q || undefined,
    programme: parsed.programma,
    callId: parsed.oproep,
    status: parsed.status,
    province: parsed.provincie,
    assignee: parsed.toegewezen,
    overdue: parsed.achterstand === "ja",
    sort: parsed.sorteer,
    direction: parsed.volgorde,
    page: parsed.pagina,
  };
}

export type QueueChoices = {
  programmeCodes: readonly string[];
  callIds: readonly string[];
  /** Staff members dossiers can be assigned to */
  assigneeIds: readonly string[];
};

/**
 * A complete dossier number as someone may type it ("rad-2026-42", "RAD-2026-0042 ") in the
 * stored form (RAD-2026-0042), or null for any other search text. A complete number is looked
 * up exactly, through the unique index, instead of scanning every dossier with LIKE.
 */
export function completeReference(q: string): string | null {
  const match = /^([A-Za-z0-9]{1,10})-(\d{4})-(\d{1,9})$/.exec(q.trim());
  if (!match) return null;
  const [, code, year, sequence] = match;
  if (!code || !year || !sequence) return null;
  return `${code.toUpperCase()}-${year}-${sequence.padStart(4, "0")}`;
}

/** Drops values that name no existing programme, call or staff member (back to "all"). */
export function resolveQueueFilter(filter: QueueFilter, choices: QueueChoices): QueueFilter {
  const known = (value: string | undefined, list: readonly string[]) => (value && list.includes(value) ? value : undefined);
  const assignee =
    filter.assignee === "mij" || filter.assignee === "niemand" ? filter.assignee : known(filter.assignee, choices.assigneeIds);
  return {
    ...filter,
    programme: known(filter.programme, choices.programmeCodes),
    callId: known(filter.callId, choices.callIds),
    assignee,
  };
}

/** The query string for a filter; defaults are left out so addresses stay short. */
export function queueSearch(filter: QueueFilter, overrides: Partial<QueueFilter> = {}): string {
  const f = { ...filter, ...overrides };
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.programme) params.set("programma", f.programme);
  if (f.callId) params.set("oproep", f.callId);
  if (f.status !== DEFAULT_QUEUE_FILTER.status) params.set("status", f.status);
  if (f.province) params.set("provincie", f.province);
  if (f.assignee) params.set("toegewezen", f.assignee);
  if (f.overdue) params.set("achterstand", "ja");
  if (f.sort !== DEFAULT_QUEUE_FILTER.sort) params.set("sorteer", f.sort);
  if (f.direction !== DEFAULT_QUEUE_FILTER.direction) params.set("volgorde", f.direction);
  if (f.page > 1) params.set("pagina", String(f.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Pages to link to: the first, the last, and a window around the current one (null = a gap). */
export function pageWindow(page: number, pages: number, radius = 2): Array<number | null> {
  const shown = new Set([1, pages]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const result: Array<number | null> = [];
  sorted.forEach((p, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && p - previous > 1) result.push(null);
    result.push(p);
  });
  return result;
}

/** "1 dossier gevonden." / "10.000 dossiers gevonden." */
export function describeResultCount(total: number): string {
  return total === 1 ? "1 dossier gevonden." : `${new Intl.NumberFormat("nl-BE").format(total)} dossiers gevonden.`;
}
