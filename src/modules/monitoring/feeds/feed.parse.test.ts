import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import { parseFeed } from "./feed.parse.js";
import { buildOpml, parseOpml } from "./opml.js";

const dir = new URL("../../../../test/fixtures/monitoring/feeds/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : `untyped: ${String(err)}`;
  }
  return "no error";
}

describe("parseFeed", () => {
  it("reads a title that starts like a document type as text (it used to fail the whole feed)", () => {
    const feed = parseFeed(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>&lt;!DOCTYPE html&gt; là gì</title><link>https://x.vn/a</link></item><item><title>&lt;!DOCTYPE trong bài</title><link>https://x.vn/b</link></item></channel></rss>`,
    );
    expect(feed.items.map((i) => i.title)).toEqual(["là gì", ""]);
  });

  it("reads RSS 2.0 with CDATA, entities, relative links and fallback ids", () => {
    const feed = parseFeed(read("rss2.xml"), { baseUrl: "https://baothidu.vn/rss" });
    expect(feed.format).toBe("rss2");
    expect(feed.meta).toMatchObject({
      title: "Báo Thí Dụ - Thời sự",
      language: "vi",
      siteUrl: "https://baothidu.vn/thoi-su",
    });
    const [first, second, third] = feed.items;
    expect(first).toMatchObject({
      guid: "btd-123",
      url: "https://baothidu.vn/thoi-su/cang-lach-huyen-123.html?utm_source=rss",
      author: "Trần Minh",
      publishedAt: "2024-03-12T00:30:00.000Z",
      language: "vi",
    });
    expect(first?.summary).toContain("<b>cảng Lạch Huyện</b>");
    expect(first?.contentHtml).toContain("Hải Phòng");
    expect(second).toMatchObject({
      title: 'AT&T và "Hải Phòng" – hợp tác',
      url: "https://baothidu.vn/thoi-su/hop-tac-124.html",
    });
    expect(second?.guid).toBe(second?.url);
    expect(third?.url).toBe("");
    expect(third?.guid).toMatch(/^sha1:[0-9a-f]{40}$/);
  });

  it("reads RSS 1.0 (RDF)", () => {
    const feed = parseFeed(read("rss1.rdf"));
    expect(feed.format).toBe("rss1");
    expect(feed.items.map((i) => i.guid)).toEqual(["https://example.org/a", "https://example.org/b"]);
    expect(feed.items[0]).toMatchObject({
      author: "Reporter One",
      publishedAt: "2024-03-14T02:00:00.000Z",
      language: "en",
    });
  });

  it("reads Atom with HTML titles, alternate links and per-entry language", () => {
    const feed = parseFeed(read("atom.xml"));
    expect(feed.format).toBe("atom");
    expect(feed.meta.siteUrl).toBe("https://courrier.example/");
    expect(feed.items[0]).toMatchObject({
      title: "Haïphong se modernise",
      url: "https://courrier.example/2024/03/haiphong",
      author: "Claire Dupont",
      language: "fr",
    });
    expect(feed.items[0]?.contentHtml).toBe("<p>Ancienne ville coloniale, Haïphong…</p>");
    expect(feed.items[1]).toMatchObject({ language: "en", author: "Rédaction" });
  });

  it("reads JSON Feed, escaping content_text", () => {
    const feed = parseFeed(read("feed.json"));
    expect(feed.format).toBe("json");
    expect(feed.items[0]).toMatchObject({ guid: "1", author: "Lan Anh", language: "vi" });
    expect(feed.items[1]).toMatchObject({ guid: "2", url: "https://json.example.vn/bai-2", language: "en" });
    expect(feed.items[1]?.contentHtml).toBe("<p>Plain &lt;text&gt; &amp; more</p>");
  });

  it("reads news sitemaps", () => {
    const feed = parseFeed(read("news-sitemap.xml"));
    expect(feed.format).toBe("sitemap");
    expect(feed.meta).toMatchObject({ title: "News Example", language: "vi" });
    expect(feed.items[0]).toMatchObject({
      title: "Sân bay Cát Bi sẽ có nhà ga T2",
      publishedAt: "2024-03-20T01:00:00.000Z",
    });
  });

  it("refuses entity declarations quickly (billion laughs, external entities)", () => {
    const started = Date.now();
    expect(errorCode(() => parseFeed(read("entity-bomb.xml")))).toBe("feed_entity_expansion");
    expect(errorCode(() => parseFeed(read("external-entity.xml")))).toBe("feed_entity_expansion");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("accepts a DOCTYPE without internal subset (RSS 0.91) and strips invalid characters", () => {
    expect(parseFeed(read("doctype-plain.xml")).items[0]?.title).toBe("Old item");
    const feed = parseFeed(read("invalid-chars.xml"));
    expect(feed.meta.title).toBe("Control chars here");
    expect(feed.items[0]?.title).toBe("Bad byte");
  });

  it("reads an ill-formed feed as far as it goes, with a warning (feedparser's bozo)", () => {
    const feed = parseFeed(read("malformed-unclosed.xml"));
    expect(feed.meta.title).toBe("Broken");
    expect(feed.items.map((i) => i.title)).toEqual(["No end"]);
    expect(feed.warnings.map((w) => w.code)).toEqual(["xml_malformed"]);
    expect(parseFeed(read("rss2.xml")).warnings).toEqual([]);
  });

  it("reads truncated feeds, unclosed HTML in descriptions and prefixed Atom", () => {
    const truncated = parseFeed(
      `<rss version="2.0"><channel><title>T</title><item><title>Một</title><link>https://x.vn/1</link></item><item><title>Hai</title><link>https://x.vn/2</link><description>Cảng Lạch`,
    );
    expect(truncated.items.map((i) => [i.title, i.url, i.summary])).toEqual([
      ["Một", "https://x.vn/1", undefined],
      ["Hai", "https://x.vn/2", "Cảng Lạch"],
    ]);
    expect(truncated.warnings[0]?.code).toBe("xml_malformed");
    const unclosed = parseFeed(
      `<rss version="2.0"><channel><title>T</title><item><title>A</title><description><p>Đoạn <b>một</description></item><item><title>B</title></item></channel></rss>`,
    );
    expect(unclosed.items.map((i) => i.title)).toEqual(["A", "B"]);
    expect(unclosed.items[0]?.summary).toBe("<p>Đoạn <b>một</b></p>");
    const prefixed = parseFeed(
      `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>P</a:title><a:entry><a:title>E</a:title><a:link href="https://x.vn/e"/><a:id>e1</a:id></a:entry></a:feed>`,
    );
    expect(prefixed).toMatchObject({ format: "atom", meta: { title: "P" }, warnings: [] });
    expect(prefixed.items[0]).toMatchObject({ title: "E", url: "https://x.vn/e", guid: "e1" });
    const undeclared = parseFeed(
      `<rss version="2.0"><channel><title>T</title><item><title>A</title><dc:creator>Lan</dc:creator></item></channel></rss>`,
    );
    expect(undeclared.items[0]?.author).toBe("Lan");
    expect(undeclared.warnings.map((w) => w.code)).toEqual(["xml_undeclared_prefix"]);
  });

  it("gives typed errors for malformed, unknown and oversized input", () => {
    expect(errorCode(() => parseFeed(read("malformed-not-a-feed.xml")))).toBe("feed_malformed");
    expect(errorCode(() => parseFeed("{ not json"))).toBe("feed_malformed");
    expect(errorCode(() => parseFeed('{"version":"x","items":[]}'))).toBe("feed_malformed");
    expect(errorCode(() => parseFeed("\u0000\u0001garbage<<<"))).toBe("feed_malformed");
    expect(errorCode(() => parseFeed(read("rss2.xml"), { maxLength: 100 }))).toBe("feed_too_large");
  });

  it("stays bounded on deep nesting", () => {
    const deep = `<rss>${"<a>".repeat(5000)}${"</a>".repeat(5000)}</rss>`;
    expect(["feed_malformed", "no error"]).toContain(errorCode(() => parseFeed(deep)));
  });
});

describe("OPML", () => {
  it("imports nested folders as categories and round-trips through export", () => {
    const { title, sources } = parseOpml(read("subscriptions.opml"));
    expect(title).toBe("Nguồn theo dõi");
    expect(sources).toEqual([
      {
        title: "Báo Thí Dụ",
        xmlUrl: "https://baothidu.vn/rss/thoi-su.rss",
        htmlUrl: "https://baothidu.vn/",
        category: "Báo chí trong nước",
        language: "vi",
        type: "rss",
      },
      {
        title: "Central News",
        xmlUrl: "https://central.example.vn/rss",
        category: "Báo chí trong nước/Trung ương",
        type: "rss",
      },
      {
        title: "Foreign & Friends",
        xmlUrl: "https://foreign.example.com/feed.xml",
        category: "Nước ngoài",
        type: "rss",
      },
    ]);
    const again = parseOpml(buildOpml("Nguồn theo dõi", sources));
    expect(again.sources).toEqual(sources);
  });

  it("refuses non-OPML and entity declarations", () => {
    expect(errorCode(() => parseOpml("<rss/>"))).toBe("opml_malformed");
    expect(errorCode(() => parseOpml(read("entity-bomb.xml")))).toBe("opml_malformed");
  });
});
