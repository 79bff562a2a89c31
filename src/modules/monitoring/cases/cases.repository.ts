/** All SQL of response cases. */
import type { Insertable, Updateable } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import type { MonitoringCaseTable } from "../monitoring.tables.js";

export type CaseRow = MonitoringCaseTable;

export function createCasesRepository() {
  return {
    insert(db: DbOrTrx, row: Insertable<MonitoringCaseTable>) {
      return db.insertInto("monitoring_cases").values(row).execute();
    },
    find(db: DbOrTrx, id: string) {
      return db.selectFrom("monitoring_cases").selectAll().where("id", "=", id).executeTakeFirst();
    },
    /** Cases, optionally only those assigned to a person or unit. */
    list(
      db: DbOrTrx,
      filter: { state?: string | undefined; assignedTo?: { personId: string | null; unitId: string | null } },
    ) {
      let q = db.selectFrom("monitoring_cases").selectAll();
      if (filter.state) q = q.where("state", "=", filter.state);
      const to = filter.assignedTo;
      if (to)
        q = q.where((eb) =>
          eb.or([
            eb("assignee_person_id", "=", to.personId ?? "\u0000"),
            eb("assignee_unit_id", "=", to.unitId ?? "\u0000"),
          ]),
        );
      return q.orderBy("created_at", "desc").limit(1000).execute();
    },
    /** Updates when the version matches; true when updated. */
    async update(db: DbOrTrx, id: string, version: number, patch: Updateable<MonitoringCaseTable>) {
      const r = await db
        .updateTable("monitoring_cases")
        .set({ ...patch, version: version + 1 })
        .where("id", "=", id)
        .where("version", "=", version)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    personUnit(db: DbOrTrx, personId: string) {
      return db.selectFrom("people").select(["id", "unit_id"]).where("id", "=", personId).executeTakeFirst();
    },
    unitExists(db: DbOrTrx, unitId: string) {
      return db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst();
    },
    /** The programme task, or undefined; null when the tasks table does not exist (programmes not installed). */
    async findTask(db: DbOrTrx, taskId: string): Promise<{ id: string } | undefined | null> {
      try {
        return await db.selectFrom("tasks").select("id").where("id", "=", taskId).executeTakeFirst();
      } catch {
        return null;
      }
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
