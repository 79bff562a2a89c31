import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  ImageRejected,
  readImageHeader,
  renderImageVariant,
  responsiveWidths,
  sniffImage,
} from "./images.js";

describe("image pipeline", () => {
  it("makes the responsive widths below the original and never enlarges", () => {
    expect(responsiveWidths(4000, [480, 960, 1600])).toEqual([480, 960, 1600]);
    expect(responsiveWidths(1200, [960, 480, 1600])).toEqual([480, 960, 1200]);
    expect(responsiveWidths(300, [480, 960, 1600])).toEqual([300]);
    expect(responsiveWidths(960, [480, 960, 1600])).toEqual([480, 960]);
  });

  it("reads the type from the bytes, not the name, and refuses text", async () => {
    expect(sniffImage(Buffer.from("GIF89a"))).toBeNull();
    const rejected = await readImageHeader(Buffer.from("hello, not a picture")).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(ImageRejected);
    expect((rejected as ImageRejected).reason).toBe("not_an_image");
  });

  it("applies the orientation tag and writes no metadata", async () => {
    const sideways = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#336699" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await readImageHeader(sideways)).toMatchObject({ format: "jpeg", width: 600, height: 800 });
    const variant = await renderImageVariant(sideways, { width: 480, format: "webp" });
    const meta = await sharp(variant.data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["webp", 480, 640]);
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });
});
