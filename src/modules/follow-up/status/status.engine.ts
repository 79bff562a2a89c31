import { hoChiMinhDateOf } from "../calendar/calendar.clock.js";
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
import type {
  CheckIn,
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
  const ctx = prepare(asOf, options);
  const out: TaskStatusResult[] = new Array(tasks.length);
  for (let i = 0; i < tasks.length; i++) out[i] = assess(tasks[i] as FollowUpTask, ctx);
  return out;
}

/** The status of one task as of a date; see `computeStatuses`. */
export function computeStatus(
  task: FollowUpTask,
  asOf: IsoDate,
  options: StatusOptions = {},
): TaskStatusResult {
  return assess(task, prepare(asOf, options));
}

function prepare(asOf: IsoDate, options: StatusOptions): Context {
  assertIsoDate(asOf, "as-of date");
  const periods = options.periods ?? reportingPeriods({ year: Number(asOf.slice(0, 4)), kinds: ["quarter"] });
  let cal: WorkingCalendar | null = null;
  if (options.dayCount === "working") {
    const h = options.holidays ?? ([] as readonly CalendarDay[]);
    cal = Array.isArray(h) ? workingCalendar(h as readonly CalendarDay[]) : (h as WorkingCalendar);
  }
  return { asOf, asOfDay: toDayNumber(asOf), periods, cal };
}

type Effective = "pending" | "confirmed" | "returned";

/** The decision on a check-in as it stood on `asOf` (a decision taken later is still pending). */
function effectiveState(ci: CheckIn, asOf: IsoDate): Effective {
  const c = ci.confirmation;
  if (c.state === "pending") return "pending";
  return hoChiMinhDateOf(c.at) <= asOf ? c.state : "pending";
}

function assess(task: FollowUpTask, ctx: Context): TaskStatusResult {
  const tf = task.timeframe;
  if (tf.kind === "ongoing") return assessOngoing(task, ctx);
  const recorded = task.dueDates;
  const preferRecorded = tf.kind === "as_directed" || tf.kind === "per_plan" || tf.kind === "unspecified";
  const hasRecorded = recorded !== undefined && recorded.length > 0;
  const hasOwn = (tf.milestones !== undefined && tf.milestones.length > 0) || !!tf.end;
  if (hasRecorded && (preferRecorded || !hasOwn)) {
    return assessDated(
      task,
      recorded.map((d) => ({ due: d.due, label: d.label ?? null, directive: d.directive })),
      "recorded",
      ctx,
    );
  }
  if (tf.milestones !== undefined && tf.milestones.length > 0) {
    return assessDated(
      task,
      tf.milestones.map((m) => ({ due: m.due, label: m.label ?? null, directive: null })),
      "timeframe",
      ctx,
    );
  }
  if (tf.end) return assessDated(task, [{ due: tf.end, label: null, directive: null }], "timeframe", ctx);
  return assessUndated(task, ctx);
}

interface Obligation {
  due: IsoDate;
  label: string | null;
  directive: string | null;
}

/** Progress, pending completion and returned flags, shared by every kind. */
function commonFlags(task: FollowUpTask, ctx: Context) {
  let progress: number | null = null;
  let latest = "";
  let latestCompletion = "";
  let latestCompletionReturned = false;
  let hasPendingCompletion = false;
  let hasAny = false;
  for (const ci of task.checkIns) {
    const sd = hoChiMinhDateOf(ci.submittedAt);
    if (sd > ctx.asOf) continue;
    hasAny = true;
    const st = effectiveState(ci, ctx.asOf);
    if (st !== "returned" && sd >= latest) {
      latest = sd;
      progress = ci.progress;
    }
    if (ci.reportedComplete) {
      if (st === "pending") hasPendingCompletion = true;
      if (sd >= latestCompletion) {
        latestCompletion = sd;
        latestCompletionReturned = st === "returned";
      }
    }
  }
  return { progress, hasPendingCompletion, isReturned: latestCompletionReturned, hasAny };
}

