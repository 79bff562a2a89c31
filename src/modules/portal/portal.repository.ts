/** All SQL of the portal's editorial side: items, localisations, revisions, redirects, categories, views. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { ITEM_OWNER, referencedMediaIds } from "./media/media-refs.js";
import type {
  PortalCategoryTable,
  PortalItemTable,
  PortalLocalizationTable,
  PortalRevisionTable,
  PortalViewTable,
} from "./portal.tables.js";

export interface ItemListFilter {
  lang: string;
  state?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/** One item in one language, for the content list. */
export interface ItemListRow {
  id: string;
  kind: string;
  product_type: string | null;
  source_revision: number;
  fallback_languages: string;
  updated_at: string;
  source_title: string;
  title: string | null;
  slug: string | null;
  state: string | null;
  loc_source_revision: number | null;
}

function listQuery(db: DbOrTrx, filter: Omit<ItemListFilter, "limit" | "offset">) {
  let q = db
    .selectFrom("portal_items as i")
    .innerJoin("portal_localizations as s", (j) => j.onRef("s.item_id", "=", "i.id").on("s.lang", "=", "vi"))
    .leftJoin("portal_localizations as l", (j) =>
      j.onRef("l.item_id", "=", "i.id").on("l.lang", "=", filter.lang),
    );
  if (filter.state) q = q.where("l.state", "=", filter.state);
  if (filter.kind) q = q.where("i.kind", "=", filter.kind);
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`lower(s.search_text) like ${pattern} escape '\\'`);
  }
  return q;
}

/**
 * Keeps the media reference table (migration 0027) in step with what an item's product address or one
 * text's rich text refers to: written with every save, so "where is this used" never scans the bodies.
 */
async function setMediaRefs(db: DbOrTrx, itemId: string, owner: string, text: string | null) {
  await db.deleteFrom("portal_media_refs").where("owner", "=", owner).where("item_id", "=", itemId).execute();
  const ids = referencedMediaIds([text]);
  if (ids.length > 0)
    await db
      .insertInto("portal_media_refs")
      .values(ids.map((media_id) => ({ item_id: itemId, owner, media_id })))
      .execute();
}

