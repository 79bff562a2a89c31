/**
 * Ingestion end to end on both databases, feeds served by a real HTTP server on 127.0.0.1: every feed
 * format, idempotency (twice, and after a crash), hostile feeds and servers, sanitised HTML, search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetcher } from "../../src/modules/monitoring/fetch/fetch.client.js";
import { createMonitoring, type Monitoring } from "../../src/modules/monitoring/monitoring.module.js";
import { createJobRunner } from "../../src/platform/jobs/job-runner.js";
import { createJobsRepository } from "../../src/platform/jobs/jobs.repository.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { type Client, signIn } from "../support/http.js";
import { type FixtureServer, localFeed, serveText, startFixtureServer } from "./monitoring-support.js";

interface Page {
  items: { id: string; title: string; source: { id: string }; language: string; storyId: string }[];
  total: number;
}

describe.each(dialects())("monitoring ingestion on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let server: FixtureServer;
  let m: Monitoring;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_FETCH_ALLOW_PRIVATE: "true" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    server = await startFixtureServer();
    m = t.platform.services.monitoring;
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  async function addSource(name: string, path: string, body: Record<string, unknown> = {}) {
    const res = await admin.request("POST", "/api/monitoring/sources", {
      name,
      url: `${server.origin}${path}`,
      ...body,
    });
    expect(res.status, res.text).toBe(201);
    return (res.body as { id: string }).id;
  }
  const count = async (sourceId: string) =>
    ((await admin.request("GET", `/api/monitoring/items?sourceId=${sourceId}`)).body as Page).total;

  it.each([
    ["rss2.xml", 2],
    ["rss1.rdf", 2],
    ["atom.xml", 2],
    ["feed.json", 2],
    ["news-sitemap.xml", 2],
  ])("ingests %s through the scheduled poll job", async (file, atLeast) => {
    server.routes.set(
      `/feeds/${file}`,
      serveText(
        localFeed(file, server.origin),
        file.endsWith(".json") ? "application/feed+json" : "application/xml",
      ),
    );
    const id = await addSource(`Feed ${file}`, `/feeds/${file}`);
    // Not fetched yet: the source must not read "working well" before it has worked once.
    const fresh = (await admin.request("GET", `/api/monitoring/sources/${id}`)).body as {
      health: { state: string };
    };
    expect(fresh.health.state).toBe("never_fetched");
    expect(await m.enqueueDuePolls()).toBeGreaterThanOrEqual(1);
    while ((await t.platform.services.jobs.tick()) > 0) {}
    const source = (await admin.request("GET", `/api/monitoring/sources/${id}`)).body as {
      health: { lastSuccessAt: string | null; lastErrorCode: string | null; state: string };
      itemCount: number;
    };
    expect(source.health.state).toBe("healthy");
    expect(source.health.lastErrorCode).toBeNull();
    expect(source.health.lastSuccessAt).not.toBeNull();
    expect(await count(id)).toBeGreaterThanOrEqual(atLeast);
  });

  it("stores sanitised HTML, fetches pages for feeds without text, labels with why", async () => {
    const list = (await admin.request("GET", "/api/monitoring/items?pageSize=200")).body as Page;
    const lach = list.items.find((i) => i.title.includes("Lạch Huyện"));
    expect(lach).toBeDefined();
    const item = (await admin.request("GET", `/api/monitoring/items/${lach?.id}`)).body as {
      html: string;
      text: string;
      canonicalUrl: string;
      labels: { mentionsCity: boolean; why: { language: string }; textOrigin: string };
    };
    expect(item.html).not.toMatch(/onerror|<script|alert\(/i);
    expect(item.canonicalUrl).not.toContain("utm_source");
    expect(item.labels.mentionsCity).toBe(true);
    expect(item.labels.why.language).toBeTruthy();
    expect(item.labels.textOrigin).toBe("page"); // the feed had a one-line body: the page was fetched
    expect(item.text).toContain("Đoạn hai");
  });

  it("is idempotent: polling again or after a crash stores nothing twice", async () => {
    const entries = Array.from(
      { length: 30 },
      (_, i) =>
        `<item><title>Tin số ${i} về cảng Hải Phòng</title><link>${server.origin}/crash/${i}.html</link><guid>c-${i}</guid><description>${"Nội dung dài về Hải Phòng và cảng biển. ".repeat(8)} Mục ${i} riêng biệt ${"x".repeat(i)}.</description></item>`,
    );
    server.routes.set(
      "/feeds/crash.xml",
      serveText(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Crash</title>${entries.join("")}</channel></rss>`,
      ),
    );
    const id = await addSource("Crash feed", "/feeds/crash.xml", { fetchPages: false });
    const crashing = createMonitoring({
      db: t.platform.database.db,
      dialect,
      jobs: createJobRunner({ db: t.platform.database.db, jobs: createJobsRepository(dialect) }),
      audit: t.platform.services.audit,
      fetchAllowPrivate: true,
      onStored: (n) => {
        if (n === 5) throw new Error("simulated crash");
      },
    });
    const crashed = await crashing.pipeline.pollSource(id);
    expect(crashed.status).toBe("error");
    await new Promise((r) => setTimeout(r, 200)); // let in-flight items settle
    const afterCrash = await count(id);
    expect(afterCrash).toBeGreaterThanOrEqual(5);
    expect(afterCrash).toBeLessThan(30);
    const again = await m.pipeline.pollSource(id);
    expect(again.status).toBe("ok");
    expect(again.stored).toBe(30 - afterCrash);
    expect(await count(id)).toBe(30);
    const third = await m.pipeline.pollSource(id);
    expect(third.stored).toBe(0);
    expect(await count(id)).toBe(30);
  });

  it("uses conditional GET (ETag) and reports 304 as not modified", async () => {
    let conditional = 0;
    server.routes.set("/feeds/etag.xml", (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') {
        conditional++;
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/xml", etag: '"v1"' });
      res.end(localFeed("rss2.xml", server.origin));
    });
    const id = await addSource("ETag feed", "/feeds/etag.xml", { fetchPages: false });
    expect((await m.pipeline.pollSource(id)).status).toBe("ok");
    expect((await m.pipeline.pollSource(id)).status).toBe("not_modified");
    expect(conditional).toBe(1);
  });

  it("drafts in a worker thread (HAIDANG_MONITOR_WORKERS) the same way: pages fetched, extracted, labelled", async () => {
    const paragraph = "Cảng Lạch Huyện ở Hải Phòng tiếp nhận thêm tàu container cỡ lớn trong tháng này. ";
    for (let i = 0; i < 3; i++)
      server.routes.set(
        `/worker/${i}.html`,
        serveText(
          `<!doctype html><html><head><title>Tin ${i}</title></head><body><nav>Menu</nav><article><h1>Tin cảng số ${i}</h1><p>${paragraph.repeat(6)}</p><p>Đoạn riêng của tin ${i} với chi tiết khác nhau ${"về cầu cảng ".repeat(i + 1)}.</p><script>alert(1)</script></article></body></html>`,
          "text/html; charset=utf-8",
        ),
      );
    const entries = [0, 1, 2]
      .map(
        (i) =>
          `<item><title>Tin cảng số ${i}</title><link>${server.origin}/worker/${i}.html</link><guid>w-${i}</guid></item>`,
      )
      .join("");
    server.routes.set(
      "/feeds/worker.xml",
      serveText(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>${entries}</channel></rss>`,
      ),
    );
    const id = await addSource("Worker feed", "/feeds/worker.xml", { fetchPages: true });
    const withWorkers = createMonitoring({
      db: t.platform.database.db,
      dialect,
      jobs: createJobRunner({ db: t.platform.database.db, jobs: createJobsRepository(dialect) }),
      audit: t.platform.services.audit,
      fetchAllowPrivate: true,
      workers: 1,
    });
    try {
      expect((await withWorkers.pipeline.pollSource(id)).status).toBe("ok");
    } finally {
      await withWorkers.close();
    }
    const list = (await admin.request("GET", `/api/monitoring/items?sourceId=${id}`)).body as Page;
    expect(list.total).toBe(3);
    const item = (await admin.request("GET", `/api/monitoring/items/${list.items[0]?.id}`)).body as {
      text: string;
      html: string;
      labels: { mentionsCity: boolean; textOrigin: string };
    };
    expect(item.labels).toMatchObject({ mentionsCity: true, textOrigin: "page" });
    expect(item.text).toContain("Lạch Huyện");
    expect(item.html).not.toMatch(/<script|alert\(/);
  }, 30_000);

  it("records hostile feeds and servers as source errors, with backoff, and keeps running", async () => {
    const fast = createMonitoring({
      db: t.platform.database.db,
      dialect,
      jobs: createJobRunner({ db: t.platform.database.db, jobs: createJobsRepository(dialect) }),
      audit: t.platform.services.audit,
      fetchAllowPrivate: true,
      fetcher: createFetcher({ allowPrivate: true, totalTimeoutMs: 1500, maxBytes: 2 * 1024 * 1024 }),
    });
    // Not a feed at all (an unclosed feed is now read as far as it goes: see the next test).
    server.routes.set("/bad/malformed.xml", serveText(localFeed("malformed-not-a-feed.xml", server.origin)));
    server.routes.set("/bad/bomb.xml", serveText(localFeed("entity-bomb.xml", server.origin)));
    server.routes.set("/bad/huge.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/xml" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100 && !res.destroyed) res.once("drain", pump);
        else res.end();
      };
      res.on("error", () => {});
      pump();
    });
    server.routes.set("/bad/trickle.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/xml" });
      const timer = setInterval(() => res.write("<"), 200);
      res.on("close", () => clearInterval(timer));
    });
    server.routes.set("/bad/loop-a", (_req, res) => res.writeHead(302, { location: "/bad/loop-b" }).end());
    server.routes.set("/bad/loop-b", (_req, res) => res.writeHead(302, { location: "/bad/loop-a" }).end());
    const cases: [string, string][] = [
      ["/bad/malformed.xml", "feed_malformed"],
      ["/bad/bomb.xml", "feed_entity_expansion"],
      ["/bad/huge.xml", "fetch_too_large"],
      ["/bad/trickle.xml", "fetch_timeout"],
      ["/bad/loop-a", "fetch_too_many_redirects"],
      ["/bad/missing.xml", "fetch_http_status"],
    ];
    for (const [path, code] of cases) {
      const id = await addSource(`Bad ${path}`, path);
      const r = await fast.pipeline.pollSource(id);
      expect(r, path).toMatchObject({ status: "error", errorCode: code });
      const s = (await admin.request("GET", `/api/monitoring/sources/${id}`)).body as {
        health: { consecutiveFailures: number; lastErrorCode: string; nextPollAt: string };
      };
      expect(s.health.consecutiveFailures).toBe(1);
      expect(s.health.lastErrorCode).toBe(code);
      expect(Date.parse(s.health.nextPollAt)).toBeGreaterThan(Date.now() + 60 * 60_000); // 60 min × 2
    }
    const failing = (await admin.request("GET", "/api/monitoring/sources?hasErrors=true&pageSize=200"))
      .body as { total: number };
    expect(failing.total).toBeGreaterThanOrEqual(cases.length);
  });

  it("reads an ill-formed feed as far as it goes and records the repair on the source's health", async () => {
    server.routes.set("/odd/unclosed.xml", serveText(localFeed("malformed-unclosed.xml", server.origin)));
    const id = await addSource("Feed with an unclosed title", "/odd/unclosed.xml");
    const r = await m.pipeline.pollSource(id);
    expect(r).toMatchObject({ status: "ok", entries: 1 });
    const s = (await admin.request("GET", `/api/monitoring/sources/${id}`)).body as {
      health: { state: string; consecutiveFailures: number; lastErrorCode: string; lastErrorMessage: string };
    };
    expect(s.health).toMatchObject({
      state: "healthy",
      consecutiveFailures: 0,
      lastErrorCode: "feed_recovered",
    });
    expect(s.health.lastErrorMessage).toMatch(/^xml_malformed: /);
    expect(await count(id)).toBe(1);
  });

  it("searches with accent and đ folding, phrases, NOT, NEAR and field filters", async () => {
    const post = async (text: string, extra: Record<string, unknown> = {}) => {
      const res = await admin.request("POST", "/api/monitoring/items/manual", {
        text,
        platform: "facebook",
        author: "Người dùng",
        ...extra,
      });
      expect(res.status, res.text).toBe(201);
      return (res.body as { id: string }).id;
    };
    const a = await post(
      "Đoàn doanh nghiệp Đà Nẵng thăm cảng container Hải Phòng và ký kết hợp tác đầu tư.",
      { publishedAt: "2024-03-05T03:00:00Z" },
    );
    const b = await post("Lễ hội chọi trâu Đồ Sơn thu hút đông đảo du khách quốc tế đến Hải Phòng.", {
      publishedAt: "2024-08-10T03:00:00Z",
    });
    const c = await post("Port of Haiphong container volume grows as investors arrive from Korea.", {
      publishedAt: "2024-04-01T03:00:00Z",
    });
    const ids = async (q: string) =>
      (
        (await admin.request("GET", `/api/monitoring/search?q=${encodeURIComponent(q)}&pageSize=200`))
          .body as Page
      ).items.map((i) => i.id);
    expect(await ids("da nang")).toContain(a);
    expect(await ids("ĐÀ NẴNG")).toContain(a);
    expect(await ids("do son")).toContain(b);
    expect(await ids('"chọi trâu đồ sơn"')).toEqual([b]);
    // Each result carries a snippet of its text around the match (plain text, accent-insensitive).
    const found = (
      await admin.request("GET", `/api/monitoring/search?q=${encodeURIComponent('"choi trau do son"')}`)
    ).body as { items: { id: string; snippet: string }[] };
    expect(found.items[0]?.snippet).toMatch(/chọi trâu Đồ Sơn/i);
    expect(await ids('"trâu chọi"')).not.toContain(b);
    expect(await ids("container NOT korea")).toContain(a);
    expect(await ids("container NOT korea")).not.toContain(c);
    expect(await ids("container -korea")).not.toContain(c);
    expect(await ids("NEAR(doanh cảng, 4)")).toContain(a);
    expect(await ids("NEAR(đoàn container, 2)")).not.toContain(a);
    expect(await ids("doanh NEAR/4 cảng")).toContain(a);
    expect(await ids("container lang:en")).toContain(c);
    expect(await ids("container lang:en")).not.toContain(a);
    expect(await ids("container date:2024-03-01..2024-03-31")).toContain(a);
    expect(await ids("container date:2024-03-01..2024-03-31")).not.toContain(c);
    expect(await ids('"cảng container hải phòng"')).toEqual([a]);
    expect(await ids('"container cảng"')).not.toContain(a);
    expect(await ids("NEAR(ký hợp tác, 3)")).toContain(a);
    // 18:00 UTC on 31 March is 1 April in Hải Phòng: date ranges are local days.
    const late = await post("Tàu container cập cảng lúc nửa đêm.", { publishedAt: "2024-03-31T18:00:00Z" });
    expect(await ids("container date:2024-04-01..2024-04-01")).toEqual(expect.arrayContaining([late, c]));
    expect(await ids("container date:2024-03-01..2024-03-31")).not.toContain(late);
    expect(await ids("container date:..2024-03-31")).toContain(a);
    expect(await ids("container date:..2024-03-31")).not.toContain(late);
    expect(await ids('source:"Nhập thủ công (mạng xã hội) / Manual entry (social media)" trâu')).toEqual([b]);
    expect(await ids("(lễ OR port) (hải phòng OR haiphong)")).toEqual(expect.arrayContaining([b, c]));
    const bad = await admin.request("GET", `/api/monitoring/search?q=${encodeURIComponent('"unclosed')}`);
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { code: string } }).error.code).toBe("monitoring_query_invalid");
    // FTS syntax typed by a user is just text
    expect(
      (await admin.request("GET", `/api/monitoring/search?q=${encodeURIComponent("a* {folded}:x ^y")}`))
        .status,
    ).toBe(200);
    // a pasted post pasted twice is one item
    const again = await admin.request("POST", "/api/monitoring/items/manual", {
      text: "Lễ hội chọi trâu Đồ Sơn thu hút đông đảo du khách quốc tế đến Hải Phòng.",
      platform: "facebook",
      author: "Người dùng",
    });
    expect(again.body).toMatchObject({ isDuplicate: true });
  });

  it("groups near-duplicates into one story and keeps label corrections", async () => {
    const base =
      "Sân bay Cát Bi sẽ xây dựng nhà ga hành khách T2 với công suất 5 triệu khách mỗi năm, tổng vốn đầu tư hơn 2.000 tỷ đồng, dự kiến khởi công trong quý II và hoàn thành vào năm 2025, góp phần nâng cao năng lực khai thác của cảng hàng không.";
    const one = await admin.request("POST", "/api/monitoring/items/manual", {
      text: base,
      platform: "facebook",
      author: "A",
    });
    const two = await admin.request("POST", "/api/monitoring/items/manual", {
      text: `${base} Theo Báo Thí Dụ.`,
      platform: "zalo",
      author: "B",
    });
    const s1 = (one.body as { storyId: string }).storyId;
    expect((two.body as { storyId: string }).storyId).toBe(s1);
    const story = (await admin.request("GET", `/api/monitoring/stories/${s1}`)).body as { itemCount: number };
    expect(story.itemCount).toBe(2);
    const id = (one.body as { id: string }).id;
    const corrected = await admin.request("POST", `/api/monitoring/items/${id}/labels`, {
      tone: "negative",
      topics: ["tourism"],
      note: "thử",
    });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.body).toMatchObject({
      tone: "negative",
      labels: { tone: "negative" },
      corrections: expect.arrayContaining([expect.objectContaining({ field: "tone", after: "negative" })]),
    });
    const training = (await admin.request("GET", "/api/monitoring/label-corrections")).body as {
      field: string;
    }[];
    expect(training.map((c) => c.field)).toEqual(expect.arrayContaining(["tone", "topics"]));
  });

  it("imports and exports OPML", async () => {
    const opml = localFeed("../feeds/subscriptions.opml", server.origin);
    const res = await admin.request("POST", "/api/monitoring/sources/opml", { opml });
    expect(res.status, res.text).toBe(200);
    expect(
      (res.body as { results: { status: string }[] }).results.filter((r) => r.status === "created"),
    ).toHaveLength(3);
    const again = await admin.request("POST", "/api/monitoring/sources/opml", { opml });
    expect(
      (again.body as { results: { status: string }[] }).results.every((r) => r.status === "exists"),
    ).toBe(true);
    const exported = await admin.request("GET", "/api/monitoring/sources/opml");
    expect(exported.text).toContain("<opml");
    expect(exported.text).toContain("Foreign &amp; Friends");
  });
});
