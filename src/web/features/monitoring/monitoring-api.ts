/** The media-monitoring API: sources and health, items and labels, stories, search, saved searches, cases, statistics. */
import { api, type Query } from "../../api/client";
import type { Page } from "../../api/types";

/** Kinds of outlet, as the server lists them. */
export const OUTLET_TYPES = ["domestic_press", "foreign_press", "social_media", "government"] as const;
export type OutletType = (typeof OUTLET_TYPES)[number];

export const SOURCE_FORMATS = ["rss", "rdf", "atom", "jsonfeed", "sitemap", "manual"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const TONES = ["positive", "neutral", "negative"] as const;
export type Tone = (typeof TONES)[number];

export const FLAGS = ["check_false_info", "foreign_press"] as const;
export type Flag = (typeof FLAGS)[number];

/** Response-case states, in board order. */
export const CASE_STATES = ["open", "in_progress", "resolved", "closed"] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const ASSESSMENTS = ["accurate", "misleading", "false", "hostile"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const CASE_ACTIONS = [
  "press_informed",
  "article_published",
  "correction_published",
  "reported_to_authority",
  "other",
] as const;
export type CaseActionKind = (typeof CASE_ACTIONS)[number];

export interface SourceHealth {
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  consecutiveFailures: number;
  nextPollAt: string | null;
  isHealthy: boolean;
  /** Fetching health in words (see the server's presenter). */
  state: "manual" | "never_fetched" | "healthy" | "failing";
}

export interface Source {
  id: string;
  name: string;
  url: string | null;
  format: SourceFormat;
  country: string;
  language: string | null;
  outletType: OutletType;
  category: string | null;
  siteUrl: string | null;
  pollMinutes: number;
  isActive: boolean;
  fetchPages: boolean;
  itemCount: number;
  health: SourceHealth;
  createdAt: string;
  updatedAt: string;
}

export interface SourceInput {
  name: string;
  url?: string | null;
  format: SourceFormat;
  country: string;
  language?: string | null;
  outletType: OutletType;
  category?: string | null;
  siteUrl?: string | null;
  pollMinutes: number;
  isActive: boolean;
  fetchPages: boolean;
}

export interface PollResult {
  sourceId: string;
  status: "ok" | "not_modified" | "error" | "skipped";
  entries: number;
  stored: number;
  skipped: number;
  errorCode?: string;
}

export interface OpmlResult {
  url: string;
  name: string;
  status: "created" | "exists" | "invalid";
  id?: string;
}

export interface ManualItemInput {
  url?: string;
  text?: string;
  title?: string;
  platform?: string;
  author?: string;
  publishedAt?: string;
}

/** An item as lists show it. */
export interface ItemSummary {
  id: string;
  source: { id: string; name: string };
  title: string;
  url: string | null;
  canonicalUrl: string | null;
  publishedAt: string;
  fetchedAt: string;
  language: string;
  country: string;
  outletType: OutletType;
  tone: Tone;
  flags: Flag[];
  mentionsCity: boolean;
  topics: string[];
  storyId: string | null;
  platform: string | null;
  author: string | null;
}

/** The automatic labels of an item and the evidence behind each. */
export interface ItemLabels {
  language: string;
  languageConfidence: number;
  mentionsCity: boolean;
  mentions: { alias: string; text: string; offset: number }[];
  topics: { topic: string; score: number; terms: string[] }[];
  tone: Tone;
  flags: Flag[];
  why: {
    language: string;
    mentions: { alias: string; text: string; reason: string }[];
    tone: { score: number; positive: string[]; negative: string[]; negated: string[] };
    flags: { flag: Flag; reasons: string[] }[];
  };
  textOrigin: string | null;
}

export interface LabelCorrection {
  field: string;
  before: unknown;
  after: unknown;
  note: string | null;
  correctedAt: string;
}

export interface ItemDetail extends ItemSummary {
  /** Extracted plain text: the UI renders only this, never the stored HTML. */
  text: string;
  labels: ItemLabels;
  corrections: LabelCorrection[];
}

export interface CorrectLabelInput {
  tone?: Tone;
  topics?: string[];
  language?: string;
  mentionsCity?: boolean;
  flags?: Flag[];
  note?: string;
}

export interface Story {
  id: string;
  title: string;
  firstItemId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  itemCount: number;
}

export interface StoryDetail extends Story {
  items: ItemSummary[];
}

export interface ItemPage extends Page<ItemSummary> {
  isTotalExact: boolean;
}

export interface SearchFilters {
  lang?: string[];
  country?: string[];
  source?: string[];
  topic?: string[];
  tone?: string[];
  dateFrom?: string;
  dateTo?: string;
}

/** A search result: the item, and a few lines of its text around the match. */
export interface SearchHit extends ItemSummary {
  snippet: string;
}

export interface SearchPage extends Page<SearchHit> {
  isTotalExact: boolean;
  filters: SearchFilters;
}

export interface SyntaxRule {
  syntax: string;
  vi: string;
  en: string;
}

export interface AlertChannelsInput {
  inApp: boolean;
  emails: string[];
  webhook: { url: string; secret: string } | null;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
  alertOnNew: boolean;
  alertOnSpike: boolean;
  spikeFactor: number;
  spikeMinCount: number;
  digest: "daily" | "weekly" | null;
  channels: { inApp: boolean; emails: string[]; webhook: { url: string; hasSecret: boolean } | null };
  checkedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SavedSearchInput {
  name: string;
  query: string;
  alertOnNew: boolean;
  alertOnSpike: boolean;
  spikeFactor: number;
  spikeMinCount: number;
  digest: "daily" | "weekly" | null;
  channels?: AlertChannelsInput;
}

export interface CaseAction {
  kind: CaseActionKind;
  note: string;
  at?: string;
}

export interface CaseEvidence {
  url: string;
  title: string;
}

export interface ResponseCase {
  id: string;
  title: string;
  itemId: string | null;
  storyId: string | null;
  assessment: Assessment;
  assigneePersonId: string | null;
  assigneePersonName: string | null;
  assigneeUnitId: string | null;
  assigneeUnitName: string | null;
  deadline: string | null;
  actions: CaseAction[];
  evidence: CaseEvidence[];
  outcome: string | null;
  state: CaseState;
  taskId: string | null;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CaseBoard = Record<CaseState, ResponseCase[]>;

export interface CreateCaseInput {
  itemId?: string;
  storyId?: string;
  title?: string;
  assessment: Assessment;
  assigneePersonId?: string | null;
  assigneeUnitId?: string | null;
  deadline?: string | null;
}

export interface UpdateCaseInput {
  version: number;
  title?: string;
  assessment?: Assessment;
  assigneePersonId?: string | null;
  assigneeUnitId?: string | null;
  deadline?: string | null;
  state?: CaseState;
  outcome?: string | null;
  taskId?: string | null;
  actions?: CaseAction[];
  evidence?: CaseEvidence[];
}

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];
export const DIMENSIONS = ["language", "country", "outletType", "topic", "tone"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Coverage {
  from: string;
  to: string;
  granularity: Granularity;
  dimension: Dimension;
  rows: { period: string; key: string; count: number }[];
}

export interface TopOutlet {
  id: string;
  name: string;
  outlet_type: OutletType;
  country: string;
  n: number;
  negative: number;
}

export interface TopStory {
  id: string;
  title: string;
  first_seen_at: string;
  n: number;
  outlets: number;
}

export interface TopicDefinition {
  topic: string;
  nameVi: string;
  nameEn: string;
}

export interface AliasDefinition {
  id: string;
  name: string;
}

const base = "/api/monitoring";

export const monitoringApi = {
  sources: (query: Query, signal?: AbortSignal) => api.get<Page<Source>>(`${base}/sources`, query, signal),
  createSource: (input: SourceInput) => api.post<Source>(`${base}/sources`, input),
  updateSource: (id: string, input: Partial<SourceInput>) =>
    api.patch<Source>(`${base}/sources/${id}`, input),
  pollNow: (id: string) => api.post<PollResult>(`${base}/sources/${id}/poll`),
  importOpml: (input: { opml: string; outletType: OutletType; country: string }) =>
    api.post<{ results: OpmlResult[] }>(`${base}/sources/opml`, input),
  addManualItem: (input: ManualItemInput) =>
    api.post<ItemDetail | { id: null; isDuplicate: boolean }>(`${base}/items/manual`, input),

  items: (query: Query, signal?: AbortSignal) => api.get<ItemPage>(`${base}/items`, query, signal),
  item: (id: string, signal?: AbortSignal) => api.get<ItemDetail>(`${base}/items/${id}`, undefined, signal),
  correctLabels: (id: string, input: CorrectLabelInput) =>
    api.post<ItemDetail>(`${base}/items/${id}/labels`, input),
  story: (id: string, signal?: AbortSignal) =>
    api.get<StoryDetail>(`${base}/stories/${id}`, undefined, signal),

  topics: (signal?: AbortSignal) =>
    api.get<{ data: { topics: TopicDefinition[] } }>(`${base}/dictionaries/topics`, undefined, signal),
  aliases: (signal?: AbortSignal) =>
    api.get<{ data: AliasDefinition[] }>(`${base}/dictionaries/aliases`, undefined, signal),

  search: (query: Query, signal?: AbortSignal) => api.get<SearchPage>(`${base}/search`, query, signal),
  syntax: (signal?: AbortSignal) =>
    api.get<{ rules: SyntaxRule[] }>(`${base}/search/syntax`, undefined, signal),
  savedSearches: (signal?: AbortSignal) =>
    api.get<SavedSearch[]>(`${base}/saved-searches`, undefined, signal),
  createSavedSearch: (input: SavedSearchInput) => api.post<SavedSearch>(`${base}/saved-searches`, input),
  updateSavedSearch: (id: string, input: Partial<SavedSearchInput>) =>
    api.patch<SavedSearch>(`${base}/saved-searches/${id}`, input),
  deleteSavedSearch: (id: string) => api.delete(`${base}/saved-searches/${id}`),

  cases: (query: Query, signal?: AbortSignal) => api.get<CaseBoard>(`${base}/cases`, query, signal),
  case: (id: string, signal?: AbortSignal) => api.get<ResponseCase>(`${base}/cases/${id}`, undefined, signal),
  createCase: (input: CreateCaseInput) => api.post<ResponseCase>(`${base}/cases`, input),
  updateCase: (id: string, input: UpdateCaseInput) => api.patch<ResponseCase>(`${base}/cases/${id}`, input),

  coverage: (query: Query, signal?: AbortSignal) =>
    api.get<Coverage>(`${base}/stats/coverage`, query, signal),
  top: (query: Query, signal?: AbortSignal) =>
    api.get<{ outlets: TopOutlet[]; stories: TopStory[] }>(`${base}/stats/top`, query, signal),
};
