/**
 * SQL for follow-up reads across a programme (one query per table, never per task), leaders'
 * directions, recorded due dates and the holiday calendar.
 */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { HolidayTable, TaskDirectionTable, TaskDueDateTable } from "./follow-up.tables.js";

/** The task columns follow-up reads. */
const TASK_COLUMNS = [
  "id",
  "ref",
  "kind",
  "text",
  "section_ref",
  "position",
  "timeframe_text",
  "timeframe_kind",
  "start_date",
  "end_date",
  "milestones_json",
  "plan_ref",
  "due_date",
] as const;

/** The check-in columns the status engine reads. */
const CHECK_IN_COLUMNS = [
  "c.task_id",
  "c.period",
  "c.milestone",
  "c.state",
  "c.progress",
  "c.reported_complete",
  "c.completed_on",
  "c.submitted_at",
  "c.confirmed_at",
  "c.returned_at",
  "c.return_reason",
] as const;

export function createFollowUpRepository() {
  return {
    findProgramme(db: DbOrTrx, id: string) {
      return db
        .selectFrom("programmes")
        .select(["id", "number", "title", "issuer", "parent_issuer", "issued_on", "place", "system"])
        .select(["period_start", "period_end", "signature_json", "recipients_json", "status"])
        .select(["supersedes_id", "effective_from"])
        .where("id", "=", id)
        .executeTakeFirst();
    },

    /** The active programme whose number and symbol is `number` ("02-CTr/BCĐ"), newest first. */
    findActiveProgrammeByNumber(db: DbOrTrx, number: string) {
      return db
        .selectFrom("programmes")
        .select("id")
        .where("number", "=", number)
        .where("status", "=", "active")
        .orderBy("issued_on", "desc")
        .executeTakeFirst();
    },

    /** Active programmes (for the daily reminder scan). */
    activeProgrammeIds(db: DbOrTrx) {
      return db.selectFrom("programmes").select("id").where("status", "=", "active").execute();
    },

    /** Active programmes in which a person or unit is a lead or coordinating party. */
    programmesOfParty(db: DbOrTrx, ids: string[]) {
      return db
        .selectFrom("task_parties as tp")
        .innerJoin("tasks as t", "t.id", "tp.task_id")
        .innerJoin("programmes as p", "p.id", "t.programme_id")
        .select("p.id")
        .distinct()
        .where("p.status", "=", "active")
        .where("tp.role", "in", ["lead", "coordinator"])
        .where((eb) => eb.or([eb("tp.person_id", "in", ids), eb("tp.unit_id", "in", ids)]))
        .execute();
    },

    /** Task ids in which a person or unit is a lead or coordinating party, with the role. */
    tasksOfParty(db: DbOrTrx, programmeId: string, ids: string[]) {
      return db
        .selectFrom("task_parties as tp")
        .innerJoin("tasks as t", "t.id", "tp.task_id")
        .select(["tp.task_id", "tp.role"])
        .where("t.programme_id", "=", programmeId)
        .where("tp.role", "in", ["lead", "coordinator"])
        .where((eb) => eb.or([eb("tp.person_id", "in", ids), eb("tp.unit_id", "in", ids)]))
        .execute();
    },

    findTask(db: DbOrTrx, id: string) {
      return db
        .selectFrom("tasks as t")
        .innerJoin("programmes as p", "p.id", "t.programme_id")
        .selectAll("t")
        .select(["p.period_start", "p.period_end", "p.issued_on"])
        .where("t.id", "=", id)
        .executeTakeFirst();
    },

    partiesOfTask(db: DbOrTrx, taskId: string) {
      return db
        .selectFrom("task_parties")
        .selectAll()
        .where("task_id", "=", taskId)
        .orderBy("position")
        .execute();
    },

    personUnit(db: DbOrTrx, personId: string) {
      return db.selectFrom("people").select(["id", "unit_id"]).where("id", "=", personId).executeTakeFirst();
    },

    /** The columns of every task of a programme that follow-up needs, in document order. */
    programmeTasks(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("tasks")
        .select(TASK_COLUMNS)
        .where("programme_id", "=", programmeId)
        .orderBy("position")
        .execute();
    },

    /** Parties of every task of a programme with the linked person's and unit's names. */
    programmeParties(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("task_parties as tp")
        .innerJoin("tasks as t", "t.id", "tp.task_id")
        .leftJoin("people as pe", "pe.id", "tp.person_id")
        .leftJoin("units as un", "un.id", "tp.unit_id")
        .select(["tp.task_id", "tp.role", "tp.kind", "tp.name", "tp.person_id", "tp.unit_id"])
        .select(["pe.full_name as person_name", "un.name as unit_name"])
        .where("t.programme_id", "=", programmeId)
        .orderBy("tp.task_id")
        .orderBy("tp.position")
        .execute();
    },

    programmeDueDates(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("task_due_dates as d")
        .innerJoin("tasks as t", "t.id", "d.task_id")
        .select(["d.task_id", "d.due_date", "d.directive", "d.label"])
        .where("t.programme_id", "=", programmeId)
        .orderBy("d.due_date")
        .execute();
    },

    /** Submitted (not draft) lead check-ins of a programme: what the status engine reads. */
    programmeCheckIns(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("check_ins as c")
        .innerJoin("tasks as t", "t.id", "c.task_id")
        .select(CHECK_IN_COLUMNS)
        .where("t.programme_id", "=", programmeId)
        .where("c.role", "=", "lead")
        .where("c.state", "!=", "draft")
        .execute();
    },

    /** Confirmed check-ins (lead and coordinators) of a programme, with their text, for reports. */
    confirmedCheckIns(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("check_ins as c")
        .innerJoin("tasks as t", "t.id", "c.task_id")
        .select(["c.id", "c.task_id", "c.role", "c.party_name", "c.period", "c.done_text", "c.progress"])
        .select(["c.difficulties", "c.proposals", "c.submitted_at", "c.confirmed_at", "c.reported_complete"])
        .where("t.programme_id", "=", programmeId)
        .where("c.state", "=", "confirmed")
        .orderBy("c.submitted_at")
        .execute();
    },

    /**
     * What identifies the current state of a programme's follow-up data (cache key), in one
     * statement: the follow-up revision (bumped by every check-in or due-date write), and the
     * tasks' and holidays' counts and latest changes (any change there reloads everything).
     */
    async revisionState(db: DbOrTrx, programmeId: string): Promise<{ revision: number; base: string }> {
      const row = await db
        .selectNoFrom((eb) => [
          eb
            .selectFrom("follow_up_revisions")
            .select("revision")
            .where("programme_id", "=", programmeId)
            .as("revision"),
          eb
            .selectFrom("tasks")
            .select((e) => e.fn.countAll<number>().as("n"))
            .where("programme_id", "=", programmeId)
            .as("tasks_n"),
          eb
            .selectFrom("tasks")
            .select((e) => e.fn.max("updated_at").as("at"))
            .where("programme_id", "=", programmeId)
            .as("tasks_at"),
          eb
            .selectFrom("holidays")
            .select((e) => e.fn.countAll<number>().as("n"))
            .as("holidays_n"),
          eb
            .selectFrom("holidays")
            .select((e) => e.fn.max("created_at").as("at"))
            .as("holidays_at"),
        ])
        .executeTakeFirstOrThrow();
      return {
        revision: Number(row.revision ?? 0),
        base: `${Number(row.tasks_n)}|${row.tasks_at ?? ""}|${Number(row.holidays_n)}|${row.holidays_at ?? ""}`,
      };
    },

    /** The tasks touched by revisions `after` < revision ≤ `upTo` (null task: a change of the whole programme). */
    changesBetween(db: DbOrTrx, programmeId: string, after: number, upTo: number) {
      return db
        .selectFrom("follow_up_changes")
        .select(["revision", "task_id"])
        .where("programme_id", "=", programmeId)
        .where("revision", ">", after)
        .where("revision", "<=", upTo)
        .execute();
    },

    /** `programmeTasks`, `programmeDueDates` and `programmeCheckIns` narrowed to some tasks (≤ 500 ids). */
    async someTasks(db: DbOrTrx, taskIds: readonly string[]) {
      const ids = [...taskIds];
      const [tasks, dueDates, checkIns] = await Promise.all([
        db.selectFrom("tasks").select(TASK_COLUMNS).where("id", "in", ids).execute(),
        db
          .selectFrom("task_due_dates as d")
          .select(["d.task_id", "d.due_date", "d.directive", "d.label"])
          .where("d.task_id", "in", ids)
          .orderBy("d.due_date")
          .execute(),
        db
          .selectFrom("check_ins as c")
          .select(CHECK_IN_COLUMNS)
          .where("c.task_id", "in", ids)
          .where("c.role", "=", "lead")
          .where("c.state", "!=", "draft")
          .execute(),
      ]);
      return { tasks, dueDates, checkIns };
    },

    async insertDirection(db: DbOrTrx, row: TaskDirectionTable): Promise<void> {
      await db.insertInto("task_directions").values(row).execute();
    },

    directionsOf(db: DbOrTrx, taskId: string): Promise<TaskDirectionTable[]> {
      return db
        .selectFrom("task_directions")
        .selectAll()
        .where("task_id", "=", taskId)
        .orderBy("created_at")
        .execute();
    },

    async insertDueDate(db: DbOrTrx, row: TaskDueDateTable): Promise<void> {
      await db.insertInto("task_due_dates").values(row).execute();
    },

    /** A recorded due date with the stored directive document, if one was attached. */
    findDueDateFile(db: DbOrTrx, id: string) {
      return db
        .selectFrom("task_due_dates as d")
        .innerJoin("stored_files as f", "f.id", "d.file_id")
        .select(["d.id", "d.directive", "d.file_name", "f.original_name", "f.media_type", "f.storage_path"])
        .where("d.id", "=", id)
        .executeTakeFirst();
    },

    dueDatesOf(db: DbOrTrx, taskId: string): Promise<TaskDueDateTable[]> {
      return db
        .selectFrom("task_due_dates")
        .selectAll()
        .where("task_id", "=", taskId)
        .orderBy("due_date")
        .execute();
    },

    holidays(db: DbOrTrx): Promise<HolidayTable[]> {
      return db.selectFrom("holidays").selectAll().orderBy("date").execute();
    },

    findHoliday(db: DbOrTrx, where: { id?: string; date?: string }) {
      let q = db.selectFrom("holidays").selectAll();
      if (where.id) q = q.where("id", "=", where.id);
      if (where.date) q = q.where("date", "=", where.date);
      return q.executeTakeFirst();
    },

    async insertHoliday(db: DbOrTrx, row: HolidayTable): Promise<void> {
      await db.insertInto("holidays").values(row).execute();
    },

    async deleteHoliday(db: DbOrTrx, id: string): Promise<void> {
      await db.deleteFrom("holidays").where("id", "=", id).execute();
    },
  };
}

export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
