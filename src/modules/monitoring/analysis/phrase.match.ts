/**
 * Phrase matching on folded text, shared by topics, tone and the false-information check.
 */
import { foldForMatching } from "./fold.js";
import { recentMemo } from "./recent-memo.js";
import { normalizeText } from "./text.normalize.js";

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]/u;

/** A term prepared for matching: folded key plus whether word boundaries apply. */
export interface PreparedPhrase {
  term: string;
  key: string;
  needsBoundary: boolean;
  /** The key's words: a bounded match means each is a whole word of the text. */
  words: string[];
}

const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Distinct words of a folded text, or null when word sets cannot decide (astral characters: the boundary
 * check looks at single UTF-16 units). A few hundred lexicon phrases are matched against every text; most
 * contain a word the text lacks and are skipped without scanning the text.
 */
const wordsOf = recentMemo((folded: string): Set<string> | null =>
  /[\ud800-\udfff]/.test(folded) ? null : new Set(folded.match(WORDS)),
);

/** Folds terms once; callers keep the result for many texts. */
export function preparePhrases(terms: string[]): PreparedPhrase[] {
  return terms.map((term) => {
    const key = foldForMatching(normalizeText(term)).replace(/\s+/g, " ").trim();
    // Scripts written without spaces (Han, kana) match as substrings.
    return { term, key, needsBoundary: SPACED_SCRIPT.test(key), words: key.match(WORDS) ?? [] };
  });
}

/** Folded, whitespace-collapsed copy of a text for `findPhrase`. */
export const foldForPhrases: (text: string) => string = recentMemo((text) =>
  foldForMatching(normalizeText(text)).replace(/\s+/g, " "),
);

/** Offsets where the phrase occurs in folded text, respecting word boundaries for spaced scripts. */
export function findPhrase(folded: string, phrase: PreparedPhrase): number[] {
  const hits: number[] = [];
  if (!phrase.key) return hits;
  if (phrase.needsBoundary) {
    const words = wordsOf(folded);
    if (words && phrase.words.some((w) => !words.has(w))) return hits;
  }
  for (let at = folded.indexOf(phrase.key); at >= 0; at = folded.indexOf(phrase.key, at + 1)) {
    if (phrase.needsBoundary) {
      const before = folded[at - 1];
      const after = folded[at + phrase.key.length];
      if ((before && WORD_CHAR.test(before)) || (after && WORD_CHAR.test(after))) continue;
    }
    hits.push(at);
  }
  return hits;
}