export function createPortalRepository() {
  return {
    async insertItem(db: DbOrTrx, row: PortalItemTable) {
      await db.insertInto("portal_items").values(row).execute();
      await setMediaRefs(db, row.id, ITEM_OWNER, row.media_url);
    },

    async updateItem(db: DbOrTrx, id: string, changes: Partial<PortalItemTable>) {
      await db.updateTable("portal_items").set(changes).where("id", "=", id).execute();
      if (changes.media_url !== undefined) await setMediaRefs(db, id, ITEM_OWNER, changes.media_url);
    },

    async findItem(db: DbOrTrx, id: string): Promise<PortalItemTable | undefined> {
      return db.selectFrom("portal_items").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async setTags(db: DbOrTrx, itemId: string, tags: string[]) {
      await db.deleteFrom("portal_item_tags").where("item_id", "=", itemId).execute();
      if (tags.length)
        await db
          .insertInto("portal_item_tags")
          .values(tags.map((tag) => ({ item_id: itemId, tag })))
          .execute();
    },

    async setTopics(db: DbOrTrx, itemId: string, topics: string[]) {
      await db.deleteFrom("portal_item_topics").where("item_id", "=", itemId).execute();
      if (topics.length)
        await db
          .insertInto("portal_item_topics")
          .values(topics.map((topic) => ({ item_id: itemId, topic })))
          .execute();
    },

    async tagsOf(db: DbOrTrx, itemId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("portal_item_tags")
        .select("tag")
        .where("item_id", "=", itemId)
        .orderBy("tag")
        .execute();
      return rows.map((r) => r.tag);
    },

    async topicsOf(db: DbOrTrx, itemId: string): Promise<string[]> {
      const rows = await db
        .selectFrom("portal_item_topics")
        .select("topic")
        .where("item_id", "=", itemId)
        .orderBy("topic")
        .execute();
      return rows.map((r) => r.topic);
    },

    async categoryExists(db: DbOrTrx, id: string): Promise<boolean> {
      return Boolean(
        await db.selectFrom("portal_categories").select("id").where("id", "=", id).executeTakeFirst(),
      );
    },

    async listCategories(db: DbOrTrx): Promise<PortalCategoryTable[]> {
      return db.selectFrom("portal_categories").selectAll().orderBy("key").execute();
    },

    async findCategoryByKey(db: DbOrTrx, key: string): Promise<PortalCategoryTable | undefined> {
      return db.selectFrom("portal_categories").selectAll().where("key", "=", key).executeTakeFirst();
    },

    async insertCategory(db: DbOrTrx, row: PortalCategoryTable) {
      await db.insertInto("portal_categories").values(row).execute();
    },

    // --- localisations ---------------------------------------------------------------------------

    async localizationsOf(db: DbOrTrx, itemId: string): Promise<PortalLocalizationTable[]> {
      return db
        .selectFrom("portal_localizations")
        .selectAll()
        .where("item_id", "=", itemId)
        .orderBy("created_at")
        .execute();
    },

    async findLocalization(db: DbOrTrx, itemId: string, lang: string) {
      return db
        .selectFrom("portal_localizations")
        .selectAll()
        .where("item_id", "=", itemId)
        .where("lang", "=", lang)
        .executeTakeFirst();
    },

    async insertLocalization(db: DbOrTrx, row: PortalLocalizationTable) {
      await db.insertInto("portal_localizations").values(row).execute();
      await setMediaRefs(db, row.item_id, row.id, row.body_json);
    },

    async updateLocalization(db: DbOrTrx, id: string, changes: Partial<PortalLocalizationTable>) {
      await db.updateTable("portal_localizations").set(changes).where("id", "=", id).execute();
      if (changes.body_json !== undefined) {
        const row = await db
          .selectFrom("portal_localizations")
          .select("item_id")
          .where("id", "=", id)
          .executeTakeFirst();
        if (row) await setMediaRefs(db, row.item_id, id, changes.body_json);
      }
    },

    /** The item that holds a slug in a language, as a current slug or as a redirect. */
    async slugHolder(db: DbOrTrx, lang: string, slug: string): Promise<string | undefined> {
      const current = await db
        .selectFrom("portal_localizations")
        .select("item_id")
        .where("lang", "=", lang)
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (current) return current.item_id;
      const redirect = await db
        .selectFrom("portal_slug_redirects")
        .select("item_id")
        .where("lang", "=", lang)
        .where("slug", "=", slug)
        .executeTakeFirst();
      return redirect?.item_id;
    },

    async insertRedirect(
      db: DbOrTrx,
      row: { lang: string; slug: string; item_id: string; created_at: string },
    ) {
      await db
        .insertInto("portal_slug_redirects")
        .values(row)
        .onConflict((oc) => oc.columns(["lang", "slug"]).doNothing())
        .execute();
    },

    /** An item taking back one of its own old slugs no longer redirects from it. */
    async deleteRedirect(db: DbOrTrx, lang: string, slug: string) {
      await db
        .deleteFrom("portal_slug_redirects")
        .where("lang", "=", lang)
        .where("slug", "=", slug)
        .execute();
    },

    // --- revisions -------------------------------------------------------------------------------

    async insertRevision(db: DbOrTrx, row: PortalRevisionTable) {
      await db.insertInto("portal_revisions").values(row).execute();
    },

    async listRevisions(db: DbOrTrx, localizationId: string): Promise<PortalRevisionTable[]> {
      return db
        .selectFrom("portal_revisions")
        .selectAll()
        .where("localization_id", "=", localizationId)
        .orderBy("revision", "desc")
        .execute();
    },

    async findRevision(db: DbOrTrx, localizationId: string, revision: number) {
      return db
        .selectFrom("portal_revisions")
        .selectAll()
        .where("localization_id", "=", localizationId)
        .where("revision", "=", revision)
        .executeTakeFirst();
    },

    // --- lists -----------------------------------------------------------------------------------

    async listRows(db: DbOrTrx, filter: ItemListFilter): Promise<{ rows: ItemListRow[]; total: number }> {
      const [rows, count] = await Promise.all([
        listQuery(db, filter)
          .select([
            "i.id",
            "i.kind",
            "i.product_type",
            "i.source_revision",
            "i.fallback_languages",
            "i.updated_at",
            "s.title as source_title",
            "l.title",
            "l.slug",
            "l.state",
            "l.source_revision as loc_source_revision",
          ])
          .orderBy("i.updated_at", "desc")
          .orderBy("i.id")
          .limit(filter.limit)
          .offset(filter.offset)
          .execute(),
        listQuery(db, filter)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    // --- views -----------------------------------------------------------------------------------

    /** Adds counted views (one row per item, language, day and referring site). */
    async addViews(db: DbOrTrx, rows: PortalViewTable[]) {
      for (const row of rows) {
        await db
          .insertInto("portal_views")
          .values(row)
          .onConflict((oc) =>
            oc
              .columns(["item_id", "lang", "day", "referrer_domain"])
              .doUpdateSet({ views: sql<number>`portal_views.views + ${row.views}` }),
          )
          .execute();
      }
    },

    async viewsOfItem(db: DbOrTrx, itemId: string): Promise<number> {
      const row = await db
        .selectFrom("portal_views")
        .select((eb) => eb.fn.sum<number>("views").as("n"))
        .where("item_id", "=", itemId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

export type PortalRepository = ReturnType<typeof createPortalRepository>;
