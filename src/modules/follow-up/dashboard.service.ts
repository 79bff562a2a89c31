/**
 * Statuses, dashboards, "my tasks" and the deadline calendar: all computed by the status engine from
 * a programme's stored data (loaded once per change, see `follow-up.data.ts`).
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { assertCan } from "../../platform/policy/policy.js";
import { todayInHoChiMinh } from "./calendar/calendar.clock.js";
import { addDays, type IsoDate } from "./calendar/calendar.dates.js";
import {
  clampDate,
  type FollowUpData,
  type ProgrammeFollowUp,
  resolveAsOf,
  type TaskInfo,
} from "./follow-up.data.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import { type StatusCounts, summarizeStatuses } from "./status/status.summary.js";
import { TASK_STATUS_LABELS, type TaskStatusResult } from "./status/status.types.js";

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
  overdueBucket: string | null;
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

function calendarEvents(data: ProgrammeFollowUp, results: TaskStatusResult[], from: IsoDate, to: IsoDate) {
  const out: CalendarEvent[] = [];
  data.tasks.forEach((t, i) => {
    const r = results[i] as TaskStatusResult;
    const push = (date: IsoDate, kind: CalendarEvent["kind"], label: string | null, isDone: boolean) => {
      if (date >= from && date <= to)
        out.push({ date, kind, taskId: t.id, ref: t.ref, text: t.text, label, leads: t.leads, isDone });
    };
    if (r.kind === "dated") {
      if (r.milestones) {
        for (const m of r.milestones)
          push(m.due, r.dueSource === "recorded" ? "due_date" : "milestone", m.label, m.completedOn !== null);
      } else
        push(
          r.due,
          r.dueSource === "recorded" ? "due_date" : "deadline",
          r.directive,
          r.completedOn !== null,
        );
    } else if (r.kind === "ongoing") {
      for (const p of data.periods) {
        const st = r.periods.find((x) => x.period === p.key);
        if (st) push(p.reportDue, "report_due", p.label, st.state === "reported");
      }
    }
  });
  return out.sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.ref.localeCompare(b.ref, "vi", { numeric: true }),
  );
}

const countsDto = (c: StatusCounts) => ({
  total: c.total,
  byStatus: c.byStatus,
  overdueByBucket: c.overdueByBucket,
});
const groupsDto = (g: Record<string, StatusCounts> | undefined) =>
  Object.entries(g ?? {})
    .map(([name, c]) => ({ name, ...countsDto(c) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, "vi"));

/** How many overdue tasks and upcoming deadlines the dashboard lists (full lists: /overdue, /calendar). */
const DASHBOARD_LIST_LIMIT = 100;

