/** The media-monitoring API: sources and health, items and labels, stories, search, saved searches, cases, statistics. */
import type { z } from "zod";
import {
  ASSESSMENTS,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseBoardSchema,
  type CaseSchema,
  type CorrectLabelBody,
  type CreateCaseBody,
  type CreateSourceBody,
  type DICTIONARY_SCHEMAS,
  FLAGS,
  type ItemDetailSchema,
  type ItemPageSchema,
  type ItemSummarySchema,
  type LabelCorrectionSchema,
  type ManualItemBody,
  type ManualItemDuplicateSchema,
  type OpmlImportBody,
  type OpmlImportResultSchema,
  type OpmlResultSchema,
  OUTLET_TYPES,
  type PollResultSchema,
  type SavedSearchBody,
  type SavedSearchSchema,
  type SearchFiltersSchema,
  type SearchHitSchema,
  type SearchPageSchema,
  type SearchSyntaxSchema,
  SOURCE_FORMATS,
  type SourceSchema,
  type StoryDetailSchema,
  type StorySchema,
  TONES,
  type UpdateCaseBody,
  type UpdateSavedSearchBody,
  type UpdateSourceBody,
} from "../../../shared/api/monitoring";
import type { CoverageSchema, TopSchema } from "../../../shared/api/monitoring-stats";
import type { Page } from "../../../shared/api/pagination";
import { api, type Query } from "../../api/client";

/** Kinds of outlet, feed formats, tones and flags, as the server lists them. */
export { ASSESSMENTS, CASE_ACTIONS, CASE_STATES, FLAGS, OUTLET_TYPES, SOURCE_FORMATS, TONES };
export type OutletType = (typeof OUTLET_TYPES)[number];
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export type Tone = (typeof TONES)[number];
export type Flag = (typeof FLAGS)[number];
/** Response-case states, in board order. */
export type CaseState = (typeof CASE_STATES)[number];
export type Assessment = (typeof ASSESSMENTS)[number];
export type CaseActionKind = (typeof CASE_ACTIONS)[number];

// The shapes come from the server's own schemas (src/shared/api/monitoring.ts).
export type Source = z.infer<typeof SourceSchema>;
export type SourceHealth = Source["health"];
export type SourceInput = z.input<typeof CreateSourceBody>;
export type SourceChange = z.input<typeof UpdateSourceBody>;
export type PollResult = z.infer<typeof PollResultSchema>;
export type OpmlResult = z.infer<typeof OpmlResultSchema>;
export type ManualItemInput = z.input<typeof ManualItemBody>;
/** An item as lists show it. */
export type ItemSummary = z.infer<typeof ItemSummarySchema>;
export type ItemDetail = z.infer<typeof ItemDetailSchema>;
/** The automatic labels of an item and the evidence behind each. */
export type ItemLabels = ItemDetail["labels"];
export type LabelCorrection = z.infer<typeof LabelCorrectionSchema>;
export type CorrectLabelInput = z.input<typeof CorrectLabelBody>;
export type Story = z.infer<typeof StorySchema>;
export type StoryDetail = z.infer<typeof StoryDetailSchema>;
export type ItemPage = z.infer<typeof ItemPageSchema>;
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;
/** A search result: the item, and a few lines of its text around the match. */
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type SearchPage = z.infer<typeof SearchPageSchema>;
export type SyntaxRule = z.infer<typeof SearchSyntaxSchema>["rules"][number];
export type SavedSearch = z.infer<typeof SavedSearchSchema>;
export type SavedSearchInput = z.input<typeof SavedSearchBody>;
export type AlertChannelsInput = NonNullable<SavedSearchInput["channels"]>;
export type ResponseCase = z.infer<typeof CaseSchema>;
export type CaseAction = ResponseCase["actions"][number];
export type CaseEvidence = ResponseCase["evidence"][number];
export type CaseBoard = z.infer<typeof CaseBoardSchema>;
export type CreateCaseInput = z.input<typeof CreateCaseBody>;
export type UpdateCaseInput = z.input<typeof UpdateCaseBody>;

export const GRANULARITIES = ["day", "week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];
/** Dimensions of the coverage statistics, in the order the page offers them. */
export const DIMENSIONS = ["language", "country", "outletType", "topic", "tone"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Coverage = z.infer<typeof CoverageSchema>;
export type TopOutlet = z.infer<typeof TopSchema>["outlets"][number];
export type TopStory = z.infer<typeof TopSchema>["stories"][number];

/** The topics dictionary's entries, as the labels show them. */
export type TopicDefinition = z.infer<typeof DICTIONARY_SCHEMAS.topics>["topics"][number];
/** The aliases dictionary's entries. */
export type AliasDefinition = z.infer<typeof DICTIONARY_SCHEMAS.aliases>[number];

const base = "/api/monitoring";

export const monitoringApi = {
  sources: (query: Query, signal?: AbortSignal) => api.get<Page<Source>>(`${base}/sources`, query, signal),
  createSource: (input: SourceInput) => api.post<Source>(`${base}/sources`, input),
  updateSource: (id: string, input: SourceChange) => api.patch<Source>(`${base}/sources/${id}`, input),
  pollNow: (id: string) => api.post<PollResult>(`${base}/sources/${id}/poll`),
  importOpml: (input: z.input<typeof OpmlImportBody>) =>
    api.post<z.infer<typeof OpmlImportResultSchema>>(`${base}/sources/opml`, input),
  addManualItem: (input: ManualItemInput) =>
    api.post<ItemDetail | z.infer<typeof ManualItemDuplicateSchema>>(`${base}/items/manual`, input),

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
    api.get<z.infer<typeof SearchSyntaxSchema>>(`${base}/search/syntax`, undefined, signal),
  savedSearches: (signal?: AbortSignal) =>
    api.get<SavedSearch[]>(`${base}/saved-searches`, undefined, signal),
  createSavedSearch: (input: SavedSearchInput) => api.post<SavedSearch>(`${base}/saved-searches`, input),
  updateSavedSearch: (id: string, input: z.input<typeof UpdateSavedSearchBody>) =>
    api.patch<SavedSearch>(`${base}/saved-searches/${id}`, input),
  deleteSavedSearch: (id: string) => api.delete(`${base}/saved-searches/${id}`),

  cases: (query: Query, signal?: AbortSignal) => api.get<CaseBoard>(`${base}/cases`, query, signal),
  case: (id: string, signal?: AbortSignal) => api.get<ResponseCase>(`${base}/cases/${id}`, undefined, signal),
  createCase: (input: CreateCaseInput) => api.post<ResponseCase>(`${base}/cases`, input),
  updateCase: (id: string, input: UpdateCaseInput) => api.patch<ResponseCase>(`${base}/cases/${id}`, input),

  coverage: (query: Query, signal?: AbortSignal) =>
    api.get<Coverage>(`${base}/stats/coverage`, query, signal),
  top: (query: Query, signal?: AbortSignal) =>
    api.get<z.infer<typeof TopSchema>>(`${base}/stats/top`, query, signal),
};
