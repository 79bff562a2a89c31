/**
 * What an upload becomes: the real type is read from the bytes (never the name); an image is checked
 * from its header (image bombs refused before decoding) and re-encoded at responsive widths in WebP and
 * in its own format, without metadata; a PDF keeps its bytes and gets a cover from page 1 through the
 * same image pipeline. Every file is named by its content hash, so its public address never changes
 * meaning and can be cached for a year.
 */
import { sha256Hex } from "../../../platform/files/file-store.js";
import {
  type ImageFormat,
  ImageRejected,
  readImageHeader,
  renderImageVariant,
  responsiveWidths,
} from "../../../platform/files/images.js";
import { mediaErrors } from "./media.errors.js";
import { isPdf, PdfUnreadable, readPdf } from "./media.pdf.js";

/** Responsive widths of the public site's images (never upscaled). */
export const MEDIA_WIDTHS = [480, 960, 1600] as const;

export type MediaFileFormat = ImageFormat | "pdf";

export interface ProcessedFile {
  name: string;
  format: MediaFileFormat;
  width: number | null;
  height: number | null;
  bytes: Buffer;
}

export interface ProcessedMedia {
  kind: "image" | "pdf";
  mediaType: string;
  width: number;
  height: number;
  pageCount: number | null;
  files: ProcessedFile[];
}

const EXTENSIONS: Record<MediaFileFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", pdf: "pdf" };
const IMAGE_NAME = /\.(?:jpe?g|png|webp|gif|bmp|tiff?|heic|avif|svg)$/i;
const PDF_NAME = /\.pdf$/i;

export const mediaFileName = (bytes: Uint8Array, format: MediaFileFormat, width?: number) =>
  `${sha256Hex(bytes).slice(0, 16)}${width ? `-${width}` : ""}.${EXTENSIONS[format]}`;

function toMediaError(err: unknown): unknown {
  if (err instanceof PdfUnreadable) return mediaErrors.pdfUnreadable();
  if (!(err instanceof ImageRejected)) return err;
  if (err.reason === "not_an_image") return mediaErrors.notAnImage();
  if (err.reason === "too_many_pixels") return mediaErrors.tooManyPixels({ meta: err.meta });
  return mediaErrors.unreadable();
}

/** Variants of an image: each width in WebP and in `fallback` (the original's own format). */
async function imageVariants(bytes: Buffer, fallback: ImageFormat) {
  const header = await readImageHeader(bytes);
  const files: ProcessedFile[] = [];
  for (const width of responsiveWidths(header.width, MEDIA_WIDTHS)) {
    const made = await Promise.all(
      [...new Set<ImageFormat>(["webp", fallback])].map((format) =>
        renderImageVariant(bytes, { width, format }),
      ),
    );
    for (const v of made)
      files.push({
        name: mediaFileName(v.data, v.format, v.width),
        format: v.format,
        width: v.width,
        height: v.height,
        bytes: v.data,
      });
  }
  return { header, files };
}

/** Checks and converts an upload; throws a typed media error for anything else. */
export async function processUpload(bytes: Buffer, filename: string): Promise<ProcessedMedia> {
  try {
    if (isPdf(bytes)) {
      if (IMAGE_NAME.test(filename)) throw mediaErrors.notAnImage();
      const pdf = await readPdf(bytes);
      // A PDF cover is a picture of a page: JPEG is small and every browser shows it.
      const { header, files } = await imageVariants(pdf.cover, "jpeg");
      const self: ProcessedFile = {
        name: mediaFileName(bytes, "pdf"),
        format: "pdf",
        width: null,
        height: null,
        bytes,
      };
      return {
        kind: "pdf",
        mediaType: "application/pdf",
        width: header.width,
        height: header.height,
        pageCount: pdf.pageCount,
        files: [self, ...files],
      };
    }
    if (PDF_NAME.test(filename)) throw mediaErrors.notAPdf();
    const header = await readImageHeader(bytes).catch((err: unknown) => {
      if (err instanceof ImageRejected && err.reason === "not_an_image" && !IMAGE_NAME.test(filename))
        throw mediaErrors.unsupportedType();
      throw err;
    });
    const fallback: ImageFormat = header.format === "png" ? "png" : "jpeg";
    const { files } = await imageVariants(bytes, fallback);
    return {
      kind: "image",
      mediaType: `image/${header.format}`,
      width: header.width,
      height: header.height,
      pageCount: null,
      files,
    };
  } catch (err) {
    throw toMediaError(err);
  }
}
