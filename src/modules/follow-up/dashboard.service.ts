/**
 * Statuses, dashboards, "my tasks" and the deadline calendar: all computed by the status engine from
 * a programme's stored data (loaded once per change, see `follow-up.data.ts`). After a write the
 * dashboard is updated from the previous one: only the changed tasks are counted again.
 */
import type { RequestContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/database.js";
import { assertCan } from "../../platform/policy/policy.js";
import { todayInHoChiMinh } from "./calendar/calendar.clock.js";
import { addDays, type IsoDate } from "./calendar/calendar.dates.js";
import {
  buildDashboard,
  byRef,
  calendarEvents,
  type DashboardDto,
  dashboardGroups,
  quarterCuts,
  type StatusRowDto,
  statusRow,
  type TaskStatusDto,
  taskStatusDto,
} from "./dashboard.build.js";
import { type FollowUpData, type ProgrammeFollowUp, resolveAsOf, type TaskInfo } from "./follow-up.data.js";
import { followUpErrors } from "./follow-up.errors.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import {
  type GroupKeyFn,
  type StatusSummary,
  summarizeStatuses,
  updateSummary,
} from "./status/status.summary.js";
import type { TaskStatusResult } from "./status/status.types.js";

export type { CalendarEvent, StatusRowDto } from "./dashboard.build.js";

interface Built {
  dto: DashboardDto;
  /** `dto` as JSON, made on the first request that sends it. */
  json?: string;
  summary: StatusSummary;
  /** Counts as of each quarter's cut-off (see `quarterCuts`). */
  quarterCounts: StatusSummary[];
}

export { statusRow } from "./dashboard.build.js";

export function createDashboardService(deps: { db: Db; data: FollowUpData; followUp: FollowUpRepository }) {
  const { db, data, followUp } = deps;
  // A dashboard (and its counts) per loaded data and date: a write loads new data, and the
  // dashboard of the data it was derived from is updated for the changed tasks only.
  const dashboards = new WeakMap<ProgrammeFollowUp, Map<IsoDate, Built>>();

  /** Counts of `results` (as of `at`), updated from those of the earlier data when there are some. */
  function countsOf(
    d: ProgrammeFollowUp,
    at: IsoDate,
    results: readonly TaskStatusResult[],
    earlier: StatusSummary | undefined,
    groupBy?: Record<string, GroupKeyFn>,
  ): StatusSummary {
    const link = data.derivedFrom(d);
    if (!link || !earlier) return summarizeStatuses(results, groupBy ? { groupBy } : {});
    const before = data.statuses(link.from, at);
    const change = {
      indices: link.changed,
      before: link.changed.map((i) => before[i] as TaskStatusResult),
      after: link.changed.map((i) => results[i] as TaskStatusResult),
    };
    return updateSummary(earlier, change, groupBy ? { groupBy } : {});
  }

  function build(d: ProgrammeFollowUp, at: IsoDate, results: readonly TaskStatusResult[]): Built {
    const link = data.derivedFrom(d);
    const earlier = link ? dashboards.get(link.from)?.get(at) : undefined;
    const summary = countsOf(d, at, results, earlier?.summary, dashboardGroups(d));
    const { cuts } = quarterCuts(d, at);
    // Every quarter's cut-off in one pass over the prepared tasks.
    const atCuts = data.statusesAt(d, cuts);
    const quarterCounts = cuts.map((cut, k) =>
      countsOf(d, cut, atCuts[k] as TaskStatusResult[], earlier?.quarterCounts[k]),
    );
    return { dto: buildDashboard({ d, at, results, summary, quarterCounts }), summary, quarterCounts };
  }

  async function dashboardOf(ctx: RequestContext, programmeId: string, asOf?: IsoDate): Promise<Built> {
    const { d, asOf: at, results } = await loadAt(ctx, programmeId, asOf);
    let byDate = dashboards.get(d);
    if (!byDate) {
      byDate = new Map();
      dashboards.set(d, byDate);
    }
    let out = byDate.get(at);
    if (!out) {
      out = build(d, at, results);
      if (byDate.size >= 16) byDate.delete(byDate.keys().next().value as IsoDate);
      byDate.set(at, out);
    }
    return out;
  }

  async function loadAt(ctx: RequestContext, programmeId: string, asOf?: IsoDate) {
    assertCan(ctx.actor, "followup.read");
    const current = await data.load(programmeId);
    const at = resolveAsOf(current.period, asOf);
    // Before a new version applies, the version then in force (decision 0004).
    const d = await data.inForce(current, at);
    return { d, asOf: at, results: data.statuses(d, at) };
  }

  return {
    /** Every task's status as of a date. */
    async statuses(ctx: RequestContext, programmeId: string, asOf?: IsoDate) {
      const { d, asOf: at, results } = await loadAt(ctx, programmeId, asOf);
      return { asOf: at, rows: d.tasks.map((t, i) => statusRow(t, results[i] as TaskStatusResult)) };
    },

    async dashboard(ctx: RequestContext, programmeId: string, asOf?: IsoDate): Promise<DashboardDto> {
      return (await dashboardOf(ctx, programmeId, asOf)).dto;
    },

    /** The dashboard as JSON text: serialised once per loaded data and date. */
    async dashboardJson(ctx: RequestContext, programmeId: string, asOf?: IsoDate): Promise<string> {
      const built = await dashboardOf(ctx, programmeId, asOf);
      built.json ??= JSON.stringify(built.dto);
      return built.json;
    },

    /** One task's status as of a date (default today), with its milestones and reporting periods. */
    async taskStatus(ctx: RequestContext, taskId: string, asOf?: IsoDate): Promise<TaskStatusDto> {
      assertCan(ctx.actor, "followup.read");
      const task = await followUp.findTask(db, taskId);
      if (!task) throw followUpErrors.taskNotFound();
      const current = await data.load(task.programme_id);
      const at = resolveAsOf(current.period, asOf);
      const d = await data.inForce(current, at);
      const i = d.indexOf.get(taskId);
      if (i === undefined) throw followUpErrors.taskNotFound();
      return taskStatusDto({
        task: d.tasks[i] as TaskInfo,
        programmeId: d.programme.id,
        asOf: at,
        result: data.statuses(d, at)[i] as TaskStatusResult,
        periods: d.periods,
      });
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
      return { from: start, to: end, events: calendarEvents(d, data.statuses(d, at), start, end).events };
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
      rows.sort((a, b) => (a.due ?? "9999").localeCompare(b.due ?? "9999") || byRef(a.ref, b.ref));
      return { asOf: asOf ?? todayInHoChiMinh(), rows };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
