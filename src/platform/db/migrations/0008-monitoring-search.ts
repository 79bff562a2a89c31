/**
 * Monitoring search on SQLite: a search driven by FTS5 (newest match first) checks the structured filters
 * of every matching item. Reading them from the item row meant following the row's overflow pages past
 * the text and HTML (tone is stored after them); a covering index keyed by the FTS rowid answers the
 * filters and the item id from the index alone. A second index turns a date range into the FTS rowid
 * window to scan (`min`/`max` of `fts_rowid` over the days). PostgreSQL searches by GIN and needs neither.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const monitoringSearchMigration: AppMigration = {
  name: "0008-monitoring-search",
  async up(db: Kysely<unknown>, dialect) {
    if (dialect !== "sqlite") return;
    await db.schema
      .createIndex("monitoring_items_fts_filters_idx")
      .on("monitoring_items")
      .columns([
        "fts_rowid",
        "published_day",
        "language",
        "tone",
        "country",
        "outlet_type",
        "mentions_city",
        "source_id",
        "id",
      ])
      .execute();
    await db.schema
      .createIndex("monitoring_items_day_fts_idx")
      .on("monitoring_items")
      .columns(["published_day", "fts_rowid"])
      .execute();
  },
};
