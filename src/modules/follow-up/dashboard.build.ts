/**
 * What the dashboard and the lists show of statuses: rows, calendar events, the dashboard itself.
 * Pure functions of a programme's loaded data and its results.
 */
import type { z } from "zod";
import type { DashboardSchema } from "../../shared/api/follow-up.js";
import { addDays, type IsoDate, toDayNumber } from "./calendar/calendar.dates.js";
import { clampDate, type ProgrammeFollowUp, type TaskInfo } from "./follow-up.data.js";
import type { ReportingPeriod } from "./status/status.periods.js";
import type { GroupKeyFn, StatusCounts, StatusSummary } from "./status/status.summary.js";
import {
  type DeadlineStatus,
  type MilestoneStatus,
  OVERDUE_BUCKET_LABELS_VI,
  type OverdueBucket,
  TASK_STATUS_LABELS,
  type TaskStatus,
  type TaskStatusResult,
} from "./status/status.types.js";

/** One task's status as the lists show it. */
export interface StatusRowDto {
  taskId: string;
  ref: string;
  kind: string;
  text: string;
  timeframe: string | null;
  status: TaskStatusResult["status"];
  statusLabel: string;
  due: string | null;
  daysOverdue: number;
  overdueBucket: OverdueBucket | null;
  progress: number | null;
  hasPendingCompletion: boolean;
  isReturned: boolean;
  directing: string[];
  leads: string[];
  coordinators: string[];
}

export function statusRow(t: TaskInfo, r: TaskStatusResult): StatusRowDto {
  return {
    taskId: t.id,
    ref: t.ref,
    kind: t.kind,
    text: t.text,
    timeframe: t.timeframeText,
    status: r.status,
    statusLabel: TASK_STATUS_LABELS[r.status].vi,
    due: r.kind === "dated" ? r.due : null,
    daysOverdue: r.kind === "dated" ? r.daysOverdue : 0,
    overdueBucket: r.kind === "dated" ? r.overdueBucket : null,
    progress: r.progress,
    hasPendingCompletion: r.hasPendingCompletion,
    isReturned: r.isReturned,
    directing: t.directing,
    leads: t.leads,
    coordinators: t.coordinators,
  };
}

const label = (status: TaskStatus | DeadlineStatus) => TASK_STATUS_LABELS[status];

/**
 * One task's full verdict as of a date (GET /api/tasks/:id/status): status with its official label,
 * due date, overdue age bucket, each milestone assessed on its own, and for ongoing tasks each
 * reporting period (reported, not reported, not yet due).
 */
export function taskStatusDto(input: {
  task: TaskInfo;
  programmeId: string;
  asOf: IsoDate;
  result: TaskStatusResult;
  periods: readonly ReportingPeriod[];
}) {
  const { task, result: r } = input;
  const byKey = new Map(input.periods.map((p) => [p.key, p]));
  return {
    taskId: task.id,
    programmeId: input.programmeId,
    ref: task.ref,
    asOf: input.asOf,
    kind: r.kind,
    timeframe: { kind: task.timeframeKind, text: task.timeframeText },
    status: r.status,
    statusLabel: label(r.status),
    progress: r.progress,
    hasPendingCompletion: r.hasPendingCompletion,
    isReturned: r.isReturned,
    due: r.kind === "dated" ? r.due : null,
    dueSource: r.kind === "dated" ? r.dueSource : null,
    directive: r.kind === "dated" ? r.directive : null,
    completedOn: r.kind === "ongoing" ? null : r.completedOn,
    daysOverdue: r.kind === "dated" ? r.daysOverdue : 0,
    daysLate: r.kind === "dated" ? r.daysLate : 0,
    overdueBucket: r.kind === "dated" ? r.overdueBucket : null,
    overdueBucketLabel:
      r.kind === "dated" && r.overdueBucket ? OVERDUE_BUCKET_LABELS_VI[r.overdueBucket] : null,
    milestones:
      r.kind === "dated" && r.milestones
        ? r.milestones.map((m) => ({ ...m, statusLabel: label(m.status) }))
        : null,
    periods:
      r.kind === "ongoing"
        ? r.periods.map((p) => {
            const period = byKey.get(p.period);
            return {
              ...p,
              label: period?.label ?? p.period,
              start: period?.start ?? null,
              end: period?.end ?? null,
              reportDue: period?.reportDue ?? null,
            };
          })
        : null,
    missedPeriods: r.kind === "ongoing" ? r.missedPeriods : 0,
  };
}
export type TaskStatusDto = ReturnType<typeof taskStatusDto>;

