/**
 * Loads a programme's follow-up data — tasks, parties, recorded due dates, submitted lead check-ins,
 * holidays — with one query per table, and turns it into the status engine's input. The loaded data
 * is cached per programme and keyed by a revision stamp read on every call, so every process (and
 * every PostgreSQL worker) sees each write at once.
 */
import type { Db } from "../../platform/db/database.js";
import { todayInHoChiMinh } from "./calendar/calendar.clock.js";
import type { IsoDate } from "./calendar/calendar.dates.js";
import type { CalendarDay } from "./calendar/calendar.holidays.js";
import { type WorkingCalendar, workingCalendar } from "./calendar/calendar.working-days.js";
import { followUpErrors } from "./follow-up.errors.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import { computeStatuses } from "./status/status.engine.js";
import { type ReportingPeriod, reportingPeriods } from "./status/status.periods.js";
import type {
  CheckIn,
  FollowUpTask,
  Milestone,
  TaskStatusResult,
  TimeframeKind,
} from "./status/status.types.js";

/** A task with its parties' display names, as dashboards and reports list it. */
export interface TaskInfo {
  id: string;
  ref: string;
  kind: string;
  text: string;
  timeframeText: string | null;
  timeframeKind: string;
  milestones: Milestone[];
  directing: string[];
  leads: string[];
  coordinators: string[];
  leadPersonIds: string[];
  leadUnitIds: string[];
  /** Lead officials by name (persons, not units). */
  leadPersons: string[];
  /** Lead unit names (a lead person counts under their name in `leads`). */
  leadUnits: string[];
}

export interface ProgrammeFollowUp {
  programme: NonNullable<Awaited<ReturnType<FollowUpRepository["findProgramme"]>>>;
  period: { start: IsoDate; end: IsoDate };
  tasks: TaskInfo[];
  engineTasks: FollowUpTask[];
  holidays: CalendarDay[];
  calendar: WorkingCalendar;
  periods: ReportingPeriod[];
}

const SUB_PERIODS: Record<string, string[]> = {
  H1: ["Q1", "Q2"],
  H2: ["Q3", "Q4"],
  "": ["Q1", "Q2", "Q3", "Q4"],
};

/** Ongoing tasks are assessed per quarter; a half-year or year report counts for each of its quarters. */
function quarterKeys(period: string): string[] {
  const [year, part = ""] = period.split("-");
  if (part.startsWith("Q")) return [period];
  return (SUB_PERIODS[part] ?? []).map((q) => `${year}-${q}`);
}

/** The programme's period: its own dates, else the calendar year it was issued in. */
export function programmePeriod(p: {
  period_start: string | null;
  period_end: string | null;
  issued_on: string | null;
}) {
  const year = (p.period_start ?? p.issued_on ?? todayInHoChiMinh()).slice(0, 4);
  return { start: p.period_start ?? `${year}-01-01`, end: p.period_end ?? `${year}-12-31` };
}

/** An ISO date moved into a range (ISO dates compare as strings). */
export function clampDate(date: IsoDate, range: { start: IsoDate; end: IsoDate }): IsoDate {
  if (date < range.start) return range.start;
  if (date > range.end) return range.end;
  return date;
}

/**
 * The date statuses are computed as of. Any date from the programme's start is valid — after its end
 * too, because work finished late still counts (as "completed late") and unfinished work stays overdue.
 * A date before the programme starts says nothing and is refused. Without one: today (or the start,
 * for a programme that has not begun).
 */
export function resolveAsOf(period: { start: IsoDate; end: IsoDate }, asOf: IsoDate | undefined): IsoDate {
  if (asOf === undefined) {
    const today = todayInHoChiMinh();
    return today < period.start ? period.start : today;
  }
  if (asOf < period.start) {
    const vi = `Ngày ${asOf} trước khi chương trình bắt đầu (${period.start} – ${period.end})`;
    const en = `${asOf} is before the programme starts (${period.start} – ${period.end})`;
    throw followUpErrors.asOfOutsideProgramme({ vi, en, meta: { asOf, ...period } });
  }
  return asOf;
}

