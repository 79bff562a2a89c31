/**
 * PostgreSQL implementation of the search index: `monitoring_items.search_tsv` is generated as
 * `to_tsvector('simple', folded_text)` and GIN-indexed, so `index` has nothing to do. The AST becomes a
 * tsquery built from `plainto_tsquery` / `phraseto_tsquery` / `tsquery_phrase` calls on bound parameters.
 */
import { type RawBuilder, sql } from "kysely";
import { foldVietnamese } from "../analysis/fold.js";
import type { QueryNode } from "./query-parser.js";
import { countMatches, filterFragments, pageOfMatches, whereAll } from "./search-filters.js";
import type { SearchFilters, SearchIndex } from "./search-index.js";

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
      return pageOfMatches(db, condition(ast, filters), page);
    },
    async count(db, ast, filters) {
      return countMatches(db, condition(ast, filters));
    },
  };
}
