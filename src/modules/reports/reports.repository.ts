/** All SQL of report drafts. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { ReportTable } from "../follow-up/follow-up.tables.js";

export function createReportsRepository() {
  return {
    async insert(db: DbOrTrx, row: ReportTable): Promise<void> {
      await db.insertInto("reports").values(row).execute();
    },

    find(db: DbOrTrx, id: string): Promise<ReportTable | undefined> {
      return db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async update(db: DbOrTrx, id: string, patch: Partial<ReportTable>): Promise<void> {
      await db.updateTable("reports").set(patch).where("id", "=", id).execute();
    },

    listForProgramme(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("reports")
        .select([
          "id",
          "programme_id",
          "kind",
          "year",
          "format",
          "cutoff_from",
          "cutoff_to",
          "status",
          "created_at",
          "updated_at",
        ])
        .where("programme_id", "=", programmeId)
        .orderBy("created_at", "desc")
        .execute();
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