// One collator for every sort: `localeCompare` with a locale builds a new one per call.
export const byRef = new Intl.Collator("vi", { numeric: true }).compare;
const byName = new Intl.Collator("vi").compare;

/** A dated event of the calendar: a deadline, a milestone, a recorded due date or a report due date. */
export interface CalendarEvent {
  date: IsoDate;
  kind: "deadline" | "milestone" | "due_date" | "report_due";
  taskId: string;
  ref: string;
  text: string;
  label: string | null;
  leads: string[];
  isDone: boolean;
}

// Rank of each task by its number ("1" < "2" < "10", Vietnamese collation), and the task at each
// rank, computed once per task list.
const ranks = new WeakMap<readonly TaskInfo[], { rank: Int32Array; order: Int32Array }>();
function refRanks(tasks: readonly TaskInfo[]) {
  let ranked = ranks.get(tasks);
  if (!ranked) {
    const order = Int32Array.from(tasks.keys()).sort((a, b) =>
      byRef((tasks[a] as TaskInfo).ref, (tasks[b] as TaskInfo).ref),
    );
    const rank = new Int32Array(tasks.length);
    order.forEach((taskIndex, k) => {
      rank[taskIndex] = k;
    });
    ranked = { rank, order };
    ranks.set(tasks, ranked);
  }
  return ranked;
}

// An event is found as one number: day, then the task's rank, then which of the task's events.
const RANKS = 2 ** 21;
const SLOTS = 64;

/**
 * Events between two dates (inclusive), by date then task number. `onlyOpen` leaves out those done;
 * `limit` builds only the first events (`total` counts them all).
 */
export function calendarEvents(
  data: ProgrammeFollowUp,
  results: readonly TaskStatusResult[],
  from: IsoDate,
  to: IsoDate,
  options: { onlyOpen?: boolean; limit?: number } = {},
): { events: CalendarEvent[]; total: number } {
  const { rank, order } = refRanks(data.tasks);
  const periods = data.periods.filter((p) => p.reportDue >= from && p.reportDue <= to);
  const keys: number[] = [];
  const found = (date: IsoDate, i: number, slot: number, isDone: boolean) => {
    if (date >= from && date <= to && !(isDone && options.onlyOpen) && slot < SLOTS)
      keys.push((toDayNumber(date) * RANKS + (rank[i] as number)) * SLOTS + slot);
  };
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as TaskStatusResult;
    if (r.kind === "dated") {
      if (r.milestones) {
        for (let k = 0; k < r.milestones.length; k++) {
          const m = r.milestones[k] as MilestoneStatus;
          found(m.due, i, k, m.completedOn !== null);
        }
      } else found(r.due, i, 0, r.completedOn !== null);
    } else if (r.kind === "ongoing" && periods.length > 0) {
      periods.forEach((p, k) => {
        const st = r.periods.find((x) => x.period === p.key);
        if (st) found(p.reportDue, i, k, st.state === "reported");
      });
    }
  }
  // Numbers sort natively: no comparator call per pair.
  const sorted = Float64Array.from(keys).sort();
  const count = Math.min(sorted.length, options.limit ?? sorted.length);
  const events: CalendarEvent[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const key = sorted[k] as number;
    const slot = key % SLOTS;
    const i = order[Math.floor(key / SLOTS) % RANKS] as number;
    const t = data.tasks[i] as TaskInfo;
    const r = results[i] as TaskStatusResult;
    const base = { taskId: t.id, ref: t.ref, text: t.text, leads: t.leads };
    if (r.kind === "dated") {
      const recorded = r.dueSource === "recorded";
      const m = r.milestones?.[slot];
      events[k] = m
        ? {
            ...base,
            date: m.due,
            kind: recorded ? "due_date" : "milestone",
            label: m.label,
            isDone: m.completedOn !== null,
          }
        : {
            ...base,
            date: r.due,
            kind: recorded ? "due_date" : "deadline",
            label: r.directive,
            isDone: r.completedOn !== null,
          };
    } else {
      const p = periods[slot] as ReportingPeriod;
      const st = r.kind === "ongoing" ? r.periods.find((x) => x.period === p.key) : undefined;
      events[k] = {
        ...base,
        date: p.reportDue,
        kind: "report_due",
        label: p.label,
        isDone: st?.state === "reported",
      };
    }
  }
  return { events, total: sorted.length };
}

