/** Monitoring rows → API shapes. Raw rows never leave the server. */
import type { z } from "zod";
import type {
  CaseSchema,
  ItemDetailSchema,
  ItemSummarySchema,
  SavedSearchSchema,
} from "../../shared/api/monitoring.js";
import type { ArticleAnalysis } from "./analysis/article.analyze.js";
import type { MonitoringSourceTable } from "./monitoring.tables.js";
import type { ItemRow, StoryRow } from "./storage/items.repository.js";

export function presentSource(s: MonitoringSourceTable) {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    format: s.format,
    country: s.country,
    language: s.language,
    outletType: s.outlet_type,
    category: s.category,
    siteUrl: s.site_url,
    pollMinutes: s.poll_minutes,
    isActive: s.is_active === 1,
    fetchPages: s.fetch_pages === 1,
    isOwnChannel: s.is_own_channel === 1,
    itemCount: s.item_count,
    health: {
      lastPolledAt: s.last_polled_at,
      lastSuccessAt: s.last_success_at,
      lastErrorAt: s.last_error_at,
      lastErrorCode: s.last_error_code,
      lastErrorMessage: s.last_error_message,
      consecutiveFailures: s.consecutive_failures,
      nextPollAt: s.next_poll_at,
      isHealthy: s.consecutive_failures === 0,
      /**
       * In words: "manual" (entered by hand, never fetched), "never_fetched" (no fetch tried yet),
       * "healthy" (the last fetch worked), "failing" (the last fetches failed).
       */
      state:
        s.format === "manual"
          ? ("manual" as const)
          : s.consecutive_failures > 0
            ? ("failing" as const)
            : s.last_success_at === null && s.last_error_at === null
              ? ("never_fetched" as const)
              : ("healthy" as const),
    },
    createdAt: s.created_at,
    updatedAt: s.updated_at,
  };
}

export interface ItemListRow {
  id: string;
  source_id: string;
  source_name: string;
  title: string;
  url: string | null;
  canonical_url: string | null;
  published_at: string;
  fetched_at: string;
  language: string;
  country: string;
  outlet_type: string;
  tone: string;
  flags_json: string;
  mentions_city: number;
  story_id: string | null;
  platform: string | null;
  author: string | null;
}

export type ItemSummary = z.infer<typeof ItemSummarySchema>;
type ItemDetail = z.infer<typeof ItemDetailSchema>;
/** The API shapes of a response case and a saved search, for their presenters. */
export type CaseDto = z.infer<typeof CaseSchema>;
export type SavedSearchDto = z.infer<typeof SavedSearchSchema>;

export function presentItemSummary(r: ItemListRow, topics: string[]): ItemSummary {
  return {
    id: r.id,
    source: { id: r.source_id, name: r.source_name },
    title: r.title,
    url: r.url,
    canonicalUrl: r.canonical_url,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    language: r.language,
    country: r.country,
    outletType: r.outlet_type as ItemSummary["outletType"],
    tone: r.tone as ItemSummary["tone"],
    flags: JSON.parse(r.flags_json) as ItemSummary["flags"],
    mentionsCity: r.mentions_city === 1,
    topics,
    storyId: r.story_id,
    platform: r.platform,
    author: r.author,
  };
}

export function presentItem(
  r: ItemRow,
  extra: {
    sourceName: string;
    topics: { topic: string; score: number; terms_json: string }[];
    mentions: { alias_id: string; text: string; offset: number }[];
    corrections: {
      field: string;
      before_json: string;
      after_json: string;
      corrected_at: string;
      note: string | null;
    }[];
  },
): ItemDetail {
  const labels = JSON.parse(r.labels_json) as ArticleAnalysis & { textOrigin?: string };
  return {
    ...presentItemSummary(
      { ...r, source_name: extra.sourceName },
      extra.topics.map((t) => t.topic),
    ),
    text: r.text,
    /** Sanitised at ingestion; safe to render. */
    html: r.html,
    labels: {
      language: r.language,
      languageConfidence: labels.languageConfidence,
      mentionsCity: r.mentions_city === 1,
      mentions: extra.mentions.map((m) => ({ alias: m.alias_id, text: m.text, offset: m.offset })),
      topics: extra.topics.map((t) => ({
        topic: t.topic,
        score: t.score,
        terms: JSON.parse(t.terms_json) as string[],
      })),
      tone: r.tone as ItemDetail["labels"]["tone"],
      flags: JSON.parse(r.flags_json) as ItemDetail["labels"]["flags"],
      why: labels.why,
      textOrigin: labels.textOrigin ?? null,
    },
    corrections: extra.corrections.map((c) => ({
      field: c.field,
      before: JSON.parse(c.before_json) as unknown,
      after: JSON.parse(c.after_json) as unknown,
      note: c.note,
      correctedAt: c.corrected_at,
    })),
  };
}

export function presentStory(s: StoryRow) {
  return {
    id: s.id,
    title: s.title,
    firstItemId: s.first_item_id,
    firstSeenAt: s.first_seen_at,
    lastSeenAt: s.last_seen_at,
    itemCount: s.item_count,
  };
}
