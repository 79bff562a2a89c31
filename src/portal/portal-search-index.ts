/**
 * The public search's index, held by each portal process: for every language, each stored token
 * (`portal-search-text.ts`: folded words, CJK characters and pairs) → the published texts holding it.
 * A query looks up its tokens (Latin words as prefixes, through the sorted token list) and intersects
 * them, so it never scans the texts. Built once from the published texts, then kept current by reading
 * only the texts changed since the last read (the `updated_at` index of migration 0029) whenever the
 * content version moves: a changed text's old entry is dropped and its new one appended, a withdrawn
 * one only dropped. Reads only: it works under the portal's read-only database role.
 */
import type { PortalPublicRepository } from "../modules/portal/portal-public.repository.js";
import type { Db } from "../platform/db/database.js";

interface Doc {
  id: string;
  lang: string;
  publishedAt: string;
  isLive: boolean;
}

interface LangIndex {
  postings: Map<string, number[]>;
  /** Tokens in code-point order, for prefix lookups; rebuilt when tokens were added. */
  sorted: string[] | null;
}

const REREAD_MS = 5000;

export interface SearchToken {
  token: string;
  isPrefix: boolean;
}

/** Lower bound of `prefix` in a sorted array. */
function lowerBound(sorted: string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createSearchIndex(deps: { db: Db; pub: PortalPublicRepository }) {
  const docs: Doc[] = [];
  /** Text id → its live entry in `docs`. */
  const byId = new Map<string, number>();
  const langs = new Map<string, LangIndex>();
  /** The newest `updated_at` read so far; the next read starts there. */
  let watermark: string | null = null;
  let version: string | null = null;
  let syncing: Promise<void> | null = null;

  function langIndex(lang: string): LangIndex {
    let index = langs.get(lang);
    if (!index) {
      index = { postings: new Map(), sorted: null };
      langs.set(lang, index);
    }
    return index;
  }

  function drop(id: string) {
    const at = byId.get(id);
    if (at === undefined) return;
    (docs[at] as Doc).isLive = false;
    byId.delete(id);
  }

  function add(row: { id: string; lang: string; published_at: string | null; search_text: string }) {
    const at = docs.length;
    docs.push({ id: row.id, lang: row.lang, publishedAt: row.published_at ?? "", isLive: true });
    byId.set(row.id, at);
    const index = langIndex(row.lang);
    for (const token of row.search_text.split(" ")) {
      if (!token) continue;
      const list = index.postings.get(token);
      if (list) {
        if (list[list.length - 1] !== at) list.push(at);
      } else {
        index.postings.set(token, [at]);
        index.sorted = null;
      }
    }
  }

  async function read(): Promise<void> {
    // The last seconds are read again: a transaction that stamped its rows earlier may commit later.
    const since = watermark === null ? null : new Date(Date.parse(watermark) - REREAD_MS).toISOString();
    const rows = await deps.pub.searchRows(deps.db, since);
    for (const row of rows) {
      drop(row.id);
      if (row.state === "published") add(row);
      if (watermark === null || row.updated_at > watermark) watermark = row.updated_at;
    }
  }

  /** Entries of the texts matching one token. */
  function matching(index: LangIndex, { token, isPrefix }: SearchToken): Set<number> {
    const out = new Set<number>();
    if (!isPrefix) {
      for (const at of index.postings.get(token) ?? []) out.add(at);
      return out;
    }
    if (!index.sorted) index.sorted = [...index.postings.keys()].sort();
    const sorted = index.sorted;
    for (let i = lowerBound(sorted, token); i < sorted.length; i++) {
      const candidate = sorted[i] as string;
      if (!candidate.startsWith(token)) break;
      for (const at of index.postings.get(candidate) ?? []) out.add(at);
    }
    return out;
  }

  return {
    /** Brings the index to `contentVersion` (first call: builds it); concurrent callers share one read. */
    async syncTo(contentVersion: string): Promise<void> {
      while (version !== contentVersion) {
        if (!syncing)
          syncing = read()
            .then(() => {
              version = contentVersion;
            })
            .finally(() => {
              syncing = null;
            });
        await syncing;
      }
    },

    /** Ids of the published texts of `lang` holding every token, newest first, at most `limit`. */
    search(lang: string, tokens: SearchToken[], limit: number): string[] {
      const index = langs.get(lang);
      if (!index || tokens.length === 0) return [];
      let result: Set<number> | null = null;
      for (const token of tokens) {
        const found = matching(index, token);
        if (result === null) result = found;
        else {
          const next = new Set<number>();
          for (const at of result) if (found.has(at)) next.add(at);
          result = next;
        }
        if (result.size === 0) return [];
      }
      const hits = [...(result ?? [])]
        .map((at) => docs[at] as Doc)
        .filter((d) => d.isLive)
        .sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
      return hits.slice(0, limit).map((d) => d.id);
    },

    /** Texts indexed (live ones). */
    size: () => byId.size,
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
