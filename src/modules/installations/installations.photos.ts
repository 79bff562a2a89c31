/**
 * Photos of installations: two JPEG variants (320 px for lists, at most 1280 px for the page) made by
 * the shared image pipeline (`platform/files/images.ts`), which refuses non-images and image bombs
 * before decoding and strips EXIF; the original is never stored.
 */
import { ImageRejected, readImageHeader, renderImageVariant } from "../../platform/files/images.js";
import { installationErrors } from "./installations.errors.js";

export { MAX_INPUT_PIXELS, sniffImage } from "../../platform/files/images.js";

export const VARIANT_WIDTHS = { small: 320, large: 1280 } as const;

export interface PhotoVariants {
  small: Buffer;
  large: Buffer;
  width: number;
  height: number;
}

/** The register's own error for a refused image (codes stay `photo_*`). */
function toInstallationError(err: unknown): unknown {
  if (!(err instanceof ImageRejected)) return err;
  if (err.reason === "not_an_image") return installationErrors.notAnImage();
  if (err.reason === "too_many_pixels") return installationErrors.imageTooLarge({ meta: err.meta });
  return installationErrors.imageUnreadable();
}

/** Checks and resizes an uploaded photo; throws a typed error for anything that is not a sane image. */
export async function makePhotoVariants(bytes: Buffer): Promise<PhotoVariants> {
  try {
    await readImageHeader(bytes);
    const [small, large] = await Promise.all([
      renderImageVariant(bytes, { width: VARIANT_WIDTHS.small, format: "jpeg" }),
      renderImageVariant(bytes, { width: VARIANT_WIDTHS.large, format: "jpeg" }),
    ]);
    return { small: small.data, large: large.data, width: large.width, height: large.height };
  } catch (err) {
    throw toInstallationError(err);
  }
}
