/**
 * Reads chosen parts of a zip (a .docx) with every size checked before and while inflating, so a zip bomb
 * is refused without ever being expanded: declared sizes and ratios are checked from the central
 * directory, and the actual inflated bytes are counted as they stream.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { importErrors } from "../import.errors.js";
import type { ImportLimits } from "./import.limits.js";

const MAX_ENTRIES = 5_000;

export interface ZipParts {
  /** Entries by name, only those whose names were asked for. */
  entries: Map<string, yauzl.Entry>;
  zip: yauzl.ZipFile;
}

/** Opens a zip held in memory and indexes the wanted entries; throws on bombs and damaged archives. */
export async function openZip(bytes: Uint8Array, wanted: string[], limits: ImportLimits): Promise<ZipParts> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    // A view, not a copy: the upload may be 20 MB.
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, validateEntrySizes: true },
      (err, z) => {
        if (err || !z) reject(importErrors.unreadableFile({ cause: err, meta: { reason: "bad_zip" } }));
        else resolve(z);
      },
    );
  });
  const entries = new Map<string, yauzl.Entry>();
  let declaredTotal = 0;
  let count = 0;
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      count++;
      declaredTotal += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (count > MAX_ENTRIES || declaredTotal > limits.maxUncompressedBytes * 4) {
        zip.close();
        reject(importErrors.zipBomb({ meta: { entries: count, declaredTotal } }));
        return;
      }
      if (wanted.includes(entry.fileName)) {
        if (
          entry.uncompressedSize > limits.maxUncompressedBytes ||
          (ratio > limits.maxCompressionRatio && entry.uncompressedSize > 1_000_000)
        ) {
          zip.close();
          reject(
            importErrors.zipBomb({ meta: { part: entry.fileName, size: entry.uncompressedSize, ratio } }),
          );
          return;
        }
        entries.set(entry.fileName, entry);
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", (err: unknown) =>
      reject(importErrors.unreadableFile({ cause: err, meta: { reason: "bad_zip" } })),
    );
    zip.readEntry();
  });
  return { entries, zip };
}

/**
 * Streams one entry as text chunks to `onChunk`, counting inflated bytes against `budget` (shared across
 * parts) and stopping with `import_zip_bomb` as soon as it is exceeded.
 */
export async function streamEntry(
  parts: ZipParts,
  name: string,
  budget: { remaining: number },
  onChunk: (text: string) => void,
): Promise<boolean> {
  const entry = parts.entries.get(name);
  if (!entry) return false;
  const stream = await new Promise<Readable>((resolve, reject) => {
    parts.zip.openReadStream(entry, (err, s) => {
      if (err || !s) reject(importErrors.unreadableFile({ cause: err, meta: { part: name } }));
      else resolve(s);
    });
  });
  const decoder = new TextDecoder("utf-8");
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) {
        stream.destroy();
        reject(importErrors.zipBomb({ meta: { part: name, reason: "inflated_beyond_limit" } }));
        return;
      }
      try {
        onChunk(decoder.decode(chunk, { stream: true }));
      } catch (err) {
        stream.destroy();
        reject(err);
      }
    });
    stream.on("end", () => {
      onChunk(decoder.decode());
      resolve();
    });
    stream.on("error", (err: unknown) =>
      reject(importErrors.unreadableFile({ cause: err, meta: { part: name, reason: "bad_entry" } })),
    );
  });
  return true;
}
