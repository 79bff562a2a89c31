/**
 * A task made ready for the status engine once, then assessed as of any number of dates: check-in
 * timestamps converted to Asia/Ho_Chi_Minh dates and sorted, the obligations (deadline, milestones
 * or recorded due dates) chosen and sorted, check-ins tagged with the milestone they report on.
 * Everything here is independent of the as-of date, so it is shared by every cut-off.
 */
import { hoChiMinhDateOf } from "../calendar/calendar.clock.js";
import type { IsoDate } from "../calendar/calendar.dates.js";
import type { CheckIn, FollowUpTask } from "./status.types.js";

/** A check-in with its dates in Asia/Ho_Chi_Minh. */
export interface PreparedCheckIn {
  checkIn: CheckIn;
  /** Date of submission. */
  submittedOn: IsoDate;
  /** The secretariat's decision, and the date it was taken (null while pending). */
  decision: "confirmed" | "returned" | null;
  decidedOn: IsoDate | null;
}

/** One dated obligation: a deadline, a milestone or a recorded due date. */
export interface Obligation {
  due: IsoDate;
  label: string | null;
  directive: string | null;
}

/** How a task is assessed, fixed by its time frame and recorded due dates. */
export type AssessmentPlan =
  | { kind: "ongoing"; byPeriod: ReadonlyMap<string, readonly PreparedCheckIn[]> }
  | {
      kind: "dated";
      dueSource: "timeframe" | "recorded";
      /** One obligation, or several sorted by due date. */
      obligations: readonly Obligation[];
      /** For several obligations: the check-ins reporting on each (same order), sorted by submission. */
      tagged: readonly (readonly PreparedCheckIn[])[] | null;
    }
  | { kind: "undated" };

/** A task ready to be assessed as of any date. */
export interface PreparedTask {
  task: FollowUpTask;
  /** Sorted by submission date; equal dates keep input order. */
  checkIns: readonly PreparedCheckIn[];
  plan: AssessmentPlan;
}

function prepareCheckIn(ci: CheckIn): PreparedCheckIn {
  const c = ci.confirmation;
  return {
    checkIn: ci,
    submittedOn: hoChiMinhDateOf(ci.submittedAt),
    decision: c.state === "pending" ? null : c.state,
    decidedOn: c.state === "pending" ? null : hoChiMinhDateOf(c.at),
  };
}

function planOf(task: FollowUpTask, checkIns: readonly PreparedCheckIn[]): AssessmentPlan {
  const tf = task.timeframe;
  if (tf.kind === "ongoing") {
    const byPeriod = new Map<string, PreparedCheckIn[]>();
    for (const p of checkIns) {
      const list = byPeriod.get(p.checkIn.period);
      if (list) list.push(p);
      else byPeriod.set(p.checkIn.period, [p]);
    }
    return { kind: "ongoing", byPeriod };
  }
  const recorded = task.dueDates;
  const preferRecorded = tf.kind === "as_directed" || tf.kind === "per_plan" || tf.kind === "unspecified";
  const hasRecorded = recorded !== undefined && recorded.length > 0;
  const hasMilestones = tf.milestones !== undefined && tf.milestones.length > 0;
  let obligations: Obligation[];
  let dueSource: "timeframe" | "recorded" = "timeframe";
  if (hasRecorded && (preferRecorded || !(hasMilestones || !!tf.end))) {
    obligations = recorded.map((d) => ({ due: d.due, label: d.label ?? null, directive: d.directive }));
    dueSource = "recorded";
  } else if (hasMilestones) {
    obligations = (tf.milestones ?? []).map((m) => ({ due: m.due, label: m.label ?? null, directive: null }));
  } else if (tf.end) {
    obligations = [{ due: tf.end, label: null, directive: null }];
  } else {
    return { kind: "undated" };
  }
  if (obligations.length === 1) return { kind: "dated", dueSource, obligations, tagged: null };
  obligations.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const last = (obligations[obligations.length - 1] as Obligation).due;
  const known = new Set(obligations.map((o) => o.due));
  // Untagged check-ins (or tags naming no milestone) report on the task as a whole: the last milestone.
  const byDue = new Map<IsoDate, PreparedCheckIn[]>();
  for (const p of checkIns) {
    const m = p.checkIn.milestone;
    const tag = m && known.has(m) ? m : last;
    const list = byDue.get(tag);
    if (list) list.push(p);
    else byDue.set(tag, [p]);
  }
  return {
    kind: "dated",
    dueSource,
    obligations,
    tagged: obligations.map((o) => byDue.get(o.due) ?? []),
  };
}

/** Prepares one task; see the module comment. */
export function prepareTask(task: FollowUpTask): PreparedTask {
  const checkIns = task.checkIns.map(prepareCheckIn);
  // Array.prototype.sort is stable: check-ins submitted the same day keep their input order.
  checkIns.sort((a, b) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0));
  return { task, checkIns, plan: planOf(task, checkIns) };
}

/** Prepares many tasks (input order kept). */
export function prepareTasks(tasks: readonly FollowUpTask[]): PreparedTask[] {
  const out: PreparedTask[] = new Array(tasks.length);
  for (let i = 0; i < tasks.length; i++) out[i] = prepareTask(tasks[i] as FollowUpTask);
  return out;
}
