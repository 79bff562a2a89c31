/**
 * The portal tied to people and to monitoring: the languages a translator (or reviewer) is assigned
 * (JSON array, null: not restricted), the "own channel of the city" flag of monitoring sources (the
 * portal's own feeds, counted apart from outside coverage), and rebuttal articles linked to response
 * cases (one case per portal item).
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const portalTiesMigration: AppMigration = {
  name: "0026-portal-ties",
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("users").addColumn("translation_languages", "text").execute();
    await db.schema
      .alterTable("monitoring_sources")
      .addColumn("is_own_channel", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable("portal_item_cases")
      .addColumn("item_id", "text", (c) => c.primaryKey().references("portal_items.id").onDelete("cascade"))
      .addColumn("case_id", "text", (c) => c.notNull().references("monitoring_cases.id").onDelete("cascade"))
      .addColumn("linked_by", "text")
      .addColumn("linked_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("portal_item_cases_case_idx")
      .on("portal_item_cases")
      .column("case_id")
      .execute();
  },
};