export function createFollowUpData(deps: { db: Db; repo: FollowUpRepository }) {
  const { db, repo } = deps;
  const cache = new Map<string, { stamp: string; data: ProgrammeFollowUp }>();
  // Results per loaded data and date: a new load (any write) starts afresh.
  const results = new WeakMap<ProgrammeFollowUp, Map<IsoDate, TaskStatusResult[]>>();

  async function build(programmeId: string): Promise<ProgrammeFollowUp> {
    const programme = await repo.findProgramme(db, programmeId);
    if (!programme) throw followUpErrors.programmeNotFound();
    const [rows, parties, dueDates, checkIns, holidayRows] = await Promise.all([
      repo.programmeTasks(db, programmeId),
      repo.programmeParties(db, programmeId),
      repo.programmeDueDates(db, programmeId),
      repo.programmeCheckIns(db, programmeId),
      repo.holidays(db),
    ]);
    const period = programmePeriod(programme);
    const tasks = new Map<string, TaskInfo>();
    const engine = new Map<
      string,
      FollowUpTask & { checkIns: CheckIn[]; dueDates: { due: string; directive: string; label?: string }[] }
    >();
    for (const t of rows) {
      const milestones = JSON.parse(t.milestones_json) as Milestone[];
      tasks.set(t.id, {
        id: t.id,
        ref: t.ref,
        kind: t.kind,
        text: t.text,
        timeframeText: t.timeframe_text,
        timeframeKind: t.timeframe_kind,
        milestones,
        directing: [],
        leads: [],
        coordinators: [],
        leadPersonIds: [],
        leadUnitIds: [],
        leadPersons: [],
        leadUnits: [],
      });
      engine.set(t.id, {
        id: t.id,
        timeframe: {
          kind: t.timeframe_kind as TimeframeKind,
          start: t.start_date,
          end: t.end_date,
          milestones,
          plan: t.plan_ref,
        },
        dueDates: t.due_date ? [{ due: t.due_date, directive: t.plan_ref ?? "" }] : [],
        checkIns: [],
      });
    }
    for (const p of parties) {
      const info = tasks.get(p.task_id);
      if (!info) continue;
      const name = p.person_name ?? p.unit_name ?? p.name;
      if (p.role === "directing") info.directing.push(name);
      else if (p.role === "coordinator") info.coordinators.push(name);
      else {
        info.leads.push(name);
        if (p.person_id) info.leadPersonIds.push(p.person_id);
        if (p.unit_id) {
          info.leadUnitIds.push(p.unit_id);
          info.leadUnits.push(name);
        } else if (p.person_id || p.kind === "person") info.leadPersons.push(name);
      }
    }
    for (const d of dueDates) {
      engine
        .get(d.task_id)
        ?.dueDates.push({ due: d.due_date, directive: d.directive, ...(d.label && { label: d.label }) });
    }
    for (const c of checkIns) {
      const task = engine.get(c.task_id);
      if (!task || !c.submitted_at) continue;
      const confirmation: CheckIn["confirmation"] =
        c.state === "confirmed" && c.confirmed_at
          ? { state: "confirmed", at: c.confirmed_at }
          : c.state === "returned" && c.returned_at
            ? { state: "returned", at: c.returned_at, reason: c.return_reason ?? "" }
            : { state: "pending" };
      for (const key of quarterKeys(c.period)) {
        task.checkIns.push({
          period: key,
          submittedAt: c.submitted_at,
          progress: c.progress,
          reportedComplete: c.reported_complete === 1,
          completedOn: c.completed_on,
          milestone: c.milestone,
          confirmation,
        });
      }
    }
    const holidays: CalendarDay[] = holidayRows.map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
    const years: number[] = [];
    for (let y = Number(period.start.slice(0, 4)); y <= Number(period.end.slice(0, 4)); y++) years.push(y);
    return {
      programme,
      period,
      tasks: [...tasks.values()],
      engineTasks: [...engine.values()],
      holidays,
      calendar: workingCalendar(holidays),
      periods: years.flatMap((year) => reportingPeriods({ year, kinds: ["quarter"], holidays })),
    };
  }

  return {
    /** The programme's follow-up data, from the cache when nothing changed since it was loaded. */
    async load(programmeId: string): Promise<ProgrammeFollowUp> {
      const stamp = await repo.revisionStamp(db, programmeId);
      const hit = cache.get(programmeId);
      if (hit && hit.stamp === stamp) return hit.data;
      const data = await build(programmeId);
      cache.set(programmeId, { stamp, data });
      if (cache.size > 50) cache.delete(cache.keys().next().value as string);
      return data;
    },

    /** Statuses of every task as of a date, aligned with `data.tasks`. */
    statuses(data: ProgrammeFollowUp, asOf: IsoDate): TaskStatusResult[] {
      let byDate = results.get(data);
      if (!byDate) {
        byDate = new Map();
        results.set(data, byDate);
      }
      let out = byDate.get(asOf);
      if (!out) {
        out = computeStatuses(data.engineTasks, asOf, { periods: data.periods });
        if (byDate.size >= 32) byDate.delete(byDate.keys().next().value as IsoDate);
        byDate.set(asOf, out);
      }
      return out;
    },
  };
}

export type FollowUpData = ReturnType<typeof createFollowUpData>;
