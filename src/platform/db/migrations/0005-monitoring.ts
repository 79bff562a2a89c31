/**
 * Media monitoring: sources, items (+ mentions, topics, LSH bands), stories, corrections, dictionaries
 * (seeded from the analysis library's defaults), saved searches, alerts, cases. The full-text index is
 * dialect-specific: an FTS5 table on SQLite, a generated `tsvector` column with a GIN index on PostgreSQL.
 */
import { type Kysely, sql } from "kysely";
import { DEFAULT_ANALYSIS_CONFIG } from "../../../modules/monitoring/analysis/article.analyze.js";
import type { AppMigration } from "./migration.js";

export const monitoringMigration: AppMigration = {
  name: "0005-monitoring",
  async up(db: Kysely<unknown>, dialect) {
    await db.schema
      .createTable("monitoring_sources")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("url", "text")
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("language", "text")
      .addColumn("outlet_type", "text", (c) => c.notNull())
      .addColumn("category", "text")
      .addColumn("site_url", "text")
      .addColumn("poll_minutes", "integer", (c) => c.notNull())
      .addColumn("is_active", "integer", (c) => c.notNull())
      .addColumn("fetch_pages", "integer", (c) => c.notNull())
      .addColumn("etag", "text")
      .addColumn("last_modified", "text")
      .addColumn("last_polled_at", "text")
      .addColumn("last_success_at", "text")
      .addColumn("last_error_at", "text")
      .addColumn("last_error_code", "text")
      .addColumn("last_error_message", "text")
      .addColumn("consecutive_failures", "integer", (c) => c.notNull())
      .addColumn("next_poll_at", "text", (c) => c.notNull())
      .addColumn("item_count", "integer", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("monitoring_sources_due_idx")
      .on("monitoring_sources")
      .columns(["is_active", "next_poll_at"])
      .execute();
    await db.schema
      .createIndex("monitoring_sources_url_idx")
      .on("monitoring_sources")
      .column("url")
      .unique()
      .execute();

    await db.schema
      .createTable("monitoring_stories")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("first_item_id", "text", (c) => c.notNull())
      .addColumn("first_seen_at", "text", (c) => c.notNull())
      .addColumn("last_seen_at", "text", (c) => c.notNull())
      .addColumn("item_count", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("monitoring_stories_seen_idx")
      .on("monitoring_stories")
      .column("last_seen_at")
      .execute();

    let items = db.schema
      .createTable("monitoring_items")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("source_id", "text", (c) => c.notNull().references("monitoring_sources.id"))
      .addColumn("dedupe_key", "text", (c) => c.notNull())
      .addColumn("guid", "text")
      .addColumn("url", "text")
      .addColumn("canonical_url", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("author", "text")
      .addColumn("platform", "text")
      .addColumn("published_at", "text", (c) => c.notNull())
      .addColumn("published_day", "text", (c) => c.notNull())
      .addColumn("fetched_at", "text", (c) => c.notNull())
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("country", "text", (c) => c.notNull())
      .addColumn("outlet_type", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("folded_text", "text", (c) => c.notNull())
      .addColumn("html", "text", (c) => c.notNull())
      .addColumn("labels_json", "text", (c) => c.notNull())
      .addColumn("tone", "text", (c) => c.notNull())
      .addColumn("flags_json", "text", (c) => c.notNull())
      .addColumn("mentions_city", "integer", (c) => c.notNull())
      .addColumn("story_id", "text", (c) => c.references("monitoring_stories.id"))
      .addColumn("minhash", "text", (c) => c.notNull())
      .addColumn("fts_rowid", "integer")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("monitoring_items_source_key_uq", ["source_id", "dedupe_key"]);
    if (dialect === "postgres") {
      items = items.addColumn("search_tsv", sql`tsvector`, (c) =>
        c.generatedAlwaysAs(sql`to_tsvector('simple', folded_text)`).stored(),
      );
    }
    await items.execute();
    await db.schema
      .createIndex("monitoring_items_published_idx")
      .on("monitoring_items")
      .column("published_at")
      .execute();
    await db.schema
      .createIndex("monitoring_items_day_idx")
      .on("monitoring_items")
      .columns(["published_day", "language"])
      .execute();
    await db.schema
      .createIndex("monitoring_items_fetched_idx")
      .on("monitoring_items")
      .column("fetched_at")
      .execute();
    await db.schema
      .createIndex("monitoring_items_story_idx")
      .on("monitoring_items")
      .column("story_id")
      .execute();
    if (dialect === "postgres") {
      await sql`create index monitoring_items_tsv_idx on monitoring_items using gin (search_tsv)`.execute(db);
    } else {
      await db.schema
        .createIndex("monitoring_items_fts_idx")
        .on("monitoring_items")
        .column("fts_rowid")
        .unique()
        .execute();
      // Contentless: the text lives in monitoring_items; the index keeps only postings.
      await sql`create virtual table monitoring_item_fts using fts5(original, folded, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0")`.execute(
        db,
      );
    }

    await db.schema
      .createTable("monitoring_item_bands")
      .addColumn("item_id", "text", (c) => c.notNull().references("monitoring_items.id"))
      .addColumn("band_key", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("monitoring_item_bands_key_idx")
      .on("monitoring_item_bands")
      .column("band_key")
      .execute();
    await db.schema
      .createIndex("monitoring_item_bands_item_idx")
      .on("monitoring_item_bands")
      .column("item_id")
      .execute();

    await db.schema
      .createTable("monitoring_item_mentions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("item_id", "text", (c) => c.notNull().references("monitoring_items.id"))
      .addColumn("alias_id", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("offset", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("monitoring_item_mentions_item_idx")
      .on("monitoring_item_mentions")
      .column("item_id")
      .execute();

    await db.schema
      .createTable("monitoring_item_topics")
      .addColumn("item_id", "text", (c) => c.notNull().references("monitoring_items.id"))
      .addColumn("topic", "text", (c) => c.notNull())
      .addColumn("score", "real", (c) => c.notNull())
      .addColumn("terms_json", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("monitoring_item_topics_pk", ["item_id", "topic"])
      .execute();
    await db.schema
      .createIndex("monitoring_item_topics_topic_idx")
      .on("monitoring_item_topics")
      .columns(["topic", "item_id"])
      .execute();

    await db.schema
      .createTable("monitoring_label_corrections")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("item_id", "text", (c) => c.notNull().references("monitoring_items.id"))
      .addColumn("field", "text", (c) => c.notNull())
      .addColumn("before_json", "text", (c) => c.notNull())
      .addColumn("after_json", "text", (c) => c.notNull())
      .addColumn("note", "text")
      .addColumn("corrected_by", "text")
      .addColumn("corrected_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("monitoring_label_corrections_item_idx")
      .on("monitoring_label_corrections")
      .column("item_id")
      .execute();

    await db.schema
      .createTable("monitoring_dictionaries")
      .addColumn("kind", "text", (c) => c.primaryKey())
      .addColumn("data_json", "text", (c) => c.notNull())
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("updated_by", "text")
      .execute();
    const now = new Date().toISOString();
    const defaults = DEFAULT_ANALYSIS_CONFIG;
    const seed = [
      ["aliases", defaults.aliases],
      ["topics", { minScore: defaults.topicMinScore, topics: defaults.topics }],
      ["tone", defaults.tone],
      ["false_info", defaults.falseInfo],
    ] as const;
    await (db as Kysely<{ monitoring_dictionaries: Record<string, unknown> }>)
      .insertInto("monitoring_dictionaries")
      .values(
        seed.map(([kind, data]) => ({
          kind,
          data_json: JSON.stringify(data),
          version: 1,
          updated_at: now,
          updated_by: null,
        })),
      )
      .execute();

    await db.schema
      .createTable("monitoring_saved_searches")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("owner_id", "text", (c) => c.notNull().references("users.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("query", "text", (c) => c.notNull())
      .addColumn("filters_json", "text", (c) => c.notNull())
      .addColumn("alert_on_new", "integer", (c) => c.notNull())
      .addColumn("alert_on_spike", "integer", (c) => c.notNull())
      .addColumn("spike_factor", "real", (c) => c.notNull())
      .addColumn("spike_min_count", "integer", (c) => c.notNull())
      .addColumn("digest", "text")
      .addColumn("channels_json", "text", (c) => c.notNull())
      .addColumn("checked_until", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("monitoring_alert_events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("saved_search_id", "text", (c) => c.notNull().references("monitoring_saved_searches.id"))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("idempotency_key", "text", (c) => c.notNull().unique())
      .addColumn("count", "integer", (c) => c.notNull())
      .addColumn("item_ids_json", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("monitoring_alert_deliveries")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("event_id", "text", (c) => c.notNull().references("monitoring_alert_events.id"))
      .addColumn("channel", "text", (c) => c.notNull())
      .addColumn("target", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("attempts", "integer", (c) => c.notNull())
      .addColumn("last_error", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("sent_at", "text")
      .execute();
    await db.schema
      .createIndex("monitoring_alert_deliveries_event_idx")
      .on("monitoring_alert_deliveries")
      .column("event_id")
      .execute();

    await db.schema
      .createTable("monitoring_cases")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("item_id", "text", (c) => c.references("monitoring_items.id"))
      .addColumn("story_id", "text", (c) => c.references("monitoring_stories.id"))
      .addColumn("assessment", "text", (c) => c.notNull())
      .addColumn("assignee_person_id", "text", (c) => c.references("people.id"))
      .addColumn("assignee_unit_id", "text", (c) => c.references("units.id"))
      .addColumn("deadline", "text")
      .addColumn("actions_json", "text", (c) => c.notNull())
      .addColumn("evidence_json", "text", (c) => c.notNull())
      .addColumn("outcome", "text")
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("task_id", "text")
      .addColumn("version", "integer", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("monitoring_cases_state_idx")
      .on("monitoring_cases")
      .column("state")
      .execute();
  },
};
