/**
 * Photos of installations: the type is checked from the magic bytes and the pixel count from the
 * header BEFORE anything is decoded (an "image bomb" — a small file that decodes to gigapixels — is
 * refused), then two JPEG variants are made (320 px for lists, at most 1280 px for the page). sharp
 * writes no metadata unless asked, so EXIF (camera, GPS position of the photographer) is gone; the
 * original is never stored.
 */
import type SharpModule from "sharp";
import { installationErrors } from "./installations.errors.js";

/** 40 megapixels: a modern phone photo is 12–50 MP; anything more is refused before decoding. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const VARIANT_WIDTHS = { small: 320, large: 1280 } as const;

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

let sharpModule: Promise<typeof SharpModule> | null = null;
/** sharp (libvips) is loaded on the first photo, not when the server starts. */
const loadSharp = () => {
  sharpModule ??= import("sharp").then((m) => m.default);
  return sharpModule;
};

/** `jpeg`, `png` or `webp` from the first bytes; null for anything else. */
export function sniffImage(bytes: Uint8Array): "jpeg" | "png" | "webp" | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "webp";
  return null;
}

export interface PhotoVariants {
  small: Buffer;
  large: Buffer;
  width: number;
  height: number;
}

/** Checks and resizes an uploaded photo; throws a typed error for anything that is not a sane image. */
export async function makePhotoVariants(bytes: Buffer): Promise<PhotoVariants> {
  const format = sniffImage(bytes);
  if (!format) throw installationErrors.notAnImage();
  const sharp = await loadSharp();
  let width: number;
  let height: number;
  try {
    // Reads the header only.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    throw installationErrors.imageUnreadable();
  }
  if (width <= 0 || height <= 0) throw installationErrors.imageUnreadable();
  if (width * height > MAX_INPUT_PIXELS) throw installationErrors.imageTooLarge({ meta: { width, height } });
  const variant = (maxWidth: number) =>
    sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      // Turn the pixels as the camera's orientation tag says, since the tag itself is dropped.
      .rotate()
      .resize({ width: maxWidth, withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
  try {
    const [small, large] = await Promise.all([variant(VARIANT_WIDTHS.small), variant(VARIANT_WIDTHS.large)]);
    return { small: small.data, large: large.data, width: large.info.width, height: large.info.height };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) throw installationErrors.imageTooLarge();
    throw installationErrors.imageUnreadable();
  }
}
