/** All SQL of OCR runs. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { ImportOcrRunTable } from "./import-ocr.tables.js";

export function createImportOcrRepository() {
  return {
    async insert(db: DbOrTrx, row: ImportOcrRunTable): Promise<void> {
      await db.insertInto("import_ocr_runs").values(row).execute();
    },

    async find(db: DbOrTrx, id: string): Promise<ImportOcrRunTable | undefined> {
      return db.selectFrom("import_ocr_runs").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async findByDraft(db: DbOrTrx, draftId: string): Promise<ImportOcrRunTable | undefined> {
      return db.selectFrom("import_ocr_runs").selectAll().where("draft_id", "=", draftId).executeTakeFirst();
    },

    /** Updates a run unless it was cancelled meanwhile; returns whether a row changed. */
    async updateUnlessCancelled(
      db: DbOrTrx,
      id: string,
      patch: Partial<Omit<ImportOcrRunTable, "id">>,
    ): Promise<boolean> {
      const result = await db
        .updateTable("import_ocr_runs")
        .set(patch)
        .where("id", "=", id)
        .where("status", "!=", "cancelled")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Marks a queued or running run cancelled; returns whether it was still in progress. */
    async cancel(db: DbOrTrx, id: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable("import_ocr_runs")
        .set({ status: "cancelled", updated_at: now })
        .where("id", "=", id)
        .where("status", "in", ["queued", "running"])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async status(db: DbOrTrx, id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("import_ocr_runs")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirst();
      return row?.status;
    },
  };
}

export type ImportOcrRepository = ReturnType<typeof createImportOcrRepository>;
