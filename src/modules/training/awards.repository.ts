/** All SQL of entries to the national external-information award. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { AwardEntryTable } from "./training.tables.js";

export interface AwardFilter {
  q?: string | undefined;
  year?: number | undefined;
  category?: string | undefined;
  result?: string | undefined;
}

/** Title and authors, folded: the text `q` searches. */
export const foldAwardText = (a: { title: string; authors: string }) =>
  foldVietnamese(`${a.title} ${a.authors}`);

function listQuery(db: DbOrTrx, filter: AwardFilter) {
  let q = db.selectFrom("award_entries").selectAll();
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`folded_text like ${pattern} escape '\\'`);
  }
  if (filter.year !== undefined) q = q.where("year", "=", filter.year);
  if (filter.category) q = q.where("category", "=", filter.category);
  if (filter.result) q = q.where("result", "=", filter.result);
  return q;
}

export function createAwardsRepository() {
  return {
    async insert(db: DbOrTrx, row: AwardEntryTable) {
      await db.insertInto("award_entries").values(row).execute();
    },
    async update(db: DbOrTrx, id: string, changes: Partial<AwardEntryTable>) {
      await db.updateTable("award_entries").set(changes).where("id", "=", id).execute();
    },
    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("award_entries").where("id", "=", id).execute();
    },
    find(db: DbOrTrx, id: string): Promise<AwardEntryTable | undefined> {
      return db.selectFrom("award_entries").selectAll().where("id", "=", id).executeTakeFirst();
    },
    async page(db: DbOrTrx, filter: AwardFilter, limit: number, offset: number) {
      const rows = await listQuery(db, filter)
        .orderBy("year", "desc")
        .orderBy("title")
        .limit(limit)
        .offset(offset)
        .execute();
      const total = await listQuery(db, filter)
        .clearSelect()
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return { rows, total: Number(total.n) };
    },
    all(db: DbOrTrx, filter: AwardFilter): Promise<AwardEntryTable[]> {
      return listQuery(db, filter).orderBy("year").orderBy("title").execute();
    },
    byIds(db: DbOrTrx, ids: readonly string[]): Promise<AwardEntryTable[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("award_entries")
        .selectAll()
        .where("id", "in", [...ids])
        .execute();
    },
    /** Entries of a period: submitted within it, or (without a date) of a year it touches. */
    inPeriod(db: DbOrTrx, from: string, to: string): Promise<AwardEntryTable[]> {
      return db
        .selectFrom("award_entries")
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb("submitted_on", ">=", from), eb("submitted_on", "<=", to)]),
            eb.and([
              eb("submitted_on", "is", null),
              eb("year", ">=", Number(from.slice(0, 4))),
              eb("year", "<=", Number(to.slice(0, 4))),
            ]),
          ]),
        )
        .orderBy("year")
        .orderBy("title")
        .execute();
    },
  };
}

export type AwardsRepository = ReturnType<typeof createAwardsRepository>;
