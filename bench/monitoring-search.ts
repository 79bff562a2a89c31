/**
 * Search latency over N synthetic stored items (default 1,000,000) on SQLite: a generator inserts items
 * and their FTS rows directly (bypassing ingestion), then the search index answers a mix of queries
 * (common and rare words, phrases, NOT, NEAR, field filters); p50/p95 per query kind. Target p95 < 100 ms.
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-search.ts [items]
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { foldVietnamese } from "../src/modules/monitoring/analysis/fold.js";
import { parseQuery } from "../src/modules/monitoring/search/query-parser.js";
import { createSearchIndex } from "../src/modules/monitoring/search/search-index.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrations/index.js";

const total = Number(process.argv[2] ?? 1_000_000);
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-search-"));
const handle = openDatabase({ database: { kind: "sqlite", file: path.join(dir, "s.sqlite") } });
await migrateToLatest(handle.db, handle.dialect);
const sqlite = handle.sqlite as NonNullable<typeof handle.sqlite>;
const now = new Date().toISOString();
sqlite
  .prepare(
    `insert into monitoring_sources (id,name,url,format,country,language,outlet_type,category,site_url,poll_minutes,is_active,fetch_pages,etag,last_modified,last_polled_at,last_success_at,last_error_at,last_error_code,last_error_message,consecutive_failures,next_poll_at,item_count,created_at,updated_at) values ('s1','Bench',null,'manual','VN','vi','domestic_press',null,null,60,1,0,null,null,null,null,null,null,null,0,?,0,?,?)`,
  )
  .run(now, now, now);
const insItem =
  sqlite.prepare(`insert into monitoring_items (id,source_id,dedupe_key,guid,url,canonical_url,title,author,platform,published_at,published_day,fetched_at,language,country,outlet_type,text,folded_text,html,labels_json,tone,flags_json,mentions_city,story_id,minhash,fts_rowid,created_at)
 values (?,?,?,null,null,null,?,null,null,?,?,?,?,?,?,?,?,'','{}',?,'[]',1,null,'',?,?)`);
// As the product indexes: only the folded column (see search-index.sqlite.ts).
const insFts = sqlite.prepare("insert into monitoring_item_fts (rowid, original, folded) values (?,'',?)");
const langs = ["vi", "vi", "vi", "en", "zh", "ja"];
const tones = ["neutral", "neutral", "positive", "negative"];
const started = performance.now();
const start = Date.parse("2023-01-01T00:00:00Z");
const batch = sqlite.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const title = sentence(10);
    const text = sentence(60);
    const folded = foldVietnamese(`${title}\n${text}`);
    const at = new Date(start + i * 60_000).toISOString();
    insItem.run(
      randomUUID(),
      "s1",
      `k${i}`,
      title,
      at,
      at.slice(0, 10),
      at,
      langs[i % 6],
      i % 5 ? "VN" : "US",
      "domestic_press",
      text,
      folded,
      tones[i % 4],
      i + 1,
      at,
    );
    insFts.run(i + 1, folded);
  }
});
for (let i = 0; i < total; i += 10_000) batch(i, Math.min(total, i + 10_000));
sqlite.exec("analyze");
const genSecs = (performance.now() - started) / 1000;

const index = createSearchIndex("sqlite");
const queries = [
  ["common word", "hải phòng"],
  ["rare word", "xuyên tạc"],
  ["phrase", '"cảng container"'],
  ["AND + NOT", "du lịch -bóng"],
  ["NEAR", "NEAR(cảng đầu tư, 5)"],
  ["field filters", "cảng lang:en tone:negative date:2024-01-01..2024-06-30"],
  ["OR", "(investment OR đầu tư) cát bà"],
] as const;
const rows: string[] = [];
let worstP95 = 0;
for (const [kind, q] of queries) {
  const { ast, filters } = parseQuery(q);
  const times: number[] = [];
  let hits = 0;
  for (let r = 0; r < 21; r++) {
    const t = performance.now();
    const res = await index.query(handle.db, ast, filters, { limit: 20, offset: 0 });
    if (r > 0) times.push(performance.now() - t);
    hits = res.total;
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length * 0.5)] as number;
  const p95 = times[Math.ceil(times.length * 0.95) - 1] as number;
  worstP95 = Math.max(worstP95, p95);
  rows.push(
    `| ${kind} | \`${q}\` | ${hits >= 10_000 ? "10,000+" : hits} | ${p50.toFixed(1)} | ${p95.toFixed(1)} |`,
  );
  console.log(kind, q, hits, p50.toFixed(1), p95.toFixed(1));
}
const size = fs.statSync(path.join(dir, "s.sqlite")).size;
fs.appendFileSync(
  "bench/RESULTS.md",
  `\n## Media monitoring — search — ${new Date().toISOString().slice(0, 10)}\n\nMachine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}. SQLite FTS5 (contentless, folded column), ${total.toLocaleString("en")} synthetic items (70 words each) generated in ${genSecs.toFixed(0)} s, database ${(size / 1024 ** 3).toFixed(2)} GB; first page (20) + capped count, 20 runs after one warm-up (\`bench/monitoring-search.ts\`). Target p95 < 100 ms: ${worstP95 < 100 ? "✓" : "✗"} (worst p95 ${worstP95.toFixed(1)} ms).\n\n| query kind | query | matches | p50 (ms) | p95 (ms) |\n|---|---|---|---|---|\n${rows.join("\n")}\n`,
);
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
