/** All SQL of the foreign press visits register, its reporters and coverage. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../platform/db/database.js";
import { escapeLike } from "../../platform/http/pagination.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { COVERAGE_COLUMNS, type CoverageItemRow } from "../registers/register-coverage.repository.js";
import type { PressReporterTable, PressVisitTable } from "./press-visits.tables.js";

export interface PressVisitFilter {
  q?: string | undefined;
  country?: string | undefined;
  year?: number | undefined;
}

/** What lists and counts need of a reporter: nothing personal. */
export type ReporterFacts = Pick<PressReporterTable, "visit_id" | "outlet" | "country_code" | "source_id">;

/** Ids in groups small enough for one statement's parameters. */
function chunks(ids: readonly string[], size = 500): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

function filtered(db: DbOrTrx, filter: PressVisitFilter) {
  let q = db.selectFrom("press_visits as v");
  // Every word of the query, in any order ("du lich duc" finds "… du lịch quốc tế … Đức").
  for (const word of foldVietnamese(filter.q ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 8)) {
    const pattern = `%${escapeLike(word)}%`;
    q = q.where(sql<boolean>`v.folded_text like ${pattern} escape '\\'`);
  }
  if (filter.country) {
    const country = filter.country;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("press_reporters as r")
          .select("r.id")
          .whereRef("r.visit_id", "=", "v.id")
          .where("r.country_code", "=", country),
      ),
    );
  }
  if (filter.year) {
    q = q
      .where("v.start_date", ">=", `${filter.year}-01-01`)
      .where("v.start_date", "<=", `${filter.year}-12-31`);
  }
  return q;
}

