/**
 * The public portal's content version: every process of the public site reads the newest `updated_at` of
 * the portal's items and texts (at most a few times a second) to know whether its cached pages and its
 * search index are still current, and fetches only the texts changed since. Both reads go through these
 * indexes instead of scanning every text.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const portalContentVersionMigration: AppMigration = {
  name: "0029-portal-content-version",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex("portal_items_updated_idx")
      .on("portal_items")
      .columns(["updated_at"])
      .execute();
    await db.schema
      .createIndex("portal_localizations_updated_idx")
      .on("portal_localizations")
      .columns(["updated_at"])
      .execute();
  },
};
