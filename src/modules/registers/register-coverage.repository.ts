/**
 * Coverage of a register entry: monitoring items the secretariat confirmed or rejected as coverage of a
 * delegation or of a foreign press visit. Both registers keep their decisions in a table of one shape
 * (`delegation_coverage` keyed by `delegation_id`, `press_visit_coverage` by `visit_id`); this reads
 * and writes either. Each register finds its own proposals (by partner terms, by outlets).
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";

/** A monitoring item with its outlet's name, as proposed or decided coverage. */
export interface CoverageItemRow {
  id: string;
  title: string;
  url: string | null;
  source_name: string;
  published_day: string;
  decision: string | null;
  decided_at: string | null;
}

/** The columns of a `CoverageItemRow`, from `monitoring_items as mi`, `monitoring_sources as ms` and the coverage table `as c`. */
export const COVERAGE_COLUMNS = [
  "mi.id",
  "mi.title",
  "mi.url",
  "ms.name as source_name",
  "mi.published_day",
  "c.decision",
  "c.decided_at",
] as const;

/** A decision to store: the entry it is about, the item, confirmed or rejected, by whom and when. */
export interface CoverageDecision {
  id: string;
  entryId: string;
  itemId: string;
  decision: "confirmed" | "rejected";
  decidedBy: string | null;
  decidedAt: string;
}

export type CoverageTableSpec =
  | { table: "delegation_coverage"; entryColumn: "delegation_id" }
  | { table: "press_visit_coverage"; entryColumn: "visit_id" };

export function createCoverageRepository(spec: CoverageTableSpec) {
  const table = sql.table(spec.table);
  const entry = sql.ref(spec.entryColumn);
  return {
    /** Items decided for the entry (confirmed or rejected), oldest publication first. */
    async decided(db: DbOrTrx, entryId: string): Promise<CoverageItemRow[]> {
      const { rows } = await sql<CoverageItemRow>`
        select mi.id, mi.title, mi.url, ms.name as source_name, mi.published_day, c.decision, c.decided_at
        from ${table} as c
        inner join monitoring_items as mi on mi.id = c.item_id
        inner join monitoring_sources as ms on ms.id = mi.source_id
        where ${sql.ref(`c.${spec.entryColumn}`)} = ${entryId}
        order by mi.published_day`.execute(db);
      return rows;
    },

    async itemExists(db: DbOrTrx, itemId: string): Promise<boolean> {
      return Boolean(
        await db.selectFrom("monitoring_items").select("id").where("id", "=", itemId).executeTakeFirst(),
      );
    },

    async findDecision(
      db: DbOrTrx,
      entryId: string,
      itemId: string,
    ): Promise<{ id: string; decision: string } | undefined> {
      const { rows } = await sql<{ id: string; decision: string }>`
        select id, decision from ${table} where ${entry} = ${entryId} and item_id = ${itemId}`.execute(db);
      return rows[0];
    },

    /** Stores the decision, replacing an earlier one about the same item. */
    async saveDecision(db: DbOrTrx, d: CoverageDecision): Promise<void> {
      await sql`
        insert into ${table} (id, ${entry}, item_id, decision, decided_by, decided_at)
        values (${d.id}, ${d.entryId}, ${d.itemId}, ${d.decision}, ${d.decidedBy}, ${d.decidedAt})
        on conflict (${entry}, item_id) do update set
          decision = excluded.decision, decided_by = excluded.decided_by, decided_at = excluded.decided_at`.execute(
        db,
      );
    },
  };
}

export type CoverageRepository = ReturnType<typeof createCoverageRepository>;
