/**
 * Bench: the public portal with 10,000 articles × 7 languages (70,000 published texts), on SQLite and (with
 * --postgres) PostgreSQL in a throw-away cluster. Targets (issue 11, "Performance"):
 *  - article page and home page at 50 connections: ≥ 0.5× the requests/s of nginx serving the same bytes
 *    as static files (Debian nginx, started here on a loopback port, in the same run), p99 < 20 ms;
 *  - a 304 revalidation cheaper still;
 *  - `/sitemap.xml` with 70,000 addresses (the index and every file it lists) in < 1 s;
 *  - public search p95 < 50 ms, Vietnamese and CJK queries;
 *  - a publication served by every process within 1 s (two `haidang portal` processes on one database).
 * The portal runs as `haidang portal` child processes (from the sources, through the ts loader); the
 * bench seeds with bulk SQL inserts and publishes through the portal repository, as the service does.
 *
 *   node --import ./scripts/ts-loader.mjs bench/portal.ts [--postgres] [--no-record] [--seconds=10]
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { Config } from "../src/config/config.js";
import { createPortalRepository } from "../src/modules/portal/portal.repository.js";
import type { PortalItemTable, PortalLocalizationTable } from "../src/modules/portal/portal.tables.js";
import { paragraphsDoc, renderRichText } from "../src/modules/portal/portal-render.js";
import { searchTextOf } from "../src/modules/portal/portal-search-text.js";
import { openDatabase } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrations/index.js";
import { findNginx } from "../test/cluster/cluster-harness.js";
import { freePort } from "../test/support/free-port.js";
import { portalItemRow, portalTextRow } from "../test/support/portal-rows.js";
import { machineLine, onEachDatabase, percentile, record } from "./bench-support.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ARTICLES = Number(process.env.BENCH_PORTAL_ARTICLES ?? 10_000);
const LANGS = ["vi", "en", "zh", "ja", "ko", "fr", "ru"] as const;
const seconds = Number(/--seconds=(\d+)/.exec(process.argv.join(" "))?.[1] ?? 10);

/** Words per language, so that titles, bodies and search look like the real thing. */
const WORDS: Record<(typeof LANGS)[number], string[]> = {
  vi: "cảng hải phòng đón tàu container lớn nhất lạch huyện đầu tư du lịch cát bà vịnh lan hạ hợp tác quốc tế thành phố hoa phượng đỏ kinh tế biển khu công nghiệp đối ngoại nhân dân".split(
    " ",
  ),
  en: "port hai phong welcomes container ship largest investment tourism bay island cooperation international city flamboyant economy industrial zone foreign affairs people".split(
    " ",
  ),
  zh: "海防 港口 集装箱 船舶 投资 旅游 吉婆岛 兰下湾 国际 合作 城市 凤凰花 经济 海洋 工业区 对外 人民".split(
    " ",
  ),
  ja: "ハイフォン 港 コンテナ 船 投資 観光 カットバー島 ランハー湾 国際 協力 都市 鳳凰木 経済 海洋 工業団地 対外 人民".split(
    " ",
  ),
  ko: "하이퐁 항구 컨테이너 선박 투자 관광 깟바섬 란하만 국제 협력 도시 봉황목 경제 해양 산업단지 대외 국민".split(
    " ",
  ),
  fr: "port haiphong accueille porte-conteneurs plus grand investissement tourisme baie île coopération internationale ville flamboyant économie zone industrielle".split(
    " ",
  ),
  ru: "порт хайфон принимает контейнеровоз крупнейший инвестиции туризм залив остров сотрудничество международное город экономика промышленная зона".split(
    " ",
  ),
};
const SEP: Record<string, string> = { zh: "", ja: "", ko: " " };

function words(lang: (typeof LANGS)[number], seed: number, n: number): string {
  const list = WORDS[lang];
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(list[(seed * 31 + i * 7 + (seed >> 3)) % list.length] as string);
  return out.join(SEP[lang] ?? " ");
}

