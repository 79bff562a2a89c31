/**
 * Vietnamese text normalisation: NFC and one canonical tone-mark placement.
 *
 * Convention chosen: the "old" (traditional) placement used by most Vietnamese newspapers and official
 * documents — "hòa", "thủy", "khỏe" rather than "hoà", "thuỷ", "khoẻ". Syllables with a final consonant
 * are the same in both conventions ("hoàng", "thuyết").
 */

import { recentMemo } from "./recent-memo.js";

// Built from a string: a class of lone combining marks is intended here (grave, acute, tilde, hook, dot).
const TONE_MARK_CLASS = "[\\u0300\\u0301\\u0303\\u0309\\u0323]";
const TONE_MARKS = new RegExp(TONE_MARK_CLASS);
const TONE_MARKS_G = new RegExp(TONE_MARK_CLASS, "g");
const VOWELS = "aăâeêioôơuưy";
/** Vowels carrying a quality mark: the tone always sits on one of them when present. */
const MARKED_VOWELS = "ăâêôơ";
// biome-ignore lint/suspicious/noMisleadingCharacterClass: a word is Latin letters plus any combining marks (NFD input)
const LATIN_WORD = /[\p{Script=Latin}\u0300-\u036f]+/gu;

function isVowel(ch: string): boolean {
  return VOWELS.includes(ch.toLowerCase());
}

/** Index (in `base`) of the vowel that should carry the tone, or -1 when the syllable has no vowel. */
function tonePosition(base: string): number {
  const lower = base.toLowerCase();
  let start = 0;
  // "qu" and "gi" are consonant clusters when a vowel follows: quý, già.
  if (/^qu[aăâeêioôơuưy]/.test(lower)) start = 2;
  else if (/^gi[aăâeêioôơuưy]/.test(lower)) start = 2;
  let first = -1;
  let last = -1;
  for (let i = start; i < lower.length; i++) {
    if (isVowel(lower[i] as string)) {
      if (first < 0) first = i;
      last = i;
    } else if (first >= 0) break;
  }
  if (first < 0) return -1;
  // Only a single vowel group followed by a legal Vietnamese final is a Vietnamese syllable ("café" is not).
  if (!/^(c|ch|m|n|ng|nh|p|t)?$/.test(lower.slice(last + 1))) return -1;
  for (let i = last; i >= first; i--) {
    if (MARKED_VOWELS.includes(lower[i] as string)) return i;
  }
  for (let i = first; i <= last; i++) if (lower[i] === "ư") return i;
  const hasFinalConsonant = last < lower.length - 1;
  const clusterLength = last - first + 1;
  if (hasFinalConsonant) return last;
  if (clusterLength >= 3) return first + 1;
  return first;
}

/** Puts the tone mark of one Latin word on its canonical vowel; words without a tone mark are unchanged. */
function canonicalSyllable(word: string): string {
  const decomposed = word.normalize("NFD");
  const tone = decomposed.match(TONE_MARKS);
  if (!tone) return word;
  const toneMarks = decomposed.match(TONE_MARKS_G);
  if (toneMarks && toneMarks.length > 1) return word; // not a Vietnamese syllable; leave as written
  const base = decomposed.replace(TONE_MARKS_G, "").normalize("NFC");
  const pos = tonePosition(base);
  if (pos < 0) return word;
  return `${base.slice(0, pos + 1)}${tone[0]}${base.slice(pos + 1)}`.normalize("NFC");
}

/**
 * NFC plus canonical tone placement for every Latin-script word. Length may change only for text that was
 * not NFC; after this call, `foldForMatching` offsets map 1:1 to the returned string.
 *
 * @example normalizeText("Thuỷ Nguyên hoà bình") // "Thủy Nguyên hòa bình"
 */
export const normalizeText: (text: string) => string = recentMemo((text) =>
  text.normalize("NFC").replace(LATIN_WORD, cachedCanonicalSyllable),
);

// Vietnamese has a few thousand syllables, so a small memo removes most of the cost on real text.
// Bounded in entries (cleared when full) and in key length (a syllable has at most 7 letters plus marks),
// so a stream of foreign words or one long garbled "word" cannot grow it.
const syllableCache = new Map<string, string>();
const MAX_CACHED = 20_000;
const MAX_CACHED_WORD = 16;

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 0x7f) return false;
  return true;
}

function cachedCanonicalSyllable(word: string): string {
  if (isAscii(word)) return word; // ASCII words carry no tone mark
  if (word.length > MAX_CACHED_WORD) return canonicalSyllable(word);
  let out = syllableCache.get(word);
  if (out === undefined) {
    out = canonicalSyllable(word);
    if (syllableCache.size >= MAX_CACHED) syllableCache.clear();
    syllableCache.set(word, out);
  }
  return out;
}
