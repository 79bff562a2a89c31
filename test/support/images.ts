/**
 * Images for upload tests: a phone photo carrying EXIF and a GPS position, and a PNG "bomb" of a few
 * hundred bytes whose header claims enormous dimensions.
 */
import { deflateSync } from "node:zlib";
import sharp from "sharp";

/** A 2000×1500 JPEG as a phone writes it: EXIF with camera and GPS, and an orientation tag if given. */
export async function phonePhoto(options: {
  background: { r: number; g: number; b: number };
  orientation?: number;
}): Promise<Buffer> {
  const photo = sharp({ create: { width: 2000, height: 1500, channels: 3, background: options.background } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12", Copyright: "Nguyen Van A" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "20/1 51/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "106/1 41/1 0/1",
      },
    });
  return (options.orientation ? photo.withMetadata({ orientation: options.orientation }) : photo).toBuffer();
}

/** CRC-32 of PNG chunks. */
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG of a few hundred bytes whose header claims `side`×`side` pixels (one row of data follows). */
export function pngBomb(side: number, colour: "grey" | "truecolour"): Buffer {
  const channels = colour === "grey" ? 1 : 3;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = colour === "grey" ? 0 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(1 + side * channels))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
