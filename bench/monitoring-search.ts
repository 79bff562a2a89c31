/**
 * Search latency over N synthetic stored items (default 1,000,000) on SQLite or PostgreSQL: a generator
 * inserts items (and on SQLite their FTS rows) directly, bypassing ingestion, then the search index answers
 * a mix of queries (common and rare words, phrases, NOT, NEAR, field filters); p50/p95 per query kind.
 * Target p95 < 100 ms.
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-search.ts [items] [--postgres [URL]] [--keep DIR] [--no-record]
 *     [--only KIND] [--near-budget N|Infinity]
 * --postgres starts a throw-away cluster (test/support/postgres-cluster.ts), or with a URL uses that database
 * and keeps what it generates there; --keep reuses (or leaves) the SQLite database in DIR. Both let query
 * changes be measured without generating again.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { foldVietnamese } from "../src/modules/monitoring/analysis/fold.js";
import { parseQuery } from "../src/modules/monitoring/search/query-parser.js";
import { createSearchIndex } from "../src/modules/monitoring/search/search-index.js";
import { createPostgresSearchIndex } from "../src/modules/monitoring/search/search-index.postgres.js";
import { newSourceState } from "../src/modules/monitoring/storage/sources.repository.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrations/index.js";
import { findPostgresBin, startCluster } from "../test/support/postgres-cluster.js";

const args = process.argv.slice(2);
const total = Number(args.find((a, k) => /^\d+$/.test(a) && args[k - 1] !== "--near-budget") ?? 1_000_000);
const isPostgres = args.includes("--postgres");
const postgresUrl = isPostgres ? args[args.indexOf("--postgres") + 1] : undefined;
const externalUrl = postgresUrl?.startsWith("postgres") ? postgresUrl : undefined;
const keepDir = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : undefined;
const shouldRecord = !args.includes("--no-record");
/** `--only KIND` runs one query kind; `--near-budget N|Infinity` sets the PostgreSQL NEAR count budget. */
const onlyKind = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const nearBudget = args.includes("--near-budget")
  ? Number(args[args.indexOf("--near-budget") + 1])
  : undefined;
const words = fs
  .readdirSync("test/fixtures/monitoring/articles")
  .filter((f) => f.endsWith(".txt") && (f.startsWith("vi-") || f.startsWith("en-")))
  .map((f) => fs.readFileSync(path.join("test/fixtures/monitoring/articles", f), "utf8"))
  .join(" ")
  .split(/\s+/)
  .filter((w) => /\p{L}/u.test(w));
let seed = 11;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const sentence = (n: number) =>
  Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(" ");

const dir = keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "haidang-search-"));
fs.mkdirSync(dir, { recursive: true });
const dbFile = path.join(dir, "s.sqlite");
const cluster = isPostgres && !externalUrl ? await startPostgres() : null;
const pgUrl = externalUrl ?? cluster?.url;
const handle = openDatabase({
  database: pgUrl ? { kind: "postgres", url: pgUrl } : { kind: "sqlite", file: dbFile },
});
await migrateToLatest(handle.db, handle.dialect);
const stored = Number(
  (await sql<{ n: number }>`select count(*) as n from monitoring_items`.execute(handle.db)).rows[0]?.n ?? 0,
);
const isReused = (externalUrl !== undefined || (!isPostgres && keepDir !== undefined)) && stored >= total;
const now = new Date().toISOString();
const langs = ["vi", "vi", "vi", "en", "zh", "ja"];
const tones = ["neutral", "neutral", "positive", "negative"] as const;
const start = Date.parse("2023-01-01T00:00:00Z");
const started = performance.now();

async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error("no PostgreSQL server binaries (apt-get install postgresql)");
  return startCluster(bin);
}

/** The i-th synthetic item (deterministic). */
function item(i: number) {
  const title = sentence(10);
  const text = sentence(60);
  const at = new Date(start + i * 60_000).toISOString();
  return {
    id: randomUUID(),
    source_id: "s1",
    dedupe_key: `k${i}`,
    guid: null,
    url: null,
    canonical_url: null,
    title,
    author: null,
    platform: null,
    published_at: at,
    published_day: at.slice(0, 10),
    fetched_at: at,
    language: langs[i % 6] as string,
    country: i % 5 ? "VN" : "US",
    outlet_type: "domestic_press" as const,
    text,
    folded_text: foldVietnamese(`${title}\n${text}`),
    html: "",
    labels_json: "{}",
    tone: tones[i % 4] as (typeof tones)[number],
    flags_json: "[]",
    mentions_city: 1,
    story_id: null,
    minhash: "",
    fts_rowid: pgUrl ? null : i + 1,
    created_at: at,
  };
}

