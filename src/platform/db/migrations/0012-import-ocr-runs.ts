/**
 * OCR runs of scanned programmes: one row per scan sent for OCR, with the job's progress (pages done of
 * total), whether the reviewer cancelled it, the draft it produced and each line's confidence.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const importOcrRunsMigration: AppMigration = {
  name: "0012-import-ocr-runs",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("import_ocr_runs")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addColumn("filename", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("pages_done", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("pages_total", "integer", (c) => c.notNull())
      .addColumn("draft_id", "text")
      .addColumn("error_code", "text")
      .addColumn("line_confidence_json", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("import_ocr_runs_draft_idx")
      .on("import_ocr_runs")
      .column("draft_id")
      .execute();
  },
};
