/**
 * Near-duplicate detection ("same story across outlets") with MinHash over 3-syllable shingles of folded
 * text, plus an LSH index whose band keys the storage layer can persist (one row per key) and query in SQL.
 *
 * MinHash rather than SimHash: on short news items (60–300 words) with a few edited sentences, SimHash
 * distances of true duplicates overlapped those of unrelated items on our fixtures; MinHash estimates the
 * shingle Jaccard similarity directly and separates them.
 */
import { foldForMatching } from "./fold.js";
import { normalizeText } from "./text.normalize.js";

/** Number of hash functions in a signature. */
export const MINHASH_SIZE = 128;
/** LSH layout: 32 bands of 4 rows → candidates from about Jaccard 0.42 upwards. */
export const LSH_BANDS = 32;
/** Estimated Jaccard at or above which two items tell the same story (tuned on the fixtures). */
export const SAME_STORY_MIN_SIMILARITY = 0.5;

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Murmur3 finaliser: turns (hash xor seed) into the i-th independent-looking hash. */
function mix(h: number): number {
  let x = h;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2d)));

/** Tokens of the folded text: words, or single characters for scripts written without spaces. */
function tokensOf(text: string): string[] {
  const folded = foldForMatching(normalizeText(text));
  const tokens: string[] = [];
  for (const word of folded.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (SPACELESS.test(word)) for (const ch of word) tokens.push(ch);
    else tokens.push(word);
  }
  return tokens;
}

/**
 * Shingles of a text: 3 consecutive syllables/words of the folded text; for scripts written without spaces
 * (Chinese, Japanese) 3 consecutive characters.
 */
export function shingles(text: string, size = 3): Set<string> {
  const tokens = tokensOf(text);
  const out = new Set<string>();
  if (tokens.length < size) {
    if (tokens.length) out.add(tokens.join(" "));
    return out;
  }
  for (let i = 0; i + size <= tokens.length; i++) out.add(tokens.slice(i, i + size).join(" "));
  return out;
}

/** 32-bit FNV-1a (stable across processes: signatures are stored) of `tokens[from..to)` joined by single
 * spaces, without building the string. */
function fnv1a32Joined(tokens: string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let t = from; t < to; t++) {
    if (t > from) {
      h ^= 0x20;
      h = Math.imul(h, 0x01000193);
    }
    const token = tokens[t] as string;
    for (let i = 0; i < token.length; i++) {
      h ^= token.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

/** MinHash signature of a text (`MINHASH_SIZE` unsigned 32-bit values); equal to hashing `shingles(text)`. */
export function minhash(text: string): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  const tokens = tokensOf(text);
  const size = Math.min(3, tokens.length);
  // A repeated shingle cannot lower a minimum: hash each distinct one once.
  const seen = new Set<number>();
  for (let s = 0; s + size <= tokens.length && size > 0; s++) {
    const base = fnv1a32Joined(tokens, s, s + size);
    if (seen.has(base)) continue;
    seen.add(base);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = mix(base ^ (SEEDS[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures (0..1). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / MINHASH_SIZE;
}

/** Decides whether two texts (or their signatures) tell the same story. */
export function isSameStory(
  a: Uint32Array | string,
  b: Uint32Array | string,
  minSimilarity = SAME_STORY_MIN_SIMILARITY,
): boolean {
  const sa = typeof a === "string" ? minhash(a) : a;
  const sb = typeof b === "string" ? minhash(b) : b;
  return similarity(sa, sb) >= minSimilarity;
}

/** Signature as hex (8 digits per value), for storage. */
export function signatureToHex(signature: Uint32Array): string {
  return Array.from(signature, (v) => v.toString(16).padStart(8, "0")).join("");
}

/** Inverse of `signatureToHex`. */
export function signatureFromHex(hex: string): Uint32Array {
  const out = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) out[i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) >>> 0;
  return out;
}

/**
 * LSH band keys ("b7:1a2b3c4d"): one per band, the hash of that band's rows. Items sharing any key are
 * candidates; persist them in an indexed column to find candidates with `WHERE band_key IN (...)`.
 */
export function bandKeys(signature: Uint32Array, bands = LSH_BANDS): string[] {
  const rows = Math.floor(MINHASH_SIZE / bands);
  const keys: string[] = [];
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < rows; r++) {
      h ^= signature[b * rows + r] as number;
      h = Math.imul(h, 0x01000193);
    }
    keys.push(`b${b}:${(h >>> 0).toString(16)}`);
  }
  return keys;
}

/** A near-duplicate found by the index. */
export interface NearDuplicate {
  id: string;
  similarity: number;
}

/** In-memory LSH index over MinHash signatures. */
export interface MinhashIndex {
  add(id: string, signature: Uint32Array): void;
  remove(id: string): void;
  /** Items at or above the index's similarity, most similar first. */
  query(signature: Uint32Array): NearDuplicate[];
  readonly size: number;
}

/** Creates an in-memory index (the storage layer mirrors it with persisted band keys). */
export function createMinhashIndex(
  minSimilarity = SAME_STORY_MIN_SIMILARITY,
  bands = LSH_BANDS,
): MinhashIndex {
  const buckets = new Map<string, Set<string>>();
  const signatures = new Map<string, Uint32Array>();
  const index: MinhashIndex = {
    add(id, signature) {
      index.remove(id);
      signatures.set(id, signature);
      for (const key of bandKeys(signature, bands)) {
        const bucket = buckets.get(key) ?? new Set<string>();
        bucket.add(id);
        buckets.set(key, bucket);
      }
    },
    remove(id) {
      const signature = signatures.get(id);
      if (!signature) return;
      signatures.delete(id);
      for (const key of bandKeys(signature, bands)) {
        const bucket = buckets.get(key);
        bucket?.delete(id);
        if (bucket?.size === 0) buckets.delete(key);
      }
    },
    query(signature) {
      const seen = new Set<string>();
      const found: NearDuplicate[] = [];
      for (const key of bandKeys(signature, bands)) {
        for (const id of buckets.get(key) ?? []) {
          if (seen.has(id)) continue;
          seen.add(id);
          const s = similarity(signature, signatures.get(id) as Uint32Array);
          if (s >= minSimilarity) found.push({ id, similarity: s });
        }
      }
      return found.sort((a, b) => b.similarity - a.similarity);
    },
    get size() {
      return signatures.size;
    },
  };
  return index;
}
