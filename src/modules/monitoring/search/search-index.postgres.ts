/**
 * PostgreSQL implementation of the search index: `monitoring_items.search_tsv` is generated as
 * `to_tsvector('simple', folded_text)` and GIN-indexed, so `index` has nothing to do. The AST becomes a
 * tsquery built from `plainto_tsquery` / `phraseto_tsquery` / `tsquery_phrase` calls on bound parameters.
 */
import { type RawBuilder, sql } from "kysely";
import { foldVietnamese } from "../analysis/fold.js";
import type { QueryNode } from "./query-parser.js";
import { filterFragments, whereAll } from "./search-filters.js";
import { COUNT_CAP, type SearchFilters, type SearchIndex } from "./search-index.js";

type Tsq = RawBuilder<unknown>;

function word(text: string): Tsq | null {
  const folded = foldVietnamese(text);
  if (!/[\p{L}\p{N}]/u.test(folded)) return null;
  return folded.includes(" ")
    ? sql`phraseto_tsquery('simple', ${folded})`
    : sql`plainto_tsquery('simple', ${folded})`;
}

const joinOp = (parts: Tsq[], op: "&&" | "||"): Tsq =>
  parts.length === 1 ? (parts[0] as Tsq) : sql`(${sql.join(parts, op === "&&" ? sql` && ` : sql` || `)})`;

/** `a` and `b` at most `distance` words apart, either order. */
function nearPair(a: Tsq, b: Tsq, distance: number): Tsq {
  const options: Tsq[] = [];
  for (let d = 1; d <= distance + 1; d++)
    options.push(sql`tsquery_phrase(${a}, ${b}, ${d}::int)`, sql`tsquery_phrase(${b}, ${a}, ${d}::int)`);
  return joinOp(options, "||");
}

/** Compiles a node into a tsquery expression; null when it has nothing searchable. */
export function toTsquery(node: QueryNode): Tsq | null {
  switch (node.kind) {
    case "term":
    case "phrase":
      return word(node.text);
    case "near": {
      const terms = node.terms.map(word).filter((t): t is Tsq => t !== null);
      if (terms.length < 2) return terms[0] ?? null;
      const pairs: Tsq[] = [];
      for (let i = 0; i + 1 < terms.length; i++)
        pairs.push(nearPair(terms[i] as Tsq, terms[i + 1] as Tsq, Math.min(node.distance, 20)));
      return joinOp(pairs, "&&");
    }
    case "and":
    case "or": {
      const parts = node.children.map(toTsquery).filter((p): p is Tsq => p !== null);
      return parts.length ? joinOp(parts, node.kind === "and" ? "&&" : "||") : null;
    }
    case "not": {
      const inner = toTsquery(node.child);
      return inner ? sql`(!! ${inner})` : null;
    }
  }
}

function condition(ast: QueryNode | null, filters: SearchFilters): RawBuilder<unknown> {
  const parts = filterFragments(filters);
  if (ast) {
    const q = toTsquery(ast);
    parts.unshift(q ? sql`i.search_tsv @@ ${q}` : sql`1 = 0`);
  }
  return whereAll(parts);
}

export function createPostgresSearchIndex(): SearchIndex {
  return {
    async index() {
      return null; // generated column
    },
    async remove() {
      // the row's own generated column goes with it
    },
    async query(db, ast, filters, page) {
      const where = condition(ast, filters);
      const rows = await sql<{ id: string }>`select i.id from monitoring_items i where ${where}
        order by i.published_at desc, i.id desc limit ${page.limit} offset ${page.offset}`.execute(db);
      const counted = await sql<{ n: number }>`select count(*) as n from
        (select 1 from monitoring_items i where ${where} limit ${COUNT_CAP + 1}) as capped`.execute(db);
      const n = Number(counted.rows[0]?.n ?? 0);
      return { ids: rows.rows.map((r) => r.id), total: Math.min(n, COUNT_CAP), isTotalExact: n <= COUNT_CAP };
    },
    async count(db, ast, filters) {
      const r = await sql<{
        n: number;
      }>`select count(*) as n from monitoring_items i where ${condition(ast, filters)}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}
