/** Media rows → API shapes, and → what the public renderer needs for one language. */
import type { PortalMedia } from "../../../shared/api/portal-media.js";
import type { MediaImage } from "../portal-render.js";
import type { MediaFileRow, MediaUsageRow } from "./media.repository.js";
import type { PortalMediaTable } from "./media.tables.js";

/** Where the public site serves a file: stable, content-hashed, cached for a year. */
export const publicMediaPath = (mediaId: string, name: string) => `/media/${mediaId}/${name}`;
/** Where the work platform serves it to signed-in staff (thumbnails of unpublished media). */
export const workMediaPath = (mediaId: string, name: string) => `/api/portal/media/${mediaId}/files/${name}`;

export const parseTexts = (json: string): Record<string, string> => {
  const value = JSON.parse(json) as unknown;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  );
};

/** Image variants in the original format (WebP aside), smallest first. */
const fallbackVariants = (files: MediaFileRow[]) =>
  files
    .filter((f) => f.format === "jpeg" || f.format === "png")
    .sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
const webpVariants = (files: MediaFileRow[]) =>
  files.filter((f) => f.format === "webp").sort((a, b) => (a.width ?? 0) - (b.width ?? 0));

const srcsetOf = (mediaId: string, files: MediaFileRow[]) =>
  files.map((f) => `${publicMediaPath(mediaId, f.name)} ${f.width}w`).join(", ");

export function presentMedia(
  row: PortalMediaTable,
  files: MediaFileRow[],
  usage: MediaUsageRow[],
): PortalMedia {
  const fallback = fallbackVariants(files);
  const smallest = fallback[0];
  const largest = fallback.at(-1);
  const pdf = files.find((f) => f.format === "pdf");
  const byItem = new Map<string, { itemId: string; title: string; publishedLanguages: string[] }>();
  for (const u of usage) {
    const entry = byItem.get(u.item_id) ?? { itemId: u.item_id, title: u.title, publishedLanguages: [] };
    if (u.lang === "vi") entry.title = u.title;
    if (u.state === "published") entry.publishedLanguages.push(u.lang);
    byItem.set(u.item_id, entry);
  }
  return {
    id: row.id,
    kind: row.kind as PortalMedia["kind"],
    originalName: row.original_name,
    mediaType: row.media_type,
    width: row.width,
    height: row.height,
    pageCount: row.page_count,
    size: row.size,
    alt: parseTexts(row.alt_json),
    caption: parseTexts(row.caption_json),
    credit: row.credit,
    thumbnailPath: smallest ? workMediaPath(row.id, smallest.name) : null,
    publicSrc: largest ? publicMediaPath(row.id, largest.name) : null,
    publicSrcset: fallback.length ? srcsetOf(row.id, fallback) : null,
    publicFile: pdf ? publicMediaPath(row.id, pdf.name) : null,
    variants: files.map((f) => ({
      url: publicMediaPath(row.id, f.name),
      format: f.format as PortalMedia["variants"][number]["format"],
      width: f.width,
      height: f.height,
    })),
    usage: [...byItem.values()],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The image as one language's article shows it; undefined when it has no image variant. */
export function mediaImageOf(
  row: PortalMediaTable,
  files: MediaFileRow[],
  lang: string,
): MediaImage | undefined {
  const fallback = fallbackVariants(files);
  const largest = fallback.at(-1);
  if (!largest?.width || !largest.height) return undefined;
  return {
    src: publicMediaPath(row.id, largest.name),
    width: largest.width,
    height: largest.height,
    srcset: srcsetOf(row.id, fallback),
    webpSrcset: srcsetOf(row.id, webpVariants(files)),
    alt: parseTexts(row.alt_json)[lang] ?? "",
  };
}
