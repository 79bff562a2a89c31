/**
 * The search index behind monitoring search, saved searches and alerts. Two implementations:
 * SQLite FTS5 (`search-index.sqlite.ts`) and PostgreSQL `tsvector` + GIN (`search-index.postgres.ts`).
 * Both search the folded text (no accents, đ→d), so "Hai Phong", "hải phòng" and "HẢI PHÒNG" match alike.
 */
import type { DbOrTrx, DialectName } from "../../../platform/db/database.js";
import type { QueryFilters, QueryNode } from "./query-parser.js";
import { createPostgresSearchIndex } from "./search-index.postgres.js";
import { createSqliteSearchIndex } from "./search-index.sqlite.js";

/** Filters from the query language plus the structured ones the API and alerts add. */
export interface SearchFilters extends QueryFilters {
  outletType?: string[];
  sourceId?: string;
  storyId?: string;
  mentionsCity?: boolean;
  flag?: string;
  /** Items fetched strictly after / at or before these instants (alerts). */
  fetchedAfter?: string;
  fetchedUntil?: string;
}

/** What the index needs of an item. */
export interface IndexableItem {
  id: string;
  title: string;
  text: string;
  foldedText: string;
}

export interface SearchPage {
  limit: number;
  offset: number;
}

export interface SearchHits {
  ids: string[];
  total: number;
  /**
   * False when `total` is only a lower bound: counting stopped at `COUNT_CAP`, or (PostgreSQL) a NEAR
   * search of common words was not counted past its page (the UI shows "at least N").
   */
  isTotalExact: boolean;
}

/** Counting all matches of a common word in a million items is the slow part; stop here. */
export const COUNT_CAP = 10_000;

/** An item to index under the key reserved for it (`reserveKeys`). */
export interface KeyedItem extends IndexableItem {
  key: number | null;
}

export interface SearchIndex {
  /**
   * Keys for `count` new items, reserved inside the caller's transaction and stored with the items
   * (`fts_rowid`): consecutive FTS rowids on SQLite, nulls on PostgreSQL (generated column).
   */
  reserveKeys(trx: DbOrTrx, count: number): Promise<(number | null)[]>;
  /** Indexes stored items under their reserved keys, inside the caller's transaction. */
  index(trx: DbOrTrx, items: KeyedItem[]): Promise<void>;
  /** Removes an item from the index (SQLite: by its FTS rowid). */
  remove(trx: DbOrTrx, id: string): Promise<void>;
  /** Matching item ids, newest published first. `ast` null = filters only. */
  query(db: DbOrTrx, ast: QueryNode | null, filters: SearchFilters, page: SearchPage): Promise<SearchHits>;
  /** Number of matches (uncapped), for alert baselines. */
  count(db: DbOrTrx, ast: QueryNode | null, filters: SearchFilters): Promise<number>;
}

export function createSearchIndex(dialect: DialectName): SearchIndex {
  return dialect === "postgres" ? createPostgresSearchIndex() : createSqliteSearchIndex();
}
