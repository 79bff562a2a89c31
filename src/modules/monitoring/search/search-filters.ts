/** SQL fragments of search filters over `monitoring_items as i`, shared by both index implementations. */
import { type RawBuilder, sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { escapeLike } from "../../../platform/http/pagination.js";
import { COUNT_CAP, type SearchFilters, type SearchHits, type SearchPage } from "./search-index.js";

const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));

/** One fragment per filter; all values are bound parameters. */
export function filterFragments(filters: SearchFilters): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (filters.lang?.length) parts.push(sql`i.language in (${list(filters.lang)})`);
  if (filters.country?.length) parts.push(sql`i.country in (${list(filters.country)})`);
  if (filters.tone?.length) parts.push(sql`i.tone in (${list(filters.tone)})`);
  if (filters.outletType?.length) parts.push(sql`i.outlet_type in (${list(filters.outletType)})`);
  if (filters.source?.length) {
    const lowered = filters.source.map((s) => s.toLowerCase());
    parts.push(
      sql`i.source_id in (select s.id from monitoring_sources s where s.id in (${list(filters.source)}) or lower(s.name) in (${list(lowered)}))`,
    );
  }
  if (filters.topic?.length)
    parts.push(
      sql`exists (select 1 from monitoring_item_topics t where t.item_id = i.id and t.topic in (${list(filters.topic)}))`,
    );
  if (filters.sourceId) parts.push(sql`i.source_id = ${filters.sourceId}`);
  if (filters.storyId) parts.push(sql`i.story_id = ${filters.storyId}`);
  if (filters.mentionsCity !== undefined) parts.push(sql`i.mentions_city = ${filters.mentionsCity ? 1 : 0}`);
  // Flags are stored as a JSON array of strings: match the quoted flag, LIKE wildcards escaped.
  if (filters.flag)
    parts.push(sql`i.flags_json like ${`%${escapeLike(JSON.stringify(filters.flag))}%`} escape '\\'`);
  if (filters.dateFrom) parts.push(sql`i.published_day >= ${filters.dateFrom}`);
  if (filters.dateTo) parts.push(sql`i.published_day <= ${filters.dateTo}`);
  if (filters.fetchedAfter) parts.push(sql`i.fetched_at > ${filters.fetchedAfter}`);
  if (filters.fetchedUntil) parts.push(sql`i.fetched_at <= ${filters.fetchedUntil}`);
  return parts;
}

/** `and`-joined fragments, or `1 = 1`. */
export function whereAll(parts: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return parts.length ? sql.join(parts, sql` and `) : sql`1 = 1`;
}

/**
 * One page of item ids matching `where` (alias `i`), newest published first, counted up to `COUNT_CAP`.
 * `countWhere` selects the same items for the count when a condition that only helps the ordered page
 * (a bound on `published_at`) would slow the count down.
 */
export async function pageOfMatches(
  db: DbOrTrx,
  where: RawBuilder<unknown>,
  page: SearchPage,
  countWhere: RawBuilder<unknown> = where,
): Promise<SearchHits> {
  const ids = await pageIds(db, where, page);
  const counted = await sql<{ n: number }>`select count(*) as n from
    (select 1 from monitoring_items i where ${countWhere} limit ${COUNT_CAP + 1}) as capped`.execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  return { ids, total: Math.min(n, COUNT_CAP), isTotalExact: n <= COUNT_CAP };
}

/** The ids of one page of items matching `where` (alias `i`), newest published first. */
export async function pageIds(db: DbOrTrx, where: RawBuilder<unknown>, page: SearchPage): Promise<string[]> {
  const rows = await sql<{ id: string }>`select i.id from monitoring_items i where ${where}
    order by i.published_at desc, i.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** How many items match `where` (alias `i`), uncapped (alert baselines). */
export async function countMatches(db: DbOrTrx, where: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from monitoring_items i where ${where}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
