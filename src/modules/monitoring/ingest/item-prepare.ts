/**
 * Turns one feed entry (or a manual entry) into a stored-item draft: canonical URL and dedupe key, article
 * text (fetching the page when the feed has none), sanitised HTML, analysis, MinHash. Pure apart from the
 * optional page fetch.
 */
import { createHash } from "node:crypto";
import { type AnalysisConfig, type ArticleAnalysis, analyzeArticle } from "../analysis/article.analyze.js";
import { foldVietnamese } from "../analysis/fold.js";
import { bandKeys, minhash, signatureToHex } from "../analysis/near-duplicate.minhash.js";
import { canonicalUrl } from "../analysis/url.canonical.js";
import { extractArticle } from "../extract/article.extract.js";
import { sanitizeHtml } from "../extract/html.sanitize.js";
import { htmlToText } from "../extract/html.text.js";
import type { FeedItem } from "../feeds/feed.types.js";
import type { Fetcher } from "../fetch/fetch.client.js";
import type { MonitoringSourceTable } from "../monitoring.tables.js";

/** Below this many characters the feed "has no text" and the page is fetched. */
export const MIN_FEED_TEXT = 200;
/**
 * The analyser sees at most this much of the text: labels are decided by the headline and the first
 * screens, and analysing a 150 KB page in full cost more than fetching and extracting it.
 */
export const MAX_ANALYSED_TEXT = 20_000;
/** Stored text is capped (a runaway page must not bloat the database). */
const MAX_TEXT = 200_000;

export interface ItemDraft {
  dedupeKey: string;
  guid: string | null;
  url: string | null;
  canonicalUrl: string | null;
  title: string;
  author: string | null;
  platform: string | null;
  publishedAt: string;
  text: string;
  foldedText: string;
  html: string;
  analysis: ArticleAnalysis;
  minhashHex: string;
  bands: string[];
  signature: Uint32Array;
  /** How the text was obtained: "feed", "page", "page_failed:<code>", "manual". */
  textOrigin: string;
}

/** The key that makes an item unique within its source. */
export function dedupeKeyOf(entry: { url?: string; guid?: string }): string {
  const canonical = entry.url ? canonicalUrl(entry.url) : null;
  if (canonical) return canonical;
  if (entry.guid) return `guid:${entry.guid}`;
  return "";
}

/** Stable key for a pasted post without URL. */
export function textKey(parts: string[]): string {
  return `text:${createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32)}`;
}

/** What preparing needs of the source. */
export type SourceInfo = Pick<MonitoringSourceTable, "id" | "country" | "language" | "fetch_pages">;

export function analyseDraft(
  base: Omit<ItemDraft, "analysis" | "foldedText" | "minhashHex" | "bands" | "signature">,
  source: SourceInfo,
  config: AnalysisConfig,
): ItemDraft {
  const host = base.url ? safeHost(base.url) : undefined;
  const analysis = analyzeArticle(
    {
      title: base.title,
      text: base.text.slice(0, MAX_ANALYSED_TEXT),
      sourceCountry: source.country,
      sourceId: source.id,
      ...(host && { sourceHost: host }),
    },
    config,
  );
  if (analysis.language === "und" && source.language) analysis.language = source.language;
  const signature = minhash(`${base.title}\n${base.text.slice(0, MAX_ANALYSED_TEXT)}`);
  return {
    ...base,
    analysis,
    foldedText: foldVietnamese(`${base.title}\n${base.text}`),
    minhashHex: signatureToHex(signature),
    bands: bandKeys(signature),
    signature,
  };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** A feed entry with what was fetched for it: the input of `draftFromEntry` (plain data, cloneable). */
export interface FetchedEntry {
  entry: FeedItem;
  /** The article page's HTML, when the feed had too little text and the page was fetched. */
  pageHtml?: string;
  /** Error code when the page fetch failed. */
  pageError?: string;
  /** The feed body's text when `fetchEntry` already converted it. */
  feedText?: string;
  now: string;
}

/** I/O half of preparing an entry: fetches the article page when the feed carries too little text. */
export async function fetchEntry(
  entry: FeedItem,
  source: SourceInfo,
  deps: { fetcher: Fetcher; now: string },
): Promise<FetchedEntry> {
  const feedHtml = entry.contentHtml || entry.summary || "";
  // Text is never longer than its HTML: a short body has too little text without converting it.
  const feedText = feedHtml.length >= MIN_FEED_TEXT ? htmlToText(feedHtml) : undefined;
  if ((feedText && feedText.length >= MIN_FEED_TEXT) || !entry.url || !source.fetch_pages)
    return { entry, now: deps.now, ...(feedText !== undefined && { feedText }) };
  try {
    const page = await deps.fetcher.fetch({
      url: entry.url,
      checkRobots: true,
      accept: "text/html,*/*;q=0.5",
    });
    return { entry, pageHtml: page.text, now: deps.now, ...(feedText !== undefined && { feedText }) };
  } catch (err) {
    const pageError = (err as { code?: string }).code ?? "error";
    return { entry, pageError, now: deps.now, ...(feedText !== undefined && { feedText }) };
  }
}

/** CPU half of preparing an entry (extraction, sanitising, analysis): pure, so it can run in a worker. */
export function draftFromEntry(fetched: FetchedEntry, source: SourceInfo, config: AnalysisConfig): ItemDraft {
  const { entry } = fetched;
  const feedHtml = entry.contentHtml || entry.summary || "";
  let text = fetched.feedText ?? (feedHtml ? htmlToText(feedHtml) : "");
  let html = feedHtml ? sanitizeHtml(feedHtml) : "";
  let title = entry.title;
  let textOrigin = "feed";
  if (fetched.pageError !== undefined) textOrigin = `page_failed:${fetched.pageError}`;
  else if (fetched.pageHtml !== undefined) {
    const article = extractArticle(fetched.pageHtml, {
      ...(entry.title && { fallbackTitle: entry.title }),
      ...(feedHtml && { fallbackSummaryHtml: feedHtml }),
    });
    if (article.text.length > text.length) {
      text = article.text;
      html = article.html;
    }
    title ||= article.title;
    textOrigin = "page";
  }
  const url = entry.url || null;
  return analyseDraft(
    {
      dedupeKey: dedupeKeyOf(entry) || `guid:${entry.guid}`,
      guid: entry.guid || null,
      url,
      canonicalUrl: url ? canonicalUrl(url) : null,
      title: title.slice(0, 1000),
      author: entry.author ?? null,
      platform: null,
      publishedAt: entry.publishedAt ?? fetched.now,
      text: text.slice(0, MAX_TEXT),
      html: html.slice(0, MAX_TEXT * 2),
      textOrigin,
    },
    source,
    config,
  );
}

/** Prepares a feed entry; fetches the article page when the feed carries too little text. */
export async function prepareFeedItem(
  entry: FeedItem,
  source: SourceInfo,
  deps: { fetcher: Fetcher; config: AnalysisConfig; now: string },
): Promise<ItemDraft> {
  return draftFromEntry(await fetchEntry(entry, source, deps), source, deps.config);
}