export function createPressVisitsRepository() {
  return {
    async insert(db: DbOrTrx, row: PressVisitTable) {
      await db.insertInto("press_visits").values(row).execute();
    },

    async update(db: DbOrTrx, id: string, changes: Partial<PressVisitTable>) {
      await db.updateTable("press_visits").set(changes).where("id", "=", id).execute();
    },

    async delete(db: DbOrTrx, id: string) {
      await db.deleteFrom("press_visit_coverage").where("visit_id", "=", id).execute();
      await db.deleteFrom("press_reporters").where("visit_id", "=", id).execute();
      await db.deleteFrom("press_visits").where("id", "=", id).execute();
    },

    async find(db: DbOrTrx, id: string): Promise<PressVisitTable | undefined> {
      return db.selectFrom("press_visits").selectAll().where("id", "=", id).executeTakeFirst();
    },

    async reporters(db: DbOrTrx, visitId: string): Promise<PressReporterTable[]> {
      return db
        .selectFrom("press_reporters")
        .selectAll()
        .where("visit_id", "=", visitId)
        .orderBy("position")
        .execute();
    },

    async replaceReporters(db: DbOrTrx, visitId: string, rows: PressReporterTable[]) {
      await db.deleteFrom("press_reporters").where("visit_id", "=", visitId).execute();
      if (rows.length > 0) await db.insertInto("press_reporters").values(rows).execute();
    },

    /** Outlets and countries of the reporters of some visits (no personal data). */
    async reporterFacts(db: DbOrTrx, visitIds: readonly string[]): Promise<ReporterFacts[]> {
      const out: ReporterFacts[] = [];
      for (const ids of chunks(visitIds)) {
        const rows = await db
          .selectFrom("press_reporters")
          .select(["visit_id", "outlet", "country_code", "source_id"])
          .where("visit_id", "in", ids)
          .orderBy("visit_id")
          .orderBy("position")
          .execute();
        out.push(...rows);
      }
      return out;
    },

    async confirmedCounts(db: DbOrTrx, visitIds: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (const ids of chunks(visitIds)) {
        const rows = await db
          .selectFrom("press_visit_coverage")
          .select(["visit_id", (eb) => eb.fn.countAll().as("n")])
          .where("visit_id", "in", ids)
          .where("decision", "=", "confirmed")
          .groupBy("visit_id")
          .execute();
        for (const r of rows) out.set(r.visit_id, Number(r.n));
      }
      return out;
    },

    async list(
      db: DbOrTrx,
      filter: PressVisitFilter,
      page: { limit: number; offset: number },
    ): Promise<{ rows: PressVisitTable[]; total: number }> {
      const [rows, count] = await Promise.all([
        filtered(db, filter)
          .selectAll("v")
          .orderBy("v.start_date", "desc")
          .orderBy("v.id")
          .limit(page.limit)
          .offset(page.offset)
          .execute(),
        filtered(db, filter)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },

    async all(db: DbOrTrx, filter: PressVisitFilter): Promise<PressVisitTable[]> {
      return filtered(db, filter).selectAll("v").orderBy("v.start_date", "desc").orderBy("v.id").execute();
    },

    /** Visits that started in [from, to]. */
    async startingBetween(db: DbOrTrx, from: string, to: string): Promise<PressVisitTable[]> {
      return db
        .selectFrom("press_visits")
        .selectAll()
        .where("start_date", ">=", from)
        .where("start_date", "<=", to)
        .orderBy("start_date")
        .execute();
    },

    async byIds(db: DbOrTrx, ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom("press_visits")
        .select(["id", "group_name", "start_date"])
        .where("id", "in", [...ids])
        .execute();
    },

    async search(db: DbOrTrx, query: string, limit: number) {
      return filtered(db, { q: query })
        .select(["v.id", "v.group_name", "v.start_date"])
        .orderBy("v.start_date", "desc")
        .limit(limit)
        .execute();
    },

    /** Anonymous facts of the visits that started in [from, to]: reporters, outlets, countries, articles. */
    async periodFacts(db: DbOrTrx, from: string, to: string) {
      const reportersInPeriod = () =>
        db.selectFrom("press_reporters as r").innerJoin("press_visits as v", "v.id", "r.visit_id");
      const inPeriod = (q: ReturnType<typeof reportersInPeriod>) =>
        q.where("v.start_date", ">=", from).where("v.start_date", "<=", to);
      const [groups, people, outlets, countries, articles] = await Promise.all([
        db
          .selectFrom("press_visits as v")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("v.start_date", ">=", from)
          .where("v.start_date", "<=", to)
          .executeTakeFirstOrThrow(),
        inPeriod(reportersInPeriod())
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow(),
        inPeriod(reportersInPeriod()).select("r.outlet").distinct().execute(),
        inPeriod(reportersInPeriod()).select("r.country_code").distinct().execute(),
        db
          .selectFrom("press_visit_coverage as c")
          .innerJoin("press_visits as v", "v.id", "c.visit_id")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("c.decision", "=", "confirmed")
          .where("v.start_date", ">=", from)
          .where("v.start_date", "<=", to)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        groups: Number(groups.n),
        people: Number(people.n),
        outlets: new Set(outlets.map((o) => foldVietnamese(o.outlet))).size,
        countries: countries.length,
        articles: Number(articles.n),
      };
    },

    // --- personal data ----------------------------------------------------------------------------

    /** Visits whose personal data is still kept and whose end is on or before `lastEndDate`. */
    async dueForErasure(db: DbOrTrx, lastEndDate: string): Promise<PressVisitTable[]> {
      return db
        .selectFrom("press_visits")
        .selectAll()
        .where("end_date", "<=", lastEndDate)
        .where("personal_erased_at", "is", null)
        .orderBy("end_date")
        .execute();
    },

    /** Erases the reporters' names and roles of a visit; outlets and countries stay for the counts. */
    async erasePersonal(db: DbOrTrx, visitId: string, at: string) {
      await db
        .updateTable("press_reporters")
        .set({ name: null, role: null })
        .where("visit_id", "=", visitId)
        .execute();
      await db
        .updateTable("press_visits")
        .set({ personal_erased_at: at })
        .where("id", "=", visitId)
        .execute();
    },

    // --- monitoring -------------------------------------------------------------------------------

    async sources(db: DbOrTrx): Promise<{ id: string; name: string }[]> {
      return db.selectFrom("monitoring_sources").select(["id", "name"]).execute();
    },

    async missingSources(db: DbOrTrx, ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const found = await db
        .selectFrom("monitoring_sources")
        .select("id")
        .where("id", "in", [...ids])
        .execute();
      const have = new Set(found.map((s) => s.id));
      return ids.filter((id) => !have.has(id));
    },

    /** Items of the given outlets that mention the city, published in [from, to] and not yet decided. */
    async proposals(
      db: DbOrTrx,
      visitId: string,
      sourceIds: readonly string[],
      range: { from: string; to: string },
    ): Promise<CoverageItemRow[]> {
      if (sourceIds.length === 0) return [];
      return db
        .selectFrom("monitoring_items as mi")
        .innerJoin("monitoring_sources as ms", "ms.id", "mi.source_id")
        .leftJoin("press_visit_coverage as c", (join) =>
          join.onRef("c.item_id", "=", "mi.id").on("c.visit_id", "=", visitId),
        )
        .select([...COVERAGE_COLUMNS])
        .where("mi.source_id", "in", [...sourceIds])
        .where("mi.mentions_city", "=", 1)
        .where("mi.published_day", ">=", range.from)
        .where("mi.published_day", "<=", range.to)
        .where("c.id", "is", null)
        .orderBy("mi.published_day")
        .limit(200)
        .execute();
    },
  };
}

export type PressVisitsRepository = ReturnType<typeof createPressVisitsRepository>;
