/**
 * Readers for the XML feed formats: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and Google news sitemaps.
 */
import { absoluteUrl, buildItem, toIsoDate } from "./feed.normalize.js";
import type { FeedItem, ParsedFeed } from "./feed.types.js";
import { asArray, asObject, attrOf, textOf, type XmlNode, type XmlObject } from "./feed.xml.js";

interface ReadOptions {
  baseUrl?: string;
  maxItems: number;
}

function author(node: XmlNode): string {
  const name = textOf(asObject(node).name);
  return name || textOf(node);
}

/** RSS 2.0 (and 0.9x): `<rss><channel><item>`. */
export function readRss2(root: XmlObject, options: ReadOptions): Omit<ParsedFeed, "warnings"> {
  const channel = asObject(asObject(root.rss).channel);
  const language = textOf(channel.language) || undefined;
  const siteUrl = absoluteUrl(textOf(channel.link), options.baseUrl) || undefined;
  const base = siteUrl ?? options.baseUrl;
  const items: FeedItem[] = asArray(channel.item)
    .slice(0, options.maxItems)
    .map((node) => {
      const item = asObject(node);
      const url = absoluteUrl(textOf(item.link), base);
      const guid = textOf(item.guid);
      const isPermalink = attrOf(item.guid, "isPermaLink") !== "false";
      return buildItem({
        guid,
        url: url || (isPermalink ? absoluteUrl(guid, base) : ""),
        title: textOf(item.title),
        summary: textOf(item.description) || undefined,
        contentHtml: textOf(item["content:encoded"]) || undefined,
        publishedAt: toIsoDate(textOf(item.pubDate) || textOf(item["dc:date"])),
        author: textOf(item["dc:creator"]) || textOf(item.author) || undefined,
        language: textOf(item["dc:language"]) || language,
      });
    });
  return {
    format: "rss2",
    meta: {
      title: textOf(channel.title),
      siteUrl,
      description: textOf(channel.description) || undefined,
      language,
      updatedAt: toIsoDate(textOf(channel.lastBuildDate) || textOf(channel.pubDate)),
    },
    items,
  };
}

/** RSS 1.0: `<rdf:RDF><channel/><item rdf:about>` with Dublin Core fields. */
export function readRss1(root: XmlObject, options: ReadOptions): Omit<ParsedFeed, "warnings"> {
  const rdf = asObject(root["rdf:RDF"]);
  const channel = asObject(rdf.channel);
  const language = textOf(channel["dc:language"]) || undefined;
  const siteUrl = absoluteUrl(textOf(channel.link), options.baseUrl) || undefined;
  const items = asArray(rdf.item)
    .slice(0, options.maxItems)
    .map((node) => {
      const item = asObject(node);
      const url = absoluteUrl(textOf(item.link), siteUrl ?? options.baseUrl);
      return buildItem({
        guid: attrOf(item, "rdf:about") || url,
        url,
        title: textOf(item.title),
        summary: textOf(item.description) || undefined,
        contentHtml: textOf(item["content:encoded"]) || undefined,
        publishedAt: toIsoDate(textOf(item["dc:date"])),
        author: textOf(item["dc:creator"]) || undefined,
        language: textOf(item["dc:language"]) || language,
      });
    });
  return {
    format: "rss1",
    meta: {
      title: textOf(channel.title),
      siteUrl,
      description: textOf(channel.description) || undefined,
      language,
      updatedAt: toIsoDate(textOf(channel["dc:date"])),
    },
    items,
  };
}

/** The href of the `rel="alternate"` (or rel-less) link among Atom links. */
function atomLink(links: XmlNode, base?: string): string {
  const all = asArray(links);
  const alternate = all.find((l) => ["", "alternate"].includes(attrOf(l, "rel"))) ?? all[0];
  return absoluteUrl(attrOf(alternate, "href") || textOf(alternate), base);
}

/** Atom 1.0: `<feed><entry>`. */
export function readAtom(root: XmlObject, options: ReadOptions): Omit<ParsedFeed, "warnings"> {
  const feed = asObject(root.feed);
  const language = attrOf(feed, "xml:lang") || undefined;
  const siteUrl = atomLink(feed.link, options.baseUrl) || undefined;
  const items = asArray(feed.entry)
    .slice(0, options.maxItems)
    .map((node) => {
      const entry = asObject(node);
      const url = atomLink(entry.link, siteUrl ?? options.baseUrl);
      return buildItem({
        guid: textOf(entry.id),
        url,
        title: textOf(entry.title),
        summary: textOf(entry.summary) || undefined,
        contentHtml: textOf(entry.content) || undefined,
        publishedAt: toIsoDate(textOf(entry.published) || textOf(entry.updated)),
        author: author(entry.author) || author(feed.author) || undefined,
        language: attrOf(entry, "xml:lang") || language,
      });
    });
  return {
    format: "atom",
    meta: {
      title: textOf(feed.title),
      siteUrl,
      description: textOf(feed.subtitle) || undefined,
      language,
      updatedAt: toIsoDate(textOf(feed.updated)),
    },
    items,
  };
}

/** Google news sitemap: `<urlset><url><loc/><news:news>…</news:news></url>`. */
export function readNewsSitemap(root: XmlObject, options: ReadOptions): Omit<ParsedFeed, "warnings"> {
  const urlset = asObject(root.urlset);
  const items = asArray(urlset.url)
    .slice(0, options.maxItems)
    .map((node) => {
      const entry = asObject(node);
      const news = asObject(entry["news:news"]);
      const publication = asObject(news["news:publication"]);
      const url = absoluteUrl(textOf(entry.loc), options.baseUrl);
      return buildItem({
        guid: url,
        url,
        title: textOf(news["news:title"]),
        publishedAt: toIsoDate(textOf(news["news:publication_date"]) || textOf(entry.lastmod)),
        language: textOf(publication["news:language"]) || undefined,
      });
    });
  const first = asObject(asObject(asObject(asArray(urlset.url)[0])["news:news"])["news:publication"]);
  return {
    format: "sitemap",
    meta: { title: textOf(first["news:name"]), language: textOf(first["news:language"]) || undefined },
    items,
  };
}
