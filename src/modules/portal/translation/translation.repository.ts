/** All SQL of the portal's glossary and translation memory. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { escapeLike } from "../../../platform/http/pagination.js";
import type { PortalGlossaryTable, PortalTranslationMemoryTable } from "./translation.tables.js";

export function createTranslationRepository() {
  return {
    glossary(db: DbOrTrx, lang: string | undefined, q: string | undefined) {
      let query = db.selectFrom("portal_glossary").selectAll();
      if (lang) query = query.where("lang", "=", lang);
      if (q) {
        const pattern = `%${escapeLike(q.normalize("NFC").toLocaleLowerCase("vi"))}%`;
        query = query.where((eb) =>
          eb.or([
            eb("source_key", "like", sql<string>`${pattern} escape '\\'`),
            eb(sql<string>`lower(target_term)`, "like", sql<string>`${pattern} escape '\\'`),
          ]),
        );
      }
      return query.orderBy("lang").orderBy("source_key").limit(1000).execute();
    },

    findTerm(db: DbOrTrx, id: string) {
      return db.selectFrom("portal_glossary").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findTermByKey(db: DbOrTrx, lang: string, sourceKey: string) {
      return db
        .selectFrom("portal_glossary")
        .selectAll()
        .where("lang", "=", lang)
        .where("source_key", "=", sourceKey)
        .executeTakeFirst();
    },

    insertTerm(db: DbOrTrx, row: PortalGlossaryTable) {
      return db.insertInto("portal_glossary").values(row).execute();
    },

    updateTerm(db: DbOrTrx, id: string, changes: Partial<PortalGlossaryTable>) {
      return db.updateTable("portal_glossary").set(changes).where("id", "=", id).execute();
    },

    deleteTerm(db: DbOrTrx, id: string) {
      return db.deleteFrom("portal_glossary").where("id", "=", id).execute();
    },

    /** Adds a pair unless the same source already has the same translation. */
    async remember(db: DbOrTrx, row: PortalTranslationMemoryTable) {
      const exists = await db
        .selectFrom("portal_translation_memory")
        .select("id")
        .where("lang", "=", row.lang)
        .where("source_key", "=", row.source_key)
        .where("target_text", "=", row.target_text)
        .executeTakeFirst();
      if (!exists) await db.insertInto("portal_translation_memory").values(row).execute();
    },

    /** Pairs whose source has a length within [min, max] words, newest first, bounded. */
    candidates(db: DbOrTrx, lang: string, minWords: number, maxWords: number, limit: number) {
      return db
        .selectFrom("portal_translation_memory")
        .select(["id", "source_text", "target_text", "source_key"])
        .where("lang", "=", lang)
        .where("word_count", ">=", minWords)
        .where("word_count", "<=", maxWords)
        .orderBy("created_at", "desc")
        .limit(limit)
        .execute();
    },

    exact(db: DbOrTrx, lang: string, key: string) {
      return db
        .selectFrom("portal_translation_memory")
        .select(["id", "source_text", "target_text", "source_key"])
        .where("lang", "=", lang)
        .where("source_key", "=", key)
        .orderBy("created_at", "desc")
        .limit(3)
        .execute();
    },

    /** The Vietnamese text as it stood at a source revision (its last save at that revision). */
    sourceAt(db: DbOrTrx, itemId: string, sourceRevision: number) {
      return db
        .selectFrom("portal_revisions as r")
        .innerJoin("portal_localizations as l", "l.id", "r.localization_id")
        .select(["r.title", "r.summary", "r.body_json", "r.seo_title", "r.seo_description"])
        .where("l.item_id", "=", itemId)
        .where("l.lang", "=", "vi")
        .where("r.source_revision", "=", sourceRevision)
        .orderBy("r.revision", "desc")
        .executeTakeFirst();
    },
  };
}

export type TranslationRepository = ReturnType<typeof createTranslationRepository>;
