/**
 * JSON Feed 1.0/1.1 reader (https://jsonfeed.org/version/1.1).
 */
import { z } from "zod";
import { monitoringErrors } from "../monitoring.errors.js";
import { absoluteUrl, buildItem, toIsoDate } from "./feed.normalize.js";
import type { ParsedFeed } from "./feed.types.js";

const AuthorSchema = z.object({ name: z.string().optional() }).passthrough();
const ItemSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    url: z.string().optional(),
    external_url: z.string().optional(),
    title: z.string().optional(),
    summary: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    date_published: z.string().optional(),
    date_modified: z.string().optional(),
    author: AuthorSchema.optional(),
    authors: z.array(AuthorSchema).optional(),
    language: z.string().optional(),
  })
  .passthrough();
/** The part of JSON Feed we read; unknown fields are allowed (extensions start with "_"). */
const JsonFeedSchema = z
  .object({
    version: z.string().startsWith("https://jsonfeed.org/version/"),
    title: z.string().default(""),
    home_page_url: z.string().optional(),
    description: z.string().optional(),
    language: z.string().optional(),
    items: z.array(ItemSchema),
  })
  .passthrough();

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Reads a JSON Feed; throws `feed_malformed` or `feed_too_large`. */
export function readJsonFeed(
  text: string,
  options: { baseUrl?: string; maxItems: number; maxLength: number },
): Omit<ParsedFeed, "warnings"> {
  if (text.length > options.maxLength) throw monitoringErrors.feedTooLarge({ meta: { length: text.length } });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw monitoringErrors.feedMalformed({ cause, meta: { reason: "invalid JSON" } });
  }
  const parsed = JsonFeedSchema.safeParse(json);
  if (!parsed.success)
    throw monitoringErrors.feedMalformed({
      meta: { reason: "not a JSON Feed", issues: parsed.error.issues.slice(0, 5) },
    });
  const feed = parsed.data;
  const siteUrl = absoluteUrl(feed.home_page_url ?? "", options.baseUrl) || undefined;
  const items = feed.items.slice(0, options.maxItems).map((item) => {
    const url = absoluteUrl(item.url ?? item.external_url ?? "", siteUrl ?? options.baseUrl);
    const contentHtml =
      item.content_html ?? (item.content_text ? `<p>${escapeHtml(item.content_text)}</p>` : undefined);
    return buildItem({
      guid: item.id === undefined ? url : String(item.id),
      url,
      title: item.title ?? "",
      summary: item.summary,
      contentHtml,
      publishedAt: toIsoDate(item.date_published ?? item.date_modified ?? ""),
      author: item.authors?.[0]?.name ?? item.author?.name,
      language: item.language ?? feed.language,
    });
  });
  return {
    format: "json",
    meta: { title: feed.title, siteUrl, description: feed.description, language: feed.language },
    items,
  };
}
