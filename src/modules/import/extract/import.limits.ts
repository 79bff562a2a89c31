/**
 * Limits that keep an import bounded in memory and time. The config module passes its values; anything
 * not passed takes these defaults.
 */
export interface ImportLimits {
  /** Largest file accepted, in bytes (default 20 MB). */
  maxBytes: number;
  /** Largest total uncompressed size of the parts read from a .docx (default 100 MB). */
  maxUncompressedBytes: number;
  /** Largest compression ratio of one .docx part before it counts as a zip bomb (default 200). */
  maxCompressionRatio: number;
  /** Most PDF pages read (default 300). */
  maxPages: number;
  /** Most characters of extracted text (default 5,000,000). */
  maxTextChars: number;
}

/** Defaults used when the configuration passes no value. */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPages: 300,
  maxTextChars: 5_000_000,
};

/** Fills in defaults for limits not given. */
export function resolveLimits(partial: Partial<ImportLimits> = {}): ImportLimits {
  const out = { ...DEFAULT_IMPORT_LIMITS };
  for (const key of Object.keys(out) as Array<keyof ImportLimits>) {
    const v = partial[key];
    if (typeof v === "number" && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}
