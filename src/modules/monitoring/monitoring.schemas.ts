/** Zod schemas at the edge of the monitoring API (sources, items, labels, dictionaries). */
import { z } from "zod";
import { PageQuery } from "../../platform/http/pagination.js";
import { OUTLET_TYPES, SOURCE_FORMATS } from "./monitoring.tables.js";

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
  flag: z.enum(["check_false_info", "foreign_press"]).optional(),
  mentionsCity: z.enum(["true", "false"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
}).strict();
export type ItemQueryInput = z.infer<typeof ItemQuery>;

export const CorrectLabelBody = z
  .object({
    tone: z.enum(["positive", "neutral", "negative"]).optional(),
    topics: z.array(z.string().min(1).max(60)).max(20).optional(),
    language: Language.optional(),
    mentionsCity: z.boolean().optional(),
    flags: z
      .array(z.enum(["check_false_info", "foreign_press"]))
      .max(5)
      .optional(),
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
