/** All SQL of task ↔ register-entry links. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { TaskRecordLinkTable } from "./registers.tables.js";

export function createRegistersRepository() {
  return {
    insert(db: DbOrTrx, row: TaskRecordLinkTable) {
      return db.insertInto("task_record_links").values(row).execute();
    },

    find(db: DbOrTrx, id: string) {
      return db.selectFrom("task_record_links").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findByEntry(db: DbOrTrx, taskId: string, kind: string, recordId: string) {
      return db
        .selectFrom("task_record_links")
        .selectAll()
        .where("task_id", "=", taskId)
        .where("record_kind", "=", kind)
        .where("record_id", "=", recordId)
        .executeTakeFirst();
    },

    remove(db: DbOrTrx, id: string) {
      return db.deleteFrom("task_record_links").where("id", "=", id).execute();
    },

    ofTask(db: DbOrTrx, taskId: string) {
      return db
        .selectFrom("task_record_links")
        .selectAll()
        .where("task_id", "=", taskId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
    },

    /** Tasks an entry is linked to, with their programme. */
    tasksOf(db: DbOrTrx, kind: string, recordId: string) {
      return db
        .selectFrom("task_record_links as l")
        .innerJoin("tasks as t", "t.id", "l.task_id")
        .innerJoin("programmes as p", "p.id", "t.programme_id")
        .select(["l.id as link_id", "l.check_in_id", "l.created_at", "l.created_by"])
        .select(["t.id as task_id", "t.ref", "t.text", "t.programme_id", "p.title as programme_title"])
        .where("l.record_kind", "=", kind)
        .where("l.record_id", "=", recordId)
        .orderBy("t.programme_id")
        .orderBy("t.position")
        .execute();
    },

    /** Every link of the given tasks (for reports). */
    /** The entries attached to any of the tasks, oldest link first: what a report names under each task. */
    ofTasks(db: DbOrTrx, taskIds: readonly string[]) {
      type Row = Pick<TaskRecordLinkTable, "task_id" | "record_kind" | "record_id">;
      if (taskIds.length === 0) return Promise.resolve([] as Row[]);
      return db
        .selectFrom("task_record_links")
        .select(["task_id", "record_kind", "record_id"])
        .where("task_id", "in", [...taskIds])
        .orderBy("created_at")
        .execute();
    },

    checkInTask(db: DbOrTrx, checkInId: string) {
      return db
        .selectFrom("check_ins")
        .select(["id", "task_id"])
        .where("id", "=", checkInId)
        .executeTakeFirst();
    },

    /** The lead and coordinating parties of several tasks at once. */
    partiesOfTasks(db: DbOrTrx, taskIds: readonly string[]) {
      if (taskIds.length === 0)
        return Promise.resolve([] as { task_id: string; person_id: string | null; unit_id: string | null }[]);
      return db
        .selectFrom("task_parties")
        .select(["task_id", "person_id", "unit_id"])
        .where("task_id", "in", [...taskIds])
        .where("role", "!=", "directing")
        .execute();
    },

    personUnit(db: DbOrTrx, personId: string) {
      return db.selectFrom("people").select(["unit_id"]).where("id", "=", personId).executeTakeFirst();
    },

    /** Whether the person (or their unit) is a lead party of a task the entry is attached to. */
    async leadsEntry(db: DbOrTrx, kind: string, recordId: string, personId: string): Promise<boolean> {
      const row = await db
        .selectFrom("task_record_links as l")
        .innerJoin("task_parties as tp", "tp.task_id", "l.task_id")
        .leftJoin("people as pe", (j) => j.on("pe.id", "=", personId))
        .select("l.id")
        .where("l.record_kind", "=", kind)
        .where("l.record_id", "=", recordId)
        .where("tp.role", "=", "lead")
        .where((eb) =>
          eb.or([
            eb("tp.person_id", "=", personId),
            eb.and([eb("pe.unit_id", "is not", null), eb("tp.unit_id", "=", eb.ref("pe.unit_id"))]),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    taskExists(db: DbOrTrx, taskId: string) {
      return db.selectFrom("tasks").select(["id"]).where("id", "=", taskId).executeTakeFirst();
    },
  };
}

export type RegistersRepository = ReturnType<typeof createRegistersRepository>;
