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

  /** Entries of the texts matching one token, ascending (postings are appended in entry order). */
  function matching(index: LangIndex, { token, isPrefix }: SearchToken): readonly number[] {
    if (!isPrefix) return index.postings.get(token) ?? [];
    if (!index.sorted) index.sorted = [...index.postings.keys()].sort();
    const sorted = index.sorted;
    const lists: number[][] = [];
    for (let i = lowerBound(sorted, token); i < sorted.length; i++) {
      const candidate = sorted[i] as string;
      if (!candidate.startsWith(token)) break;
      lists.push(index.postings.get(candidate) ?? []);
    }
    if (lists.length <= 1) return lists[0] ?? [];
    // Several words share the prefix: their union, through a mark per entry.
    const marks = new Uint8Array(docs.length);
    for (const list of lists) for (const at of list) marks[at] = 1;
    const out: number[] = [];
    for (let at = 0; at < marks.length; at++) if (marks[at]) out.push(at);
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
      // The shortest list first; each other list only marks which of those survive.
      const lists = tokens.map((t) => matching(index, t)).sort((a, b) => a.length - b.length);
      let result: readonly number[] = lists[0] ?? [];
      for (const list of lists.slice(1)) {
        if (result.length === 0) break;
        const marks = new Uint8Array(docs.length);
        for (const at of list) marks[at] = 1;
        result = result.filter((at) => marks[at] === 1);
      }
      // The newest `limit` live texts, without sorting every hit.
      const top: Doc[] = [];
      for (const at of result) {
        const d = docs[at] as Doc;
        if (!d.isLive) continue;
        if (top.length === limit && d.publishedAt <= (top[limit - 1] as Doc).publishedAt) continue;
        let i = top.length === limit ? limit - 1 : top.length;
        while (i > 0 && (top[i - 1] as Doc).publishedAt < d.publishedAt) {
          top[i] = top[i - 1] as Doc;
          i--;
        }
        top[i] = d;
      }
      return top.map((d) => d.id);
    },

    /** Texts indexed (live ones). */
    size: () => byId.size,
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
