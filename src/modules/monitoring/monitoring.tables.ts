/**
 * Tables of media monitoring: sources and their health, ingested items with their automatic labels,
 * stories (near-duplicate groups), label corrections (training data), editable dictionaries, saved
 * searches with alerts, alert events and deliveries, response cases. Portable conventions as in
 * `platform/db/schema.ts` (text ids, ISO timestamps, 0/1 booleans, JSON as text).
 */

import { OUTLET_TYPES, SOURCE_FORMATS } from "../../shared/api/monitoring.js";

/** Feed formats a source may have (`src/shared/api/monitoring.ts`). */
export { OUTLET_TYPES, SOURCE_FORMATS };
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Kind of outlet (báo chí trong nước, báo chí nước ngoài, mạng xã hội, cơ quan nhà nước). */
export type OutletType = (typeof OUTLET_TYPES)[number];

export interface MonitoringSourceTable {
  id: string;
  name: string;
  /** Feed URL; null for manual sources. */
  url: string | null;
  format: SourceFormat;
  /** ISO 3166 alpha-2 ("VN"). */
  country: string;
  /** Expected language tag ("vi"); items keep the detected one. */
  language: string | null;
  outlet_type: OutletType;
  category: string | null;
  site_url: string | null;
  poll_minutes: number;
  is_active: number;
  /** Fetch the article page when the feed carries no text. */
  fetch_pages: number;
  /** 1: a channel of the city itself (the portal's feeds): counted apart from outside coverage. */
  is_own_channel: number;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error_at: string | null;
  last_error_code: string | null;
  last_error_message: string | null;
  consecutive_failures: number;
  next_poll_at: string;
  item_count: number;
  created_at: string;
  updated_at: string;
}

export interface MonitoringItemTable {
  id: string;
  source_id: string;
  /** What makes the item unique within its source: canonical URL, else `guid:<guid>`. */
  dedupe_key: string;
  guid: string | null;
  url: string | null;
  canonical_url: string | null;
  title: string;
  author: string | null;
  /** Social-media platform of a pasted post ("facebook"). */
  platform: string | null;
  published_at: string;
  /** Local (Asia/Ho_Chi_Minh) calendar day of `published_at`, for statistics. */
  published_day: string;
  fetched_at: string;
  language: string;
  country: string;
  outlet_type: OutletType;
  text: string;
  /** Folded (lower case, no accents, đ→d) title and text: what the search index covers. */
  folded_text: string;
  /** Sanitised HTML, safe to display. */
  html: string;
  /** Analysis result incl. `why` (JSON). */
  labels_json: string;
  tone: string;
  /** JSON array of flags. */
  flags_json: string;
  mentions_city: number;
  story_id: string | null;
  /** MinHash signature (hex). */
  minhash: string;
  /** SQLite only: rowid of the item in the FTS5 index. */
  fts_rowid: number | null;
  created_at: string;
}

export interface MonitoringItemBandTable {
  item_id: string;
  band_key: string;
}

export interface MonitoringItemMentionTable {
  id: string;
  item_id: string;
  alias_id: string;
  text: string;
  offset: number;
}

export interface MonitoringItemTopicTable {
  item_id: string;
  topic: string;
  score: number;
  terms_json: string;
}

export interface MonitoringStoryTable {
  id: string;
  title: string;
  first_item_id: string;
  first_seen_at: string;
  last_seen_at: string;
  item_count: number;
}

export interface MonitoringLabelCorrectionTable {
  id: string;
  item_id: string;
  /** `tone`, `topics`, `language`, `mentionsCity`, `flags`. */
  field: string;
  before_json: string;
  after_json: string;
  note: string | null;
  corrected_by: string | null;
  corrected_at: string;
}

/** One editable dictionary per kind: `aliases`, `topics`, `tone`, `false_info` (watch-lists). */
export interface MonitoringDictionaryTable {
  kind: string;
  data_json: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface MonitoringSavedSearchTable {
  id: string;
  owner_id: string;
  name: string;
  query: string;
  /** Extra structured filters (JSON). */
  filters_json: string;
  alert_on_new: number;
  alert_on_spike: number;
  /** Fires when the last hour has at least this many times the hourly baseline. */
  spike_factor: number;
  spike_min_count: number;
  /** null, `daily` or `weekly`. */
  digest: string | null;
  /** Channels (JSON): `{ inApp, emails: [], webhook: { url, secret } | null }`. */
  channels_json: string;
  /** Watermark: items fetched after this are "new". */
  checked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface MonitoringAlertEventTable {
  id: string;
  saved_search_id: string;
  kind: string;
  /** Same key → same event: a re-run of the alert job fires once. */
  idempotency_key: string;
  count: number;
  item_ids_json: string;
  created_at: string;
}

export interface MonitoringAlertDeliveryTable {
  id: string;
  event_id: string;
  channel: string;
  target: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MonitoringCaseTable {
  id: string;
  title: string;
  item_id: string | null;
  story_id: string | null;
  assessment: string;
  assignee_person_id: string | null;
  assignee_unit_id: string | null;
  deadline: string | null;
  /** JSON array of `{ kind, note, at }`. */
  actions_json: string;
  /** JSON array of `{ url, title }`. */
  evidence_json: string;
  outcome: string | null;
  state: string;
  /** Programme task (task II.14…), validated when the tasks table exists. */
  task_id: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When the case last became resolved or closed; null while it is open or in progress. */
  closed_at: string | null;
}

export interface MonitoringTables {
  monitoring_sources: MonitoringSourceTable;
  monitoring_items: MonitoringItemTable;
  monitoring_item_bands: MonitoringItemBandTable;
  monitoring_item_mentions: MonitoringItemMentionTable;
  monitoring_item_topics: MonitoringItemTopicTable;
  monitoring_stories: MonitoringStoryTable;
  monitoring_label_corrections: MonitoringLabelCorrectionTable;
  monitoring_dictionaries: MonitoringDictionaryTable;
  monitoring_saved_searches: MonitoringSavedSearchTable;
  monitoring_alert_events: MonitoringAlertEventTable;
  monitoring_alert_deliveries: MonitoringAlertDeliveryTable;
  monitoring_cases: MonitoringCaseTable;
}
