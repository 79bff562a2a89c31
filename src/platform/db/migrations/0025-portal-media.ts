/**
 * The portal's media library: images (only their re-encoded variants are stored, never the original
 * with its EXIF) and PDFs with a cover, with alt text and captions per language and a credit.
 */
import type { Kysely } from "kysely";
import type { AppMigration } from "./migration.js";

export const portalMediaMigration: AppMigration = {
  name: "0025-portal-media",
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("portal_media")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("original_name", "text", (c) => c.notNull())
      .addColumn("media_type", "text", (c) => c.notNull())
      .addColumn("width", "integer")
      .addColumn("height", "integer")
      .addColumn("page_count", "integer")
      .addColumn("size", "integer", (c) => c.notNull())
      .addColumn("alt_json", "text", (c) => c.notNull())
      .addColumn("caption_json", "text", (c) => c.notNull())
      .addColumn("credit", "text")
      .addColumn("search_text", "text", (c) => c.notNull())
      .addColumn("created_by", "text")
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("portal_media_created_idx")
      .on("portal_media")
      .columns(["created_at"])
      .execute();

    await db.schema
      .createTable("portal_media_files")
      .addColumn("media_id", "text", (c) => c.notNull().references("portal_media.id"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("format", "text", (c) => c.notNull())
      .addColumn("width", "integer")
      .addColumn("height", "integer")
      .addColumn("file_id", "text", (c) => c.notNull().references("stored_files.id"))
      .addPrimaryKeyConstraint("portal_media_files_pk", ["media_id", "name"])
      .execute();
  },
};
