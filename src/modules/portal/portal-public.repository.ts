/**
 * All SQL the public portal runs: published texts by slug, lists, alternates, sitemap, redirects, the
 * content version, and the rows of its in-memory search index (`src/portal/portal-search-index.ts`).
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";

/** A published text as the public site shows it. */
export interface PublicText {
  item_id: string;
  kind: string;
  product_type: string | null;
  media_url: string | null;
  lang: string;
  title: string;
  summary: string;
  body_html: string;
  seo_title: string | null;
  seo_description: string | null;
  slug: string;
  published_at: string | null;
  first_published_at: string | null;
  updated_at: string;
}

/** A published text as the sitemap lists it. */
export interface SitemapRow {
  item_id: string;
  lang: string;
  slug: string;
  updated_at: string;
}

const TEXT_COLUMNS = [
  "l.item_id",
  "i.kind",
  "i.product_type",
  "i.media_url",
  "l.lang",
  "l.title",
  "l.summary",
  "l.body_html",
  "l.seo_title",
  "l.seo_description",
  "l.slug",
  "l.published_at",
  "l.first_published_at",
  "l.updated_at",
] as const;

const LIST_COLUMNS = [
  "l.item_id",
  "i.kind",
  "i.product_type",
  "i.media_url",
  "l.lang",
  "l.title",
  "l.summary",
  sql<string>`''`.as("body_html"),
  "l.seo_title",
  "l.seo_description",
  "l.slug",
  "l.published_at",
  "l.first_published_at",
  "l.updated_at",
] as const;

function published(db: DbOrTrx) {
  return db
    .selectFrom("portal_localizations as l")
    .innerJoin("portal_items as i", "i.id", "l.item_id")
    .where("l.state", "=", "published");
}

/** `"en"` inside the item's JSON list of fallback languages. */
const fallbackPattern = (lang: string) => `%"${lang}"%`;

