/**
 * Helpers shared by the format readers: dates, URLs, titles and fallback ids.
 */
import { createHash } from "node:crypto";
import { htmlToText } from "../extract/html.text.js";
import type { FeedItem } from "./feed.types.js";

/** Parses RFC 822 / RFC 3339 / ISO dates to ISO 8601; undefined when unparsable. */
export function toIsoDate(value: string): string | undefined {
  if (!value) return undefined;
  // "GMT+7" and "+07" variants seen on Vietnamese sites; Date understands "+0700".
  const cleaned = value
    .trim()
    .replace(/GMT([+-])(\d{1,2})$/, (_, s: string, h: string) => `${s}${h.padStart(2, "0")}00`);
  const time = Date.parse(cleaned);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Resolves a possibly relative link; keeps only http(s). */
export function absoluteUrl(link: string, base?: string): string {
  if (!link) return "";
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : "";
  } catch {
    return "";
  }
}

/** Titles sometimes carry HTML or entities; reduce them to plain text on one line. */
export function plainTitle(title: string): string {
  const text = /[<&]/.test(title) ? htmlToText(title) : title;
  return text.replace(/\s+/g, " ").trim();
}

/** A fallback id when the feed has neither guid nor link. */
export function fallbackGuid(title: string, date: string | undefined): string {
  return `sha1:${createHash("sha1")
    .update(`${title}\u0000${date ?? ""}`)
    .digest("hex")}`;
}

/** Builds an item, dropping empty optional fields so stored JSON stays small. */
export function buildItem(fields: {
  guid: string;
  url: string;
  title: string;
  summary?: string;
  contentHtml?: string;
  publishedAt?: string;
  author?: string;
  language?: string;
}): FeedItem {
  const title = plainTitle(fields.title);
  const item: FeedItem = {
    guid: fields.guid || fields.url || fallbackGuid(title, fields.publishedAt),
    url: fields.url,
    title,
  };
  if (fields.summary) item.summary = fields.summary;
  if (fields.contentHtml) item.contentHtml = fields.contentHtml;
  if (fields.publishedAt) item.publishedAt = fields.publishedAt;
  if (fields.author) item.author = fields.author;
  if (fields.language) item.language = fields.language;
  return item;
}
