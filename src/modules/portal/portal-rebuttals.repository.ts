/** All SQL of rebuttal links: portal items answering response cases (portal_item_cases). */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { PortalItemCaseTable } from "./portal.tables.js";

export function createRebuttalsRepository() {
  return {
    findLink(db: DbOrTrx, itemId: string) {
      return db.selectFrom("portal_item_cases").selectAll().where("item_id", "=", itemId).executeTakeFirst();
    },
    insertLink(db: DbOrTrx, row: PortalItemCaseTable) {
      return db.insertInto("portal_item_cases").values(row).execute();
    },
    async deleteLink(db: DbOrTrx, itemId: string, caseId: string): Promise<boolean> {
      const r = await db
        .deleteFrom("portal_item_cases")
        .where("item_id", "=", itemId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    /** The case's linked items with their Vietnamese title, oldest link first. */
    linksOfCase(db: DbOrTrx, caseId: string) {
      return db
        .selectFrom("portal_item_cases as l")
        .innerJoin("portal_items as i", "i.id", "l.item_id")
        .leftJoin("portal_localizations as src", (j) =>
          j.onRef("src.item_id", "=", "i.id").on("src.lang", "=", "vi"),
        )
        .where("l.case_id", "=", caseId)
        .select(["l.item_id", "l.linked_at", "l.linked_by", "i.kind", "src.title as source_title"])
        .orderBy("l.linked_at")
        .execute();
    },
    /** Every language of the items with its views (all days, all referrers). */
    languagesOf(db: DbOrTrx, itemIds: readonly string[]) {
      if (itemIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("portal_localizations as loc")
        .leftJoin(
          (eb) =>
            eb
              .selectFrom("portal_views")
              .where("item_id", "in", itemIds)
              .select(["item_id", "lang"])
              .select((v) => v.fn.sum<number | string>("views").as("n"))
              .groupBy(["item_id", "lang"])
              .as("v"),
          (j) => j.onRef("v.item_id", "=", "loc.item_id").onRef("v.lang", "=", "loc.lang"),
        )
        .where("loc.item_id", "in", itemIds)
        .select(["loc.item_id", "loc.lang", "loc.title", "loc.state", "loc.slug", "v.n"])
        .execute();
    },
    /** The case an item is linked to, with what its page shows. */
    caseOfItem(db: DbOrTrx, itemId: string) {
      return db
        .selectFrom("portal_item_cases as l")
        .innerJoin("monitoring_cases as c", "c.id", "l.case_id")
        .where("l.item_id", "=", itemId)
        .select(["c.id", "c.title", "c.state", "c.assessment", "l.linked_at"])
        .executeTakeFirst();
    },
  };
}

export type RebuttalsRepository = ReturnType<typeof createRebuttalsRepository>;
