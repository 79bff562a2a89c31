/**
 * A check-in's history keeps the words said with each step: the optional comment of a confirmation,
 * the reason of a return or a reopening. Steps taken before this migration have no note (their last
 * return reason stays on the check-in itself).
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const checkInVersionNotesMigration: AppMigration = {
  name: "0014-check-in-version-notes",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("check_in_versions").addColumn("note", "text").execute();
  },
};
