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

/** The person's name from RSS author forms: "Name (email)", "email (Name)", "Name <email>", "email". */
export function authorName(raw: string): string {
  const value = raw.trim();
  const inParens = /^(.*?)\s*\(([^)]*)\)$/.exec(value);
  if (inParens) {
    const [, outside = "", inside = ""] = inParens;
    return (outside.includes("@") ? inside : outside).trim() || value;
  }
  const angle = /^(.*?)\s*<[^>]*@[^>]*>$/.exec(value);
  if (angle?.[1]) return angle[1].trim();
  return value;
}

/**
 * Text of an Atom text construct: base64 when Atom 0.3 says `mode="base64"` or Atom 1.0 gives a media
 * type that is neither text nor XML (`type="application/octet-stream"`).
 */
function atomText(node: XmlNode): string {
  const value = textOf(node);
  const mode = attrOf(node, "mode");
  const type = attrOf(node, "type").toLowerCase();
  const isBinary =
    mode === "base64" || (type.includes("/") && !type.startsWith("text/") && !type.includes("xml"));
  return isBinary ? Buffer.from(value, "base64").toString("utf8") : value;
}

/** The first non-empty text among several candidate children. */
function firstText(node: XmlObject, names: string[]): string {
  for (const name of names) {
    const value = textOf(node[name]);
    if (value) return value;
  }
  return "";
}

/** RSS 2.0 (and 0.9x): `<rss><channel><item>`. */
export function readRss2(root: XmlObject, options: ReadOptions): Omit<ParsedFeed, "warnings"> {
  const rss = asObject(root.rss);
  const channel = asObject(rss.channel);
  const language = firstText(channel, ["language", "dc:language"]) || undefined;
  const siteUrl = absoluteUrl(textOf(channel.link), options.baseUrl) || undefined;
  const base = siteUrl ?? options.baseUrl;
  // RSS 0.9x feeds in the wild sometimes put items beside the channel instead of inside it.
  const itemNodes = channel.item !== undefined ? channel.item : rss.item;
  const items: FeedItem[] = asArray(itemNodes)
    .slice(0, options.maxItems)
    .map((node) => {
      const item = asObject(node);
      const url = absoluteUrl(textOf(item.link), base);
      const guid = textOf(item.guid);
      const isPermalink = attrOf(item.guid, "isPermaLink") !== "false";
      return buildItem({
        guid,
        url: url || (isPermalink ? absoluteUrl(guid, base) : ""),
        title: firstText(item, ["title", "dc:title"]),
        summary: firstText(item, ["description", "dc:description", "summary"]) || undefined,
        contentHtml: firstText(item, ["content:encoded", "xhtml:body", "body", "fullitem"]) || undefined,
        publishedAt: toIsoDate(
          firstText(item, ["pubDate", "dc:date", "dcterms:issued", "dcterms:created", "dcterms:modified"]),
        ),
        author: authorName(firstText(item, ["dc:creator", "author", "dc:author"])) || undefined,
        language: textOf(item["dc:language"]) || language,
      });
    });
  return {
    format: "rss2",
    meta: {
      title: firstText(channel, ["title", "dc:title"]),
      siteUrl,
      description: firstText(channel, ["description", "dc:description"]) || undefined,
      language,
      updatedAt: toIsoDate(
        firstText(channel, ["lastBuildDate", "pubDate", "dc:date", "dcterms:modified", "dcterms:issued"]),
      ),
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
        title: atomText(entry.title),
        summary: atomText(entry.summary) || undefined,
        contentHtml: atomText(entry.content) || undefined,
        // Atom 0.3 says issued/modified/created where Atom 1.0 says published/updated.
        publishedAt: toIsoDate(firstText(entry, ["published", "issued", "created", "updated", "modified"])),
        author: author(entry.author) || author(feed.author) || undefined,
        language: attrOf(entry, "xml:lang") || language,
      });
    });
  return {
    format: "atom",
    meta: {
      title: atomText(feed.title),
      siteUrl,
      description: atomText(feed.subtitle) || atomText(feed.tagline) || undefined,
      language,
      updatedAt: toIsoDate(firstText(feed, ["updated", "modified"])),
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
