/**
 * The public sitemap split into files (an index beyond one file): every file is valid XML, every published
 * text is listed once with its item's reciprocal alternates and x-default (also when an item's texts
 * straddle two files), and after a change only the file(s) holding the changed item are written again:
 * the others keep their bytes and ETag. The sitemap's read is answered from an index (migration 0027).
 */
import { gunzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/platform/db/database.js";
import { buildPortalApp } from "../../src/portal/portal-app.js";
import { dialects, openMigratedTestDatabase } from "../support/db.js";
import { portalItemRow, portalTextRow } from "../support/portal-rows.js";

const LANGS = ["vi", "en", "zh", "ja", "ko", "fr", "ru"] as const;
const ITEMS = 30;
const PER_FILE = 25;

interface Url {
  loc: string;
  lastmod?: string;
  "xhtml:link": { "@_hreflang": string; "@_href": string }[];
}

describe.each(dialects())("portal sitemap on %s", (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  let portal: FastifyInstance;
  const writes: number[] = [];
  /** Published languages per item, as seeded (item i: every language but those i excludes). */
  const published = new Map<string, string[]>();
  const itemIds: string[] = [];

  const get = (url: string, headers: Record<string, string> = {}) =>
    portal.inject({ method: "GET", url, headers });
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === "url" || name === "xhtml:link" || name === "sitemap",
  });

  async function readAll() {
    const index = await get("/sitemap.xml");
    expect(index.statusCode).toBe(200);
    expect(XMLValidator.validate(index.body)).toBe(true);
    const locs = (
      parser.parse(index.body) as { sitemapindex: { sitemap: { loc: string }[] } }
    ).sitemapindex.sitemap.map((s) => s.loc);
    const files: { path: string; etag: string; urls: Url[]; body: string }[] = [];
    for (const loc of locs) {
      const path = loc.replace("https://portal.test", "");
      const res = await get(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers["content-type"]).toContain("application/xml");
      expect(XMLValidator.validate(res.body), path).toBe(true);
      const urls = (parser.parse(res.body) as { urlset: { url: Url[] } }).urlset.url;
      files.push({ path, etag: String(res.headers.etag), urls, body: res.body });
    }
    return files;
  }

  beforeAll(async () => {
    ({ db, close } = await openMigratedTestDatabase(dialect));
    const base = Date.UTC(2025, 0, 1);
    for (let i = 0; i < ITEMS; i++) {
      const at = new Date(base + i * 86_400_000).toISOString();
      const item = portalItemRow(at);
      itemIds.push(item.id);
      await db.insertInto("portal_items").values(item).execute();
      // Some items lack a language, one is only a draft in Korean: neither may be listed.
      const langs: string[] = LANGS.filter((l, k) => l === "vi" || (i + k) % 5 !== 0);
      published.set(item.id, langs);
      for (const lang of [...langs, ...(langs.includes("ko") ? [] : ["ko"])])
        await db
          .insertInto("portal_localizations")
          .values(
            portalTextRow(item.id, lang, at, {
              title: `Bài ${i} ${lang}`,
              body_html: "<p>x</p>",
              slug: lang === "vi" ? `bai-so-${i}-cang & bien` : `bai-${lang}-${i}`,
              state: langs.includes(lang) ? "published" : "draft",
            }),
          )
          .execute();
    }
    portal = (
      await buildPortalApp({
        db,
        languages: [...LANGS],
        publicUrl: "https://portal.test",
        cacheMs: 0,
        viewFlushMs: 60_000,
        sitemapUrlsPerFile: PER_FILE,
        onSitemapWrite: (n) => writes.push(n),
      })
    ).app;
  });
  afterAll(async () => {
    await portal?.close();
    await close?.();
  });

  it("lists every published text once, in valid files, with reciprocal alternates and x-default", async () => {
    const files = await readAll();
    const total = [...published.values()].reduce((n, l) => n + l.length, 0) + LANGS.length;
    expect(files.length).toBe(Math.ceil(total / PER_FILE));
    for (const f of files) expect(f.urls.length).toBeLessThanOrEqual(PER_FILE);
    const urls = files.flatMap((f) => f.urls);
    expect(urls.length).toBe(total);
    expect(new Set(urls.map((u) => u.loc)).size).toBe(total);
    // Homes first, each listing every language.
    expect(urls.slice(0, LANGS.length).map((u) => u.loc)).toEqual(
      LANGS.map((l) => `https://portal.test/${l}/`),
    );
    const byLoc = new Map(urls.map((u) => [u.loc, u]));
    for (const [i, id] of itemIds.entries()) {
      const langs = published.get(id) as string[];
      const href = (l: string) =>
        `https://portal.test/${l}/${encodeURIComponent(l === "vi" ? `bai-so-${i}-cang & bien` : `bai-${l}-${i}`)}`;
      for (const lang of langs) {
        const url = byLoc.get(href(lang));
        expect(url, `${i} ${lang}`).toBeDefined();
        const links = (url as Url)["xhtml:link"].map((l) => `${l["@_hreflang"]} ${l["@_href"]}`);
        expect(links.sort()).toEqual(
          [...langs.map((l) => `${l === "zh" ? "zh-Hans" : l} ${href(l)}`), `x-default ${href("vi")}`].sort(),
        );
      }
      // The draft Korean text is never listed.
      if (!langs.includes("ko")) expect(byLoc.has(href("ko"))).toBe(false);
    }
  });

  it("writes again only the file holding a changed item; the others keep their bytes and ETag", async () => {
    const before = await readAll();
    writes.length = 0;
    // A correction to one item's English text: new slug, new change time.
    const target = itemIds[12] as string;
    const now = new Date().toISOString();
    await db
      .updateTable("portal_localizations")
      .set({ slug: "bai-en-da-sua", updated_at: now })
      .where("item_id", "=", target)
      .where("lang", "=", "en")
      .execute();
    const after = await readAll();
    expect(after.length).toBe(before.length);
    const changed = after.filter((f, n) => f.etag !== before[n]?.etag).map((f) => f.path);
    const holding = before
      .filter((f) => f.urls.some((u) => u.loc.endsWith("/en/bai-en-12")))
      .map((f) => f.path);
    // Every file listing one of the item's texts carries its alternates: those change, nothing else.
    const touching = before
      .filter((f) => f.urls.some((u) => u["xhtml:link"].some((l) => l["@_href"].endsWith("/en/bai-en-12"))))
      .map((f) => f.path);
    expect(holding.length).toBe(1);
    expect(changed.sort()).toEqual(touching.sort());
    expect(writes.length).toBe(touching.length);
    expect(changed.length).toBeLessThan(after.length);
    const body = after.map((f) => f.body).join("");
    expect(body).toContain("https://portal.test/en/bai-en-da-sua");
    expect(body).not.toContain("/en/bai-en-12<");
    expect(body).not.toContain('/en/bai-en-12"');
    for (const [n, f] of after.entries()) if (!changed.includes(f.path)) expect(f.body).toBe(before[n]?.body);
    // Revalidation of an unchanged file: 304.
    const kept = after.find((f) => !changed.includes(f.path)) as (typeof after)[number];
    expect((await get(kept.path, { "if-none-match": kept.etag })).statusCode).toBe(304);
    // Read again without a change: nothing is written.
    writes.length = 0;
    await readAll();
    expect(writes).toEqual([]);
  });

  it("serves a file gzipped, once compressed, to a client that accepts it, with its own ETag", async () => {
    const path = "/sitemaps/2.xml";
    const plain = await get(path);
    expect(plain.headers.vary).toBe("Accept-Encoding");
    let zipped = await get(path, { "accept-encoding": "gzip, deflate" });
    for (let i = 0; i < 50 && zipped.headers["content-encoding"] !== "gzip"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      zipped = await get(path, { "accept-encoding": "gzip, deflate" });
    }
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    expect(
      (await get(path, { "accept-encoding": "gzip", "if-none-match": String(zipped.headers.etag) }))
        .statusCode,
    ).toBe(304);
    // Without gzip in Accept-Encoding (or refused with q=0): the plain bytes.
    for (const accept of ["identity", "gzip;q=0, deflate"]) {
      const res = await get(path, { "accept-encoding": accept });
      expect(res.headers["content-encoding"]).toBeUndefined();
      expect(res.body).toBe(plain.body);
    }
  });

  it.runIf(dialect === "sqlite")("reads the sitemap's columns from the covering index alone", async () => {
    const { sql } = await import("kysely");
    const plan = await sql<{ detail: string }>`explain query plan select item_id, lang, slug, updated_at
      from portal_localizations where state = 'published' order by item_id, lang`.execute(db);
    const details = plan.rows.map((r) => r.detail).join(" | ");
    expect(details).toContain("COVERING INDEX portal_localizations_sitemap_idx");
    expect(details).not.toContain("TEMP B-TREE");
    // Search results (published texts by id) still go by id, never through the sitemap's index: led by
    // the state, it once made every search read all published texts.
    const byIds = await sql<{ detail: string }>`explain query plan select l.title from portal_localizations l
      where l.state = 'published' and l.id in ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')`.execute(db);
    const lookup = byIds.rows.map((r) => r.detail).join(" | ");
    expect(lookup).toContain("(id=?)");
    expect(lookup).not.toContain("sitemap_idx");
  });
});
