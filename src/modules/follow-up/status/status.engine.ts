import { assertIsoDate, type IsoDate, toDayNumber } from "../calendar/calendar.dates.js";
import type { CalendarDay } from "../calendar/calendar.holidays.js";
import {
  countWorkingDays,
  type HolidaysInput,
  type WorkingCalendar,
  workingCalendar,
} from "../calendar/calendar.working-days.js";
import { overdueBucket } from "./status.buckets.js";
import { type ReportingPeriod, reportingPeriods } from "./status.periods.js";
import {
  type Obligation,
  type PreparedCheckIn,
  type PreparedTask,
  prepareTask,
  prepareTasks,
} from "./status.prepared.js";
import type {
  DatedTaskStatus,
  DeadlineStatus,
  FollowUpTask,
  MilestoneStatus,
  OngoingPeriodStatus,
  OngoingTaskStatus,
  TaskStatusResult,
  UndatedTaskStatus,
} from "./status.types.js";

/** Options of the status engine. */
export interface StatusOptions {
  /**
   * Reporting periods in which ongoing ("Thường xuyên") tasks are assessed; check-ins count for the
   * period whose key they carry. Default: the four NĐ 09 quarters of the as-of year.
   */
  periods?: readonly ReportingPeriod[];
  /** Count days overdue/late in calendar days (default, as follow-up reports do) or working days. */
  dayCount?: "calendar" | "working";
  /** Holidays for `dayCount: "working"`. */
  holidays?: HolidaysInput;
}

interface Context {
  asOf: IsoDate;
  asOfDay: number;
  periods: readonly ReportingPeriod[];
  cal: WorkingCalendar | null;
  /**
   * While one task is assessed at several dates: its ongoing period verdicts at the previous date,
   * reused when unchanged (results are read-only, and most periods read the same at every cut-off).
   */
  memo: PeriodMemo | null;
}

interface PeriodMemo {
  periods: readonly ReportingPeriod[] | null;
  items: (OngoingPeriodStatus | undefined)[];
  list: OngoingPeriodStatus[] | null;
}

/**
 * Statuses of many tasks as of a date (inclusive: a task due on `asOf` is still within time).
 *
 * Rules (QĐ 42/2014/QĐ-TTg practice):
 * - a completion counts only once the secretariat CONFIRMED it, on or before `asOf`; a returned or
 *   pending report is "not completed"; the completion date is the reported `completedOn`, else the
 *   confirmation date; on time when ≤ the due date;
 * - not completed and `asOf` > due → `overdue`; else `not_started` without any check-in, else
 *   `in_progress_on_time`;
 * - milestones are assessed one by one; the task is completed when all are (late if any was late),
 *   overdue when any open milestone is overdue, otherwise within time (see `DatedTaskStatus.due`);
 * - ongoing tasks: each period is reported / not_reported / not_yet_due; the task takes the state of
 *   the latest period whose report is due;
 * - as_directed / per_plan / unspecified tasks use the due dates the secretariat recorded; without one
 *   they are `awaiting_due_date`, never overdue.
 *
 * Results are in input order. Pure: no I/O, no clock.
 *
 * @example computeStatuses(tasks, "2024-06-14", { periods: reportingPeriods({ year: 2024 }) })
 */
export function computeStatuses(
  tasks: readonly FollowUpTask[],
  asOf: IsoDate,
  options: StatusOptions = {},
): TaskStatusResult[] {
  return computePreparedStatuses(prepareTasks(tasks), asOf, options);
}

/** The status of one task as of a date; see `computeStatuses`. */
export function computeStatus(
  task: FollowUpTask,
  asOf: IsoDate,
  options: StatusOptions = {},
): TaskStatusResult {
  return assess(prepareTask(task), contextFor(asOf, options, calendarOf(options)));
}

/**
 * Statuses of many tasks as of each of several dates (reporting cut-offs) in one pass: each task is
 * prepared once (dates converted, check-ins sorted, milestones tagged) and assessed at every date.
 * Same verdicts as calling `computeStatuses` once per date; `out[k]` holds the results as of `asOfs[k]`.
 *
 * @example
 * const cutoffs = reportingPeriods({ year: 2024, kinds: ["quarter"] }).map((p) => p.end);
 * const [q1, q2, q3, q4] = computeStatusesAt(tasks, cutoffs);
 */
