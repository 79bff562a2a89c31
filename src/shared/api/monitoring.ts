/**
 * Request and response shapes of the media-monitoring API (sources and their health, items and their
 * labels, stories, dictionaries, search and saved searches, response cases, statistics): one source for
 * the server's validation, the OpenAPI document and the web client's types.
 */
import { z } from "zod";
import { PageQuery } from "./pagination.js";

/** Feed formats a source may have; `manual` sources only receive pasted or fetched-once items. */
export const SOURCE_FORMATS = ["rss", "rdf", "atom", "jsonfeed", "sitemap", "manual"] as const;
/** Kind of outlet (báo chí trong nước, báo chí nước ngoài, mạng xã hội, cơ quan nhà nước). */
export const OUTLET_TYPES = ["domestic_press", "foreign_press", "social_media", "government"] as const;
export const TONES = ["positive", "neutral", "negative"] as const;
export const FLAGS = ["check_false_info", "foreign_press"] as const;

// ——— Sources, items, labels, stories, dictionaries ———

export const IdParams = z.object({ id: z.string().min(1).max(100) }).strict();

const HttpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v), "must be an http(s) URL");
const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "ISO 3166 alpha-2 code")
  .transform((v) => v.toUpperCase());
const Language = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, "language tag, e.g. vi, en, zh");

export const CreateSourceBody = z
  .object({
    /** Display name of the outlet or account. */
    name: z.string().trim().min(1).max(200),
    /** Feed URL (absent for manual sources). */
    url: HttpUrl.optional(),
    format: z.enum(SOURCE_FORMATS).default("rss"),
    country: Country.default("VN"),
    language: Language.optional(),
    outletType: z.enum(OUTLET_TYPES).default("domestic_press"),
    category: z.string().trim().max(200).optional(),
    siteUrl: HttpUrl.optional(),
    /** Minutes between polls. */
    pollMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(60),
    isActive: z.boolean().default(true),
    /** Fetch article pages when the feed has no text. */
    fetchPages: z.boolean().default(true),
    /** A channel of the city itself (kênh của thành phố, e.g. the portal's feeds): counted apart from outside coverage. */
    isOwnChannel: z.boolean().default(false),
  })
  .strict();
export type CreateSource = z.infer<typeof CreateSourceBody>;

export const UpdateSourceBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: HttpUrl.nullable(),
    format: z.enum(SOURCE_FORMATS),
    country: Country,
    language: Language.nullable(),
    outletType: z.enum(OUTLET_TYPES),
    category: z.string().trim().max(200).nullable(),
    siteUrl: HttpUrl.nullable(),
    pollMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60),
    isActive: z.boolean(),
    fetchPages: z.boolean(),
    isOwnChannel: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateSource = z.infer<typeof UpdateSourceBody>;

export const SourceQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  outletType: z.enum(OUTLET_TYPES).optional(),
  isActive: z.enum(["true", "false"]).optional(),
  hasErrors: z.enum(["true", "false"]).optional(),
}).strict();

export const OpmlImportBody = z
  .object({
    /** OPML 2.0 document text. */
    opml: z.string().min(1).max(5_000_000),
    outletType: z.enum(OUTLET_TYPES).default("domestic_press"),
    country: Country.default("VN"),
  })
  .strict();

export const ManualItemBody = z
  .object({
    /** A page to fetch once, or the link of the pasted post. */
    url: HttpUrl.optional(),
    /** Pasted text of a social-media post. */
    text: z.string().trim().min(1).max(100_000).optional(),
    title: z.string().trim().max(1000).optional(),
    /** facebook, youtube, tiktok, x, zalo… */
    platform: z.string().trim().max(50).optional(),
    author: z.string().trim().max(200).optional(),
    publishedAt: z.iso.datetime({ offset: true }).optional(),
    /** Source to file the item under; default: the built-in manual source. */
    sourceId: z.string().max(100).optional(),
  })
  .strict()
  .refine((b) => b.url !== undefined || b.text !== undefined, {
    message: "url or text is required",
    path: ["url"],
  });

