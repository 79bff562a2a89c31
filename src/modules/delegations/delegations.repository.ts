/** All SQL of the delegations register and its coverage. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { COVERAGE_COLUMNS, type CoverageItemRow } from "../registers/register-coverage.repository.js";
import type { DelegationTable } from "./delegations.tables.js";

export type DelegationRow = DelegationTable & { unit_name: string | null };
export type DelegationListRow = Pick<
  DelegationTable,
  | "id"
  | "title"
  | "channel"
  | "direction"
  | "country_code"
  | "partner"
  | "start_date"
  | "end_date"
  | "status"
  | "members_json"
  | "head_json"
> & { coverage_count: number | string | bigint };

export interface DelegationFilter {
  q?: string | undefined;
  status?: string | undefined;
  direction?: string | undefined;
  channel?: string | undefined;
  country?: string | undefined;
  year?: number | undefined;
}

function filtered(db: DbOrTrx, filter: DelegationFilter) {
  let q = db.selectFrom("delegations as d");
  // Every word of the query, in any order ("du lich duc" finds "… du lịch quốc tế … Đức").
  for (const word of foldVietnamese(filter.q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 8)) {
    const pattern = `%${escapeLike(word)}%`;
    q = q.where(sql<boolean>`d.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.status) q = q.where("d.status", "=", filter.status);
  if (filter.direction) q = q.where("d.direction", "=", filter.direction);
  if (filter.channel) q = q.where("d.channel", "=", filter.channel);
  if (filter.country) q = q.where("d.country_code", "=", filter.country);
  if (filter.year) {
    q = q
      .where("d.start_date", ">=", `${filter.year}-01-01`)
      .where("d.start_date", "<=", `${filter.year}-12-31`);
  }
  return q;
}

export function createDelegationsRepository() {
  return {
    async insert(db: DbOrTrx, row: DelegationTable) {
      await db.insertInto("delegations").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, changes: Partial<DelegationTable>) {
      await db.updateTable("delegations").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("delegation_coverage").where("delegation_id", "=", id).execute();
      await db.deleteFrom("delegations").where("id", "=", id).execute();
    },

    async find(db: DbOrTrx, id: string): Promise<DelegationRow | undefined> {
      return db
        .selectFrom("delegations as d")
        .leftJoin("units as u", "u.id", "d.responsible_unit_id")
        .selectAll("d")
        .select("u.name as unit_name")
        .where("d.id", "=", id)
        .executeTakeFirst();
    },

    /** A page of the list, newest first, with the count of confirmed coverage. */
    async list(
      db: DbOrTrx,
      filter: DelegationFilter,
      page: { limit: number; offset: number },
    ): Promise<{ rows: DelegationListRow[]; total: number }> {
      const [rows, count] = await Promise.all([
        filtered(db, filter)
          .select([
            "d.id",
            "d.title",
            "d.channel",
            "d.direction",
            "d.country_code",
            "d.partner",
            "d.start_date",
            "d.end_date",
            "d.status",
            "d.members_json",
            "d.head_json",
          ])
          .select((eb) =>
            eb
              .selectFrom("delegation_coverage as c")
              .select((e) => e.fn.countAll().as("n"))
              .whereRef("c.delegation_id", "=", "d.id")
              .where("c.decision", "=", "confirmed")
              .as("coverage_count"),
          )
          .orderBy("d.start_date", "desc")
          .orderBy("d.id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        filtered(db, filter)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows: rows as DelegationListRow[], total: Number(count.n) };
    },

    /** Every delegation matching the filter (exports), newest first. */
    async all(db: DbOrTrx, filter: DelegationFilter): Promise<DelegationRow[]> {
      let q = filtered(db, filter)
        .leftJoin("units as u", "u.id", "d.responsible_unit_id")
        .selectAll("d")
        .select("u.name as unit_name");
      q = q.orderBy("d.start_date", "desc").orderBy("d.id");
      return q.execute();
    },

    /** Delegations whose start falls in [from, to] (report figures), not cancelled. */
    async startingBetween(db: DbOrTrx, from: string, to: string): Promise<DelegationRow[]> {
      return db
        .selectFrom("delegations as d")
        .leftJoin("units as u", "u.id", "d.responsible_unit_id")
        .selectAll("d")
        .select("u.name as unit_name")
        .where("d.start_date", ">=", from)
        .where("d.start_date", "<=", to)
        .where("d.status", "!=", "cancelled")
        .orderBy("d.start_date")
        .execute();
    },

    async byIds(db: DbOrTrx, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom("delegations")
        .select(["id", "title", "start_date"])
        .where("id", "in", [...ids])
        .execute();
    },

    /** Most recent first, matching `query` (folded) when given: the "attach to a task" picker. */
    async search(db: DbOrTrx, query: string, limit: number) {
      return filtered(db, { q: query })
        .select(["d.id", "d.title", "d.start_date"])
        .orderBy("d.start_date", "desc")
        .limit(limit)
        .execute();
    },

    async unitExists(db: DbOrTrx, unitId: string): Promise<boolean> {
      return Boolean(await db.selectFrom("units").select("id").where("id", "=", unitId).executeTakeFirst());
    },

    async missingPeople(db: DbOrTrx, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const found = await db
        .selectFrom("people")
        .select("id")
        .where("id", "in", [...ids])
        .execute();
      const have = new Set(found.map((p) => p.id));
      return ids.filter((id) => !have.has(id));
    },

    async personUnit(db: DbOrTrx, personId: string): Promise<string | null> {
      const row = await db
        .selectFrom("people")
        .select("unit_id")
        .where("id", "=", personId)
        .executeTakeFirst();
      return row?.unit_id ?? null;
    },

    // --- coverage -------------------------------------------------------------------------------

    /**
     * Monitoring items of [from, to] whose folded text contains one of `terms`, not yet decided for the
     * delegation: the proposals the secretariat confirms or rejects.
     */
    async proposals(
      db: DbOrTrx,
      delegationId: string,
      range: { from: string; to: string },
      terms: readonly string[],
    ): Promise<CoverageItemRow[]> {
      if (terms.length === 0) return [];
      return db
        .selectFrom("monitoring_items as mi")
        .innerJoin("monitoring_sources as ms", "ms.id", "mi.source_id")
        .leftJoin("delegation_coverage as c", (join) =>
          join.onRef("c.item_id", "=", "mi.id").on("c.delegation_id", "=", delegationId),
        )
        .select([...COVERAGE_COLUMNS])
        .where("mi.published_day", ">=", range.from)
        .where("mi.published_day", "<=", range.to)
        .where("c.id", "is", null)
        .where((eb) =>
          eb.or(terms.map((t) => sql<boolean>`mi.folded_text like ${`%${escapeLike(t)}%`} escape '\\'`)),
        )
        .orderBy("mi.published_day")
        .limit(100)
        .execute();
    },

    /** Confirmed coverage of delegations starting in [from, to]. */
    async confirmedCountBetween(db: DbOrTrx, from: string, to: string): Promise<number> {
      const row = await db
        .selectFrom("delegation_coverage as c")
        .innerJoin("delegations as d", "d.id", "c.delegation_id")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("c.decision", "=", "confirmed")
        .where("d.start_date", ">=", from)
        .where("d.start_date", "<=", to)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export type DelegationsRepository = ReturnType<typeof createDelegationsRepository>;
