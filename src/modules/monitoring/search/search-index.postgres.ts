/**
 * PostgreSQL implementation of the search index: `monitoring_items.search_tsv` is generated from
 * `to_tsvector('simple', folded_text)` plus each pair of adjacent words (migration 0010) and
 * GIN-indexed, so `index` has nothing to do. The AST becomes a tsquery built from `plainto_tsquery` /
 * `haidang_phrase_query` / `tsquery_phrase` calls on bound parameters.
 *
 * GIN keeps no positions, so anything about word order is checked on the rows the index returns. Each
 * form below gives the index something it can narrow by: a phrase its word pairs, NEAR all its words.
 */
import { type RawBuilder, sql } from "kysely";
import type { DbOrTrx } from "../../../platform/db/database.js";
import { addDays, isIsoDate } from "../../follow-up/calendar/calendar.dates.js";
import { foldVietnamese } from "../analysis/fold.js";
import type { QueryNode } from "./query-parser.js";
import { countMatches, filterFragments, pageIds, pageOfMatches, whereAll } from "./search-filters.js";
import {
  COUNT_CAP,
  type SearchFilters,
  type SearchHits,
  type SearchIndex,
  type SearchPage,
} from "./search-index.js";

type Tsq = RawBuilder<unknown>;

function word(text: string): Tsq | null {
  const folded = foldVietnamese(text);
  if (!/[\p{L}\p{N}]/u.test(folded)) return null;
  return folded.includes(" ")
    ? sql`haidang_phrase_query(${folded})`
    : sql`plainto_tsquery('simple', ${folded})`;
}

const joinOp = (parts: Tsq[], op: "&&" | "||"): Tsq =>
  parts.length === 1 ? (parts[0] as Tsq) : sql`(${sql.join(parts, op === "&&" ? sql` && ` : sql` || `)})`;

/**
 * A NEAR term for the distance check: a quoted phrase as its words in order (`a <-> b`, with positions),
 * not as the word-pair lexeme `word` uses — pairs are stored without positions, so a distance from one
 * never holds.
 */
function positionalWord(text: string): Tsq | null {
  const folded = foldVietnamese(text);
  if (!/[\p{L}\p{N}]/u.test(folded)) return null;
  return folded.includes(" ")
    ? sql`phraseto_tsquery('simple', ${folded})`
    : sql`plainto_tsquery('simple', ${folded})`;
}

/** `a` and `b` at most `distance` words apart, either order. */
function nearPair(a: Tsq, b: Tsq, distance: number): Tsq {
  const options: Tsq[] = [];
  for (let d = 1; d <= distance + 1; d++)
    options.push(sql`tsquery_phrase(${a}, ${b}, ${d}::int)`, sql`tsquery_phrase(${b}, ${a}, ${d}::int)`);
  return joinOp(options, "||");
}

/**
 * Compiles a node into a tsquery expression; null when it has nothing searchable. `relaxed` leaves out
 * the distance check of each NEAR group outside a NOT (all its words remain): a query that the index
 * answers alone, matching every item the exact query matches, and more.
 */
export function toTsquery(node: QueryNode, relaxed = false): Tsq | null {
  switch (node.kind) {
    case "term":
    case "phrase":
      return word(node.text);
    case "near": {
      const terms = node.terms.map(word).filter((t): t is Tsq => t !== null);
      if (terms.length < 2) return terms[0] ?? null;
      if (relaxed) return joinOp(terms, "&&");
      const positional = node.terms.map(positionalWord).filter((t): t is Tsq => t !== null);
      const pairs: Tsq[] = [];
      for (let i = 0; i + 1 < positional.length; i++)
        pairs.push(nearPair(positional[i] as Tsq, positional[i + 1] as Tsq, Math.min(node.distance, 20)));
      // Every word, as a plain AND first: what the index can narrow by (and what the planner can estimate;
      // alone, the OR of distances looked like half the table and got a sequential scan).
      return joinOp([joinOp(terms, "&&"), joinOp(pairs, "&&")], "&&");
    }
    case "and":
    case "or": {
      const parts = node.children.map((c) => toTsquery(c, relaxed)).filter((p): p is Tsq => p !== null);
      return parts.length ? joinOp(parts, node.kind === "and" ? "&&" : "||") : null;
    }
    case "not": {
      // Exact inside NOT: excluding fewer items keeps the relaxed query a superset.
      const inner = toTsquery(node.child);
      return inner ? sql`(!! ${inner})` : null;
    }
  }
}

/** `day` moved by `days`, or null when it is not a calendar date (the parser checks only the shape). */
const shiftDay = (day: string, days: number) => (isIsoDate(day) ? addDays(day, days) : null);

/**
 * A day range also bounds `published_at`, a little wider than the local days (UTC+7), so that "newest
 * first" starts its index scan at the end of the range instead of at the newest item of all.
 */
function publishedBounds(filters: SearchFilters): RawBuilder<unknown>[] {
  const from = filters.dateFrom ? shiftDay(filters.dateFrom, -1) : null;
  const until = filters.dateTo ? shiftDay(filters.dateTo, 1) : null;
  return [
    ...(from ? [sql`i.published_at >= ${from}`] : []),
    ...(until ? [sql`i.published_at < ${until}`] : []),
  ];
}

/** True when the node has a NEAR group of two or more searchable words (a distance to check). */
function hasNear(node: QueryNode): boolean {
  switch (node.kind) {
    case "near":
      return node.terms.filter((t) => word(t) !== null).length >= 2;
    case "and":
    case "or":
      return node.children.some(hasNear);
    case "not":
      return hasNear(node.child);
    default:
      return false;
  }
}

