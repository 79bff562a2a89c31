/** SQL of the portal's work queues: texts waiting for a translation, and texts waiting for a review. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";

/** One item in one language, as a queue shows it. */
export interface QueueRow {
  item_id: string;
  kind: string;
  product_type: string | null;
  source_revision: number;
  source_title: string;
  source_updated_at: string;
  title: string | null;
  state: string | null;
  loc_source_revision: number | null;
  edited_by: string | null;
  updated_at: string | null;
}

const COLUMNS = [
  "i.id as item_id",
  "i.kind",
  "i.product_type",
  "i.source_revision",
  "s.title as source_title",
  "s.updated_at as source_updated_at",
  "l.title",
  "l.state",
  "l.source_revision as loc_source_revision",
  "l.edited_by",
  "l.updated_at",
] as const;

export function createPortalQueueRepository() {
  return {
    /**
     * Texts of one language that wait for a translator: none yet, a draft or a translation in progress,
     * or a translation made from an older revision of the Vietnamese source (those first).
     */
    async toTranslate(db: DbOrTrx, lang: string, limit: number): Promise<QueueRow[]> {
      return db
        .selectFrom("portal_items as i")
        .innerJoin("portal_localizations as s", (j) =>
          j.onRef("s.item_id", "=", "i.id").on("s.lang", "=", "vi"),
        )
        .leftJoin("portal_localizations as l", (j) =>
          j.onRef("l.item_id", "=", "i.id").on("l.lang", "=", lang),
        )
        .select(COLUMNS)
        .where((eb) =>
          eb.or([
            eb("l.id", "is", null),
            eb("l.state", "in", ["draft", "translating"]),
            eb("l.source_revision", "<", eb.ref("i.source_revision")),
          ]),
        )
        .orderBy(sql`case when l.source_revision < i.source_revision then 0 else 1 end`)
        .orderBy("i.updated_at", "desc")
        .orderBy("i.id")
        .limit(limit)
        .execute();
    },

    /** Texts in review (thẩm định) in the given languages that someone other than `userId` last wrote. */
    async toReview(db: DbOrTrx, langs: readonly string[], userId: string, limit: number) {
      if (!langs.length) return [];
      return db
        .selectFrom("portal_localizations as l")
        .innerJoin("portal_items as i", "i.id", "l.item_id")
        .innerJoin("portal_localizations as s", (j) =>
          j.onRef("s.item_id", "=", "i.id").on("s.lang", "=", "vi"),
        )
        .select([...COLUMNS, "l.lang"])
        .where("l.state", "=", "review")
        .where("l.lang", "in", [...langs])
        .where((eb) => eb.or([eb("l.edited_by", "is", null), eb("l.edited_by", "<>", userId)]))
        .orderBy("l.updated_at")
        .orderBy("l.id")
        .limit(limit)
        .execute();
    },
  };
}

export type PortalQueueRepository = ReturnType<typeof createPortalQueueRepository>;