/** 10,000 items × 7 published texts, bulk-inserted. */
async function seed(database: Config["database"]) {
  const { db, dialect, close } = openDatabase({ database });
  await migrateToLatest(db, dialect);
  const started = performance.now();
  const base = Date.UTC(2024, 0, 1);
  const items: PortalItemTable[] = [];
  const texts: PortalLocalizationTable[] = [];
  const flush = async (force: boolean) => {
    if (texts.length < 700 && !force) return;
    // Items first: their texts refer to them.
    if (items.length) await db.insertInto("portal_items").values(items.splice(0)).execute();
    while (texts.length) await db.insertInto("portal_localizations").values(texts.splice(0, 100)).execute();
  };
  for (let i = 0; i < ARTICLES; i++) {
    const at = new Date(base + i * 3_600_000).toISOString();
    const item = portalItemRow(at);
    items.push(item);
    for (const lang of LANGS) {
      const title = `${words(lang, i, 6)} ${i}`;
      const summary = words(lang, i + 1, 14);
      const paragraphs = [words(lang, i + 2, 40), words(lang, i + 3, 40), words(lang, i + 4, 30)];
      const doc = paragraphsDoc(...paragraphs);
      texts.push(
        portalTextRow(item.id, lang, at, {
          title,
          summary,
          body_json: JSON.stringify(doc),
          body_html: renderRichText(doc),
          slug: `bai-${lang}-${i}`,
          search_text: searchTextOf(title, summary, ...paragraphs),
        }),
      );
    }
    await flush(false);
  }
  await flush(true);
  const seedMs = performance.now() - started;
  return { db, close, seedMs };
}

