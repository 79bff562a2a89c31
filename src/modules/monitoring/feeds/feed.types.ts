/**
 * The common shape every feed format is parsed into.
 */

/** Formats `parseFeed` understands. */
export type FeedFormat = "rss2" | "rss1" | "atom" | "json" | "sitemap";

/** One entry of a feed, whatever its format. */
export interface FeedItem {
  /** Stable id: the feed's guid/id, else the URL, else a hash of title and date. */
  guid: string;
  /** Absolute URL of the article ("" when the feed gives none). */
  url: string;
  title: string;
  /** Short description as given by the feed (may contain HTML; sanitise before display). */
  summary?: string;
  /** Full content HTML when the feed carries it (content:encoded, Atom content, content_html). */
  contentHtml?: string;
  /** ISO 8601 timestamp. */
  publishedAt?: string;
  author?: string;
  /** Language tag from the item or the feed ("vi", "en-US"). */
  language?: string;
}

/** Feed-level metadata. */
export interface FeedMeta {
  title: string;
  /** Home page of the publication. */
  siteUrl?: string;
  description?: string;
  language?: string;
  updatedAt?: string;
}

/** Something wrong with the feed that did not stop it being read (feedparser's "bozo"). */
export interface FeedWarning {
  /** Stable code: `xml_malformed`, `xml_undeclared_prefix`, `xml_invalid_characters`, `xml_bare_ampersand`. */
  code: string;
  message: string;
}

/** The result of `parseFeed`. */
export interface ParsedFeed {
  format: FeedFormat;
  meta: FeedMeta;
  items: FeedItem[];
  /** Empty for a well-formed feed. */
  warnings: FeedWarning[];
}

/** Options for `parseFeed`. */
export interface ParseFeedOptions {
  /** URL the feed was fetched from; relative links are resolved against it. */
  baseUrl?: string;
  /** Refuse larger input (characters). Default 10 000 000. */
  maxLength?: number;
  /** Keep at most this many items. Default 1 000. */
  maxItems?: number;
}
