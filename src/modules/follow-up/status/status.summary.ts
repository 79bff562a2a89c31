import {
  OVERDUE_BUCKETS,
  type OverdueBucket,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskStatus,
  type TaskStatusResult,
} from "./status.types.js";

/** Counts of tasks by status and, for overdue ones, by age. */
export interface StatusCounts {
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdueByBucket: Record<OverdueBucket, number>;
}

/** Counts overall and per group key (directing official, lead…), for dashboards and reports. */
export interface StatusSummary extends StatusCounts {
  /** `groups[dimension][key]`, e.g. `groups.lead["Phạm Văn Tuấn"]`. */
  groups: Record<string, Record<string, StatusCounts>>;
}

/** Keys a result belongs to in one dimension; several keys count the task once under each. */
export type GroupKeyFn = (
  result: TaskStatusResult,
  index: number,
) => string | readonly string[] | null | undefined;

/** An empty set of counts. */
export function emptyCounts(): StatusCounts {
  const byStatus = {} as Record<TaskStatus, number>;
  for (const s of TASK_STATUSES) byStatus[s] = 0;
  const overdueByBucket = {} as Record<OverdueBucket, number>;
  for (const b of OVERDUE_BUCKETS) overdueByBucket[b] = 0;
  return { total: 0, byStatus, overdueByBucket };
}

function add(counts: StatusCounts, r: TaskStatusResult, sign: 1 | -1 = 1): void {
  counts.total += sign;
  counts.byStatus[r.status] += sign;
  if (r.kind === "dated" && r.overdueBucket !== null && r.status === "overdue")
    counts.overdueByBucket[r.overdueBucket] += sign;
}

/** Adds (or, with -1, removes) one result in the summary and its groups; a group left empty is dropped. */
function apply(
  summary: StatusSummary,
  dims: readonly (readonly [string, GroupKeyFn])[],
  r: TaskStatusResult,
  i: number,
  sign: 1 | -1,
): void {
  add(summary, r, sign);
  for (const [dim, fn] of dims) {
    const keys = fn(r, i);
    if (keys === null || keys === undefined) continue;
    const groups = summary.groups[dim] as Record<string, StatusCounts>;
    const list = typeof keys === "string" ? [keys] : keys;
    for (const key of list.length > 1 ? new Set(list) : list) {
      let c = groups[key];
      if (!c) {
        c = emptyCounts();
        groups[key] = c;
      }
      add(c, r, sign);
      if (c.total === 0) delete groups[key];
    }
  }
}

/**
 * Counts results by status and overdue age, and per dimension given in `groupBy`. Results are
 * aligned with the tasks they came from, so a key function can read the task by index.
 *
 * @example
 * const results = computeStatuses(tasks, "2024-06-14");
 * summarizeStatuses(results, { groupBy: {
 *   directing: (_, i) => tasks[i].directingOfficial,
 *   lead: (_, i) => tasks[i].leads,
 * } }).groups.lead["Phạm Văn Tuấn"].byStatus.overdue
 */
export function summarizeStatuses(
  results: readonly TaskStatusResult[],
  options: { groupBy?: Readonly<Record<string, GroupKeyFn>> } = {},
): StatusSummary {
  const summary: StatusSummary = { ...emptyCounts(), groups: {} };
  const dims = Object.entries(options.groupBy ?? {});
  for (const [dim] of dims) summary.groups[dim] = {};
  if (dims.length === 0) {
    for (const r of results) add(summary, r);
    return summary;
  }
  for (let i = 0; i < results.length; i++) apply(summary, dims, results[i] as TaskStatusResult, i, 1);
  return summary;
}

const copyCounts = (c: StatusCounts): StatusCounts => ({
  total: c.total,
  byStatus: { ...c.byStatus },
  overdueByBucket: { ...c.overdueByBucket },
});

/**
 * A summary updated for a few tasks whose results changed: `before[k]` and `after[k]` are the old
 * and new results of the task at `indices[k]`. Same as summarizing the new results afresh (with the
 * same `groupBy`), at the cost of the changed tasks only. The input summary is left untouched.
 */
export function updateSummary(
  summary: StatusSummary,
  change: {
    indices: readonly number[];
    before: readonly TaskStatusResult[];
    after: readonly TaskStatusResult[];
  },
  options: { groupBy?: Readonly<Record<string, GroupKeyFn>> } = {},
): StatusSummary {
  const out: StatusSummary = { ...copyCounts(summary), groups: {} };
  for (const [dim, groups] of Object.entries(summary.groups)) {
    const copy: Record<string, StatusCounts> = {};
    for (const [key, c] of Object.entries(groups)) copy[key] = copyCounts(c);
    out.groups[dim] = copy;
  }
  const dims = Object.entries(options.groupBy ?? {});
  change.indices.forEach((i, k) => {
    apply(out, dims, change.before[k] as TaskStatusResult, i, -1);
    apply(out, dims, change.after[k] as TaskStatusResult, i, 1);
  });
  return out;
}

/** One row of a statistics table. */
export interface StatusRow {
  status: TaskStatus;
  /** Vietnamese label. */
  label: string;
  count: number;
  /** Share of the total in percent, one decimal. */
  percent: number;
}

/**
 * Rows for a report's statistics table: one per status (those with zero tasks left out unless
 * `includeEmpty`), in `TASK_STATUSES` order, percentages of the total rounded to one decimal.
 */
export function statusRows(counts: StatusCounts, options: { includeEmpty?: boolean } = {}): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const status of TASK_STATUSES) {
    const count = counts.byStatus[status];
    if (count === 0 && !options.includeEmpty) continue;
    const percent = counts.total === 0 ? 0 : Math.round((count * 1000) / counts.total) / 10;
    rows.push({ status, label: TASK_STATUS_LABELS[status].vi, count, percent });
  }
  return rows;
}