/** `haidang portal` on a free port; resolves with its address once it listens. */
async function startPortal(database: Config["database"], dataDir: string) {
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/ts-loader.mjs", "src/cli/index.ts", "portal"],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        HAIDANG_DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        HOST: "127.0.0.1",
        PORTAL_PORT: "0",
        HAIDANG_PORTAL_URL: "https://portal.bench",
        ...(database.kind === "postgres" && { DATABASE_URL: database.url }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/[^\s)]+)/.exec(output);
      if (m) resolve(m[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`haidang portal exited ${code}: ${output}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** nginx serving `files` (path → bytes) as static files on a loopback port, one worker, like a small site. */
async function startStaticNginx(files: Record<string, Buffer>) {
  const bin = findNginx();
  if (!bin) throw new Error("needs nginx (Debian nginx-light)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-portal-nginx-"));
  fs.chmodSync(dir, 0o755);
  const www = path.join(dir, "www");
  for (const [file, bytes] of Object.entries(files)) {
    const target = path.join(www, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
  }
  execFileSync("chmod", ["-R", "a+rX", dir]);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    fs.mkdirSync(path.join(dir, sub));
    fs.chmodSync(path.join(dir, sub), 0o777);
  }
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    default_type text/html;
    location / { try_files $uri $uri/index.html =404; }
  }
}
`,
  );
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf")];
  execFileSync(bin, ["-t", ...args], { stdio: "pipe" });
  const child = spawn(bin, args, { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/vi/index.html`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stop(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function load(url: string, headers: Record<string, string> = {}) {
  // A short warm-up first (JIT, connections), then the measured run.
  await autocannon({ url, connections: 50, duration: 1, headers });
  const result = await autocannon({ url, connections: 50, duration: seconds, headers });
  const expected = headers["if-none-match"] ? result["3xx"] : result["2xx"];
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + (result.requests.total - expected),
    statuses: `2xx ${result["2xx"]}, 3xx ${result["3xx"]}`,
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

async function benchOne(label: string, database: Config["database"], dataDir: string) {
  const { db, close, seedMs } = await seed(database);
  const lines: string[] = [];
  const a = await startPortal(database, dataDir);
  const b = await startPortal(database, dataDir);
  let nginx: Awaited<ReturnType<typeof startStaticNginx>> | null = null;
  try {
    const articlePath = `/en/bai-en-${ARTICLES - 5}`;
    const homePath = "/vi/";
    const article = await fetch(`${a.url}${articlePath}`);
    const articleBytes = Buffer.from(await article.arrayBuffer());
    const etag = article.headers.get("etag") ?? "";
    const home = Buffer.from(await (await fetch(`${a.url}${homePath}`)).arrayBuffer());
    if (!article.ok || !etag) throw new Error(`article page: ${article.status}`);
    nginx = await startStaticNginx({
      [`${articlePath}.html`]: articleBytes,
      "vi/index.html": home,
    });
    const nginxEtag = (await fetch(`${nginx.url}${articlePath}.html`)).headers.get("etag") ?? "";

    // Alternating runs in the same minute: nginx, then the portal (process a only).
    const ngArticle = await load(`${nginx.url}${articlePath}.html`);
    const ptArticle = await load(`${a.url}${articlePath}`);
    const ngHome = await load(`${nginx.url}/vi/index.html`);
    const ptHome = await load(`${a.url}${homePath}`);
    const ng304 = await load(`${nginx.url}${articlePath}.html`, { "if-none-match": nginxEtag });
    const pt304 = await load(`${a.url}${articlePath}`, { "if-none-match": etag });
    const row = (name: string, ng: typeof ngHome, pt: typeof ngHome) =>
      `| ${name} | ${fmt(ng.rps)} | ${fmt(pt.rps)} | **${fmt(pt.rps / ng.rps, 2)}×** ${pt.rps / ng.rps >= 0.5 ? "✓" : "✗"} | ${fmt(ng.p99, 1)} | ${fmt(pt.p99, 1)} ${pt.p99 < 20 ? "✓" : "✗"} | ${ng.errors}/${pt.errors} |`;

    // Sitemap: the index and every file it lists, first after a change (built) and again (cached).
    const sitemapOnce = async () => {
      const started = performance.now();
      const index = await (await fetch(`${a.url}/sitemap.xml`)).text();
      const files = [...index.matchAll(/<loc>https:\/\/portal\.bench(\/sitemaps\/\d+\.xml)<\/loc>/g)].map(
        (m) => m[1] as string,
      );
      let urls = files.length ? 0 : (index.match(/<url>/g) ?? []).length;
      let bytes = index.length;
      for (const f of files) {
        const body = await (await fetch(`${a.url}${f}`)).text();
        urls += (body.match(/<url>/g) ?? []).length;
        bytes += Buffer.byteLength(body);
      }
      return { ms: performance.now() - started, urls, files: files.length, bytes };
    };
    const portal = createPortalRepository();
    const touch = async () => {
      // A correction to one published text moves the content version and that text's change time: the
      // sitemap is planned anew and the file(s) holding that item are written again.
      const now = new Date().toISOString();
      const row = await db
        .selectFrom("portal_localizations")
        .select("id")
        .where("lang", "=", "en")
        .where("slug", "=", `bai-en-${ARTICLES - 5}`)
        .executeTakeFirstOrThrow();
      await db
        .updateTable("portal_localizations")
        .set({ updated_at: now })
        .where("id", "=", row.id)
        .execute();
      await new Promise((r) => setTimeout(r, 400));
    };
    await touch();
    // The process's first sitemap: every file written.
    const sitemapCold = await sitemapOnce();
    const sitemapWarm = await sitemapOnce();
    // After one more correction: only the file(s) holding that item are written again.
    await touch();
    const sitemapChanged = await sitemapOnce();

    // Search: sequential queries (one visitor at a time), after a warm-up that builds the index.
    const queries: [string, string][] = [
      ["vi", "cang hai phong"],
      ["vi", "Cát Bà"],
      ["vi", "du lich vinh"],
      ["vi", "doi ngoai nhan"],
      ["zh", "集装箱"],
      ["zh", "海防港口"],
      ["ja", "コンテナ"],
      ["ja", "観光"],
      ["ko", "하이퐁 항구"],
      ["ru", "хайфон"],
      ["en", "container ship"],
      ["fr", "coopération"],
    ];
    const searchOnce = async (lang: string, q: string) => {
      const started = performance.now();
      const res = await fetch(`${a.url}/${lang}/search?q=${encodeURIComponent(q)}`);
      const body = await res.text();
      if (!res.ok) throw new Error(`search ${lang} ${q}: ${res.status}`);
      return { ms: performance.now() - started, hits: (body.match(/<li>/g) ?? []).length };
    };
    const warmStart = performance.now();
    await searchOnce("vi", "cang");
    const indexBuildMs = performance.now() - warmStart;
    const searchTimes: number[] = [];
    let searchHits = 0;
    for (let i = 0; i < 240; i++) {
      const [lang, q] = queries[i % queries.length] as [string, string];
      const r = await searchOnce(lang, q);
      searchTimes.push(r.ms);
      searchHits += r.hits;
    }

    // Publication: a new text published in the database (as the service does) → both processes serve it.
    const publishTimes: number[] = [];
    const withdrawTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      const loc = await db
        .selectFrom("portal_localizations")
        .select(["id", "item_id", "slug"])
        .where("lang", "=", "fr")
        .where("slug", "=", `bai-fr-${run * 17}`)
        .executeTakeFirstOrThrow();
      const title = `Nouvel article publié ${run} ${Date.now()}`;
      const visible = async (url: string, want: boolean) => {
        const res = await fetch(`${url}/fr/${loc.slug}`);
        const body = await res.text();
        return want ? res.ok && body.includes(title) : res.status === 404;
      };
      const until = async (want: boolean) => {
        const started = performance.now();
        const pending = new Set([a.url, b.url]);
        while (pending.size && performance.now() - started < 10_000) {
          for (const url of [...pending]) if (await visible(url, want)) pending.delete(url);
          if (pending.size) await new Promise((r) => setTimeout(r, 20));
        }
        return pending.size ? Number.POSITIVE_INFINITY : performance.now() - started;
      };
      // Both processes have the old page cached.
      await fetch(`${a.url}/fr/${loc.slug}`);
      await fetch(`${b.url}/fr/${loc.slug}`);
      const now = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        await portal.updateLocalization(trx, loc.id, { title, updated_at: now, published_at: now });
        await portal.updateItem(trx, loc.item_id, { updated_at: now });
      });
      publishTimes.push(await until(true));
      const later = new Date().toISOString();
      await db.transaction().execute(async (trx) => {
        await portal.updateLocalization(trx, loc.id, { state: "approved", updated_at: later });
        await portal.updateItem(trx, loc.item_id, { updated_at: later });
      });
      withdrawTimes.push(await until(false));
      await db.transaction().execute(async (trx) => {
        const again = new Date().toISOString();
        await portal.updateLocalization(trx, loc.id, { state: "published", updated_at: again });
        await portal.updateItem(trx, loc.item_id, { updated_at: again });
      });
    }

    lines.push(
      `### ${label}`,
      "",
      `Seeded ${fmt(ARTICLES)} articles × ${LANGS.length} languages (${fmt(ARTICLES * LANGS.length)} published texts) in ${fmt(seedMs / 1000, 1)} s. autocannon, 50 connections, ${seconds} s per run, nginx and the portal alternating; the portal is one \`haidang portal\` process.`,
      "",
      "| page | nginx req/s | portal req/s | portal ÷ nginx (≥ 0.5) | nginx p99 ms | portal p99 ms (< 20) | errors nginx/portal |",
      "|---|---|---|---|---|---|---|",
      row(`article \`${articlePath}\` (${fmt(articleBytes.length)} B)`, ngArticle, ptArticle),
      row(`home \`${homePath}\` (${fmt(home.length)} B)`, ngHome, ptHome),
      row("article, 304 revalidation (If-None-Match)", ng304, pt304),
      "",
      `- 304 vs 200 on the portal: ${fmt(pt304.rps)} vs ${fmt(ptArticle.rps)} req/s ${pt304.rps > ptArticle.rps ? "(cheaper ✓)" : "(not cheaper ✗)"}; p99 ${fmt(pt304.p99, 1)} vs ${fmt(ptArticle.p99, 1)} ms.`,
      `- Sitemap, ${fmt(sitemapCold.urls)} addresses in an index of ${sitemapCold.files} files (${fmt(sitemapCold.bytes / 1e6, 1)} MB): first fetch in the process (every file written) ${fmt(sitemapCold.ms)} ms, first fetch after a correction ${fmt(sitemapChanged.ms)} ms, then ${fmt(sitemapWarm.ms)} ms (target < 1,000 ms ${sitemapCold.ms < 1000 && sitemapChanged.ms < 1000 ? "✓" : "✗ on a first fetch"}${sitemapWarm.ms < 1000 ? ", ✓ cached" : ""}).`,
      `- Search, ${searchTimes.length} sequential queries over ${queries.length} Vietnamese, Chinese, Japanese, Korean, Russian, English and French queries (${fmt(searchHits / searchTimes.length, 1)} hits each on average): p50 ${fmt(percentile(searchTimes, 50), 1)} ms, p95 ${fmt(percentile(searchTimes, 95), 1)} ms (target < 50 ${percentile(searchTimes, 95) < 50 ? "✓" : "✗"}), max ${fmt(Math.max(...searchTimes), 1)} ms; building the index at the first search: ${fmt(indexBuildMs)} ms.`,
      `- Publication seen by both processes (5 runs, polled every 20 ms): ${publishTimes.map((t) => fmt(t)).join(", ")} ms; withdrawal (404 in both): ${withdrawTimes.map((t) => fmt(t)).join(", ")} ms (target < 1,000 ${Math.max(...publishTimes, ...withdrawTimes) < 1000 ? "✓" : "✗"}).`,
      "",
    );
  } finally {
    await nginx?.stop();
    await stop(a.child);
    await stop(b.child);
    await close();
  }
  return lines;
}

const results = await onEachDatabase(benchOne);
record([
  `## Public portal — ${fmt(ARTICLES)} articles × 7 languages (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)`,
  "",
  `${machineLine()} A load average above the core count makes every figure pessimistic.`,
  `Command: \`node --import ./scripts/ts-loader.mjs bench/portal.ts${process.argv.includes("--postgres") ? " --postgres" : ""}\`.`,
  "",
  ...results.flat(),
]);
process.exit(0);
