/**
 * Reads a feed saved in a file the way the fetcher reads one from the network: charset from the BOM or
 * the XML declaration (Vietnamese legacy encodings such as windows-1258 included), normalised to NFC, then
 * `parseFeed`. What `haidang monitor parse-feed FILE` runs; writes nothing.
 */
import { readFile } from "node:fs/promises";
import { charsetWarnings, type DetectedCharset, decodeBody } from "../fetch/fetch.charset.js";
import { monitoringServiceErrors } from "../monitoring.errors.js";
import { parseFeed } from "./feed.parse.js";
import type { FeedWarning, ParsedFeed } from "./feed.types.js";

/** A feed read from a file, with the charset used and every warning (charset and XML). */
export interface FeedFileResult extends ParsedFeed {
  charset: DetectedCharset;
}

/**
 * Reads and parses a feed file. Throws `monitoring_file_unreadable` when the file cannot be opened or is
 * empty, and the parse errors (`feed_malformed`, `feed_entity_expansion`, `feed_too_large`) when nothing
 * can be read.
 *
 * @example const feed = await parseFeedFile("baohaiphong.rss"); console.log(feed.items.length, feed.warnings);
 */
export async function parseFeedFile(
  path: string,
  options: { baseUrl?: string } = {},
): Promise<FeedFileResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw monitoringServiceErrors.fileUnreadable({
      cause,
      vi: `Không mở được tệp ${path}`,
      en: `Cannot open ${path}`,
    });
  }
  if (bytes.length === 0)
    throw monitoringServiceErrors.fileUnreadable({ vi: `Tệp ${path} rỗng`, en: `${path} is empty` });
  const { text, charset } = decodeBody(bytes);
  const feed = parseFeed(text, options.baseUrl ? { baseUrl: options.baseUrl } : {});
  const warnings: FeedWarning[] = [...charsetWarnings(bytes), ...feed.warnings];
  return { ...feed, charset, warnings };
}
