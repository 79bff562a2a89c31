/**
 * Rendered report files kept in memory per process, keyed by a digest of everything that goes into
 * them: the stored model, and for the Excel annex its rows of current data. An unchanged report is not
 * rendered twice (Word and Excel take tens of milliseconds of CPU, PDF seconds of LibreOffice); a
 * changed one is never served stale, because its key changes with its content — so processes need not
 * tell each other anything. Concurrent requests for the same file share one rendering.
 */
import { createHash } from "node:crypto";

export interface CachedFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
}

export interface ExportCache {
  /** The file for these inputs: from memory when rendered before, else built once (and remembered). */
  get<F extends CachedFile>(inputs: readonly string[], build: () => Promise<F>): Promise<F>;
  /** Bytes held now (for tests and metrics). */
  size(): number;
}

/** 64 MB: a few hundred reports' Word and Excel files, or a few dozen PDFs. */
export const DEFAULT_EXPORT_CACHE_BYTES = 64 * 1024 * 1024;

export function createExportCache(options: { maxBytes?: number } = {}): ExportCache {
  const maxBytes = options.maxBytes ?? DEFAULT_EXPORT_CACHE_BYTES;
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const done = new Map<string, CachedFile>();
  const building = new Map<string, Promise<CachedFile>>();
  let bytes = 0;

  const keyOf = (inputs: readonly string[]) => {
    const hash = createHash("sha256");
    for (const part of inputs) hash.update(part).update("\0");
    return hash.digest("hex");
  };

  function remember(key: string, file: CachedFile) {
    // One file may not take more than a quarter of the budget: it would push out everything else.
    if (file.bytes.length > maxBytes / 4) return;
    done.set(key, file);
    bytes += file.bytes.length;
    for (const [oldest, f] of done) {
      if (bytes <= maxBytes) break;
      done.delete(oldest);
      bytes -= f.bytes.length;
    }
  }

  return {
    async get<F extends CachedFile>(inputs: readonly string[], build: () => Promise<F>): Promise<F> {
      const key = keyOf(inputs);
      const hit = done.get(key);
      if (hit) {
        done.delete(key);
        done.set(key, hit);
        return hit as F;
      }
      const pending = building.get(key);
      if (pending) return (await pending) as F;
      const promise = build();
      building.set(key, promise);
      try {
        const file = await promise;
        remember(key, file);
        return file;
      } finally {
        building.delete(key);
      }
    },
    size: () => bytes,
  };
}