export function computeStatusesAt(
  tasks: readonly FollowUpTask[] | readonly PreparedTask[],
  asOfs: readonly IsoDate[],
  options: StatusOptions = {},
): TaskStatusResult[][] {
  const prepared = isPrepared(tasks) ? tasks : prepareTasks(tasks);
  const cal = calendarOf(options);
  const memo: PeriodMemo = { periods: null, items: [], list: null };
  const contexts = asOfs.map((asOf) => ({ ...contextFor(asOf, options, cal), memo }));
  const out: TaskStatusResult[][] = contexts.map(() => new Array(prepared.length));
  for (let i = 0; i < prepared.length; i++) {
    const task = prepared[i] as PreparedTask;
    memo.periods = null;
    for (let k = 0; k < contexts.length; k++)
      (out[k] as TaskStatusResult[])[i] = assess(task, contexts[k] as Context);
  }
  return out;
}

/** `computeStatuses` on tasks prepared with `prepareTasks` (kept by callers that assess the same tasks often). */
export function computePreparedStatuses(
  tasks: readonly PreparedTask[],
  asOf: IsoDate,
  options: StatusOptions = {},
): TaskStatusResult[] {
  const ctx = contextFor(asOf, options, calendarOf(options));
  const out: TaskStatusResult[] = new Array(tasks.length);
  for (let i = 0; i < tasks.length; i++) out[i] = assess(tasks[i] as PreparedTask, ctx);
  return out;
}

function isPrepared(
  tasks: readonly FollowUpTask[] | readonly PreparedTask[],
): tasks is readonly PreparedTask[] {
  const first = tasks[0];
  return first !== undefined && "plan" in first;
}

function calendarOf(options: StatusOptions): WorkingCalendar | null {
  if (options.dayCount !== "working") return null;
  const h = options.holidays ?? ([] as readonly CalendarDay[]);
  return Array.isArray(h) ? workingCalendar(h as readonly CalendarDay[]) : (h as WorkingCalendar);
}

function contextFor(asOf: IsoDate, options: StatusOptions, cal: WorkingCalendar | null): Context {
  assertIsoDate(asOf, "as-of date");
  const periods = options.periods ?? reportingPeriods({ year: Number(asOf.slice(0, 4)), kinds: ["quarter"] });
  return { asOf, asOfDay: toDayNumber(asOf), periods, cal, memo: null };
}

type Effective = "pending" | "confirmed" | "returned";

/** The decision on a check-in as it stood on `asOf` (a decision taken later is still pending). */
function effectiveState(p: PreparedCheckIn, asOf: IsoDate): Effective {
  return p.decision !== null && (p.decidedOn as IsoDate) <= asOf ? p.decision : "pending";
}

function assess(task: PreparedTask, ctx: Context): TaskStatusResult {
  const plan = task.plan;
  if (plan.kind === "ongoing") return assessOngoing(task, plan.byPeriod, ctx);
  if (plan.kind === "undated") return assessUndated(task, ctx);
  return assessDated(task, plan.obligations, plan.tagged, plan.dueSource, ctx);
}

/** Progress, pending completion and returned flags, shared by every kind. */
function commonFlags(task: PreparedTask, ctx: Context) {
  let progress: number | null = null;
  let latestCompletionReturned = false;
  let hasPendingCompletion = false;
  let hasAny = false;
  // Sorted by submission date (ties in input order): the last one standing wins, as "latest".
  for (const p of task.checkIns) {
    if (p.submittedOn > ctx.asOf) break;
    hasAny = true;
    const st = effectiveState(p, ctx.asOf);
    if (st !== "returned") progress = p.checkIn.progress;
    if (p.checkIn.reportedComplete) {
      if (st === "pending") hasPendingCompletion = true;
      latestCompletionReturned = st === "returned";
    }
  }
  return { progress, hasPendingCompletion, isReturned: latestCompletionReturned, hasAny };
}

/** Earliest confirmed completion date among the (sorted) check-ins, or null. */
function confirmedCompletion(checkIns: readonly PreparedCheckIn[], ctx: Context): IsoDate | null {
  let completedOn: IsoDate | null = null;
  for (const p of checkIns) {
    if (p.submittedOn > ctx.asOf) break;
    if (!p.checkIn.reportedComplete || p.decision !== "confirmed") continue;
    const confirmedOn = p.decidedOn as IsoDate;
    if (confirmedOn > ctx.asOf) continue;
    const d = p.checkIn.completedOn ?? confirmedOn;
    if (completedOn === null || d < completedOn) completedOn = d;
  }
  return completedOn;
}