function condition(
  ast: QueryNode | null,
  filters: SearchFilters,
  forOrderedPage = false,
): RawBuilder<unknown> {
  const parts = [...filterFragments(filters), ...(forOrderedPage ? publishedBounds(filters) : [])];
  if (ast) {
    const q = toTsquery(ast);
    parts.unshift(q ? sql`i.search_tsv @@ ${q}` : sql`1 = 0`);
  }
  return whereAll(parts);
}

/**
 * Runs a search with more memory for its bitmaps: at the default 4 MB, the bitmap of a common word over a
 * million items turns lossy and every row of those pages is checked again (count 255 → 76–113 ms at 32 MB
 * in the bench). `set local` ends with the transaction; inside a caller's transaction it lasts until
 * that one ends, which is as harmless.
 */
function withSearchMemory<T>(db: DbOrTrx, run: (db: DbOrTrx) => Promise<T>): Promise<T> {
  const inTransaction = async (trx: DbOrTrx) => {
    await sql`set local work_mem = '32MB'`.execute(trx);
    return run(trx);
  };
  return db.isTransaction ? inTransaction(db) : db.transaction().execute(inTransaction);
}

/**
 * A page of NEAR matches and their number, counted from at most `budget` candidates (items holding the
 * words). GIN keeps no positions, so each candidate is read and its distances checked: with common words
 * that is tens of thousands of rows (44,728 for the bench's `NEAR(cảng đầu tư, 5)`, 0.3–0.5 s), where
 * the page's index scan newest-first finds its 20 results after a few thousand rows. So the page comes
 * first, with one result more than asked to learn whether there are more; the last page tells the count
 * exactly. Otherwise the count runs when the planner expects at most `budget` candidates, and checks at
 * most that many. Past the budget it says "at least N" (`isTotalExact` false): N is the matches it found,
 * and never fewer than the results up to this page plus one when there are more (so that the next page can
 * be opened). The matches and their order are those of every other query: exact.
 */
async function nearHits(
  db: DbOrTrx,
  ast: QueryNode,
  filters: SearchFilters,
  page: SearchPage,
  budget: number,
): Promise<SearchHits> {
  const rows = await pageIds(db, condition(ast, filters, true), { ...page, limit: page.limit + 1 });
  const ids = rows.slice(0, page.limit);
  const hasMore = rows.length > page.limit;
  const capped = (n: number, isExact: boolean) => ({
    ids,
    total: Math.min(n, COUNT_CAP),
    isTotalExact: isExact && n <= COUNT_CAP,
  });
  if (!hasMore && (ids.length > 0 || page.offset === 0)) return capped(page.offset + ids.length, true);
  const shown = ids.length ? page.offset + ids.length : 0;
  const exact = toTsquery(ast);
  const candidates = toTsquery(ast, true);
  if (!exact || !candidates) return capped(0, true);
  const atLeast = (found = 0) => capped(Math.max(found, shown + (hasMore ? 1 : 0)), false);
  if (budget <= 0) return atLeast();
  const where = whereAll([sql`i.search_tsv @@ ${candidates}`, ...filterFragments(filters)]);
  // Finding the candidates costs as much as the words are common, before any of them is checked
  // (the GIN scan of the bench's three words: ~190 ms at load 20); the planner's estimate tells it first.
  if ((await estimatedRows(db, where)) > budget) return atLeast();
  const counted = await sql<{ seen: string; n: string }>`select count(*) as seen,
      count(*) filter (where c.hit) as n
    from (select i.search_tsv @@ ${exact} as hit from monitoring_items i where ${where}
      limit ${budget + 1}) as c`.execute(db);
  const seen = Number(counted.rows[0]?.seen ?? 0);
  const n = Number(counted.rows[0]?.n ?? 0);
  if (seen <= budget) return capped(n, true);
  return atLeast(n);
}

/** The planner's estimate of the items matching `where` (alias `i`), from the column's statistics. */
async function estimatedRows(db: DbOrTrx, where: RawBuilder<unknown>): Promise<number> {
  const plan = await sql<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>`explain (format json)
    select 1 from monitoring_items i where ${where}`.execute(db);
  return plan.rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? Number.POSITIVE_INFINITY;
}

/**
 * Candidates a NEAR count checks before it settles for "at least" (see `nearHits`); `Infinity` counts
 * NEAR like every other query (exact up to `COUNT_CAP`).
 */
export const NEAR_CANDIDATE_BUDGET = 2_000;

export function createPostgresSearchIndex(options: { nearCandidateBudget?: number } = {}): SearchIndex {
  const nearBudget = options.nearCandidateBudget ?? NEAR_CANDIDATE_BUDGET;
  return {
    async reserveKeys(_trx, count) {
      return Array.from({ length: count }, () => null);
    },
    async index() {
      // generated column: nothing to do
    },
    async remove() {
      // the row's own generated column goes with it
    },
    async query(db, ast, filters, page) {
      // The bounds on published_at serve the newest-first page; the count is faster without them.
      return withSearchMemory(db, async (trx) => {
        if (!ast || !hasNear(ast) || nearBudget === Number.POSITIVE_INFINITY)
          return pageOfMatches(trx, condition(ast, filters, true), page, condition(ast, filters));
        return nearHits(trx, ast, filters, page, nearBudget);
      });
    },
    async count(db, ast, filters) {
      return withSearchMemory(db, (trx) => countMatches(trx, condition(ast, filters)));
    },
  };
}
