/** All SQL of the budget proposals register. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import type { BudgetItemDocumentTable, BudgetItemTable } from "./budget.tables.js";

export type BudgetItemRow = BudgetItemTable & { unit_name: string | null };
export type BudgetDocumentRow = BudgetItemDocumentTable & {
  media_type: string;
  size: number;
  storage_path: string;
};

export interface BudgetFilter {
  q?: string | undefined;
  year?: number | undefined;
  status?: string | undefined;
  /** Proposal date (or, without one, creation day) within [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
}

export const BUDGET_SORTS = {
  title: "b.title",
  year: "b.year",
  proposedAmount: "b.proposed_amount",
  updatedAt: "b.updated_at",
} as const;
export type BudgetSort = keyof typeof BUDGET_SORTS;

/** Folded title and description, the text that `q` searches. */
export const foldBudgetText = (title: string, description: string | null | undefined) =>
  foldVietnamese(`${title} ${description ?? ""}`);

/** The day an item counts on in a report: its proposal date, else the day it was entered. */
const dayOf = sql<string>`coalesce(b.proposed_on, substr(b.created_at, 1, 10))`;

function filtered(db: DbOrTrx, filter: BudgetFilter) {
  let q = db.selectFrom("budget_items as b");
  if (filter.q) {
    const pattern = `%${escapeLike(foldVietnamese(filter.q))}%`;
    q = q.where(sql<boolean>`b.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.year !== undefined) q = q.where("b.year", "=", filter.year);
  if (filter.status) q = q.where("b.status", "=", filter.status);
  if (filter.from) q = q.where(dayOf, ">=", filter.from);
  if (filter.to) q = q.where(dayOf, "<=", filter.to);
  return q;
}

const withUnit = (db: DbOrTrx, filter: BudgetFilter) =>
  filtered(db, filter)
    .leftJoin("units as u", "u.id", "b.unit_id")
    .selectAll("b")
    .select("u.name as unit_name");

const sums = {
  count: sql<number>`count(*)`,
  proposed: sql<number>`cast(coalesce(sum(b.proposed_amount), 0) as bigint)`,
  approved: sql<number>`cast(coalesce(sum(b.approved_amount), 0) as bigint)`,
  disbursed: sql<number>`cast(coalesce(sum(b.disbursed_amount), 0) as bigint)`,
};

export interface TotalsRow {
  count: number;
  proposed: number;
  approved: number;
  disbursed: number;
}

const toTotals = (r: {
  count: unknown;
  proposed: unknown;
  approved: unknown;
  disbursed: unknown;
}): TotalsRow => ({
  count: Number(r.count),
  proposed: Number(r.proposed),
  approved: Number(r.approved),
  disbursed: Number(r.disbursed),
});

export function createBudgetRepository() {
  return {
    async insert(db: DbOrTrx, row: BudgetItemTable) {
      await db.insertInto("budget_items").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, changes: Partial<BudgetItemTable>) {
      await db.updateTable("budget_items").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("budget_item_documents").where("budget_item_id", "=", id).execute();
      await db
        .deleteFrom("task_record_links")
        .where("record_kind", "=", "budget_item")
        .where("record_id", "=", id)
        .execute();
      await db.deleteFrom("budget_items").where("id", "=", id).execute();
    },

    find(db: DbOrTrx, id: string): Promise<BudgetItemRow | undefined> {
      return withUnit(db, {}).where("b.id", "=", id).executeTakeFirst();
    },

    findMany(db: DbOrTrx, ids: readonly string[]): Promise<BudgetItemRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return withUnit(db, {})
        .where("b.id", "in", [...ids])
        .execute();
    },

    async list(
      db: DbOrTrx,
      filter: BudgetFilter,
      page: { limit: number; offset: number; sort: BudgetSort; direction: "asc" | "desc" },
    ): Promise<{ rows: BudgetItemRow[]; total: number }> {
      const [rows, count] = await Promise.all([
        withUnit(db, filter)
          .orderBy(BUDGET_SORTS[page.sort], page.direction)
          .orderBy("b.id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        filtered(db, filter).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    /** Every matching item (exports, report annex), oldest proposal first. */
    all(db: DbOrTrx, filter: BudgetFilter): Promise<BudgetItemRow[]> {
      return withUnit(db, filter).orderBy("b.year").orderBy(dayOf).orderBy("b.title").execute();
    },

    async totals(db: DbOrTrx, filter: BudgetFilter): Promise<TotalsRow> {
      const r = await filtered(db, filter)
        .select([
          sums.count.as("count"),
          sums.proposed.as("proposed"),
          sums.approved.as("approved"),
          sums.disbursed.as("disbursed"),
        ])
        .executeTakeFirstOrThrow();
      return toTotals(r);
    },

    async totalsByStatus(db: DbOrTrx, filter: BudgetFilter): Promise<(TotalsRow & { status: string })[]> {
      const rows = await filtered(db, filter)
        .select([
          "b.status",
          sums.count.as("count"),
          sums.proposed.as("proposed"),
          sums.approved.as("approved"),
          sums.disbursed.as("disbursed"),
        ])
        .groupBy("b.status")
        .execute();
      return rows.map((r) => ({ status: r.status, ...toTotals(r) }));
    },

    /** Totals of the items linked to each task (through the registers' task links). */
    async totalsByTask(
      db: DbOrTrx,
      filter: BudgetFilter,
    ): Promise<(TotalsRow & { task_id: string; ref: string; text: string })[]> {
      const rows = await filtered(db, filter)
        .innerJoin("task_record_links as l", (j) =>
          j.onRef("l.record_id", "=", "b.id").on("l.record_kind", "=", "budget_item"),
        )
        .innerJoin("tasks as t", "t.id", "l.task_id")
        .select([
          "t.id as task_id",
          "t.ref",
          "t.text",
          "t.position",
          sums.count.as("count"),
          sums.proposed.as("proposed"),
          sums.approved.as("approved"),
          sums.disbursed.as("disbursed"),
        ])
        .groupBy(["t.id", "t.ref", "t.text", "t.position"])
        .orderBy("t.position")
        .execute();
      return rows.map((r) => ({ task_id: r.task_id, ref: r.ref, text: r.text, ...toTotals(r) }));
    },

    unitNames: (db: DbOrTrx) => db.selectFrom("units").select(["id", "name"]).execute(),

    unitExists: async (db: DbOrTrx, unitId: string) =>
      Boolean(await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst()),

    // --- documents ------------------------------------------------------------------------------

    async insertDocument(db: DbOrTrx, row: BudgetItemDocumentTable) {
      await db.insertInto("budget_item_documents").values(row).execute();
    },

    async deleteDocument(db: DbOrTrx, id: string) {
      await db.deleteFrom("budget_item_documents").where("id", "=", id).execute();
    },

    documents(db: DbOrTrx, itemId: string): Promise<BudgetDocumentRow[]> {
      return db
        .selectFrom("budget_item_documents as d")
        .innerJoin("stored_files as f", "f.id", "d.file_id")
        .selectAll("d")
        .select(["f.media_type", "f.size", "f.storage_path"])
        .where("d.budget_item_id", "=", itemId)
        .orderBy("d.created_at")
        .execute();
    },

    document(db: DbOrTrx, itemId: string, documentId: string): Promise<BudgetDocumentRow | undefined> {
      return db
        .selectFrom("budget_item_documents as d")
        .innerJoin("stored_files as f", "f.id", "d.file_id")
        .selectAll("d")
        .select(["f.media_type", "f.size", "f.storage_path"])
        .where("d.budget_item_id", "=", itemId)
        .where("d.id", "=", documentId)
        .executeTakeFirst();
    },
  };
}

export type BudgetRepository = ReturnType<typeof createBudgetRepository>;
