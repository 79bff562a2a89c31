/**
 * End-to-end ingestion from a real local HTTP server into a fresh SQLite database:
 *  1. feeds carrying their text (items/s, target ≥ 300),
 *  2. feeds without text: 50–150 KB article pages fetched and extracted (pages/s, target ≥ 40),
 *  3. 1,000 sources polled through the durable jobs (scheduler + poll jobs): must finish well within an hour,
 * recording peak RSS (target < 500 MB).
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-ingest.ts [--phases text,pages,sources] [--no-record]
 * The local server's feeds and pages are generated before the clock starts, so the server's own CPU
 * use is only HTTP (the machine has 2 cores and the bench shares them).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { createAuditRepository } from "../src/modules/audit/audit.repository.js";
import { createAuditService } from "../src/modules/audit/audit.service.js";
import { createFetcher } from "../src/modules/monitoring/fetch/fetch.client.js";
import { createDraftPool } from "../src/modules/monitoring/ingest/draft-pool.js";
import { createMonitoring } from "../src/modules/monitoring/monitoring.module.js";
import { systemContext } from "../src/platform/context.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrations/index.js";
import { createJobRunner } from "../src/platform/jobs/job-runner.js";
import { createJobsRepository } from "../src/platform/jobs/jobs.repository.js";

// Words of the plain-text fixtures only (as in monitoring-search.ts): words of the .html fixtures put tag
// fragments ("<script", "<!DOCTYPE") into summaries, which then read as markup and fall back to the page.
const words = fs
  .readdirSync("test/fixtures/monitoring/articles")
  .filter((f) => f.endsWith(".txt") && (f.startsWith("vi-") || f.startsWith("en-")))
  .map((f) => fs.readFileSync(path.join("test/fixtures/monitoring/articles", f), "utf8"))
  .join(" ")
  .split(/\s+/);
let seed = 7;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const sentence = (n: number) =>
  Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(" ");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
// Random 60-word paragraphs drawn before the clock starts; feeds and pages pick from them, so serving
// costs the (shared) CPU little and every article is still distinct.
const paragraphs = Array.from({ length: 4000 }, () => esc(sentence(60)));
const paragraph = () => paragraphs[Math.floor(rnd() * paragraphs.length)] as string;
const args = process.argv.slice(2);
const phaseArg = args[args.indexOf("--phases") + 1];
const phases = new Set(
  args.includes("--phases") && phaseArg ? phaseArg.split(",") : ["text", "pages", "sources"],
);
const shouldRecord = !args.includes("--no-record");
// Worker threads for extraction and analysis (`--workers N`; default 2 like HAIDANG_MONITOR_WORKERS;
// 0: all on the main thread).
const workersArg = args.includes("--workers") ? Number(args[args.indexOf("--workers") + 1]) : 2;

function feed(origin: string, key: string, n: number, withText: boolean): string {
  const items = Array.from({ length: n }, (_, i) => {
    const body = withText
      ? `<description>${Array.from({ length: 4 }, paragraph).join(" ")}</description>`
      : "<description>Tóm tắt.</description>";
    return `<item><title>${esc(sentence(10))}</title><link>${origin}/a/${key}/${i}.html</link><guid>${key}-${i}</guid>${body}<pubDate>Tue, 12 Mar 2024 07:30:00 +0700</pubDate></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${key}</title>${items.join("")}</channel></rss>`;
}

function page(kb: number): string {
  const paras: string[] = [];
  let size = 0;
  while (size < kb * 1024) {
    const p = `<p>${paragraph()}</p>`;
    paras.push(p);
    size += Buffer.byteLength(p);
  }
  const nav = `<nav>${Array.from({ length: 40 }, (_, i) => `<a href="/c/${i}">Mục ${i}</a>`).join(" ")}</nav>`;
  return `<!doctype html><html><head><title>${esc(sentence(8))}</title></head><body>${nav}<article><h1>${esc(sentence(8))}</h1>${paras.join("")}</article><footer>©</footer></body></html>`;
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://x");
  if (url.pathname.startsWith("/feed/")) {
    const [, , kind, key] = url.pathname.split("/");
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.writeHead(200, { "content-type": "application/xml" });
    return res.end(
      kind === "text"
        ? feed(origin, key ?? "", 100, true)
        : kind === "pages"
          ? feed(origin, key ?? "", 50, false)
          : feed(origin, key ?? "", 10, true),
    );
  }
  if (url.pathname.startsWith("/a/")) {
    const html = page(50 + Math.floor(rnd() * 100));
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    return res.end(html);
  }
  res.writeHead(404).end();
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-bench-"));
const handle = openDatabase({ database: { kind: "sqlite", file: path.join(dir, "bench.sqlite") } });
await migrateToLatest(handle.db, handle.dialect);
const jobs = createJobRunner({ db: handle.db, jobs: createJobsRepository("sqlite"), concurrency: 16 });
const audit = createAuditService({ db: handle.db, audit: createAuditRepository() });
// Every bench "outlet" is the same local host: lift the per-host politeness cap that real outlets get.
const fetcher = createFetcher({ allowPrivate: true, maxPerHost: 16 });
const draftPool = workersArg > 0 ? createDraftPool({ size: workersArg }) : undefined;
const m = createMonitoring({
  db: handle.db,
  dialect: "sqlite",
  jobs,
  audit,
  fetchAllowPrivate: true,
  fetcher,
  ...(draftPool && { draftPool }),
});
const ctx = {
  ...systemContext(),
  actor: { userId: "bench", displayName: "bench", roles: ["admin" as const], personId: null },
};
const addSource = (name: string, url: string) =>
  handle.db.transaction().execute((trx) =>
    m.sources.insert(trx, ctx, {
      name,
      url,
      format: "rss",
      country: "VN",
      outletType: "domestic_press",
      pollMinutes: 60,
      isActive: true,
      fetchPages: true,
    }),
  );

// Warm-up (not timed): starts the workers, loads the language model, compiles the hot code.
await m.pipeline.pollSource((await addSource("warm-up", `${origin}/feed/pages/warm`)).id);
const baselineRss = process.memoryUsage().rss;

// 1. feeds with text
let textSecs = 0;
const textItems = 20 * 100;
if (phases.has("text")) {
  const textSources = [];
  for (let i = 0; i < 20; i++) textSources.push(await addSource(`text ${i}`, `${origin}/feed/text/t${i}`));
  const t0 = performance.now();
  // Two polls at a time: on SQLite every write shares one connection, so more parallel polls only
  // interleave CPU work inside open transactions.
  for (let i = 0; i < textSources.length; i += 2)
    for (const r of await Promise.all(textSources.slice(i, i + 2).map((s) => m.pipeline.pollSource(s.id))))
      if (r.status !== "ok")
        console.log(r, (await m.repositories.sources.find(handle.db, r.sourceId))?.last_error_message);
  textSecs = (performance.now() - t0) / 1000;
}

// 2. pages fetched and extracted
let pageSecs = 0;
const pageCount = 8 * 50;
if (phases.has("pages")) {
  const pageSources = [];
  for (let i = 0; i < 8; i++) pageSources.push(await addSource(`pages ${i}`, `${origin}/feed/pages/p${i}`));
  const t0 = performance.now();
  for (let i = 0; i < pageSources.length; i += 2)
    await Promise.all(pageSources.slice(i, i + 2).map((s) => m.pipeline.pollSource(s.id)));
  pageSecs = (performance.now() - t0) / 1000;
}

// 3. 1,000 sources through the job runner
let pollSecs = 0;
if (phases.has("sources")) {
  for (let i = 0; i < 1000; i++) await addSource(`small ${i}`, `${origin}/feed/small/s${i}`);
  const t0 = performance.now();
  // The scheduler enqueues up to 500 due sources a minute; run it until nothing is due.
  while ((await m.enqueueDuePolls()) > 0) while ((await jobs.tick()) > 0) {}
  pollSecs = (performance.now() - t0) / 1000;
}
const health = await handle.db
  .selectFrom("monitoring_sources")
  .select(["last_error_code", (eb) => eb.fn.countAll<number>().as("n")])
  .where("name", "like", "small %")
  .groupBy("last_error_code")
  .execute();
const stored = await handle.db
  .selectFrom("monitoring_items")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .executeTakeFirstOrThrow();
// How each item's text was obtained ("feed", "page"): a text feed whose summary is cut short fetches pages.
const origins = await handle.db
  .selectFrom("monitoring_items")
  .select([
    sql<string>`json_extract(labels_json, '$.textOrigin')`.as("origin"),
    (eb) => eb.fn.countAll<number>().as("n"),
  ])
  .groupBy("origin")
  .execute();

clearInterval(sampler);
const row = {
  itemsPerSec: textSecs ? Math.round(textItems / textSecs) : null,
  pagesPerSec: pageSecs ? Math.round(pageCount / pageSecs) : null,
  sources: Number(health.find((h) => h.last_error_code === null)?.n ?? 0),
  sourceErrors: health.filter((h) => h.last_error_code !== null),
  pollSecs: Math.round(pollSecs * 10) / 10,
  storedItems: Number(stored.n),
  textOrigins: Object.fromEntries(origins.map((o) => [o.origin, Number(o.n)])),
  peakMb: Math.round(peakRss / 1024 / 1024),
  baselineMb: Math.round(baselineRss / 1024 / 1024),
  workers: workersArg,
};
console.log(JSON.stringify(row));
const date = new Date().toISOString().slice(0, 10);
if (shouldRecord && phases.size === 3)
  fs.appendFileSync(
    "bench/RESULTS.md",
    `\n## Media monitoring — ingestion — ${date}\n\nMachine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}, SQLite, local HTTP server on 127.0.0.1 (\`bench/monitoring-ingest.ts\`).\n\n| measure | result | target |\n|---|---|---|\n| feeds with text (2,000 items, 20 feeds) | ${row.itemsPerSec} items/s | ≥ 300 ${Number(row.itemsPerSec) >= 300 ? "✓" : "✗"} |\n| pages fetched + extracted (400 pages, 50–150 KB) | ${row.pagesPerSec} pages/s | ≥ 40 ${Number(row.pagesPerSec) >= 40 ? "✓" : "✗"} |\n| 1,000 sources polled via jobs (10 items each) | ${row.sources} in ${row.pollSecs} s | < 3,600 s ${row.pollSecs < 3600 ? "✓" : "✗"} |\n| peak RSS while ingesting | ${row.peakMb} MB | < 500 MB ${row.peakMb < 500 ? "✓" : "✗"} |\n`,
  );
server.close();
await draftPool?.close();
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
