/**
 * Request and response shapes of the portal's media library (thư viện ảnh, tài liệu của Cổng): images
 * with responsive variants and per-language alt text, PDFs with a cover. One source for the server's
 * validation, the OpenAPI document and the web client's types.
 */
import { z } from "zod";
import { PageQuery, PageSchema, SearchText } from "./pagination.js";
import { PORTAL_KNOWN_LANGUAGES } from "./portal.js";

export const PORTAL_MEDIA_KINDS = ["image", "pdf"] as const;
export type PortalMediaKind = (typeof PORTAL_MEDIA_KINDS)[number];

const Id = z.string().min(1).max(64);
const Lang = z.enum(PORTAL_KNOWN_LANGUAGES);
/** Text per language; an empty string clears a language. */
const PerLanguage = z.partialRecord(Lang, z.string().trim().max(500));

export const PortalMediaParams = z.object({ id: Id });
/** A stored file of a media item (variant, cover, the PDF) by its content-hashed name. */
export const PortalMediaFileParams = z.object({
  id: Id,
  name: z.string().regex(/^[0-9a-f]{16}(?:-\d{1,5})?\.(?:webp|jpg|png|pdf)$/),
});

export const PortalMediaListQuery = PageQuery.extend({
  /** Words of the name, alt text, caption or credit. */
  q: SearchText,
  kind: z.enum(PORTAL_MEDIA_KINDS).optional(),
});
export type PortalMediaListQuery = z.infer<typeof PortalMediaListQuery>;

export const UploadPortalMediaBody = z.strictObject({
  /** The name the file had; only for display — the type is read from the bytes. */
  filename: z.string().trim().min(1).max(255),
  /** The image (JPEG, PNG, WebP) or PDF, base64-encoded. */
  contentBase64: z.string().min(1),
  alt: PerLanguage.optional(),
  caption: PerLanguage.optional(),
  credit: z.string().trim().max(300).nullable().optional(),
});
export type UploadPortalMediaBody = z.infer<typeof UploadPortalMediaBody>;

export const UpdatePortalMediaBody = z.strictObject({
  alt: PerLanguage.optional(),
  caption: PerLanguage.optional(),
  credit: z.string().trim().max(300).nullable().optional(),
});
export type UpdatePortalMediaBody = z.infer<typeof UpdatePortalMediaBody>;

export const PortalMediaVariantSchema = z.object({
  /** Stable, content-hashed address of the file. */
  url: z.string(),
  format: z.enum(["webp", "jpeg", "png", "pdf"]),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export const PortalMediaUsageSchema = z.object({
  itemId: z.string(),
  title: z.string(),
  /** Languages in which the item is published (alt text is required in each). */
  publishedLanguages: z.array(z.string()),
});

export const PortalMediaSchema = z.object({
  id: z.string(),
  kind: z.enum(PORTAL_MEDIA_KINDS),
  originalName: z.string(),
  /** Type read from the bytes: image/jpeg, image/png, image/webp, application/pdf. */
  mediaType: z.string(),
  /** Of the image, or of the PDF's cover. */
  width: z.number().nullable(),
  height: z.number().nullable(),
  pageCount: z.number().nullable(),
  size: z.number(),
  alt: z.record(z.string(), z.string()),
  caption: z.record(z.string(), z.string()),
  credit: z.string().nullable(),
  /** Smallest variant in the original format (grid thumbnails); path on the work platform. */
  thumbnailPath: z.string().nullable(),
  /** Paths of the files on the public site (served once an item using it is published). */
  publicSrc: z.string().nullable(),
  publicSrcset: z.string().nullable(),
  /** The PDF itself on the public site; null for images. */
  publicFile: z.string().nullable(),
  variants: z.array(PortalMediaVariantSchema),
  usage: z.array(PortalMediaUsageSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PortalMedia = z.infer<typeof PortalMediaSchema>;

export const PortalMediaPageSchema = PageSchema(PortalMediaSchema);
export type PortalMediaPage = z.infer<typeof PortalMediaPageSchema>;