/** The quarters begun by a date, and each one's cut-off: its end, or the date itself while it runs. */
export function quarterCuts(d: ProgrammeFollowUp, at: IsoDate) {
  const quarters = d.periods.filter((p) => p.start <= at);
  return { quarters, cuts: quarters.map((p) => clampDate(at, { start: p.start, end: p.end })) };
}

const countsDto = (c: StatusCounts) => ({
  total: c.total,
  byStatus: c.byStatus,
  overdueByBucket: c.overdueByBucket,
});
const groupsDto = (g: Record<string, StatusCounts> | undefined) =>
  Object.entries(g ?? {})
    .map(([name, c]) => ({ name, ...countsDto(c) }))
    .sort((a, b) => b.total - a.total || byName(a.name, b.name));

/** How many overdue tasks and upcoming deadlines the dashboard lists (full lists: /overdue, /calendar). */
const DASHBOARD_LIST_LIMIT = 100;

/** The dashboard's groupings: by directing official, lead official and lead unit. */
export function dashboardGroups(d: ProgrammeFollowUp): Record<string, GroupKeyFn> {
  return {
    directing: (_, i) => d.tasks[i]?.directing,
    leadPerson: (_, i) => d.tasks[i]?.leadPersons,
    leadUnit: (_, i) => d.tasks[i]?.leadUnits,
  };
}

/**
 * The dashboard of a programme as of a date, from every task's results and their summary (computed
 * afresh, or updated from an earlier dashboard's summary: see `updateSummary`).
 */
export function buildDashboard(input: {
  d: ProgrammeFollowUp;
  at: IsoDate;
  results: readonly TaskStatusResult[];
  summary: StatusSummary;
  /** Counts as of each quarter's cut-off (`quarterCuts`), in order. */
  quarterCounts: readonly StatusCounts[];
}): z.infer<typeof DashboardSchema> {
  const { d, at, results, summary } = input;
  // Rows only for the overdue tasks listed, oldest first (ties in document order).
  const overdueIdx: number[] = [];
  for (let i = 0; i < results.length; i++) if (results[i]?.status === "overdue") overdueIdx.push(i);
  const daysOverdue = (i: number) => {
    const r = results[i] as TaskStatusResult;
    return r.kind === "dated" ? r.daysOverdue : 0;
  };
  overdueIdx.sort((a, b) => daysOverdue(b) - daysOverdue(a) || a - b);
  const overdue = overdueIdx
    .slice(0, DASHBOARD_LIST_LIMIT)
    .map((i) => statusRow(d.tasks[i] as TaskInfo, results[i] as TaskStatusResult));
  const upcoming = calendarEvents(d, results, addDays(at, 1), addDays(at, 30), {
    onlyOpen: true,
    limit: DASHBOARD_LIST_LIMIT,
  });
  const { quarters, cuts } = quarterCuts(d, at);
  const progressByQuarter = quarters.map((p, k) => {
    const s = input.quarterCounts[k] as StatusCounts;
    return {
      period: p.key,
      label: p.label,
      asOf: cuts[k] as IsoDate,
      total: s.total,
      completed: s.byStatus.completed_on_time + s.byStatus.completed_late,
      overdue: s.byStatus.overdue,
      byStatus: s.byStatus,
    };
  });
  return {
    asOf: at,
    programme: {
      id: d.programme.id,
      number: d.programme.number,
      title: d.programme.title,
      period: d.period,
    },
    summary: countsDto(summary),
    byDirecting: groupsDto(summary.groups.directing),
    byLeadPerson: groupsDto(summary.groups.leadPerson),
    byLeadUnit: groupsDto(summary.groups.leadUnit),
    overdueTotal: overdueIdx.length,
    overdue,
    upcomingTotal: upcoming.total,
    upcoming: upcoming.events,
    progressByQuarter,
  };
}

export type DashboardDto = ReturnType<typeof buildDashboard>;
