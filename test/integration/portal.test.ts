/**
 * The external-information portal as editors, translators, reviewers and visitors meet it: a Vietnamese
 * article translated, reviewed by someone else, published and served by the separate public listener
 * with reciprocal hreflang, canonical, JSON-LD and 304 revalidation; outdated translations flagged when
 * the source moves on; stable slugs with redirects; fallbacks shown only where allowed and said so;
 * accent-insensitive and CJK search; scripts never reaching a visitor; views counted without cookies.
 */
import type { FastifyInstance } from "fastify";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoPortal } from "../../src/modules/demo/demo-portal.js";
import { todayInHoChiMinh } from "../../src/modules/follow-up/calendar/calendar.clock.js";
import { portalRegisterKind } from "../../src/modules/portal/portal.kind.js";
import { buildPortalApp } from "../../src/portal/portal-app.js";
import type { PortalItem, PortalItemPage, RevisionDiff } from "../../src/shared/api/portal.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import type { Client } from "../support/http.js";
import { signIn } from "../support/http.js";

const doc = (...paragraphs: string[]) => ({
  type: "doc" as const,
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

const BROWSER = { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130" };

describe.each(dialects())("portal on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let translator: Client;
  let editor: Client;
  let portalApp: FastifyInstance;
  let flushViews: () => Promise<void>;
  let itemId: string;

  const visit = (url: string, headers: Record<string, string> = {}) =>
    portalApp.inject({ method: "GET", url, headers: { ...BROWSER, ...headers } });

  async function createArticle(title: string, body: string[], extra: Record<string, unknown> = {}) {
    const res = await admin.request("POST", "/api/portal/items", {
      kind: "article",
      topics: ["tourism"],
      tags: ["Cát Bà"],
      ...extra,
      source: { title, summary: `${title} — tóm tắt`, body: doc(...body) },
    });
    expect(res.status, res.text).toBe(201);
    return res.body as PortalItem;
  }

  async function publish(id: string, lang: string, reviewer: Client = editor) {
    for (const to of ["review", "approved", "published"]) {
      const res = await (to === "review" ? admin : reviewer).request(
        "POST",
        `/api/portal/items/${id}/localizations/${lang}/transition`,
        { to },
      );
      expect(res.status, `${lang} → ${to}: ${res.text}`).toBe(200);
    }
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    translator = (await buildSignedInUser(t.platform, admin, { roles: ["translator"] })).client;
    editor = (await buildSignedInUser(t.platform, admin, { roles: ["editor"] })).client;
    const built = await buildPortalApp({
      db: t.platform.services.db,
      languages: ["vi", "en", "zh", "ja", "ko", "fr", "ru"],
      publicUrl: "https://portal.test",
      cacheMs: 0,
      viewFlushMs: 60_000,
    });
    portalApp = built.app;
    flushViews = built.views.flush;
  });
  afterAll(async () => {
    await portalApp?.close();
    await t?.close();
  });

  it("takes a Vietnamese article through translation, review by another person and publication", async () => {
    const item = await createArticle("Cảng Hải Phòng đón tàu container lớn nhất", [
      "Tàu container trọng tải 200.000 tấn cập cảng Lạch Huyện.",
    ]);
    itemId = item.id;
    expect(item.localizations[0]).toMatchObject({
      lang: "vi",
      slug: "cang-hai-phong-don-tau-container-lon-nhat",
      state: "draft",
      revision: 1,
    });
    await publish(itemId, "vi");

    const en = await translator.request("PUT", `/api/portal/items/${itemId}/localizations/en`, {
      title: "Hai Phong port welcomes its largest container ship",
      summary: "A 200,000-tonne ship berths at Lach Huyen.",
      body: doc("A container ship of 200,000 tonnes berthed at Lach Huyen port."),
    });
    expect(en.status, en.text).toBe(200);
    const submit = await translator.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/en/transition`,
      {
        to: "review",
      },
    );
    expect(submit.status, submit.text).toBe(200);
    // A translator cannot approve at all; an editor cannot approve a text they wrote.
    const byTranslator = await translator.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/en/transition`,
      { to: "approved" },
    );
    expect(byTranslator.status).toBe(403);
    const zh = await editor.request("PUT", `/api/portal/items/${itemId}/localizations/zh`, {
      title: "海防港迎来最大的集装箱船",
      summary: "20万吨级船舶停靠莱县港。",
      body: doc("一艘20万吨级集装箱船停靠海防莱县国际港。"),
    });
    expect(zh.status, zh.text).toBe(200);
    await editor.request("POST", `/api/portal/items/${itemId}/localizations/zh/transition`, { to: "review" });
    const own = await editor.request("POST", `/api/portal/items/${itemId}/localizations/zh/transition`, {
      to: "approved",
    });
    expect(own.status).toBe(403);
    expect((own.body as { error: { code: string } }).error.code).toBe("cannot_review_own_text");

    for (const to of ["approved", "published"]) {
      const res = await editor.request("POST", `/api/portal/items/${itemId}/localizations/en/transition`, {
        to,
      });
      expect(res.status, res.text).toBe(200);
    }
    for (const to of ["approved", "published"]) {
      const res = await admin.request("POST", `/api/portal/items/${itemId}/localizations/zh/transition`, {
        to,
      });
      expect(res.status, res.text).toBe(200);
    }

    const list = await translator.request("GET", "/api/portal/items?lang=en&state=published");
    const rows = (list.body as PortalItemPage).items;
    expect(rows.map((r) => r.id)).toContain(itemId);
    expect(rows.find((r) => r.id === itemId)?.publicPath).toBe(
      "/en/hai-phong-port-welcomes-its-largest-container-ship",
    );
  });

  it("serves the published text on the public listener with alternates, canonical, JSON-LD and 304", async () => {
    const res = await visit("/en/hai-phong-port-welcomes-its-largest-container-ship");
    expect(res.statusCode).toBe(200);
    const page = res.body;
    expect(page).toContain('<html lang="en"');
    expect(page).toContain(
      '<link rel="canonical" href="https://portal.test/en/hai-phong-port-welcomes-its-largest-container-ship">',
    );
    for (const [lang, path] of [
      ["vi", "/vi/cang-hai-phong-don-tau-container-lon-nhat"],
      ["en", "/en/hai-phong-port-welcomes-its-largest-container-ship"],
      ["zh-Hans", `/zh/${encodeURIComponent("海防港迎来最大的集装箱船")}`],
      ["x-default", "/vi/cang-hai-phong-don-tau-container-lon-nhat"],
    ])
      expect(page).toContain(`<link rel="alternate" hreflang="${lang}" href="https://portal.test${path}">`);
    // Reciprocal: the Vietnamese page points back at the English one.
    const vi = await visit("/vi/cang-hai-phong-don-tau-container-lon-nhat");
    expect(vi.body).toContain(
      'hreflang="en" href="https://portal.test/en/hai-phong-port-welcomes-its-largest-container-ship"',
    );
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? "{}";
    expect(JSON.parse(ld)).toMatchObject({ "@type": "NewsArticle", inLanguage: "en" });
    expect(page).toContain('<meta property="og:locale" content="en_US">');
    expect(res.headers["cache-control"]).toContain("public");
    expect(res.headers["last-modified"]).toBeTruthy();
    const again = await visit("/en/hai-phong-port-welcomes-its-largest-container-ship", {
      "if-none-match": String(res.headers.etag),
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    // The public listener has no work-platform route.
    expect((await visit("/api/portal/items")).statusCode).toBe(404);
  });

  it("flags a translation as outdated when the source changes, with a diff of the source", async () => {
    const res = await admin.request("PUT", `/api/portal/items/${itemId}/localizations/vi`, {
      title: "Cảng Hải Phòng đón tàu container lớn nhất",
      summary: "Cảng Lạch Huyện đón tàu 200.000 tấn",
      body: doc("Tàu container trọng tải 200.000 tấn cập cảng Lạch Huyện sáng nay."),
    });
    expect(res.status, res.text).toBe(200);
    const item = res.body as PortalItem;
    expect(item.sourceRevision).toBe(2);
    expect(item.localizations.find((l) => l.lang === "en")?.isOutdated).toBe(true);
    expect(item.localizations.find((l) => l.lang === "vi")?.state).toBe("published");
    const diff = await admin.request(
      "GET",
      `/api/portal/items/${itemId}/localizations/vi/revisions/diff?from=1&to=2`,
    );
    const body = (diff.body as RevisionDiff).fields.find((f) => f.field === "body");
    expect(body?.parts.filter((p) => p.op === "insert").map((p) => p.text.trim())).toContain("sáng nay");
    const rows = (await admin.request("GET", "/api/portal/items?lang=en")).body as PortalItemPage;
    expect(rows.items.find((r) => r.id === itemId)?.isOutdated).toBe(true);
  });

  it("refuses a slug another item holds and redirects the old slug of a published text", async () => {
    const other = await createArticle("Lễ hội Hoa Phượng Đỏ", ["Lễ hội diễn ra vào tháng Năm."]);
    const clash = await admin.request("PUT", `/api/portal/items/${other.id}/localizations/vi`, {
      title: "Lễ hội Hoa Phượng Đỏ",
      body: doc("x"),
      slug: "cang-hai-phong-don-tau-container-lon-nhat",
    });
    expect(clash.status).toBe(409);
    expect((clash.body as { error: { code: string } }).error.code).toBe("slug_taken");

    const renamed = await translator.request("PUT", `/api/portal/items/${itemId}/localizations/en`, {
      title: "Hai Phong port welcomes its largest container ship",
      summary: "A 200,000-tonne ship berths at Lach Huyen.",
      body: doc("A container ship of 200,000 tonnes berthed at Lach Huyen port this morning."),
      slug: "largest-container-ship-hai-phong",
    });
    expect(renamed.status, renamed.text).toBe(200);
    const old = await visit("/en/hai-phong-port-welcomes-its-largest-container-ship");
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/en/largest-container-ship-hai-phong");
    // The old slug stays the item's: another item cannot take it.
    const taken = await admin.request("PUT", `/api/portal/items/${other.id}/localizations/en`, {
      title: "Red Flamboyant",
      body: doc("x"),
      slug: "hai-phong-port-welcomes-its-largest-container-ship",
    });
    expect(taken.status).toBe(409);
  });

  it("shows the Vietnamese text in another language only where the editor allowed it, and says so", async () => {
    const item = await createArticle("Vịnh Lan Hạ mùa thu", ["Vịnh Lan Hạ nằm ở phía đông đảo Cát Bà."]);
    await publish(item.id, "vi");
    const slug = item.localizations[0]?.slug as string;
    expect((await visit(`/fr/${slug}`)).statusCode).toBe(404);
    const allowed = await admin.request("PATCH", `/api/portal/items/${item.id}`, {
      fallbackLanguages: ["fr"],
    });
    expect(allowed.status, allowed.text).toBe(200);
    const fr = await visit(`/fr/${slug}`);
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain("Cet article n’est pas encore disponible en français ; affiché en vietnamien.");
    expect(fr.body).toContain('<article lang="vi">');
    expect(fr.body).toContain(`<link rel="canonical" href="https://portal.test/vi/${slug}">`);
    expect((await visit(`/ru/${slug}`)).statusCode).toBe(404);
    const home = await visit("/fr/");
    expect(home.body).toContain("Vịnh Lan Hạ mùa thu");
  });

  it("searches per language: Vietnamese without accents, Chinese by character pairs; bad input never errors", async () => {
    const vi = await visit(`/vi/search?q=${encodeURIComponent("cang lach huyen")}`);
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain("Cảng Hải Phòng đón tàu container lớn nhất");
    const zh = await visit(`/zh/search?q=${encodeURIComponent("集装箱")}`);
    expect(zh.body).toContain("海防港迎来最大的集装箱船");
    const none = await visit(`/zh/search?q=${encodeURIComponent("河内")}`);
    expect(none.body).not.toContain("海防港迎来最大的集装箱船");
    for (const q of ["%", "_", "'; drop table portal_items; --", "x".repeat(5000), "\\", "🚢"]) {
      const res = await visit(`/en/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    expect((await visit("/en/search?q=a&q=b")).statusCode).toBe(200);
  });

  it("never lets scripts, event handlers or javascript: links reach a visitor", async () => {
    const item = await createArticle("Bài thử <script>alert(1)</script>", []);
    const evil = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "<img src=x onerror=alert(1)>" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "bấm", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
          ],
        },
        { type: "image", attrs: { src: "javascript:alert(1)", alt: "x" } },
        { type: "image", attrs: { src: "https://img.test/a.jpg", alt: '" onload="alert(1)' } },
        { type: "script", content: [{ type: "text", text: "alert(1)" }] },
        {
          type: "heading",
          attrs: { level: 2, onclick: "alert(1)" },
          content: [{ type: "text", text: "Tiêu đề" }],
        },
      ],
    };
    const saved = await admin.request("PUT", `/api/portal/items/${item.id}/localizations/vi`, {
      title: "Bài thử <script>alert(1)</script>",
      summary: '"><svg onload=alert(1)>',
      body: evil,
      slug: "bai-thu-xss",
    });
    expect(saved.status, saved.text).toBe(200);
    await publish(item.id, "vi");
    const page = (await visit("/vi/bai-thu-xss")).body;
    const main = page.slice(page.indexOf("<main"));
    expect(main).not.toMatch(/<script(?! type="application\/ld\+json")/i);
    // Parsed as a browser would: no element may carry an event-handler attribute.
    const handlers: string[] = [];
    new Parser({
      onopentag(name, attributes) {
        for (const attr of Object.keys(attributes))
          if (attr.startsWith("on")) handlers.push(`${name}.${attr}`);
      },
    }).end(page);
    expect(handlers).toEqual([]);
    expect(main).not.toContain("javascript:");
    expect(main).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(main).toContain('<img src="https://img.test/a.jpg" alt="&quot; onload=&quot;alert(1)"');
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1] ?? "";
    expect(ld).not.toContain("</script");
    expect(ld).toContain("\\u003cscript>");
  });

  it("answers an unknown language with a not-found page in the visitor's language, and / by Accept-Language", async () => {
    const res = await visit("/de/", { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="fr"');
    expect(res.body).toContain("Page introuvable");
    const root = await visit("/", { "accept-language": "ja,en;q=0.8" });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe("/ja/");
    expect((await visit("/", { "accept-language": "de" })).headers.location).toBe("/vi/");
    const missing = await visit("/ko/khong-co-bai-nay");
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<html lang="ko"');
  });

  it("lists every published text in the sitemap with its alternates, and each language's RSS", async () => {
    const map = await visit("/sitemap.xml");
    expect(map.statusCode).toBe(200);
    expect(map.body).toContain("<loc>https://portal.test/en/largest-container-ship-hai-phong</loc>");
    expect(map.body).toContain(
      '<xhtml:link rel="alternate" hreflang="vi" href="https://portal.test/vi/cang-hai-phong-don-tau-container-lon-nhat"/>',
    );
    const rss = await visit("/en/rss.xml");
    expect(rss.headers["content-type"]).toContain("application/rss+xml");
    expect(rss.body).toMatch(
      /<title>(<!\[CDATA\[)?Hai Phong port welcomes its largest container ship(\]\]>)?<\/title>/,
    );
    expect(rss.body).not.toContain("Vịnh Lan Hạ");
    // Atom and JSON Feed beside RSS, each advertised by every page.
    const atom = await visit("/en/atom.xml");
    expect(atom.headers["content-type"]).toContain("application/atom+xml");
    expect(atom.body).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect(atom.body).toContain('<link href="https://portal.test/en/largest-container-ship-hai-phong"/>');
    const json = await visit("/en/feed.json");
    expect(json.headers["content-type"]).toContain("application/feed+json");
    const feed = JSON.parse(json.body) as { items: { url: string; title: string }[] };
    expect(feed.items).toContainEqual(
      expect.objectContaining({
        url: "https://portal.test/en/largest-container-ship-hai-phong",
        title: "Hai Phong port welcomes its largest container ship",
      }),
    );
    const home = (await visit("/en/")).body;
    for (const [type, href] of [
      ["application/rss+xml", "/en/rss.xml"],
      ["application/atom+xml", "/en/atom.xml"],
      ["application/feed+json", "/en/feed.json"],
    ])
      expect(home).toMatch(
        new RegExp(
          `<link rel="alternate" type="${type.replace("+", "\\+")}"[^>]*href="https://portal.test${href}"`,
        ),
      );
  });

  it("counts views per item and language without a cookie, robots left out", async () => {
    await flushViews();
    const before = ((await admin.request("GET", `/api/portal/items/${itemId}`)).body as PortalItem).views;
    const a = await visit("/en/largest-container-ship-hai-phong", {
      referer: "https://www.google.com/search?q=x",
    });
    expect(a.headers["set-cookie"]).toBeUndefined();
    await visit("/zh/" + encodeURIComponent("海防港迎来最大的集装箱船"));
    await visit("/en/largest-container-ship-hai-phong", { "user-agent": "Googlebot/2.1" });
    await flushViews();
    const after = ((await admin.request("GET", `/api/portal/items/${itemId}`)).body as PortalItem).views;
    expect(after - before).toBe(2);
    const rows = await t.platform.services.db
      .selectFrom("portal_views")
      .selectAll()
      .where("item_id", "=", itemId)
      .execute();
    expect(rows.map((r) => r.referrer_domain)).toContain("google.com");
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["day", "item_id", "lang", "referrer_domain", "views"]);
  });

  it("counts in the report what was published in the period, in how many languages, and its views", async () => {
    const today = todayInHoChiMinh();
    const figures = await portalRegisterKind.figures(t.platform.services.db, {
      from: "2020-01-01",
      to: today,
    });
    // Published so far: the port article (vi, en, zh), Vịnh Lan Hạ (vi), the test page (vi); every counted view.
    const views = await t.platform.services.db.selectFrom("portal_views").select("views").execute();
    const total = views.reduce((sum, r) => sum + Number(r.views), 0);
    expect(total).toBeGreaterThan(0);
    expect(figures.sentences).toEqual([
      `Trong kỳ, Cổng Thông tin đối ngoại đăng tải 3 tin, bài bằng 3 ngôn ngữ; ${total} lượt xem.`,
    ]);
    expect(figures.sheet.rows.find((r) => r[0] === "Cảng Hải Phòng đón tàu container lớn nhất")?.[2]).toBe(
      "vi, en, zh",
    );
    const summaries = await portalRegisterKind.summaries(t.platform.services.db, [itemId, "missing"]);
    expect(summaries.get(itemId)).toMatchObject({
      title: "Cảng Hải Phòng đón tàu container lớn nhất",
      date: today,
    });
    expect(summaries.has("missing")).toBe(false);
  });

  it("restores an earlier revision as a new one and publishes on schedule through the job table", async () => {
    const restored = await admin.request(
      "POST",
      `/api/portal/items/${itemId}/localizations/vi/revisions/1/restore`,
    );
    expect(restored.status, restored.text).toBe(200);
    const vi = (restored.body as PortalItem).localizations.find((l) => l.lang === "vi");
    expect(vi).toMatchObject({ revision: 3, summary: "Cảng Hải Phòng đón tàu container lớn nhất — tóm tắt" });
    const revisions = await admin.request("GET", `/api/portal/items/${itemId}/localizations/vi/revisions`);
    expect((revisions.body as { items: unknown[] }).items).toHaveLength(3);

    const item = await createArticle("Đầu tư vào khu kinh tế Đình Vũ – Cát Hải", ["Nhiều dự án mới."]);
    for (const to of ["review", "approved"])
      await editor.request("POST", `/api/portal/items/${item.id}/localizations/vi/transition`, { to });
    const at = new Date(Date.now() - 1000).toISOString();
    const planned = await admin.request("POST", `/api/portal/items/${item.id}/localizations/vi/schedule`, {
      publishAt: at,
    });
    expect(planned.status, planned.text).toBe(200);
    const slug = item.localizations[0]?.slug as string;
    expect((await visit(`/vi/${slug}`)).statusCode).toBe(404);
    await t.platform.services.jobs.tick();
    expect((await visit(`/vi/${slug}`)).statusCode).toBe(200);
    const bad = await admin.request("POST", `/api/portal/items/${item.id}/localizations/vi/schedule`, {
      publishAt: "2030-01-02T00:00:00Z",
      unpublishAt: "2030-01-01T00:00:00Z",
    });
    expect(bad.status).toBe(400);
  });
  it("seeds the demo portal: every item published in all seven languages and listed on each home page", async () => {
    const acting = {
      actor: { userId: "demo", displayName: "Dữ liệu mẫu", roles: ["admin" as const], personId: null },
      requestId: null,
      ip: null,
      lang: "vi" as const,
    };
    expect(await seedDemoPortal(t.platform.services, acting)).toBe(11);
    for (const lang of ["vi", "en", "zh", "ja", "ko", "fr", "ru"]) {
      const rows = (await admin.request("GET", `/api/portal/items?lang=${lang}&state=published&pageSize=200`))
        .body as PortalItemPage;
      expect(rows.items.length, lang).toBeGreaterThanOrEqual(11);
      const home = await visit(`/${lang}/`);
      expect(home.statusCode).toBe(200);
      expect(home.body.match(/<li>\s*<h3>/g)?.length ?? 0, lang).toBeGreaterThanOrEqual(11);
    }
    const ja = await visit(`/ja/search?q=${encodeURIComponent("カットバー")}`);
    expect(ja.body).toContain("カットバー諸島、世界遺産の緑の目的地");
    const ko = await visit(`/ko/search?q=${encodeURIComponent("하이퐁")}`);
    expect(ko.body).toContain("하이퐁시 소개");
    const ru = await visit(`/ru/search?q=${encodeURIComponent("хайфон")}`);
    expect(ru.body).toContain("О городе Хайфон");
  });
});