/** Earliest confirmed completion date among check-ins accepted by `matches`, or null. */
function confirmedCompletion(
  checkIns: readonly CheckIn[],
  ctx: Context,
  matches: (ci: CheckIn) => boolean,
): IsoDate | null {
  let completedOn: IsoDate | null = null;
  for (const ci of checkIns) {
    if (!ci.reportedComplete || ci.confirmation.state !== "confirmed" || !matches(ci)) continue;
    const confirmedOn = hoChiMinhDateOf(ci.confirmation.at);
    if (confirmedOn > ctx.asOf || hoChiMinhDateOf(ci.submittedAt) > ctx.asOf) continue;
    const d = ci.completedOn ?? confirmedOn;
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
  task: FollowUpTask,
  list: Obligation[],
  dueSource: "timeframe" | "recorded",
  ctx: Context,
): DatedTaskStatus {
  const flags = commonFlags(task, ctx);
  if (list.length === 1) {
    const only = list[0] as Obligation;
    const m = assessObligation(
      only,
      confirmedCompletion(task.checkIns, ctx, () => true),
      flags.hasAny,
      ctx,
    );
    return {
      taskId: task.id,
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
  list.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const last = (list[list.length - 1] as Obligation).due;
  const known = new Set(list.map((o) => o.due));
  // Untagged check-ins (or tags naming no milestone) report on the task as a whole: the last milestone.
  const tagOf = (ci: CheckIn): IsoDate => (ci.milestone && known.has(ci.milestone) ? ci.milestone : last);
  const milestones: MilestoneStatus[] = [];
  for (const o of list) {
    let hasAny = false;
    for (const ci of task.checkIns) {
      if (tagOf(ci) === o.due && hoChiMinhDateOf(ci.submittedAt) <= ctx.asOf) {
        hasAny = true;
        break;
      }
    }
    const completedOn = confirmedCompletion(task.checkIns, ctx, (ci) => tagOf(ci) === o.due);
    milestones.push(assessObligation(o, completedOn, hasAny, ctx));
  }
  return {
    taskId: task.id,
    kind: "dated",
    dueSource,
    directive: null,
    ...deriveOverall(milestones, flags.hasAny),
    milestones,
    ...pick(flags),
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

function pick(flags: ReturnType<typeof commonFlags>) {
  return {
    progress: flags.progress,
    hasPendingCompletion: flags.hasPendingCompletion,
    isReturned: flags.isReturned,
  };
}

function assessOngoing(task: FollowUpTask, ctx: Context): OngoingTaskStatus {
  const flags = commonFlags(task, ctx);
  const start = task.timeframe.start ?? null;
  const end = task.timeframe.end ?? null;
  const periods: OngoingPeriodStatus[] = [];
  let missedPeriods = 0;
  let latestDue = "";
  let latestDueReported = false;
  for (const p of ctx.periods) {
    if ((end !== null && p.start > end) || (start !== null && p.end < start)) continue;
    let reportedOn: IsoDate | null = null;
    let isConfirmed = false;
    for (const ci of task.checkIns) {
      if (ci.period !== p.key) continue;
      const sd = hoChiMinhDateOf(ci.submittedAt);
      if (sd > ctx.asOf) continue;
      const st = effectiveState(ci, ctx.asOf);
      if (st === "returned") continue;
      if (reportedOn === null || sd < reportedOn) reportedOn = sd;
      if (st === "confirmed") isConfirmed = true;
    }
    const isDue = ctx.asOf > p.reportDue;
    const state = reportedOn !== null ? "reported" : isDue ? "not_reported" : "not_yet_due";
    if (state === "not_reported") missedPeriods++;
    if (isDue && p.reportDue >= latestDue) {
      latestDue = p.reportDue;
      latestDueReported = reportedOn !== null;
    }
    periods.push({
      period: p.key,
      state,
      reportedOn,
      isReportedLate: reportedOn !== null && reportedOn > p.reportDue,
      isConfirmed,
    });
  }
  const status: OngoingTaskStatus["status"] =
    latestDue !== ""
      ? latestDueReported
        ? "ongoing_reported"
        : "ongoing_not_reported"
      : flags.hasAny
        ? "in_progress_on_time"
        : "not_started";
  return { taskId: task.id, kind: "ongoing", status, periods, missedPeriods, ...pick(flags) };
}

function assessUndated(task: FollowUpTask, ctx: Context): UndatedTaskStatus {
  const flags = commonFlags(task, ctx);
  const completedOn = confirmedCompletion(task.checkIns, ctx, () => true);
  return {
    taskId: task.id,
    kind: "undated",
    // Without a due date a confirmed completion cannot be late.
    status: completedOn !== null ? "completed_on_time" : "awaiting_due_date",
    basis: task.timeframe.kind,
    completedOn,
    ...pick(flags),
  };
}
