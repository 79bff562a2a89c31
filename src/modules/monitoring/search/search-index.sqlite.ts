/**
 * SQLite implementation of the search index: a contentless FTS5 table (`monitoring_item_fts`) whose
 * folded column is indexed (the `original` column is left empty); queries run on the folded column. The AST becomes an FTS5 expression in
 * which every user word is a double-quoted string (quotes doubled), so FTS5 operators typed by the user
 * stay plain words.
 */
import { type RawBuilder, sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { foldVietnamese } from "../analysis/fold.js";
import { isNegativeOnly, type QueryNode } from "./query-parser.js";
import { countMatches, filterFragments, pageOfMatches, whereAll } from "./search-filters.js";
import { COUNT_CAP, type SearchFilters, type SearchIndex } from "./search-index.js";

/** A user's word or phrase as an FTS5 string literal (folded). Returns null for text with no tokens. */
function ftsString(text: string): string | null {
  const folded = foldVietnamese(text);
  if (!/[\p{L}\p{N}]/u.test(folded)) return null;
  return `"${folded.replace(/"/g, '""')}"`;
}

/** Compiles a node into an FTS5 expression; null when it has nothing searchable. */
export function toFtsExpression(node: QueryNode): string | null {
  switch (node.kind) {
    case "term":
    case "phrase":
      return ftsString(node.text);
    case "near": {
      const terms = node.terms.map(ftsString).filter((t): t is string => t !== null);
      if (terms.length < 2) return terms[0] ?? null;
      return `NEAR(${terms.join(" ")}, ${node.distance})`;
    }
    case "or": {
      const parts = node.children.map(toFtsExpression).filter((p): p is string => p !== null);
      return parts.length ? `(${parts.join(" OR ")})` : null;
    }
    case "and": {
      // A negative-only child compiles to what it excludes (`NOT a` → a, `-a -b` → a OR b).
      const positives = node.children
        .filter((c) => !isNegativeOnly(c))
        .map(toFtsExpression)
        .filter((p): p is string => p !== null);
      const negatives = node.children
        .filter(isNegativeOnly)
        .map(toFtsExpression)
        .filter((p): p is string => p !== null);
      if (!positives.length) return negatives.length ? `(${negatives.join(" OR ")})` : null; // caller negates
      const base = `(${positives.join(" AND ")})`;
      return negatives.length ? `(${base} NOT (${negatives.join(" OR ")}))` : base;
    }
    case "not":
      return toFtsExpression(node.child); // caller negates
  }
}

/** The `where` condition of a query: FTS match (or its negation) plus filters. */
function condition(ast: QueryNode | null, filters: SearchFilters): RawBuilder<unknown> {
  const parts = filterFragments(filters);
  if (ast) {
    const expr = toFtsExpression(ast);
    if (expr) {
      const match = `{folded} : ${expr}`;
      const inFts = sql`i.fts_rowid in (select rowid from monitoring_item_fts where monitoring_item_fts match ${match})`;
      parts.unshift(isNegativeOnly(ast) ? sql`not (${inFts})` : inFts);
    } else if (!isNegativeOnly(ast)) parts.unshift(sql`1 = 0`);
  }
  return whereAll(parts);
}

/**
 * FTS rowid bounds of a date range: the smallest and largest rowid of items published in it, so FTS5
 * skips matches outside it. Exact for any order of publication and ingestion; most useful when they
 * roughly agree, as they do for polled feeds. Read day by day from the (published_day, fts_rowid) index
 * (migration 0008): a recursive query jumps from one published day to the next and takes each day's
 * first and last rowid, a few index seeks per day instead of scanning every item of the range.
 */
async function rowidWindow(db: DbOrTrx, filters: SearchFilters): Promise<RawBuilder<unknown>[]> {
  const { dateFrom, dateTo } = filters;
  if (!dateFrom && !dateTo) return [];
  const upTo = dateTo ? sql`and days.d <= ${dateTo}` : sql``;
  const bounds = await sql<{ lo: number | null; hi: number | null }>`with recursive days(d) as (
      select min(published_day) from monitoring_items
        where ${dateFrom ? sql`published_day >= ${dateFrom}` : sql`1 = 1`}
      union all
      select (select min(published_day) from monitoring_items where published_day > days.d)
        from days where days.d is not null ${upTo})
    select
      min((select min(fts_rowid) from monitoring_items indexed by monitoring_items_day_fts_idx
        where published_day = days.d)) as lo,
      max((select max(fts_rowid) from monitoring_items indexed by monitoring_items_day_fts_idx
        where published_day = days.d)) as hi
    from days where days.d is not null ${upTo}`.execute(db);
  const { lo, hi } = bounds.rows[0] ?? { lo: null, hi: null };
  if (lo === null || hi === null) return [sql`1 = 0`]; // nothing published in the range
  return [sql`f.rowid between ${lo} and ${hi}`];
}

export function createSqliteSearchIndex(): SearchIndex {
  return {
    async reserveKeys(trx, count) {
      // Unique index on fts_rowid: max() is one index seek. Writers are serialised on SQLite, and the
      // caller stores the items with these rowids in the same transaction.
      const last = await sql<{ n: number | null }>`select max(fts_rowid) as n from monitoring_items`.execute(
        trx,
      );
      const first = (last.rows[0]?.n ?? 0) + 1;
      return Array.from({ length: count }, (_, i) => first + i);
    },

    async index(trx, items) {
      // Only the folded column is indexed: every query is `{folded} : ...`, and indexing the original
      // text as well doubled the tokenising at ingestion and the postings of words that fold to themselves.
      for (const item of items) {
        if (item.key === null) continue;
        await sql`insert into monitoring_item_fts (rowid, original, folded) values (${item.key}, '', ${item.foldedText})`.execute(
          trx,
        );
      }
    },

    async remove(trx, id) {
      await sql`delete from monitoring_item_fts where rowid = (select fts_rowid from monitoring_items where id = ${id})`.execute(
        trx,
      );
    },

    async query(db: DbOrTrx, ast, filters, page) {
      const expr = ast && !isNegativeOnly(ast) ? toFtsExpression(ast) : null;
      if (expr) {
        // Driven by FTS5 in rowid order (= ingestion order, newest first): the first page stops after
        // `limit` matches instead of sorting every match of a common word by date. Filters are read from
        // a covering index on fts_rowid (migration 0008), and a date range bounds the rowids scanned.
        const match = `{folded} : ${expr}`;
        const filterParts = filterFragments(filters);
        const window = await rowidWindow(db, filters);
        const where = whereAll([...filterParts, ...window]);
        const from = sql`monitoring_item_fts f join monitoring_items i on i.fts_rowid = f.rowid
          where monitoring_item_fts match ${match} and ${where}`;
        const rows = await sql<{ id: string }>`select i.id from ${from}
          order by f.rowid desc limit ${page.limit} offset ${page.offset}`.execute(db);
        // Without filters every FTS row is an item (rows are indexed with their item and removed with it):
        // count the FTS matches alone.
        const counted = filterParts.length
          ? await sql<{ n: number }>`select count(*) as n from
              (select 1 from ${from} limit ${COUNT_CAP + 1}) as capped`.execute(db)
          : await sql<{ n: number }>`select count(*) as n from
              (select 1 from monitoring_item_fts where monitoring_item_fts match ${match} limit ${COUNT_CAP + 1}) as capped`.execute(
              db,
            );
        const n = Number(counted.rows[0]?.n ?? 0);
        return {
          ids: rows.rows.map((r) => r.id),
          total: Math.min(n, COUNT_CAP),
          isTotalExact: n <= COUNT_CAP,
        };
      }
      return pageOfMatches(db, condition(ast, filters), page);
    },

    async count(db, ast, filters) {
      return countMatches(db, condition(ast, filters));
    },
  };
}
