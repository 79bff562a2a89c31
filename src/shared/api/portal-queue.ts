/**
 * The portal's work queues (translator's and reviewer's) and the preview of one language before
 * publication: shared by the server (validation, OpenAPI) and the web client (types).
 */
import { z } from "zod";
import { PORTAL_ITEM_KINDS, PORTAL_KNOWN_LANGUAGES, PORTAL_PRODUCT_TYPES, PORTAL_STATES } from "./portal.js";

const Id = z.string().min(1).max(64);
const Lang = z.enum(PORTAL_KNOWN_LANGUAGES);

export const PORTAL_QUEUE_KINDS = ["translate", "review"] as const;
export type PortalQueueKind = (typeof PORTAL_QUEUE_KINDS)[number];

export const PortalQueueQuery = z.object({
  /** `translate`: texts waiting for a translation; `review`: texts waiting for someone else's review. */
  kind: z.enum(PORTAL_QUEUE_KINDS),
  /** One language only (else every language the actor works in). */
  lang: Lang.optional(),
});
export type PortalQueueQuery = z.infer<typeof PortalQueueQuery>;

export const PortalQueueEntrySchema = z.object({
  itemId: z.string(),
  kind: z.enum(PORTAL_ITEM_KINDS),
  productType: z.enum(PORTAL_PRODUCT_TYPES).nullable(),
  lang: Lang,
  sourceTitle: z.string(),
  title: z.string().nullable(),
  /** `missing`: this language has no text yet. */
  state: z.enum([...PORTAL_STATES, "missing"]),
  /** The source changed since the translation was made. */
  isOutdated: z.boolean(),
  /** The source revision the translation was made from, and the current one. */
  translationSourceRevision: z.number().nullable(),
  sourceRevision: z.number(),
  editedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type PortalQueueEntry = z.infer<typeof PortalQueueEntrySchema>;

export const PortalQueueSchema = z.object({
  kind: z.enum(PORTAL_QUEUE_KINDS),
  /** The languages looked at. */
  languages: z.array(Lang),
  items: z.array(PortalQueueEntrySchema),
  /** More entries wait than are listed. */
  truncated: z.boolean(),
});
export type PortalQueue = z.infer<typeof PortalQueueSchema>;

export const PortalPreviewParams = z.object({ id: Id, lang: Lang });
