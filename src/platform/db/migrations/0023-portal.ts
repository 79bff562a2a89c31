/**
 * The multilingual external-information portal (Cổng Thông tin đối ngoại đa ngôn ngữ): content items,
 * their per-language localisations with a translation state, revisions, slug redirects and view counts.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const portalMigration: AppMigration = {
  name: "0023-portal",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("portal_categories")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("key", "text", (c) => c.notNull().unique())
      .addColumn("names_json", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("portal_items")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("product_type", "text")
      .addColumn("category_id", "text", (c) => c.references("portal_categories.id"))
      .addColumn("media_url", "text")
      .addColumn("source_revision", "integer", (c) => c.notNull())
      .addColumn("fallback_languages", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();

    await db.schema
      .createTable("portal_item_tags")
      .addColumn("item_id", "text", (c) => c.notNull().references("portal_items.id"))
      .addColumn("tag", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("portal_item_tags_pk", ["item_id", "tag"])
      .execute();

    await db.schema
      .createTable("portal_item_topics")
      .addColumn("item_id", "text", (c) => c.notNull().references("portal_items.id"))
      .addColumn("topic", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("portal_item_topics_pk", ["item_id", "topic"])
      .execute();

    await db.schema
      .createTable("portal_localizations")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("item_id", "text", (c) => c.notNull().references("portal_items.id"))
      .addColumn("lang", "text", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("body_json", "text", (c) => c.notNull())
      .addColumn("body_html", "text", (c) => c.notNull())
      .addColumn("seo_title", "text")
      .addColumn("seo_description", "text")
      .addColumn("slug", "text", (c) => c.notNull())
      .addColumn("state", "text", (c) => c.notNull())
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("source_revision", "integer", (c) => c.notNull())
      .addColumn("search_text", "text", (c) => c.notNull())
      .addColumn("edited_by", "text")
      .addColumn("reviewed_by", "text")
      .addColumn("published_at", "text")
      .addColumn("first_published_at", "text")
      .addColumn("publish_at", "text")
      .addColumn("unpublish_at", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addUniqueConstraint("portal_localizations_item_lang_uq", ["item_id", "lang"])
      .addUniqueConstraint("portal_localizations_lang_slug_uq", ["lang", "slug"])
      .execute();
    await db.schema
      .createIndex("portal_localizations_public_idx")
      .on("portal_localizations")
      .columns(["lang", "state", "published_at"])
      .execute();

    await db.schema
      .createTable("portal_revisions")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("localization_id", "text", (c) => c.notNull().references("portal_localizations.id"))
      .addColumn("revision", "integer", (c) => c.notNull())
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("summary", "text", (c) => c.notNull())
      .addColumn("body_json", "text", (c) => c.notNull())
      .addColumn("seo_title", "text")
      .addColumn("seo_description", "text")
      .addColumn("slug", "text", (c) => c.notNull())
      .addColumn("source_revision", "integer", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addUniqueConstraint("portal_revisions_loc_rev_uq", ["localization_id", "revision"])
      .execute();

    await db.schema
      .createTable("portal_slug_redirects")
      .addColumn("lang", "text", (c) => c.notNull())
      .addColumn("slug", "text", (c) => c.notNull())
      .addColumn("item_id", "text", (c) => c.notNull().references("portal_items.id"))
      .addColumn("created_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("portal_slug_redirects_pk", ["lang", "slug"])
      .execute();

    // Views per item, language, day and referring site: no cookie, no address, no visitor id.
    await db.schema
      .createTable("portal_views")
      .addColumn("item_id", "text", (c) => c.notNull().references("portal_items.id"))
      .addColumn("lang", "text", (c) => c.notNull())
      .addColumn("day", "text", (c) => c.notNull())
      .addColumn("referrer_domain", "text", (c) => c.notNull())
      .addColumn("views", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("portal_views_pk", ["item_id", "lang", "day", "referrer_domain"])
      .execute();
    await db.schema.createIndex("portal_views_day_idx").on("portal_views").columns(["day"]).execute();
  },
};