function dayDiff(from: IsoDate, toDay: number, ctx: Context): number {
  const fromDay = toDayNumber(from);
  if (toDay <= fromDay) return 0;
  return ctx.cal ? countWorkingDays(fromDay + 1, toDay, ctx.cal) : toDay - fromDay;
}

function assessObligation(
  o: Obligation,
  completedOn: IsoDate | null,
  hasAny: boolean,
  ctx: Context,
): MilestoneStatus {
  let status: DeadlineStatus;
  let daysOverdue = 0;
  let daysLate = 0;
  if (completedOn !== null) {
    daysLate = dayDiff(o.due, toDayNumber(completedOn), ctx);
    status = completedOn <= o.due ? "completed_on_time" : "completed_late";
  } else if (ctx.asOf > o.due) {
    status = "overdue";
    daysOverdue = Math.max(1, dayDiff(o.due, ctx.asOfDay, ctx));
  } else {
    status = hasAny ? "in_progress_on_time" : "not_started";
  }
  return { due: o.due, label: o.label, directive: o.directive, status, completedOn, daysOverdue, daysLate };
}

function assessDated(
  task: PreparedTask,
  list: readonly Obligation[],
  tagged: readonly (readonly PreparedCheckIn[])[] | null,
  dueSource: "timeframe" | "recorded",
  ctx: Context,
): DatedTaskStatus {
  const flags = commonFlags(task, ctx);
  if (tagged === null) {
    const only = list[0] as Obligation;
    const m = assessObligation(only, confirmedCompletion(task.checkIns, ctx), flags.hasAny, ctx);
    return {
      taskId: task.task.id,
      kind: "dated",
      status: m.status,
      due: m.due,
      dueSource,
      directive: only.directive,
      completedOn: m.completedOn,
      daysOverdue: m.daysOverdue,
      daysLate: m.daysLate,
      overdueBucket: m.daysOverdue > 0 ? overdueBucket(m.daysOverdue) : null,
      milestones: null,
      progress: flags.progress,
      hasPendingCompletion: flags.hasPendingCompletion,
      isReturned: flags.isReturned,
    };
  }
  const milestones: MilestoneStatus[] = new Array(list.length);
  for (let j = 0; j < list.length; j++) {
    const mine = tagged[j] as readonly PreparedCheckIn[];
    const hasAny = mine.length > 0 && (mine[0] as PreparedCheckIn).submittedOn <= ctx.asOf;
    milestones[j] = assessObligation(list[j] as Obligation, confirmedCompletion(mine, ctx), hasAny, ctx);
  }
  return {
    taskId: task.task.id,
    kind: "dated",
    dueSource,
    directive: null,
    ...deriveOverall(milestones, flags.hasAny),
    milestones,
    progress: flags.progress,
    hasPendingCompletion: flags.hasPendingCompletion,
    isReturned: flags.isReturned,
  };
}

/**
 * Overall status of a milestone task: completed when every milestone is (late if any was late);
 * overdue when any open milestone is overdue (days counted from the oldest); otherwise within time,
 * `not_started` only while no check-in exists. `due` is the earliest open milestone's date.
 */
function deriveOverall(ms: readonly MilestoneStatus[], hasAny: boolean) {
  let open: MilestoneStatus | null = null;
  let daysOverdue = 0;
  let daysLate = 0;
  let completedOn: IsoDate | null = null;
  for (const m of ms) {
    if (m.completedOn === null) {
      if (open === null) open = m;
      if (m.daysOverdue > daysOverdue) daysOverdue = m.daysOverdue;
    } else {
      if (m.daysLate > daysLate) daysLate = m.daysLate;
      if (completedOn === null || m.completedOn > completedOn) completedOn = m.completedOn;
    }
  }
  const final = ms[ms.length - 1] as MilestoneStatus;
  let status: DeadlineStatus;
  if (open === null) status = daysLate > 0 ? "completed_late" : "completed_on_time";
  else if (daysOverdue > 0) status = "overdue";
  else status = hasAny ? "in_progress_on_time" : "not_started";
  return {
    status,
    due: open ? open.due : final.due,
    completedOn: open ? null : completedOn,
    daysOverdue,
    daysLate,
    overdueBucket: daysOverdue > 0 ? overdueBucket(daysOverdue) : null,
  };
}

