/**
 * Phrase matching on folded text, shared by topics, tone and the false-information check.
 */
import { foldForMatching } from "./fold.js";
import { normalizeText } from "./text.normalize.js";

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]/u;

/** A term prepared for matching: folded key plus whether word boundaries apply. */
export interface PreparedPhrase {
  term: string;
  key: string;
  needsBoundary: boolean;
}

/** Folds terms once; callers keep the result for many texts. */
export function preparePhrases(terms: string[]): PreparedPhrase[] {
  return terms.map((term) => {
    const key = foldForMatching(normalizeText(term)).replace(/\s+/g, " ").trim();
    // Scripts written without spaces (Han, kana) match as substrings.
    return { term, key, needsBoundary: SPACED_SCRIPT.test(key) };
  });
}

/** Folded, whitespace-collapsed copy of a text for `findPhrase`. */
export function foldForPhrases(text: string): string {
  return foldForMatching(normalizeText(text)).replace(/\s+/g, " ");
}

/** Offsets where the phrase occurs in folded text, respecting word boundaries for spaced scripts. */
export function findPhrase(folded: string, phrase: PreparedPhrase): number[] {
  const hits: number[] = [];
  if (!phrase.key) return hits;
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
