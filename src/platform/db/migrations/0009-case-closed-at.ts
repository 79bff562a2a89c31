/**
 * Response cases remember when they were resolved or closed, so a report can say exactly which cases
 * its period closed. Cases closed before this migration take their last change as the closing time.
 */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

export const caseClosedAtMigration: AppMigration = {
  name: "0009-case-closed-at",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("monitoring_cases").addColumn("closed_at", "text").execute();
    await sql`update monitoring_cases set closed_at = updated_at where state in ('resolved', 'closed')`.execute(
      db,
    );
  },
};
