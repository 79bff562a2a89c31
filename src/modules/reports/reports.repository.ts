/** All SQL of report drafts. */
import type { DbOrTrx } from "../../platform/db/database.js";
import type { ReportTable } from "../follow-up/follow-up.tables.js";

/** Filters of the cross-programme list of drafts. */
export interface ReportListFilter {
  programmeId?: string | undefined;
  kind?: "semiannual" | "annual" | undefined;
  year?: number | undefined;
}

const SORT_COLUMNS = { year: "r.year", createdAt: "r.created_at", updatedAt: "r.updated_at" } as const;

export function createReportsRepository() {
  return {
    async insert(db: DbOrTrx, row: ReportTable): Promise<void> {
      await db.insertInto("reports").values(row).execute();
    },

    find(db: DbOrTrx, id: string): Promise<ReportTable | undefined> {
      return db.selectFrom("reports").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async update(db: DbOrTrx, id: string, patch: Partial<ReportTable>): Promise<void> {
      await db.updateTable("reports").set(patch).where("id", "=", id).execute();
    },

    listForProgramme(db: DbOrTrx, programmeId: string) {
      return db
        .selectFrom("reports")
        .select([
          "id",
          "programme_id",
          "kind",
          "year",
          "format",
          "cutoff_from",
          "cutoff_to",
          "status",
          "created_at",
          "updated_at",
        ])
        .where("programme_id", "=", programmeId)
        .orderBy("created_at", "desc")
        .execute();
    },

    /** One page of drafts of all programmes with their programme's number and title, and the total. */
    async listAll(
      db: DbOrTrx,
      filter: ReportListFilter,
      page: { limit: number; offset: number },
      sort: { field: keyof typeof SORT_COLUMNS; direction: "asc" | "desc" },
    ) {
      let base = db.selectFrom("reports as r").innerJoin("programmes as p", "p.id", "r.programme_id");
      if (filter.programmeId) base = base.where("r.programme_id", "=", filter.programmeId);
      if (filter.kind) base = base.where("r.kind", "=", filter.kind);
      if (filter.year !== undefined) base = base.where("r.year", "=", filter.year);
      const [items, count] = await Promise.all([
        base
          .select([
            "r.id",
            "r.programme_id",
            "p.number as programme_number",
            "p.title as programme_title",
            "r.kind",
            "r.year",
            "r.format",
            "r.cutoff_from",
            "r.cutoff_to",
            "r.status",
            "r.created_at",
            "r.updated_at",
          ])
          .orderBy(SORT_COLUMNS[sort.field], sort.direction)
          .orderBy("r.id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        base.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
      ]);
      return { items, total: Number(count?.n ?? 0) };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
