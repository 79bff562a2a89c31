/**
 * Two reads of the portal that scanned every text:
 *
 * - The public sitemap reads every published text's item, language, slug and change time (70,000 rows
 *   for 10,000 items in seven languages) on the first request after any change. A partial index of the
 *   published texts holds exactly those columns, in item order, so SQLite and PostgreSQL answer from the
 *   index alone, without reading a single row (whose bodies make the table large).
 * - "Where is this image used" (and the refusal to delete used media, and whether a media file is
 *   public) searched every rich text with `LIKE`. `portal_media_refs` keeps, per item, which media its
 *   product address (`owner` "item") and each language's rich text (`owner` the text's id) refer to;
 *   the portal repository rewrites an owner's rows whenever it saves it. Existing rows are backfilled
 *   here with the same rule (`"mediaId":"<uuid>"` in image blocks, `/media/<uuid>/` in addresses).
 */
import { type Kysely, sql } from "kysely";
import type { AppMigration } from "./migration.js";

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const REFERENCE = new RegExp(`"mediaId":"(${UUID})"|/media/(${UUID})/`, "gi");
const BATCH = 500;

function referenced(text: string | null): string[] {
  const ids = new Set<string>();
  for (const m of (text ?? "").matchAll(REFERENCE)) ids.add((m[1] ?? m[2] ?? "").toLowerCase());
  ids.delete("");
  return [...ids];
}

interface Ref {
  item_id: string;
  owner: string;
  media_id: string;
}

export const portalSitemapMediaRefsMigration: AppMigration = {
  name: "0027-portal-sitemap-media-refs",
  async up(db: Kysely<unknown>) {
    // Partial (published texts only), not led by `state`: with `state` as its first column SQLite chose
    // it for every "state = 'published' and id in (…)" lookup (search results) and scanned all 70,000.
    await db.schema
      .createIndex("portal_localizations_sitemap_idx")
      .on("portal_localizations")
      .columns(["item_id", "lang", "slug", "updated_at"])
      .where(sql.ref("state"), "=", "published")
      .execute();

    await db.schema
      .createTable("portal_media_refs")
      .addColumn("item_id", "text", (c) => c.notNull().references("portal_items.id").onDelete("cascade"))
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("media_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("portal_media_refs_pk", ["item_id", "owner", "media_id"])
      .execute();
    await db.schema
      .createIndex("portal_media_refs_media_idx")
      .on("portal_media_refs")
      .column("media_id")
      .execute();

    const q = db as Kysely<{
      portal_items: { id: string; media_url: string | null };
      portal_localizations: { id: string; item_id: string; body_json: string };
      portal_media_refs: Ref;
    }>;
    const write = async (refs: Ref[]) => {
      for (let i = 0; i < refs.length; i += BATCH)
        await q
          .insertInto("portal_media_refs")
          .values(refs.slice(i, i + BATCH))
          .execute();
    };
    const items = await q
      .selectFrom("portal_items")
      .select(["id", "media_url"])
      .where("media_url", "is not", null)
      .execute();
    await write(
      items.flatMap((i) =>
        referenced(i.media_url).map((media_id) => ({ item_id: i.id, owner: "item", media_id })),
      ),
    );
    let after = "";
    for (;;) {
      const texts = await q
        .selectFrom("portal_localizations")
        .select(["id", "item_id", "body_json"])
        .where("id", ">", after)
        .orderBy("id")
        .limit(BATCH)
        .execute();
      if (texts.length === 0) break;
      await write(
        texts.flatMap((t) =>
          referenced(t.body_json).map((media_id) => ({ item_id: t.item_id, owner: t.id, media_id })),
        ),
      );
      after = (texts.at(-1) as { id: string }).id;
    }
  },
};
