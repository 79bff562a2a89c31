/**
 * Loads a programme's follow-up data — tasks, parties, recorded due dates, submitted lead check-ins,
 * holidays — with one query per table, and turns it into the status engine's input (prepared once).
 * The loaded data is cached per programme and keyed by a revision state read on every call, so every
 * process (and every PostgreSQL worker) sees each write at once. After check-in or due-date writes
 * only the tasks they touched are reloaded (`follow_up_changes` names them), and statuses as of a
 * date already computed are reused for every other task.
 */
import type { Db } from "../../platform/db/database.js";
import { todayInHoChiMinh } from "./calendar/calendar.clock.js";
import type { IsoDate } from "./calendar/calendar.dates.js";
import type { CalendarDay } from "./calendar/calendar.holidays.js";
import { type WorkingCalendar, workingCalendar } from "./calendar/calendar.working-days.js";
import { followUpErrors } from "./follow-up.errors.js";
import type { FollowUpRepository } from "./follow-up.repository.js";
import {
  createFollowUpLineageRepository,
  type FollowUpLineageRepository,
} from "./follow-up-lineage.repository.js";
import { computePreparedStatuses, computeStatusesAt } from "./status/status.engine.js";
import { type ReportingPeriod, reportingPeriods } from "./status/status.periods.js";
import { type PreparedTask, prepareTask } from "./status/status.prepared.js";
import type {
  CheckIn,
  FollowUpTask,
  Milestone,
  RecordedDueDate,
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
  /** `engineTasks` prepared for the engine (aligned). */
  prepared: PreparedTask[];
  /** Index of a task id in `tasks`, `engineTasks` and `prepared`. */
  indexOf: ReadonlyMap<string, number>;
  holidays: CalendarDay[];
  calendar: WorkingCalendar;
  periods: ReportingPeriod[];
  /**
   * Set when the tasks are those of an earlier version of `programme`, in force before the current
   * version applied (see `inForce`): its text, leads and time frames, with the lineage's follow-up.
   */
  versionId?: string;
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
 * A date before the programme starts says nothing and is refused. Without one: today, kept inside the
 * programme's period (its start before it begins, its end once it is over).
 */
export function resolveAsOf(period: { start: IsoDate; end: IsoDate }, asOf: IsoDate | undefined): IsoDate {
  if (asOf === undefined) {
    // A programme whose year is over is read as it stood at its end, not "889 days overdue" today.
    const today = todayInHoChiMinh();
    if (today < period.start) return period.start;
    if (today > period.end) return period.end;
    return today;
  }
  if (asOf < period.start) {
    const vi = `Ngày ${asOf} trước khi chương trình bắt đầu (${period.start} – ${period.end})`;
    const en = `${asOf} is before the programme starts (${period.start} – ${period.end})`;
    throw followUpErrors.asOfOutsideProgramme({ vi, en, meta: { asOf, ...period } });
  }
  return asOf;
}

type Rows = Awaited<ReturnType<FollowUpRepository["someTasks"]>>;
type TaskRow = Rows["tasks"][number];
type EngineTask = FollowUpTask & { checkIns: CheckIn[]; dueDates: RecordedDueDate[] };

function engineTaskOf(t: TaskRow, milestones: Milestone[]): EngineTask {
  return {
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
  };
}

/** Adds recorded due dates and submitted check-ins to their engine tasks; sorts each task's check-ins. */
function attach(
  engine: ReadonlyMap<string, EngineTask>,
  dueDates: Rows["dueDates"],
  checkIns: Rows["checkIns"],
): void {
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
  // Same order whatever order the database returned: by submission instant.
  for (const task of engine.values()) {
    if (task.checkIns.length > 1)
      task.checkIns.sort((a, b) =>
        a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0,
      );
  }
}

/** Changes up to this many tasks are applied in place of a full reload. */
const MAX_INCREMENTAL_TASKS = 500;

export function createFollowUpData(deps: {
  db: Db;
  repo: FollowUpRepository;
  lineage?: FollowUpLineageRepository;
}) {
  const { db, repo } = deps;
  const lineage = deps.lineage ?? createFollowUpLineageRepository();
  // Earlier versions as they stood, per "version@current" (see `inForce`).
  const views = new Map<string, { state: string; data: ProgrammeFollowUp }>();
  const cache = new Map<string, { revision: number; base: string; data: ProgrammeFollowUp }>();
  // Results per loaded data and date: a new load (any write) starts afresh…
  const results = new WeakMap<ProgrammeFollowUp, Map<IsoDate, TaskStatusResult[]>>();
  // …except for data derived from an earlier load by reloading a few tasks: the earlier results of
  // every other task still stand.
  const derived = new WeakMap<ProgrammeFollowUp, { from: ProgrammeFollowUp; changed: number[] }>();

  /** The programme's data; with `versionId`, the tasks of that earlier version (see `inForce`). */
  async function build(programmeId: string, versionId?: string): Promise<ProgrammeFollowUp> {
    const programme = await repo.findProgramme(db, programmeId);
    if (!programme) throw followUpErrors.programmeNotFound();
    const [rows, parties, dueDates, checkIns, holidayRows] = await Promise.all(
      versionId
        ? [
            lineage.tasks(db, versionId, programmeId),
            lineage.parties(db, versionId, programmeId),
            lineage.dueDates(db, versionId, programmeId),
            lineage.checkIns(db, versionId, programmeId),
            repo.holidays(db),
          ]
        : [
            repo.programmeTasks(db, programmeId),
            repo.programmeParties(db, programmeId),
            repo.programmeDueDates(db, programmeId),
            repo.programmeCheckIns(db, programmeId),
            repo.holidays(db),
          ],
    );
    const period = programmePeriod(programme);
    const tasks = new Map<string, TaskInfo>();
    const engine = new Map<string, EngineTask>();
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
      engine.set(t.id, engineTaskOf(t, milestones));
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
    attach(engine, dueDates, checkIns);
    const holidays: CalendarDay[] = holidayRows.map((h) => ({ date: h.date, name: h.name, kind: h.kind }));
    const years: number[] = [];
    for (let y = Number(period.start.slice(0, 4)); y <= Number(period.end.slice(0, 4)); y++) years.push(y);
    const engineTasks = [...engine.values()];
    return {
      programme,
      period,
      tasks: [...tasks.values()],
      engineTasks,
      prepared: engineTasks.map(prepareTask),
      indexOf: new Map(engineTasks.map((t, i) => [t.id, i])),
      holidays,
      calendar: workingCalendar(holidays),
      periods: years.flatMap((year) => reportingPeriods({ year, kinds: ["quarter"] })),
      ...(versionId && { versionId }),
    };
  }

  /** An earlier version's data, rebuilt when either version's follow-up or tasks changed. */
  async function loadVersion(programmeId: string, versionId: string): Promise<ProgrammeFollowUp> {
    const key = `${versionId}@${programmeId}`;
    const [current, earlier] = await Promise.all([
      repo.revisionState(db, programmeId),
      repo.revisionState(db, versionId),
    ]);
    const state = `${current.revision}|${current.base}#${earlier.revision}|${earlier.base}`;
    const hit = views.get(key);
    if (hit && hit.state === state) return hit.data;
    const data = await build(programmeId, versionId);
    views.delete(key);
    views.set(key, { state, data });
    if (views.size > 20) views.delete(views.keys().next().value as string);
    return data;
  }

  /** `old` with the given tasks' due dates and check-ins reloaded; null when a task is unknown. */
  async function refresh(
    old: ProgrammeFollowUp,
    taskIds: readonly string[],
  ): Promise<ProgrammeFollowUp | null> {
    const changed: number[] = [];
    for (const id of taskIds) {
      const i = old.indexOf.get(id);
      if (i === undefined) return null;
      changed.push(i);
    }
    const rows = await repo.someTasks(db, taskIds);
    const engine = new Map<string, EngineTask>();
    for (const t of rows.tasks)
      engine.set(t.id, engineTaskOf(t, JSON.parse(t.milestones_json) as Milestone[]));
    if (engine.size !== taskIds.length) return null;
    attach(engine, rows.dueDates, rows.checkIns);
    const engineTasks = old.engineTasks.slice();
    const prepared = old.prepared.slice();
    for (const i of changed) {
      const task = engine.get((old.engineTasks[i] as FollowUpTask).id) as EngineTask;
      engineTasks[i] = task;
      prepared[i] = prepareTask(task);
    }
    const data: ProgrammeFollowUp = { ...old, engineTasks, prepared };
    // Derive from `old` only: chains would keep every earlier load alive.
    derived.delete(old);
    derived.set(data, { from: old, changed });
    return data;
  }

  function memo(data: ProgrammeFollowUp): Map<IsoDate, TaskStatusResult[]> {
    let byDate = results.get(data);
    if (!byDate) {
      byDate = new Map();
      results.set(data, byDate);
    }
    return byDate;
  }

  function remember(byDate: Map<IsoDate, TaskStatusResult[]>, asOf: IsoDate, out: TaskStatusResult[]) {
    if (byDate.size >= 32) byDate.delete(byDate.keys().next().value as IsoDate);
    byDate.set(asOf, out);
  }

  /** Results as of `asOf` from the load this data was derived from, with the changed tasks recomputed. */
  function fromEarlier(data: ProgrammeFollowUp, asOf: IsoDate): TaskStatusResult[] | null {
    const link = derived.get(data);
    const earlier = link && results.get(link.from)?.get(asOf);
    if (!link || !earlier) return null;
    const out = earlier.slice();
    const fresh = computePreparedStatuses(
      link.changed.map((i) => data.prepared[i] as PreparedTask),
      asOf,
      { periods: data.periods },
    );
    link.changed.forEach((i, k) => {
      out[i] = fresh[k] as TaskStatusResult;
    });
    return out;
  }

  /** Statuses of every task as of a date, aligned with `data.tasks`. */
  function statuses(data: ProgrammeFollowUp, asOf: IsoDate): TaskStatusResult[] {
    const byDate = memo(data);
    let out = byDate.get(asOf);
    if (!out) {
      out =
        fromEarlier(data, asOf) ?? computePreparedStatuses(data.prepared, asOf, { periods: data.periods });
      remember(byDate, asOf, out);
    }
    return out;
  }

  return {
    /** The programme's follow-up data, from the cache when nothing changed since it was loaded. */
    async load(programmeId: string): Promise<ProgrammeFollowUp> {
      const state = await repo.revisionState(db, programmeId);
      const hit = cache.get(programmeId);
      if (hit && hit.base === state.base && hit.revision === state.revision) return hit.data;
      let data: ProgrammeFollowUp | null = null;
      if (hit && hit.base === state.base && hit.revision < state.revision) {
        const changes = await repo.changesBetween(db, programmeId, hit.revision, state.revision);
        const ids = new Set(changes.map((c) => c.task_id));
        // Every revision logged with its task (older revisions were not): apply them in place.
        if (
          changes.length === state.revision - hit.revision &&
          !ids.has(null) &&
          ids.size <= MAX_INCREMENTAL_TASKS
        ) {
          data = await refresh(hit.data, [...ids] as string[]);
        }
      }
      data ??= await build(programmeId);
      cache.delete(programmeId);
      cache.set(programmeId, { ...state, data });
      if (cache.size > 50) cache.delete(cache.keys().next().value as string);
      return data;
    },

    statuses,

    /**
     * The data in force on `asOf`: `data` itself, or — for a date before the current version applies —
     * the earlier version in force then, with the follow-up of every task's lineage (decision 0004).
     */
    async inForce(data: ProgrammeFollowUp, asOf: IsoDate): Promise<ProgrammeFollowUp> {
      const { programme } = data;
      if (data.versionId || !programme.supersedes_id) return data;
      if (!programme.effective_from || asOf >= programme.effective_from) return data;
      let versionId = programme.supersedes_id;
      for (let guard = 0; guard < 100; guard++) {
        const version = await lineage.version(db, versionId);
        if (!version?.supersedes_id || !version.effective_from || asOf >= version.effective_from) break;
        versionId = version.supersedes_id;
      }
      return loadVersion(programme.id, versionId);
    },

    /** Confirmed check-ins (with their text) of the tasks of `data`, for reports. */
    confirmedCheckIns(data: ProgrammeFollowUp) {
      return data.versionId
        ? lineage.confirmedCheckIns(db, data.versionId, data.programme.id)
        : repo.confirmedCheckIns(db, data.programme.id);
    },

    /**
     * The earlier load this data was derived from by reloading a few tasks (their indices), or null
     * after a full load. Lets callers update what they built from the earlier data.
     */
    derivedFrom(data: ProgrammeFollowUp): { from: ProgrammeFollowUp; changed: readonly number[] } | null {
      return derived.get(data) ?? null;
    },

    /**
     * Statuses of every task as of each date (reporting cut-offs), `out[k]` as of `asOfs[k]`: the
     * dates not computed yet are assessed together in one pass over the prepared tasks.
     */
    statusesAt(data: ProgrammeFollowUp, asOfs: readonly IsoDate[]): TaskStatusResult[][] {
      const byDate = memo(data);
      const missing = [...new Set(asOfs)].filter((d) => {
        if (byDate.has(d)) return false;
        const earlier = fromEarlier(data, d);
        if (earlier) remember(byDate, d, earlier);
        return earlier === null;
      });
      if (missing.length > 0) {
        const all = computeStatusesAt(data.prepared, missing, { periods: data.periods });
        missing.forEach((d, k) => {
          remember(byDate, d, all[k] as TaskStatusResult[]);
        });
      }
      return asOfs.map((d) => byDate.get(d) ?? statuses(data, d));
    },
  };
}

export type FollowUpData = ReturnType<typeof createFollowUpData>;
