/**
 * The public portal's sitemap reads every published text's item, language, slug and change time (70,000
 * rows for 10,000 items in seven languages) on the first request after any change. This index holds
 * exactly those columns behind the state, in item order, so both SQLite and PostgreSQL answer from the
 * index alone, without reading a single row (whose bodies make the table large).
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const portalSitemapMediaRefsMigration: AppMigration = {
  name: "0027-portal-sitemap-media-refs",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("portal_localizations_sitemap_idx")
      .on("portal_localizations")
      .columns(["state", "item_id", "lang", "slug", "updated_at"])
      .execute();
  },
};
