/** The portal's translation aids: a glossary per language and a memory of approved translations. */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const portalTranslationMigration: AppMigration = {
  name: "0024-portal-translation",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("portal_glossary")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("lang", "text", (c) => c.notNull())
      .addColumn("source_term", "text", (c) => c.notNull())
      .addColumn("source_key", "text", (c) => c.notNull())
      .addColumn("target_term", "text", (c) => c.notNull())
      .addColumn("variants_json", "text", (c) => c.notNull())
      .addColumn("forbidden_json", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addUniqueConstraint("portal_glossary_term_unique", ["lang", "source_key"])
      .execute();

    await db.schema
      .createTable("portal_translation_memory")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("lang", "text", (c) => c.notNull())
      .addColumn("source_key", "text", (c) => c.notNull())
      .addColumn("source_text", "text", (c) => c.notNull())
      .addColumn("target_text", "text", (c) => c.notNull())
      .addColumn("word_count", "integer", (c) => c.notNull())
      .addColumn("item_id", "text")
      .addColumn("unit_id", "text")
      .addColumn("approved_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("portal_tm_pair_unique", ["lang", "source_key", "target_text"])
      .execute();
    // Fuzzy candidates are looked up by language and sentence length.
    await db.schema
      .createIndex("portal_tm_length_idx")
      .on("portal_translation_memory")
      .columns(["lang", "word_count"])
      .execute();
  },
};
