/**
 * Follow-up performance: a log of which task each follow-up write touched, so a process holding a
 * programme's data in memory reloads only the changed tasks (see `follow-up.data.ts`).
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const followUpPerfMigration: AppMigration = {
  name: "0007-follow-up-perf",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("follow_up_changes")
      .addColumn("programme_id", "text", (c) => c.notNull())
      .addColumn("revision", "integer", (c) => c.notNull())
      // Null: a change not tied to one task (reload everything).
      .addColumn("task_id", "text")
      .addPrimaryKeyConstraint("follow_up_changes_pk", ["programme_id", "revision"])
      .execute();
  },
};
