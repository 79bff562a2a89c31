/**
 * Request and response shapes of the portal management API (Cổng Thông tin đối ngoại): one source for the
 * server's validation, the OpenAPI document and the web client's types.
 */
import { z } from "zod";

/** Languages the portal knows how to present (its interface strings exist in these). */
export const PORTAL_KNOWN_LANGUAGES = ["vi", "en", "zh", "ja", "ko", "fr", "ru"] as const;
export type PortalLanguage = (typeof PORTAL_KNOWN_LANGUAGES)[number];
/** The source language: every item is written in Vietnamese first. */
export const PORTAL_SOURCE_LANGUAGE = "vi" as const;

export const PORTAL_ITEM_KINDS = ["article", "page", "product"] as const;
export const PORTAL_PRODUCT_TYPES = ["publication", "video", "infographic", "album"] as const;
/** Per-language workflow: nháp → đang dịch → thẩm định → đã duyệt → đã đăng. */
export const PORTAL_STATES = ["draft", "translating", "review", "approved", "published"] as const;
export type PortalState = (typeof PORTAL_STATES)[number];
export type PortalItemKind = (typeof PORTAL_ITEM_KINDS)[number];
export type PortalProductType = (typeof PORTAL_PRODUCT_TYPES)[number];

const Id = z.string().min(1).max(64);
const Lang = z.enum(PORTAL_KNOWN_LANGUAGES);
const Topic = z.string().regex(/^[a-z_]{2,40}$/);
/** A slug: lower-case letters of any script, digits and hyphens. */
export const Slug = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, "lower-case words joined by hyphens");

/** A ProseMirror/TipTap document; nodes outside the allowed set are dropped when rendered. */
export const RichTextDoc = z.object({
  type: z.literal("doc"),
  content: z.array(z.record(z.string(), z.unknown())).max(5000),
});
export type RichTextDoc = z.infer<typeof RichTextDoc>;

export const PortalItemParams = z.object({ id: Id });
export const PortalLocalizationParams = z.object({ id: Id, lang: Lang });
export const PortalRevisionParams = z.object({
  id: Id,
  lang: Lang,
  revision: z.coerce.number().int().min(1).max(1_000_000),
});

/** The text of one language of an item. */
export const LocalizationBody = z.strictObject({
  title: z.string().trim().min(1).max(300),
  summary: z.string().trim().max(1000).default(""),
  body: RichTextDoc,
  seoTitle: z.string().trim().max(200).nullable().optional(),
  seoDescription: z.string().trim().max(400).nullable().optional(),
  /** Derived from the title when absent. */
  slug: Slug.optional(),
});
export type LocalizationBody = z.infer<typeof LocalizationBody>;

const ItemMeta = {
  productType: z.enum(PORTAL_PRODUCT_TYPES).nullable().optional(),
  categoryId: Id.nullable().optional(),
  mediaUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .optional(),
  tags: z.array(z.string().trim().min(1).max(60)).max(30).optional(),
  topics: z.array(Topic).max(20).optional(),
  /** Languages where the Vietnamese text may be shown (with a notice) until a translation is published. */
  fallbackLanguages: z.array(Lang).max(10).optional(),
};

export const CreatePortalItemBody = z.strictObject({
  kind: z.enum(PORTAL_ITEM_KINDS),
  ...ItemMeta,
  /** The Vietnamese source text. */
  source: LocalizationBody,
});
export type CreatePortalItemBody = z.infer<typeof CreatePortalItemBody>;

export const UpdatePortalItemBody = z.strictObject(ItemMeta);
export type UpdatePortalItemBody = z.infer<typeof UpdatePortalItemBody>;

export const TransitionBody = z.strictObject({ to: z.enum(PORTAL_STATES) });
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ScheduleBody = z.strictObject({
  publishAt: z.iso.datetime({ offset: true }).nullable().optional(),
  unpublishAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type ScheduleBody = z.infer<typeof ScheduleBody>;

export const PortalItemListQuery = z.object({
  lang: Lang.optional(),
  state: z.enum(PORTAL_STATES).optional(),
  kind: z.enum(PORTAL_ITEM_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PortalItemListQuery = z.infer<typeof PortalItemListQuery>;

export const DiffQuery = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
});

export const LocalizationSchema = z.object({
  lang: Lang,
  title: z.string(),
  summary: z.string(),
  body: RichTextDoc,
  seoTitle: z.string().nullable(),
  seoDescription: z.string().nullable(),
  slug: z.string(),
  state: z.enum(PORTAL_STATES),
  revision: z.number(),
  sourceRevision: z.number(),
  /** The source changed since this translation was made. */
  isOutdated: z.boolean(),
  editedBy: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishAt: z.string().nullable(),
  unpublishAt: z.string().nullable(),
  /** Public address, when published. */
  publicPath: z.string(),
  updatedAt: z.string(),
});
export type PortalLocalization = z.infer<typeof LocalizationSchema>;

export const PortalItemSchema = z.object({
  id: z.string(),
  kind: z.enum(PORTAL_ITEM_KINDS),
  productType: z.enum(PORTAL_PRODUCT_TYPES).nullable(),
  categoryId: z.string().nullable(),
  mediaUrl: z.string().nullable(),
  sourceRevision: z.number(),
  fallbackLanguages: z.array(Lang),
  tags: z.array(z.string()),
  topics: z.array(z.string()),
  localizations: z.array(LocalizationSchema),
  views: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PortalItem = z.infer<typeof PortalItemSchema>;

/** One row of the content list: an item in one language. */
export const PortalItemRowSchema = z.object({
  id: z.string(),
  kind: z.enum(PORTAL_ITEM_KINDS),
  productType: z.enum(PORTAL_PRODUCT_TYPES).nullable(),
  sourceTitle: z.string(),
  lang: Lang,
  title: z.string().nullable(),
  /** `missing` when this language has no text yet. */
  state: z.enum([...PORTAL_STATES, "missing"]),
  isOutdated: z.boolean(),
  isFallbackAllowed: z.boolean(),
  publicPath: z.string().nullable(),
  updatedAt: z.string(),
});
export type PortalItemRow = z.infer<typeof PortalItemRowSchema>;

export const PortalItemPageSchema = z.object({
  items: z.array(PortalItemRowSchema),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  languages: z.array(Lang),
  /** Where the public site is reached: its configured address, else its port on the same host. */
  publicSite: z.object({ url: z.string().nullable(), port: z.number() }),
});
export type PortalItemPage = z.infer<typeof PortalItemPageSchema>;

export const RevisionSchema = z.object({
  revision: z.number(),
  title: z.string(),
  slug: z.string(),
  sourceRevision: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export const RevisionListSchema = z.object({ items: z.array(RevisionSchema) });

export const DiffPartSchema = z.object({
  op: z.enum(["equal", "insert", "delete"]),
  text: z.string(),
});
export const RevisionDiffSchema = z.object({
  from: z.number(),
  to: z.number(),
  fields: z.array(z.object({ field: z.string(), parts: z.array(DiffPartSchema) })),
});
export type RevisionDiff = z.infer<typeof RevisionDiffSchema>;

export const CategorySchema = z.object({
  id: z.string(),
  key: z.string(),
  names: z.record(z.string(), z.string()),
});
export const CategoryListSchema = z.object({ items: z.array(CategorySchema) });
export const CreateCategoryBody = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{2,40}$/),
  names: z.partialRecord(Lang, z.string().trim().min(1).max(100)),
});
