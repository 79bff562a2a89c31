/**
 * Each upload keeps its own file name. The file store keeps the same bytes once (`stored_files`, one
 * row per content hash), so the name of the first upload used to be the name of every later one:
 * evidence items and due-date directive documents now carry the name they were uploaded under.
 * Evidence uploaded before this migration was titled with its file name, so the title restores it;
 * directive documents take the stored file's name (the best that is known).
 */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const uploadNamesMigration: AppMigration = {
  name: "0013-upload-names",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("check_in_evidence").addColumn("file_name", "text").execute();
    await db.schema.alterTable("task_due_dates").addColumn("file_name", "text").execute();
    await sql`update check_in_evidence set file_name = title where file_id is not null`.execute(db);
    await sql`update task_due_dates set file_name = (
      select f.original_name from stored_files f where f.id = task_due_dates.file_id
    ) where file_id is not null`.execute(db);
  },
};
