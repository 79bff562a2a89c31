/**
 * The one image pipeline (installation photos, the portal's media library): the type is read from the
 * magic bytes and the pixel count from the header BEFORE any pixel is decoded, so an "image bomb" — a
 * small file that decodes to gigapixels — is refused cheaply. Variants are re-encoded by sharp, which
 * writes no metadata unless asked: EXIF (camera, GPS position of the photographer) is gone; the
 * orientation tag is applied to the pixels first, since the tag itself is dropped.
 *
 * Callers map an {@link ImageRejected} reason to their own stable error code.
 *
 * @example
 * const header = await readImageHeader(bytes, { maxPixels: MAX_INPUT_PIXELS });
 * const variant = await renderImageVariant(bytes, { width: 960, format: "webp" });
 */
import type SharpModule from "sharp";

/** 40 megapixels: a modern phone photo is 12–50 MP; anything more is refused before decoding. */
export const MAX_INPUT_PIXELS = 40_000_000;

export type ImageFormat = "jpeg" | "png" | "webp";

/** Why an image was refused: not an image at all, too many pixels, or undecodable. */
export type ImageRejection = "not_an_image" | "too_many_pixels" | "unreadable";

export class ImageRejected extends Error {
  constructor(
    readonly reason: ImageRejection,
    readonly meta: Record<string, unknown> = {},
  ) {
    super(`image rejected: ${reason}`);
    this.name = "ImageRejected";
  }
}

export const IMAGE_MEDIA_TYPES: Record<ImageFormat, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

let sharpModule: Promise<typeof SharpModule> | null = null;
/** sharp (libvips) is loaded on the first image, not when the server starts. */
export const loadSharp = () => {
  sharpModule ??= import("sharp").then((m) => m.default);
  return sharpModule;
};

/** `jpeg`, `png` or `webp` from the first bytes; null for anything else. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "webp";
  return null;
}

export interface ImageHeader {
  format: ImageFormat;
  /** Size as shown, i.e. after the orientation tag is applied. */
  width: number;
  height: number;
}

/** Reads the header only; refuses non-images and images over `maxPixels` before decoding. */
export async function readImageHeader(
  bytes: Buffer,
  options: { maxPixels?: number } = {},
): Promise<ImageHeader> {
  const maxPixels = options.maxPixels ?? MAX_INPUT_PIXELS;
  const format = sniffImage(bytes);
  if (!format) throw new ImageRejected("not_an_image");
  const sharp = await loadSharp();
  let width: number;
  let height: number;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.autoOrient?.width ?? meta.width ?? 0;
    height = meta.autoOrient?.height ?? meta.height ?? 0;
  } catch {
    throw new ImageRejected("unreadable");
  }
  if (width <= 0 || height <= 0) throw new ImageRejected("unreadable");
  if (width * height > maxPixels) throw new ImageRejected("too_many_pixels", { width, height });
  return { format, width, height };
}

export interface ImageVariant {
  data: Buffer;
  format: ImageFormat;
  width: number;
  height: number;
}

/**
 * One re-encoded variant at most `width` pixels wide (never enlarged), orientation applied, no
 * metadata. Call {@link readImageHeader} first: this decodes pixels.
 */
export async function renderImageVariant(
  bytes: Buffer,
  options: { width: number; format: ImageFormat; maxPixels?: number },
): Promise<ImageVariant> {
  const sharp = await loadSharp();
  const pipeline = sharp(bytes, { limitInputPixels: options.maxPixels ?? MAX_INPUT_PIXELS, failOn: "error" })
    .rotate()
    .resize({ width: options.width, withoutEnlargement: true });
  const encoded =
    options.format === "webp"
      ? pipeline.webp({ quality: 80 })
      : options.format === "png"
        ? pipeline.png({ compressionLevel: 9 })
        : pipeline.jpeg({ quality: 82, mozjpeg: true });
  try {
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, format: options.format, width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw new ImageRejected("too_many_pixels");
    throw new ImageRejected("unreadable");
  }
}

/**
 * The responsive widths to make for an image `originalWidth` wide: each of `widths` that is smaller,
 * plus the original width when it is below the largest (never upscaled).
 * @example responsiveWidths(1200, [480, 960, 1600]) // [480, 960, 1200]
 */
export function responsiveWidths(originalWidth: number, widths: readonly number[]): number[] {
  const sorted = [...new Set(widths)].sort((a, b) => a - b);
  const out = sorted.filter((w) => w < originalWidth);
  const largest = sorted.at(-1) ?? originalWidth;
  out.push(Math.min(originalWidth, largest));
  return [...new Set(out)];
}
