/**
 * End-to-end ingestion from a real local HTTP server into a fresh SQLite database:
 *  1. feeds carrying their text (items/s, target ≥ 300),
 *  2. feeds without text: 50–150 KB article pages fetched and extracted (pages/s, target ≥ 40),
 *  3. 1,000 sources polled through the durable jobs (scheduler + poll jobs): must finish well within an hour,
 * recording peak RSS (target < 500 MB).
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-ingest.ts
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createAuditRepository } from "../src/modules/audit/audit.repository.js";
import { createAuditService } from "../src/modules/audit/audit.service.js";
import { createFetcher } from "../src/modules/monitoring/fetch/fetch.client.js";
import { createMonitoring } from "../src/modules/monitoring/monitoring.module.js";
import { systemContext } from "../src/platform/context.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrations/index.js";
import { createJobRunner } from "../src/platform/jobs/job-runner.js";
import { createJobsRepository } from "../src/platform/jobs/jobs.repository.js";

const words = fs
  .readdirSync("test/fixtures/monitoring/articles")
  .filter((f) => f.startsWith("vi-") || f.startsWith("en-"))
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

function feed(origin: string, key: string, n: number, withText: boolean): string {
  const items = Array.from({ length: n }, (_, i) => {
    const body = withText
      ? `<description>${esc(sentence(220))}</description>`
      : "<description>Tóm tắt.</description>";
    return `<item><title>${esc(sentence(10))}</title><link>${origin}/a/${key}/${i}.html</link><guid>${key}-${i}</guid>${body}<pubDate>Tue, 12 Mar 2024 07:30:00 +0700</pubDate></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${key}</title>${items.join("")}</channel></rss>`;
}

function page(kb: number): string {
  const paras: string[] = [];
  let size = 0;
  while (size < kb * 1024) {
    const p = `<p>${esc(sentence(60))}</p>`;
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

const pages = new Map<string, string>();
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
    let html = pages.get(url.pathname);
    if (!html) {
      html = page(50 + Math.floor(rnd() * 100));
      if (pages.size < 50) pages.set(url.pathname, html);
    }
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
const m = createMonitoring({
  db: handle.db,
  dialect: "sqlite",
  jobs,
  audit,
  fetchAllowPrivate: true,
  fetcher,
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

// 1. feeds with text
const textSources = [];
for (let i = 0; i < 20; i++) textSources.push(await addSource(`text ${i}`, `${origin}/feed/text/t${i}`));
let t0 = performance.now();
// Two polls at a time: on SQLite every write shares one connection, so more parallel polls only
// interleave CPU work inside open transactions.
for (let i = 0; i < textSources.length; i += 2)
  await Promise.all(textSources.slice(i, i + 2).map((s) => m.pipeline.pollSource(s.id)));
const textSecs = (performance.now() - t0) / 1000;
const textItems = 20 * 100;

// 2. pages fetched and extracted
const pageSources = [];
for (let i = 0; i < 8; i++) pageSources.push(await addSource(`pages ${i}`, `${origin}/feed/pages/p${i}`));
t0 = performance.now();
for (let i = 0; i < pageSources.length; i += 2)
  await Promise.all(pageSources.slice(i, i + 2).map((s) => m.pipeline.pollSource(s.id)));
const pageSecs = (performance.now() - t0) / 1000;
const pageCount = 8 * 50;

// 3. 1,000 sources through the job runner
for (let i = 0; i < 1000; i++) await addSource(`small ${i}`, `${origin}/feed/small/s${i}`);
t0 = performance.now();
// The scheduler enqueues up to 500 due sources a minute; run it until nothing is due.
while ((await m.enqueueDuePolls()) > 0) while ((await jobs.tick()) > 0) {}
const pollSecs = (performance.now() - t0) / 1000;
const polled = await handle.db
  .selectFrom("monitoring_sources")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .where("last_success_at", "is not", null)
  .executeTakeFirstOrThrow();

clearInterval(sampler);
const row = {
  itemsPerSec: Math.round(textItems / textSecs),
  pagesPerSec: Math.round(pageCount / pageSecs),
  sources: Number(polled.n) - 28,
  pollSecs: Math.round(pollSecs * 10) / 10,
  peakMb: Math.round(peakRss / 1024 / 1024),
};
console.log(JSON.stringify(row));
const date = new Date().toISOString().slice(0, 10);
fs.appendFileSync(
  "bench/RESULTS.md",
  `\n## Media monitoring — ingestion — ${date}\n\nMachine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, Node ${process.version}, SQLite, local HTTP server on 127.0.0.1 (\`bench/monitoring-ingest.ts\`).\n\n| measure | result | target |\n|---|---|---|\n| feeds with text (2,000 items, 20 feeds) | ${row.itemsPerSec} items/s | ≥ 300 ${row.itemsPerSec >= 300 ? "✓" : "✗"} |\n| pages fetched + extracted (400 pages, 50–150 KB) | ${row.pagesPerSec} pages/s | ≥ 40 ${row.pagesPerSec >= 40 ? "✓" : "✗"} |\n| 1,000 sources polled via jobs (10 items each) | ${row.sources} in ${row.pollSecs} s | < 3,600 s ${row.pollSecs < 3600 ? "✓" : "✗"} |\n| peak RSS while ingesting | ${row.peakMb} MB | < 500 MB ${row.peakMb < 500 ? "✓" : "✗"} |\n`,
);
server.close();
await handle.close();
fs.rmSync(dir, { recursive: true, force: true });
