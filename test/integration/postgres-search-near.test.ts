import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "../../src/modules/monitoring/search/query-parser.js";
import { createSearchIndex, type SearchIndex } from "../../src/modules/monitoring/search/search-index.js";
import { createPostgresSearchIndex } from "../../src/modules/monitoring/search/search-index.postgres.js";
import { newSourceState } from "../../src/modules/monitoring/storage/sources.repository.js";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.js";
import { migrateToLatest } from "../../src/platform/db/migrations/index.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";

/**
 * NEAR on both engines against a reference written here: `NEAR(a b c, N)` holds when each adjacent pair
 * of terms (a–b, b–c) occurs with at most N words between them, in either order. Two-term groups mean
 * the same on both engines; for three terms FTS5 checks the whole group at once, so those run on
 * PostgreSQL only (its meaning before the NEAR work, which must not change).
 */
const VOCABULARY = ["cang", "dau", "tu", "hai", "phong", "xe"];
const DOCS = 240;

function documents(): string[][] {
  let seed = 7;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: DOCS }, () =>
    Array.from(
      { length: 2 + Math.floor(rnd() * 22) },
      () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)] as string,
    ),
  );
}

/** Positions (1-based, as in a tsvector) of `word` in `words`. */
const positions = (words: string[], word: string) => words.flatMap((w, i) => (w === word ? [i + 1] : []));

function near(words: string[], terms: string[], distance: number): boolean {
  for (let k = 0; k + 1 < terms.length; k++) {
    const a = positions(words, terms[k] as string);
    const b = positions(words, terms[k + 1] as string);
    const close = a.some((p) => b.some((q) => p !== q && Math.abs(p - q) <= distance + 1));
    if (!close) return false;
  }
  return true;
}

