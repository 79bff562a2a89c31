/** SQL of the portal as a register: items by id, search, and what a report period counts. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { hoChiMinhDayStart } from "../follow-up/calendar/calendar.clock.js";
import { addDays } from "../follow-up/calendar/calendar.dates.js";

export interface PortalEntryRow {
  id: string;
  kind: string;
  product_type: string | null;
  title: string;
  first_published_at: string | null;
}

function entries(db: DbOrTrx) {
  return db
    .selectFrom("portal_items as i")
    .innerJoin("portal_localizations as s", (j) => j.onRef("s.item_id", "=", "i.id").on("s.lang", "=", "vi"))
    .select(["i.id", "i.kind", "i.product_type", "s.title", "s.first_published_at"]);
}

export function createPortalFiguresRepository() {
  return {
    async byIds(db: DbOrTrx, ids: readonly string[]): Promise<PortalEntryRow[]> {
      if (ids.length === 0) return [];
      return entries(db)
        .where("i.id", "in", [...ids])
        .execute();
    },

    async search(db: DbOrTrx, query: string, limit: number): Promise<PortalEntryRow[]> {
      let q = entries(db);
      const folded = foldVietnamese(query);
      if (folded) q = q.where(sql<boolean>`s.search_text like ${`%${escapeLike(folded)}%`} escape '\\'`);
      return q.orderBy("i.updated_at", "desc").limit(limit).execute();
    },

    /** Texts first published in [from, to] (days in Viet Nam), one row per item and language. */
    async publishedIn(db: DbOrTrx, from: string, to: string) {
      return (
        db
          .selectFrom("portal_localizations as l")
          .innerJoin("portal_items as i", "i.id", "l.item_id")
          .innerJoin("portal_localizations as s", (j) =>
            j.onRef("s.item_id", "=", "i.id").on("s.lang", "=", "vi"),
          )
          .select(["i.id", "i.kind", "i.product_type", "s.title", "l.lang", "l.first_published_at"])
          // Timestamps are stored in UTC; the period is Vietnamese days, as the views' days are.
          .where("l.first_published_at", ">=", hoChiMinhDayStart(from))
          .where("l.first_published_at", "<", hoChiMinhDayStart(addDays(to, 1)))
          .orderBy("l.first_published_at")
          .execute()
      );
    },

    /** Views per item in [from, to]. */
    async viewsIn(db: DbOrTrx, from: string, to: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom("portal_views")
        .select(["item_id", (eb) => eb.fn.sum<number>("views").as("n")])
        .where("day", ">=", from)
        .where("day", "<=", to)
        .groupBy("item_id")
        .execute();
      return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
    },
  };
}