const NO_CHECK_INS: readonly PreparedCheckIn[] = [];

function assessOngoing(
  task: PreparedTask,
  byPeriod: ReadonlyMap<string, readonly PreparedCheckIn[]>,
  ctx: Context,
): OngoingTaskStatus {
  const flags = commonFlags(task, ctx);
  const start = task.task.timeframe.start ?? null;
  const end = task.task.timeframe.end ?? null;
  const isAssessed = (p: ReportingPeriod) =>
    !((end !== null && p.start > end) || (start !== null && p.end < start));
  let missedPeriods = 0;
  let latestDue = "";
  let latestDueReported = false;
  // Verdicts at the previous date are reused only against the same list of periods.
  const memo = ctx.memo;
  if (memo && memo.periods !== ctx.periods) {
    memo.periods = ctx.periods;
    memo.items.length = 0;
    memo.list = null;
  }
  let isChanged = memo === null || memo.list === null;
  const fresh: OngoingPeriodStatus[] | null = memo ? null : [];
  for (let j = 0; j < ctx.periods.length; j++) {
    const p = ctx.periods[j] as ReportingPeriod;
    if (!isAssessed(p)) continue;
    let reportedOn: IsoDate | null = null;
    let isConfirmed = false;
    for (const c of byPeriod.get(p.key) ?? NO_CHECK_INS) {
      if (c.submittedOn > ctx.asOf) break;
      const st = effectiveState(c, ctx.asOf);
      if (st === "returned") continue;
      // Sorted by submission: the first report standing is the earliest.
      if (reportedOn === null) reportedOn = c.submittedOn;
      if (st === "confirmed") isConfirmed = true;
    }
    const isDue = ctx.asOf > p.reportDue;
    const state = reportedOn !== null ? "reported" : isDue ? "not_reported" : "not_yet_due";
    if (state === "not_reported") missedPeriods++;
    if (isDue && p.reportDue >= latestDue) {
      latestDue = p.reportDue;
      latestDueReported = reportedOn !== null;
    }
    let item = memo?.items[j];
    if (!item || item.state !== state || item.reportedOn !== reportedOn || item.isConfirmed !== isConfirmed) {
      item = {
        period: p.key,
        state,
        reportedOn,
        isReportedLate: reportedOn !== null && reportedOn > p.reportDue,
        isConfirmed,
      };
      if (memo) memo.items[j] = item;
      isChanged = true;
    }
    fresh?.push(item);
  }
  let periods: OngoingPeriodStatus[];
  if (fresh) periods = fresh;
  else if (!isChanged && memo?.list) periods = memo.list;
  else {
    periods = [];
    for (let j = 0; j < ctx.periods.length; j++) {
      if (isAssessed(ctx.periods[j] as ReportingPeriod)) periods.push(memo?.items[j] as OngoingPeriodStatus);
    }
    if (memo) memo.list = periods;
  }
  const status: OngoingTaskStatus["status"] =
    latestDue !== ""
      ? latestDueReported
        ? "ongoing_reported"
        : "ongoing_not_reported"
      : flags.hasAny
        ? "in_progress_on_time"
        : "not_started";
  return {
    taskId: task.task.id,
    kind: "ongoing",
    status,
    periods,
    missedPeriods,
    progress: flags.progress,
    hasPendingCompletion: flags.hasPendingCompletion,
    isReturned: flags.isReturned,
  };
}

function assessUndated(task: PreparedTask, ctx: Context): UndatedTaskStatus {
  const flags = commonFlags(task, ctx);
  const completedOn = confirmedCompletion(task.checkIns, ctx);
  return {
    taskId: task.task.id,
    kind: "undated",
    // Without a due date a confirmed completion cannot be late.
    status: completedOn !== null ? "completed_on_time" : "awaiting_due_date",
    basis: task.task.timeframe.kind,
    completedOn,
    progress: flags.progress,
    hasPendingCompletion: flags.hasPendingCompletion,
    isReturned: flags.isReturned,
  };
}
