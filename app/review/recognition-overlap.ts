import { isStatusIn, SUBMITTED_STATUSES, type ApplicationStatus } from "~/domain/application-status";

/**
 * Overlap between partner organisations, as the recognition policy asks for a division of
 * tasks without overlap (docs/decisions/0014-recognition-overlap.md). Pure: no database.
 *
 * A task is one theme, in one province, for one facet of the regierol. Organisations overlap
 * when two or more of them cover the same task, i.e. they share at least one theme AND at least
 * one province AND at least one facet. Expertise and channels are compared side by side but do
 * not make an overlap on their own. An overlap needs at least one candidate of the call: two
 * organisations that were both recognised earlier are not this call's to settle.
 */

/** Candidate statuses shown in the comparison: submitted or further, not drafts or withdrawn. */
export const COMPARED_STATUSES = SUBMITTED_STATUSES;

/** A refused candidate is shown but gets no task, so it overlaps with nobody. */
export function takesPartInOverlap(status: ApplicationStatus): boolean {
  return isStatusIn(COMPARED_STATUSES, status) && status !== "REFUSED";
}

export type CoverageEntry = {
  id: string;
  /** A candidate of the call under review, or an organisation already recognised elsewhere */
  kind: "candidate" | "recognised";
  themes: readonly string[];
  provinces: readonly string[];
  facets: readonly string[];
};

/** The values of each dimension in display order (the form's option order). */
export type DimensionOrder = {
  themes: readonly string[];
  provinces: readonly string[];
  facets: readonly string[];
};

export type TaskOverlap = { theme: string; province: string; facet: string; memberIds: string[] };

/** Task overlaps with the same theme, province and members, folded into one line for the summary. */
export type OverlapGroup = { theme: string; province: string; facets: string[]; memberIds: string[] };

export type OverlapReport = {
  tasks: TaskOverlap[];
  groups: OverlapGroup[];
  /** Per value of each dimension: the ids of the entries that overlap on it (empty: no overlap) */
  involved: {
    themes: Record<string, string[]>;
    provinces: Record<string, string[]>;
    facets: Record<string, string[]>;
  };
};

/**
 * Every task covered by two or more entries (at least one of them a candidate), in the order
 * of the dimensions. Values not in `order` (unknown options) are ignored.
 */
export function findOverlaps(entries: readonly CoverageEntry[], order: DimensionOrder): OverlapReport {
  const tasks: TaskOverlap[] = [];
  for (const theme of order.themes) {
    for (const province of order.provinces) {
      for (const facet of order.facets) {
        const members = entries.filter(
          (entry) => entry.themes.includes(theme) && entry.provinces.includes(province) && entry.facets.includes(facet),
        );
        if (members.length >= 2 && members.some((member) => member.kind === "candidate")) {
          tasks.push({ theme, province, facet, memberIds: members.map((member) => member.id) });
        }
      }
    }
  }
  return { tasks, groups: groupOverlaps(tasks), involved: involvement(tasks, order) };
}

function groupOverlaps(tasks: readonly TaskOverlap[]): OverlapGroup[] {
  const groups: OverlapGroup[] = [];
  for (const task of tasks) {
    const same = groups.find(
      (group) => group.theme === task.theme && group.province === task.province && sameMembers(group.memberIds, task.memberIds),
    );
    if (same) same.facets.push(task.facet);
    else groups.push({ theme: task.theme, province: task.province, facets: [task.facet], memberIds: [...task.memberIds] });
  }
  return groups;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function involvement(tasks: readonly TaskOverlap[], order: DimensionOrder): OverlapReport["involved"] {
  const collect = (values: readonly string[], key: "theme" | "province" | "facet") =>
    Object.fromEntries(
      values.map((value) => {
        const ids = new Set(tasks.filter((task) => task[key] === value).flatMap((task) => task.memberIds));
        return [value, [...ids]];
      }),
    );
  return {
    themes: collect(order.themes, "theme"),
    provinces: collect(order.provinces, "province"),
    facets: collect(order.facets, "facet"),
  };
}