if (!isReused) {
  await handle.db
    .insertInto("monitoring_sources")
    .values({
      id: "s1",
      name: "Bench",
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
  if (handle.sqlite) {
    const sqlite = handle.sqlite;
    const insItem =
      sqlite.prepare(`insert into monitoring_items (id,source_id,dedupe_key,guid,url,canonical_url,title,author,platform,published_at,published_day,fetched_at,language,country,outlet_type,text,folded_text,html,labels_json,tone,flags_json,mentions_city,story_id,minhash,fts_rowid,created_at)
 values (@id,@source_id,@dedupe_key,@guid,@url,@canonical_url,@title,@author,@platform,@published_at,@published_day,@fetched_at,@language,@country,@outlet_type,@text,@folded_text,@html,@labels_json,@tone,@flags_json,@mentions_city,@story_id,@minhash,@fts_rowid,@created_at)`);
    // As the product indexes: only the folded column (see search-index.sqlite.ts).
    const insFts = sqlite.prepare(
      "insert into monitoring_item_fts (rowid, original, folded) values (?,'',?)",
    );
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const row = item(i);
        insItem.run(row);
        insFts.run(row.fts_rowid, row.folded_text);
      }
    });
    for (let i = 0; i < total; i += 10_000) batch(i, Math.min(total, i + 10_000));
    sqlite.exec("analyze");
  } else {
    for (let i = 0; i < total; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, total - i) }, (_, k) => item(i + k));
      await handle.db.insertInto("monitoring_items").values(rows).execute();
    }
    await sql`analyze`.execute(handle.db);
  }
}
const genSecs = (performance.now() - started) / 1000;

const index =
  handle.dialect === "postgres" && nearBudget !== undefined
    ? createPostgresSearchIndex({ nearCandidateBudget: nearBudget })
    : createSearchIndex(handle.dialect);
const queries = [
  ["common word", "hải phòng"],
  ["rare word", "xuyên tạc"],
  ["phrase", '"cảng container"'],
  ["AND + NOT", "du lịch -bóng"],
  ["NEAR", "NEAR(cảng đầu tư, 5)"],
  ["NEAR, rarer words", "NEAR(xuyên tạc, 3)"],
  ["field filters", "cảng lang:en tone:negative date:2024-01-01..2024-06-30"],
  ["OR", "(investment OR đầu tư) cát bà"],
] as const;
const rows: string[] = [];
let worstP95 = 0;
for (const [kind, q] of queries) {
  if (onlyKind && kind !== onlyKind) continue;
  const { ast, filters } = parseQuery(q);
  const times: number[] = [];
  let hits = 0;
  let exact = true;
  for (let r = 0; r < 21; r++) {
    const t = performance.now();
    const res = await index.query(handle.db, ast, filters, { limit: 20, offset: 0 });
    if (r > 0) times.push(performance.now() - t);
    hits = res.total;
    exact = res.isTotalExact;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length * 0.5)] as number;
  const p95 = times[Math.ceil(times.length * 0.95) - 1] as number;
  worstP95 = Math.max(worstP95, p95);
  rows.push(
    `| ${kind} | \`${q}\` | ${hits >= 10_000 ? "10,000+" : `${hits}${exact ? "" : "+"}`} | ${p50.toFixed(1)} | ${p95.toFixed(1)} |`,
  );
  console.log(kind, q, hits, exact ? "exact" : "at least", p50.toFixed(1), p95.toFixed(1));
}
const size = pgUrl
  ? Number(
      (await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(handle.db)).rows[0]
        ?.n ?? 0,
    )
  : fs.statSync(dbFile).size;
const engine = pgUrl ? "PostgreSQL (tsvector GIN, pool of 10)" : "SQLite FTS5 (contentless, folded column)";
if (shouldRecord)
  fs.appendFileSync(
    "bench/RESULTS.md",
    `\n## Media monitoring — search — ${new Date().toISOString().slice(0, 10)}\n\nMachine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}. ${engine}, ${total.toLocaleString("en")} synthetic items (70 words each) generated in ${genSecs.toFixed(0)} s, database ${(size / 1024 ** 3).toFixed(2)} GB; first page (20) + capped count, 20 runs after one warm-up (\`bench/monitoring-search.ts\`). Target p95 < 100 ms: ${worstP95 < 100 ? "✓" : "✗"} (worst p95 ${worstP95.toFixed(1)} ms).\n\n| query kind | query | matches | p50 (ms) | p95 (ms) |\n|---|---|---|---|---|\n${rows.join("\n")}\n`,
  );
await handle.close();
cluster?.stop();
if (!keepDir) fs.rmSync(dir, { recursive: true, force: true });
