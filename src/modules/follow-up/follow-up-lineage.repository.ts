/**
 * Follow-up reads of an earlier version of a programme, as it stood before the current version
 * applied (decision 0004): the earlier version's tasks and parties (old text, leads, time frames) with
 * the follow-up of each task's whole lineage — which lives on the current version's rows since the
 * new version was committed. Each task is named by its current row's id when it has one (so links,
 * check-ins and cases meet), else by its own (a task the current version removed).
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";

/** The id a task of `version` is known by: its row in the current version `head`, else its own. */
const shownId = sql<string>`coalesce(h.id, t.id)`;

export function createFollowUpLineageRepository() {
  /** Tasks of `version` (alias t) with their row in `head` (alias h, left join). */
  function versionTasks(db: DbOrTrx, version: string, head: string) {
    return db
      .selectFrom("tasks as t")
      .leftJoin("tasks as h", (j) =>
        j.onRef("h.lineage_id", "=", "t.lineage_id").on("h.programme_id", "=", head),
      )
      .where("t.programme_id", "=", version);
  }

  return {
    /** A version's link to the one before it and the date it applies from. */
    version(db: DbOrTrx, id: string) {
      return db
        .selectFrom("programmes")
        .select(["id", "supersedes_id", "effective_from"])
        .where("id", "=", id)
        .executeTakeFirst();
    },

    /** The columns `programmeTasks` reads, for the tasks of an earlier version. */
    tasks(db: DbOrTrx, version: string, head: string) {
      return versionTasks(db, version, head)
        .select(shownId.as("id"))
        .select(["t.ref", "t.kind", "t.text", "t.section_ref", "t.position", "t.timeframe_text"])
        .select(["t.timeframe_kind", "t.start_date", "t.end_date", "t.milestones_json", "t.plan_ref"])
        .select(sql<string | null>`coalesce(t.due_date, h.due_date)`.as("due_date"))
        .orderBy("t.position")
        .execute();
    },

    /** The earlier version's parties (its leads, not today's). */
    parties(db: DbOrTrx, version: string, head: string) {
      return versionTasks(db, version, head)
        .innerJoin("task_parties as tp", "tp.task_id", "t.id")
        .leftJoin("people as pe", "pe.id", "tp.person_id")
        .leftJoin("units as un", "un.id", "tp.unit_id")
        .select(shownId.as("task_id"))
        .select(["tp.role", "tp.kind", "tp.name", "tp.person_id", "tp.unit_id"])
        .select(["pe.full_name as person_name", "un.name as unit_name"])
        .orderBy("t.position")
        .orderBy("tp.position")
        .execute();
    },

    /** Recorded due dates of every row of each task's lineage. */
    dueDates(db: DbOrTrx, version: string, head: string) {
      return versionTasks(db, version, head)
        .innerJoin("tasks as l", "l.lineage_id", "t.lineage_id")
        .innerJoin("task_due_dates as d", "d.task_id", "l.id")
        .select(shownId.as("task_id"))
        .select(["d.due_date", "d.directive", "d.label"])
        .orderBy("d.due_date")
        .execute();
    },

    /** Submitted lead check-ins of every row of each task's lineage (what the status engine reads). */
    checkIns(db: DbOrTrx, version: string, head: string) {
      return versionTasks(db, version, head)
        .innerJoin("tasks as l", "l.lineage_id", "t.lineage_id")
        .innerJoin("check_ins as c", "c.task_id", "l.id")
        .select(shownId.as("task_id"))
        .select(["c.period", "c.milestone", "c.state", "c.progress", "c.reported_complete", "c.completed_on"])
        .select(["c.submitted_at", "c.confirmed_at", "c.returned_at", "c.return_reason"])
        .where("c.role", "=", "lead")
        .where("c.state", "!=", "draft")
        .execute();
    },

    /** Confirmed check-ins of every row of each task's lineage, with their text, for reports. */
    confirmedCheckIns(db: DbOrTrx, version: string, head: string) {
      return versionTasks(db, version, head)
        .innerJoin("tasks as l", "l.lineage_id", "t.lineage_id")
        .innerJoin("check_ins as c", "c.task_id", "l.id")
        .select(["c.id", shownId.as("task_id"), "c.role", "c.party_name", "c.period", "c.done_text"])
        .select(["c.progress", "c.difficulties", "c.proposals", "c.submitted_at", "c.confirmed_at"])
        .select(["c.reported_complete"])
        .where("c.state", "=", "confirmed")
        .orderBy("c.submitted_at")
        .execute();
    },
  };
}

export type FollowUpLineageRepository = ReturnType<typeof createFollowUpLineageRepository>;