export function createPortalPublicRepository() {
  return {
    async bySlug(db: DbOrTrx, lang: string, slug: string): Promise<PublicText | undefined> {
      return published(db)
        .select(TEXT_COLUMNS)
        .where("l.lang", "=", lang)
        .where("l.slug", "=", slug)
        .executeTakeFirst();
    },

    /**
     * The Vietnamese text shown in another language where the editor allowed it: its item lists the
     * language as a fallback and has no published text of its own in it.
     */
    async fallbackBySlug(db: DbOrTrx, lang: string, slug: string): Promise<PublicText | undefined> {
      return published(db)
        .select(TEXT_COLUMNS)
        .where("l.lang", "=", "vi")
        .where("l.slug", "=", slug)
        .where("i.fallback_languages", "like", fallbackPattern(lang))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("portal_localizations as o")
                .select("o.id")
                .whereRef("o.item_id", "=", "l.item_id")
                .where("o.lang", "=", lang)
                .where("o.state", "=", "published"),
            ),
          ),
        )
        .executeTakeFirst();
    },

    /** Where an old slug now points: the item's current published slug in that language. */
    async redirectTarget(db: DbOrTrx, lang: string, slug: string): Promise<string | undefined> {
      const row = await db
        .selectFrom("portal_slug_redirects as r")
        .innerJoin("portal_localizations as l", (j) =>
          j.onRef("l.item_id", "=", "r.item_id").onRef("l.lang", "=", "r.lang"),
        )
        .select("l.slug")
        .where("r.lang", "=", lang)
        .where("r.slug", "=", slug)
        .where("l.state", "=", "published")
        .executeTakeFirst();
      return row?.slug;
    },

    /** Published texts of an item, one per language (for hreflang alternates). */
    async alternates(db: DbOrTrx, itemId: string): Promise<{ lang: string; slug: string }[]> {
      return db
        .selectFrom("portal_localizations")
        .select(["lang", "slug"])
        .where("item_id", "=", itemId)
        .where("state", "=", "published")
        .execute();
    },

    /** Latest published texts of a language, then (marked by `lang = vi`) allowed fallbacks. */
    async latest(db: DbOrTrx, lang: string, limit: number): Promise<PublicText[]> {
      const own = await published(db)
        .select(LIST_COLUMNS)
        .where("l.lang", "=", lang)
        .orderBy("l.published_at", "desc")
        .orderBy("l.item_id")
        .limit(limit)
        .execute();
      if (lang === "vi") return own;
      const fallbacks = await published(db)
        .select(LIST_COLUMNS)
        .where("l.lang", "=", "vi")
        .where("i.fallback_languages", "like", fallbackPattern(lang))
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom("portal_localizations as o")
                .select("o.id")
                .whereRef("o.item_id", "=", "l.item_id")
                .where("o.lang", "=", lang)
                .where("o.state", "=", "published"),
            ),
          ),
        )
        .orderBy("l.published_at", "desc")
        .limit(limit)
        .execute();
      return [...own, ...fallbacks]
        .sort((a, b) => ((a.published_at ?? "") < (b.published_at ?? "") ? 1 : -1))
        .slice(0, limit);
    },

    /**
     * Every published text (sitemap), by item and language: only the four columns needed, read from
     * the covering index of migration 0027 without touching the rows (bodies).
     */
    async sitemapRows(db: DbOrTrx): Promise<SitemapRow[]> {
      return db
        .selectFrom("portal_localizations")
        .select(["item_id", "lang", "slug", "updated_at"])
        .where("state", "=", "published")
        .orderBy("item_id")
        .orderBy("lang")
        .execute();
    },

    /**
     * The version of everything the public site shows: the newest change to any item or text (every
     * save, transition, publication and withdrawal moves both). Two index lookups (migration 0029).
     */
    async contentVersion(db: DbOrTrx): Promise<string> {
      const [items, texts] = await Promise.all([
        db
          .selectFrom("portal_items")
          .select((eb) => eb.fn.max("updated_at").as("at"))
          .executeTakeFirst(),
        db
          .selectFrom("portal_localizations")
          .select((eb) => eb.fn.max("updated_at").as("at"))
          .executeTakeFirst(),
      ]);
      return `${(items?.at as string | null | undefined) ?? ""}|${(texts?.at as string | null | undefined) ?? ""}`;
    },

    /**
     * Texts for the search index: every published one (`since` null), or every text changed at or after
     * `since`, published or not (a withdrawn text leaves the index).
     */
    async searchRows(
      db: DbOrTrx,
      since: string | null,
    ): Promise<
      {
        id: string;
        lang: string;
        state: string;
        published_at: string | null;
        search_text: string;
        updated_at: string;
      }[]
    > {
      let q = db
        .selectFrom("portal_localizations")
        .select(["id", "lang", "state", "published_at", "search_text", "updated_at"]);
      q = since === null ? q.where("state", "=", "published") : q.where("updated_at", ">=", since);
      return q.execute();
    },

    /** Published texts by id (search results), newest first. */
    async listByIds(db: DbOrTrx, ids: string[]): Promise<PublicText[]> {
      if (ids.length === 0) return [];
      return published(db)
        .select(LIST_COLUMNS)
        .where("l.id", "in", ids)
        .orderBy("l.published_at", "desc")
        .orderBy("l.id")
        .execute();
    },

    /** The newest change to any text of the language or its source, withdrawals included (Last-Modified of lists). */
    async lastChange(db: DbOrTrx, lang: string | null): Promise<string | null> {
      let q = db.selectFrom("portal_localizations").select((eb) => eb.fn.max("updated_at").as("at"));
      if (lang) q = q.where("lang", "in", [lang, "vi"]);
      const row = await q.executeTakeFirst();
      return (row?.at as string | null | undefined) ?? null;
    },
  };
}

export type PortalPublicRepository = ReturnType<typeof createPortalPublicRepository>;
