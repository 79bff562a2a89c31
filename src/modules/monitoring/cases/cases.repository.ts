/** All SQL of response cases. */
import type { Insertable, Updateable } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import type { MonitoringCaseTable } from "../monitoring.tables.js";

/** A case with the names of whom it is assigned to, so that lists need no lookups. */
export type CaseRow = MonitoringCaseTable & {
  assignee_person_name: string | null;
  assignee_unit_name: string | null;
};

export function createCasesRepository() {
  const withNames = (db: DbOrTrx) =>
    db
      .selectFrom("monitoring_cases as c")
      .leftJoin("people as p", "p.id", "c.assignee_person_id")
      .leftJoin("units as u", "u.id", "c.assignee_unit_id")
      .selectAll("c")
      .select(["p.full_name as assignee_person_name", "u.name as assignee_unit_name"]);

  return {
    insert(db: DbOrTrx, row: Insertable<MonitoringCaseTable>) {
      return db.insertInto("monitoring_cases").values(row).execute();
    },
    find(db: DbOrTrx, id: string): Promise<CaseRow | undefined> {
      return withNames(db).where("c.id", "=", id).executeTakeFirst();
    },
    /** Cases, optionally only those assigned to a person or unit. */
    list(
      db: DbOrTrx,
      filter: { state?: string | undefined; assignedTo?: { personId: string | null; unitId: string | null } },
    ) {
      let q = withNames(db);
      if (filter.state) q = q.where("c.state", "=", filter.state);
      const to = filter.assignedTo;
      // Only the ids the caller has: an account with neither sees no case (`or` of nothing is false).
      // (A NUL placeholder here made PostgreSQL refuse the query: text cannot hold NUL.)
      if (to)
        q = q.where((eb) =>
          eb.or([
            ...(to.personId !== null ? [eb("c.assignee_person_id", "=", to.personId)] : []),
            ...(to.unitId !== null ? [eb("c.assignee_unit_id", "=", to.unitId)] : []),
          ]),
        );
      return q.orderBy("c.created_at", "desc").limit(1000).execute();
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
