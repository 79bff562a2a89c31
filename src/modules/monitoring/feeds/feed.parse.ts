/**
 * Parses any supported feed (RSS 2.0, RSS 1.0/RDF, Atom, JSON Feed, news sitemap) into `ParsedFeed`.
 */
import { monitoringErrors } from "../monitoring.errors.js";
import { readJsonFeed } from "./feed.json.js";
import { plainTitle } from "./feed.normalize.js";
import type { ParsedFeed, ParseFeedOptions } from "./feed.types.js";
import { DEFAULT_MAX_XML_LENGTH, readXmlDocument } from "./feed.xml.js";
import { readAtom, readNewsSitemap, readRss1, readRss2 } from "./feed.xml-formats.js";

const DEFAULT_MAX_ITEMS = 1000;

/**
 * Parses feed text (already decoded to a string — see `fetch` for charset handling).
 * Ill-formed XML is read as far as it goes (`warnings` says what was wrong, like feedparser's "bozo");
 * throws `feed_malformed` when nothing recognisable is left, `feed_entity_expansion` or `feed_too_large`.
 *
 * @example const { format, meta, items } = parseFeed(xml, { baseUrl: "https://baohaiphong.vn/rss" });
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): ParsedFeed {
  const maxLength = options.maxLength ?? DEFAULT_MAX_XML_LENGTH;
  const readOptions = { baseUrl: options.baseUrl, maxItems: options.maxItems ?? DEFAULT_MAX_ITEMS };
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  const feed: ParsedFeed = trimmed.startsWith("{")
    ? { ...readJsonFeed(trimmed, { ...readOptions, maxLength }), warnings: [] }
    : readXmlFeed(trimmed, maxLength, readOptions);
  feed.meta.title = plainTitle(feed.meta.title);
  return feed;
}

function readXmlFeed(
  text: string,
  maxLength: number,
  readOptions: { baseUrl?: string; maxItems: number },
): ParsedFeed {
  const { root, warnings } = readXmlDocument(text, maxLength);
  const read = (): Omit<ParsedFeed, "warnings"> => {
    if (root.rss !== undefined) return readRss2(root, readOptions);
    if (root["rdf:RDF"] !== undefined) return readRss1(root, readOptions);
    if (root.feed !== undefined) return readAtom(root, readOptions);
    if (root.urlset !== undefined) return readNewsSitemap(root, readOptions);
    const reason = warnings.find((w) => w.code === "xml_malformed")?.message ?? "unknown root element";
    throw monitoringErrors.feedMalformed({ meta: { reason, roots: Object.keys(root) } });
  };
  return { ...read(), warnings };
}