describe.each(dialects())("NEAR search on %s", (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  let index: SearchIndex;
  const docs = documents();
  /** Item ids in document order; item k is published k minutes after the first. */
  const ids: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    handle = openDatabase({ database: testDb.database });
    await migrateToLatest(handle.db, handle.dialect);
    index = createSearchIndex(handle.dialect);
    const now = new Date().toISOString();
    await handle.db
      .insertInto("monitoring_sources")
      .values({
        id: "s1",
        name: "Near",
        url: null,
        format: "manual",
        country: "VN",
        language: "vi",
        outlet_type: "domestic_press",
        category: null,
        site_url: null,
        poll_minutes: 60,
        is_active: 1,
        fetch_pages: 0,
        is_own_channel: 0,
        ...newSourceState(now),
      })
      .execute();
    await handle.db.transaction().execute(async (trx) => {
      const keys = await index.reserveKeys(trx, docs.length);
      const rows = docs.map((words, k) => {
        const at = new Date(Date.UTC(2024, 0, 1) + k * 60_000).toISOString();
        const text = words.join(" ");
        const id = randomUUID();
        ids.push(id);
        return {
          id,
          source_id: "s1",
          dedupe_key: `k${k}`,
          guid: null,
          url: null,
          canonical_url: null,
          title: "",
          author: null,
          platform: null,
          published_at: at,
          published_day: at.slice(0, 10),
          fetched_at: at,
          language: k % 2 ? "en" : "vi",
          country: "VN",
          outlet_type: "domestic_press" as const,
          text,
          folded_text: text,
          html: "",
          labels_json: "{}",
          tone: "neutral" as const,
          flags_json: "[]",
          mentions_city: 1,
          story_id: null,
          minhash: "",
          fts_rowid: keys[k] ?? null,
          created_at: at,
        };
      });
      for (let k = 0; k < rows.length; k += 100)
        await trx
          .insertInto("monitoring_items")
          .values(rows.slice(k, k + 100))
          .execute();
      await index.index(
        trx,
        rows.map((r, k) => ({
          id: r.id,
          title: "",
          text: r.text,
          foldedText: r.folded_text,
          key: keys[k] ?? null,
        })),
      );
    });
    // Statistics as a server has them: the PostgreSQL NEAR count goes by the planner's estimate.
    await sql`analyze monitoring_items`.execute(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await testDb?.drop();
  });

  /** Expected ids, newest first. */
  const expected = (keep: (words: string[], k: number) => boolean) =>
    docs.flatMap((words, k) => (keep(words, k) ? [ids[k] as string] : [])).reverse();

  async function search(q: string, idx: SearchIndex = index, limit = DOCS) {
    const { ast, filters } = parseQuery(q);
    const hits = await idx.query(handle.db, ast, filters, { limit, offset: 0 });
    return { ...hits, count: await idx.count(handle.db, ast, filters) };
  }

  async function expectSame(q: string, keep: (words: string[], k: number) => boolean) {
    const want = expected(keep);
    expect(want.length, `${q}: the sample should hold some matches and some misses`).toBeGreaterThan(0);
    expect(want.length, q).toBeLessThan(DOCS);
    const got = await search(q);
    expect(got.ids, q).toEqual(want);
    expect({ total: got.total, exact: got.isTotalExact, count: got.count }, q).toEqual({
      total: want.length,
      exact: true,
      count: want.length,
    });
  }

  const pairs: [string, string][] = [
    ["cang", "dau"],
    ["dau", "tu"],
    ["hai", "xe"],
    ["tu", "tu"],
  ];

  it("finds two words at most N words apart, in either order, and nothing further apart", async () => {
    for (const [a, b] of pairs)
      for (const n of [0, 1, 2, 4, 7]) {
        if (a === b && dialect === "sqlite") continue; // FTS5 counts a repeated term differently
        await expectSame(`NEAR(${a} ${b}, ${n})`, (w) => near(w, [a, b], n));
        await expectSame(`${a} NEAR/${n} ${b}`, (w) => near(w, [a, b], n));
      }
  });

  it("combines NEAR with other terms, NOT, OR and field filters", async () => {
    await expectSame("NEAR(cang dau, 1) -xe", (w) => near(w, ["cang", "dau"], 1) && !w.includes("xe"));
    await expectSame(
      "NEAR(cang dau, 0) OR NEAR(hai phong, 0)",
      (w) => near(w, ["cang", "dau"], 0) || near(w, ["hai", "phong"], 0),
    );
    await expectSame("NEAR(hai phong, 2) lang:en", (w, k) => near(w, ["hai", "phong"], 2) && k % 2 === 1);
    await expectSame("xe NEAR(dau tu, 3)", (w) => w.includes("xe") && near(w, ["dau", "tu"], 3));
  });

  it.runIf(dialect === "postgres")("checks each adjacent pair of a longer group (PostgreSQL)", async () => {
    for (const terms of [
      ["cang", "dau", "tu"],
      ["hai", "phong", "xe", "cang"],
    ])
      for (const n of [0, 1, 3]) await expectSame(`NEAR(${terms.join(" ")}, ${n})`, (w) => near(w, terms, n));
  });

  it.runIf(dialect === "postgres")(
    "measures the distance from a quoted phrase inside NEAR (PostgreSQL)",
    async () => {
      // "dau tu" at s, s+1; "cang" at q: at most N words between the phrase and the word, either side.
      const phraseNear = (w: string[], n: number) =>
        w.some(
          (x, s) =>
            x === "dau" &&
            w[s + 1] === "tu" &&
            w.some(
              (y, q) =>
                y === "cang" &&
                ((q - (s + 1) >= 1 && q - (s + 1) <= n + 1) || (s - q >= 1 && s - q <= n + 1)),
            ),
        );
      for (const n of [0, 2, 5]) await expectSame(`NEAR("dau tu" cang, ${n})`, (w) => phraseNear(w, n));
    },
  );

  it.runIf(dialect === "postgres")(
    "counts the matches of a NEAR page exactly within the candidate budget",
    async () => {
      const q = "NEAR(cang dau tu, 3)";
      const want = expected((w) => near(w, ["cang", "dau", "tu"], 3));
      const first = await search(q, index, 5);
      expect(first.ids).toEqual(want.slice(0, 5));
      expect({ total: first.total, exact: first.isTotalExact }).toEqual({ total: want.length, exact: true });
      const past = await index.query(handle.db, parseQuery(q).ast, {}, { limit: 5, offset: DOCS });
      expect({ ids: past.ids, total: past.total, exact: past.isTotalExact }).toEqual({
        ids: [],
        total: want.length,
        exact: true,
      });
    },
  );

  it.runIf(dialect === "postgres")(
    "returns the same pages with a small candidate budget, and says the count is a lower bound",
    async () => {
      const q = "NEAR(cang dau tu, 3)";
      const { ast } = parseQuery(q);
      const want = expected((w) => near(w, ["cang", "dau", "tu"], 3));
      expect(want.length).toBeGreaterThan(16);
      const small = createPostgresSearchIndex({ nearCandidateBudget: 10 });
      const first = await search(q, small, 5);
      expect(first.ids).toEqual(want.slice(0, 5));
      expect(first.isTotalExact).toBe(false);
      // at least one more than shown, so that the next page can be opened; fewer than all there are
      expect(first.total).toBeGreaterThanOrEqual(6);
      expect(first.total).toBeLessThan(want.length);
      const later = await small.query(handle.db, ast, {}, { limit: 5, offset: 10 });
      expect(later.ids).toEqual(want.slice(10, 15));
      expect(later.total).toBeGreaterThanOrEqual(16);
      // the last page knows the count
      const last = await small.query(handle.db, ast, {}, { limit: 5, offset: want.length - 2 });
      expect(last).toEqual({ ids: want.slice(-2), total: want.length, isTotalExact: true });
      // counts for alert baselines stay exact
      expect(first.count).toBe(want.length);
    },
  );
});
