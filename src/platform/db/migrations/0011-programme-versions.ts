/**
 * Programme versions keep their follow-up (decision 0004): every task gets a lineage — the identity a
 * task keeps across versions of its programme (its first row's id) — and every programme the date from
 * which its version applies. Import drafts remember the reviewer's task matches and that date.
 */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const programmeVersionsMigration: AppMigration = {
  name: "0011-programme-versions",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("tasks").addColumn("lineage_id", "text").execute();
    await sql`update tasks set lineage_id = id`.execute(db);
    await db.schema
      .createIndex("tasks_lineage_idx")
      .on("tasks")
      .columns(["lineage_id", "programme_id"])
      .execute();
    // Null: in force from the start of the programme (first versions).
    await db.schema.alterTable("programmes").addColumn("effective_from", "text").execute();
    // {"effectiveFrom": "2024-07-01" | null, "matches": {"<new ref>": "<previous task id>" | null}}
    await db.schema.alterTable("import_drafts").addColumn("version_plan_json", "text").execute();
  },
};
