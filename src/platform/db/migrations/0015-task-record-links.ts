/**
 * Register entries attached to programme tasks as evidence (delegations, press visits, partners,
 * courses, budget items, installations, portal articles…): one table for every kind of entry.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const taskRecordLinksMigration: AppMigration = {
  name: "0015-task-record-links",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("task_record_links")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("task_id", "text", (c) => c.notNull().references("tasks.id"))
      .addColumn("record_kind", "text", (c) => c.notNull())
      .addColumn("record_id", "text", (c) => c.notNull())
      .addColumn("check_in_id", "text", (c) => c.references("check_ins.id"))
      .addColumn("note", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("task_record_links_unique", ["task_id", "record_kind", "record_id"])
      .execute();
    await db.schema
      .createIndex("task_record_links_record_idx")
      .on("task_record_links")
      .columns(["record_kind", "record_id"])
      .execute();
  },
};