function buildDashboard(
  d: ProgrammeFollowUp,
  at: IsoDate,
  results: TaskStatusResult[],
  statusesAt: (asOf: IsoDate) => TaskStatusResult[],
) {
  const summary = summarizeStatuses(results, {
    groupBy: {
      directing: (_, i) => d.tasks[i]?.directing,
      leadPerson: (_, i) => d.tasks[i]?.leadPersons,
      leadUnit: (_, i) => d.tasks[i]?.leadUnits,
    },
  });
  const rows = d.tasks.map((t, i) => statusRow(t, results[i] as TaskStatusResult));
  const overdue = rows.filter((r) => r.status === "overdue").sort((a, b) => b.daysOverdue - a.daysOverdue);
  const horizon = addDays(at, 30);
  const upcoming = calendarEvents(d, results, addDays(at, 1), horizon).filter((e) => !e.isDone);
  const progressByQuarter = d.periods
    .filter((p) => p.start <= at)
    .map((p) => {
      const cut = clampDate(at, { start: p.start, end: p.end });
      const s = summarizeStatuses(statusesAt(cut));
      return {
        period: p.key,
        label: p.label,
        asOf: cut,
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
    overdueTotal: overdue.length,
    overdue: overdue.slice(0, DASHBOARD_LIST_LIMIT),
    upcomingTotal: upcoming.length,
    upcoming: upcoming.slice(0, DASHBOARD_LIST_LIMIT),
    progressByQuarter,
  };
}

export function createDashboardService(deps: { db: Db; data: FollowUpData; followUp: FollowUpRepository }) {
  const { db, data, followUp } = deps;
  // A dashboard per loaded data and date: a write reloads the data and so starts afresh.
  const dashboards = new WeakMap<ProgrammeFollowUp, Map<IsoDate, ReturnType<typeof buildDashboard>>>();

  async function loadAt(ctx: RequestContext, programmeId: string, asOf?: IsoDate) {
    assertCan(ctx.actor, "followup.read");
    const d = await data.load(programmeId);
    const at = resolveAsOf(d.period, asOf);
    return { d, asOf: at, results: data.statuses(d, at) };
  }

  return {
    /** Every task's status as of a date. */
    async statuses(ctx: RequestContext, programmeId: string, asOf?: IsoDate) {
      const { d, asOf: at, results } = await loadAt(ctx, programmeId, asOf);
      return { asOf: at, rows: d.tasks.map((t, i) => statusRow(t, results[i] as TaskStatusResult)) };
    },

    async dashboard(ctx: RequestContext, programmeId: string, asOf?: IsoDate) {
      const { d, asOf: at, results } = await loadAt(ctx, programmeId, asOf);
      let byDate = dashboards.get(d);
      if (!byDate) {
        byDate = new Map();
        dashboards.set(d, byDate);
      }
      let out = byDate.get(at);
      if (!out) {
        out = buildDashboard(d, at, results, (cut) => data.statuses(d, cut));
        if (byDate.size >= 16) byDate.delete(byDate.keys().next().value as IsoDate);
        byDate.set(at, out);
      }
      return out;
    },
    /** Overdue tasks, oldest first. */
    async overdue(ctx: RequestContext, programmeId: string, asOf?: IsoDate) {
      const { asOf: at, rows } = await this.statuses(ctx, programmeId, asOf);
      return {
        asOf: at,
        rows: rows.filter((r) => r.status === "overdue").sort((a, b) => b.daysOverdue - a.daysOverdue),
      };
    },

    /** Deadlines, milestones and report due dates between two dates (default: the next 90 days). */
    async calendar(ctx: RequestContext, programmeId: string, from?: IsoDate, to?: IsoDate) {
      assertCan(ctx.actor, "followup.read");
      const d = await data.load(programmeId);
      const start = from ?? todayInHoChiMinh();
      const end = to ?? addDays(start, 90);
      const at = resolveAsOf(d.period, undefined);
      return { from: start, to: end, events: calendarEvents(d, data.statuses(d, at), start, end) };
    },

    /** What is due from the caller: tasks where they or their unit lead or coordinate, in active programmes. */
    async myTasks(ctx: RequestContext, asOf?: IsoDate) {
      const actor = assertCan(ctx.actor, "followup.read");
      if (!actor.personId) return { asOf: asOf ?? todayInHoChiMinh(), rows: [] };
      const person = await followUp.personUnit(db, actor.personId);
      const ids = [actor.personId, ...(person?.unit_id ? [person.unit_id] : [])];
      const rows: (StatusRowDto & { programmeId: string; programmeNumber: string | null; role: string })[] =
        [];
      for (const { id } of await followUp.programmesOfParty(db, ids)) {
        const d = await data.load(id);
        const at = asOf && asOf >= d.period.start ? asOf : resolveAsOf(d.period, undefined);
        const mine = new Map((await followUp.tasksOfParty(db, id, ids)).map((r) => [r.task_id, r.role]));
        const results = data.statuses(d, at);
        d.tasks.forEach((t, i) => {
          const role = mine.get(t.id);
          if (role)
            rows.push({
              ...statusRow(t, results[i] as TaskStatusResult),
              programmeId: id,
              programmeNumber: d.programme.number,
              role,
            });
        });
      }
      rows.sort(
        (a, b) =>
          (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
          a.ref.localeCompare(b.ref, "vi", { numeric: true }),
      );
      return { asOf: asOf ?? todayInHoChiMinh(), rows };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