const csv = z
  .string()
  .max(500)
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const ItemQuery = PageQuery.extend({
  sourceId: z.string().max(100).optional(),
  storyId: z.string().max(100).optional(),
  lang: csv.optional(),
  country: csv.optional(),
  topic: csv.optional(),
  tone: csv.optional(),
  outletType: csv.optional(),
  flag: z.enum(FLAGS).optional(),
  mentionsCity: z.enum(["true", "false"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
}).strict();
export type ItemQueryInput = z.infer<typeof ItemQuery>;

export const CorrectLabelBody = z
  .object({
    tone: z.enum(TONES).optional(),
    topics: z.array(z.string().min(1).max(60)).max(20).optional(),
    language: Language.optional(),
    mentionsCity: z.boolean().optional(),
    flags: z.array(z.enum(FLAGS)).max(5).optional(),
    /** Why the automatic label was wrong. */
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CorrectLabel = z.infer<typeof CorrectLabelBody>;

export const StoryQuery = PageQuery.extend({
  from: z.iso.date().optional(),
  minItems: z.coerce.number().int().min(1).max(1000).optional(),
}).strict();

export const DictionaryParams = z
  .object({ kind: z.enum(["aliases", "topics", "tone", "false_info"]) })
  .strict();
export const DictionaryBody = z.object({ data: z.unknown() }).strict();

/** The editable analysis dictionaries. */
const Term = z.object({ term: z.string().min(1), weight: z.number() }).passthrough();
/** Minimal shape checks: a broken dictionary must never reach the analyser. */
export const DICTIONARY_SCHEMAS = {
  aliases: z.array(
    z
      .object({
        id: z.string().min(1),
        name: z.string(),
        kind: z.string(),
        terms: z.array(z.string().min(1)).min(1),
        rule: z.enum(["always", "context"]),
      })
      .passthrough(),
  ),
  topics: z.object({
    minScore: z.number().min(0),
    topics: z.array(
      z
        .object({ topic: z.string().min(1), nameVi: z.string(), nameEn: z.string(), terms: z.array(Term) })
        .passthrough(),
    ),
  }),
  tone: z.object({
    positive: z.array(Term),
    negative: z.array(Term),
    negators: z.array(z.string()),
    threshold: z.number(),
  }),
  false_info: z.object({
    terms: z.array(Term),
    threshold: z.number(),
    watchedSourceIds: z.array(z.string()),
    watchedHosts: z.array(z.string()),
  }),
} as const;

// ——— Search, saved searches and alerts ———

export const SearchQuery = PageQuery.extend({
  /** Query in the monitoring search language (see GET /api/monitoring/search/syntax). */
  q: z.string().max(1000).default(""),
}).strict();

const Channels = z
  .object({
    inApp: z.boolean().default(true),
    emails: z.array(z.email()).max(20).default([]),
    /** Webhook receiving a signed JSON POST (`X-HaiDang-Signature: sha256=<hmac>`). */
    webhook: z
      .object({
        url: z
          .string()
          .url()
          .refine((v) => /^https?:\/\//i.test(v), "must be http(s)"),
        secret: z.string().min(16).max(200),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type AlertChannels = z.infer<typeof Channels>;

export const SavedSearchBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    query: z.string().max(1000),
    alertOnNew: z.boolean().default(false),
    alertOnSpike: z.boolean().default(false),
    /** Last hour ≥ factor × hourly baseline (past 7 days) fires a spike alert. */
    spikeFactor: z.number().min(1.1).max(100).default(3),
    spikeMinCount: z.number().int().min(1).max(100_000).default(5),
    digest: z.enum(["daily", "weekly"]).nullable().default(null),
    channels: Channels.default({ inApp: true, emails: [], webhook: null }),
  })
  .strict();
export type SavedSearchInput = z.infer<typeof SavedSearchBody>;
export const UpdateSavedSearchBody = SavedSearchBody.partial().strict();

// ——— Response cases (hồ sơ xử lý thông tin) ———

export const CASE_STATES = ["open", "in_progress", "resolved", "closed"] as const;
export const ASSESSMENTS = ["accurate", "misleading", "false", "hostile"] as const;
/** Actions: information provided to the press, article or correction published, reported to the competent authority. */
export const CASE_ACTIONS = [
  "press_informed",
  "article_published",
  "correction_published",
  "reported_to_authority",
  "other",
] as const;

const Action = z
  .object({
    kind: z.enum(CASE_ACTIONS),
    note: z.string().trim().max(2000).default(""),
    at: z.iso.datetime().optional(),
  })
  .strict();
const Evidence = z
  .object({ url: z.string().url().max(2000), title: z.string().trim().max(300).default("") })
  .strict();

export const CreateCaseBody = z
  .object({
    itemId: z.string().max(100).optional(),
    storyId: z.string().max(100).optional(),
    title: z.string().trim().min(1).max(500).optional(),
    assessment: z.enum(ASSESSMENTS),
    assigneePersonId: z.string().max(100).nullable().optional(),
    assigneeUnitId: z.string().max(100).nullable().optional(),
    deadline: z.iso.date().nullable().optional(),
    taskId: z.string().max(100).nullable().optional(),
  })
  .strict();
export type CreateCase = z.infer<typeof CreateCaseBody>;

export const UpdateCaseBody = z
  .object({
    /** Optimistic lock: the version the client edited (stored as a 32-bit integer, which the next must fit). */
    version: z.number().int().min(1).max(2_147_483_646),
    title: z.string().trim().min(1).max(500).optional(),
    assessment: z.enum(ASSESSMENTS).optional(),
    assigneePersonId: z.string().max(100).nullable().optional(),
    assigneeUnitId: z.string().max(100).nullable().optional(),
    deadline: z.iso.date().nullable().optional(),
    state: z.enum(CASE_STATES).optional(),
    outcome: z.string().trim().max(5000).nullable().optional(),
    taskId: z.string().max(100).nullable().optional(),
    /** Replaces the action list. */
    actions: z.array(Action).max(100).optional(),
    evidence: z.array(Evidence).max(100).optional(),
  })
  .strict();
export type UpdateCase = z.infer<typeof UpdateCaseBody>;

export const CaseQuery = z
  .object({ state: z.enum(CASE_STATES).optional(), mine: z.enum(["true", "false"]).optional() })
  .strict();

// ——— Responses ———

/** A source with its fetching health. */
export const SourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string().nullable(),
  format: z.enum(SOURCE_FORMATS),
  country: z.string(),
  language: z.string().nullable(),
  outletType: z.enum(OUTLET_TYPES),
  category: z.string().nullable(),
  siteUrl: z.string().nullable(),
  pollMinutes: z.number(),
  isActive: z.boolean(),
  fetchPages: z.boolean(),
  /** A channel of the city itself: its items are counted apart from press at home and abroad. */
  isOwnChannel: z.boolean(),
  itemCount: z.number(),
  health: z.object({
    lastPolledAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastErrorAt: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    lastErrorMessage: z.string().nullable(),
    consecutiveFailures: z.number(),
    nextPollAt: z.string().nullable(),
    isHealthy: z.boolean(),
    /**
     * In words: "manual" (entered by hand, never fetched), "never_fetched" (no fetch tried yet),
     * "healthy" (the last fetch worked), "failing" (the last fetches failed).
     */
    state: z.enum(["manual", "never_fetched", "healthy", "failing"]),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What one poll of a source did. */
export const PollResultSchema = z.object({
  sourceId: z.string(),
  status: z.enum(["ok", "not_modified", "error", "skipped"]),
  entries: z.number(),
  stored: z.number(),
  skipped: z.number(),
  errorCode: z.string().optional(),
});

/** One outline of an imported OPML document and what became of it. */
export const OpmlResultSchema = z.object({
  url: z.string(),
  name: z.string(),
  status: z.enum(["created", "exists", "invalid"]),
  id: z.string().optional(),
});
export const OpmlImportResultSchema = z.object({ results: z.array(OpmlResultSchema) });

/** An item as lists show it. */
export const ItemSummarySchema = z.object({
  id: z.string(),
  source: z.object({ id: z.string(), name: z.string() }),
  title: z.string(),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  publishedAt: z.string(),
  fetchedAt: z.string(),
  language: z.string(),
  country: z.string(),
  outletType: z.enum(OUTLET_TYPES),
  tone: z.enum(TONES),
  flags: z.array(z.enum(FLAGS)),
  mentionsCity: z.boolean(),
  topics: z.array(z.string()),
  storyId: z.string().nullable(),
  platform: z.string().nullable(),
  author: z.string().nullable(),
});

/** A label correction (before → after), kept as training data. */
export const LabelCorrectionSchema = z.object({
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
  correctedAt: z.string(),
});

/** An item with its text, its automatic labels and the evidence behind each ("why"). */
export const ItemDetailSchema = ItemSummarySchema.extend({
  /** Extracted plain text: the web app renders only this. */
  text: z.string(),
  /** Sanitised at ingestion. */
  html: z.string().nullable(),
  labels: z.object({
    language: z.string(),
    languageConfidence: z.number(),
    mentionsCity: z.boolean(),
    mentions: z.array(z.object({ alias: z.string(), text: z.string(), offset: z.number() })),
    topics: z.array(z.object({ topic: z.string(), score: z.number(), terms: z.array(z.string()) })),
    tone: z.enum(TONES),
    flags: z.array(z.enum(FLAGS)),
    why: z.object({
      language: z.string(),
      mentions: z.array(z.object({ alias: z.string(), text: z.string(), reason: z.string() })),
      tone: z.object({
        score: z.number(),
        positive: z.array(z.string()),
        negative: z.array(z.string()),
        negated: z.array(z.string()),
      }),
      flags: z.array(z.object({ flag: z.enum(FLAGS), reasons: z.array(z.string()) })),
    }),
    /** Where the text came from (feed, fetched page…), when known. */
    textOrigin: z.string().nullable(),
  }),
  corrections: z.array(LabelCorrectionSchema),
});

export const ItemPageSchema = z.object({
  items: z.array(ItemSummarySchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  /** False when the total is an estimate (large result sets). */
  isTotalExact: z.boolean(),
});

/** A manual entry: the stored item, or only `isDuplicate` when it was stored before. */
export const ManualItemDuplicateSchema = z.object({ id: z.null(), isDuplicate: z.boolean() });

/** A label correction in the training-data list. */
export const LabelCorrectionEntrySchema = LabelCorrectionSchema.extend({
  id: z.string(),
  itemId: z.string(),
  correctedBy: z.string().nullable(),
});

/** A story: items about the same event, grouped as near duplicates. */
export const StorySchema = z.object({
  id: z.string(),
  title: z.string(),
  firstItemId: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  itemCount: z.number(),
});
export const StoryDetailSchema = StorySchema.extend({ items: z.array(ItemSummarySchema) });

/** An analysis dictionary (aliases, topics, tone, false-information cues) and its version. */
export const DictionarySchema = z.object({
  kind: z.enum(["aliases", "topics", "tone", "false_info"]),
  version: z.number(),
  updatedAt: z.string().nullable(),
  /** The dictionary's content; its shape depends on the kind. */
  data: z.unknown(),
});

/** A search result: the item, and a few lines of its text around the match. */
export const SearchHitSchema = ItemSummarySchema.extend({ snippet: z.string() });

/** The filters the query's `lang:`, `country:`… terms set. */
export const SearchFiltersSchema = z.object({
  lang: z.array(z.string()).optional(),
  country: z.array(z.string()).optional(),
  source: z.array(z.string()).optional(),
  topic: z.array(z.string()).optional(),
  tone: z.array(z.string()).optional(),
  dateFrom: z.string().optional(),
  dateTo: z.string().optional(),
});

export const SearchPageSchema = ItemPageSchema.extend({
  items: z.array(SearchHitSchema),
  filters: SearchFiltersSchema,
});

export const SyntaxRuleSchema = z.object({ syntax: z.string(), vi: z.string(), en: z.string() });
export const SearchSyntaxSchema = z.object({ rules: z.array(SyntaxRuleSchema) });

/** A saved search with its alert settings; the webhook's secret is never sent back. */
export const SavedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  alertOnNew: z.boolean(),
  alertOnSpike: z.boolean(),
  spikeFactor: z.number(),
  spikeMinCount: z.number(),
  digest: z.enum(["daily", "weekly"]).nullable(),
  channels: z.object({
    inApp: z.boolean(),
    emails: z.array(z.string()),
    webhook: z.object({ url: z.string(), hasSecret: z.boolean() }).nullable(),
  }),
  checkedUntil: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** A saved search with its recent alert events. */
export const SavedSearchDetailSchema = SavedSearchSchema.extend({
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      count: z.number(),
      itemIds: z.array(z.string()),
      createdAt: z.string(),
    }),
  ),
});

/** A response case (hồ sơ xử lý thông tin). */
export const CaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  itemId: z.string().nullable(),
  storyId: z.string().nullable(),
  assessment: z.enum(ASSESSMENTS),
  assigneePersonId: z.string().nullable(),
  assigneePersonName: z.string().nullable(),
  assigneeUnitId: z.string().nullable(),
  assigneeUnitName: z.string().nullable(),
  deadline: z.string().nullable(),
  actions: z.array(z.object({ kind: z.enum(CASE_ACTIONS), note: z.string(), at: z.string().optional() })),
  evidence: z.array(z.object({ url: z.string(), title: z.string() })),
  outcome: z.string().nullable(),
  state: z.enum(CASE_STATES),
  closedAt: z.string().nullable(),
  taskId: z.string().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The case board: cases by state. */
export const CaseBoardSchema = z.object({
  open: z.array(CaseSchema),
  in_progress: z.array(CaseSchema),
  resolved: z.array(CaseSchema),
  closed: z.array(CaseSchema),
});
