/**
 * Tone (positive / neutral / negative) and the "check: possibly false or distorted" flag.
 */
import { findPhrase, foldForPhrases, type PreparedPhrase, preparePhrases } from "./phrase.match.js";
import type { FalseInfoLexicon, LexiconTerm, ToneLexicon } from "./tone.lexicon.js";

/** Overall tone of an item. */
export type Tone = "positive" | "neutral" | "negative";

/** Tone with the evidence behind it. */
export interface ToneResult {
  tone: Tone;
  score: number;
  positive: string[];
  negative: string[];
  /** Terms whose polarity was inverted by a negator ("không hiệu quả"). */
  negated: string[];
}

interface Hit {
  term: string;
  weight: number;
  negated: boolean;
}

// Lexicons are edited rarely and used for every item: prepare each list once.
const preparedLists = new WeakMap<object, PreparedPhrase[]>();
function prepared(list: LexiconTerm[] | string[]): PreparedPhrase[] {
  let p = preparedLists.get(list);
  if (!p) {
    p = preparePhrases(list.map((t) => (typeof t === "string" ? t : t.term)));
    preparedLists.set(list, p);
  }
  return p;
}

function matchTerms(folded: string, terms: LexiconTerm[], negators: string[]): Hit[] {
  const phrases = prepared(terms);
  const negatorKeys = prepared(negators).map((n) => n.key);
  const hits: Hit[] = [];
  phrases.forEach((phrase, i) => {
    for (const at of findPhrase(folded, phrase)) {
      const before = folded.slice(Math.max(0, at - 12), at).trimEnd();
      const negated = negatorKeys.some((n) => before.endsWith(` ${n}`) || before === n);
      hits.push({ term: phrase.term, weight: terms[i]?.weight ?? 1, negated });
    }
  });
  return hits;
}

/** Scores tone from the lexicon; a negated term counts for the other side. */
export function classifyTone(text: string, lexicon: ToneLexicon): ToneResult {
  const folded = foldForPhrases(text);
  let score = 0;
  const positive = new Set<string>();
  const negative = new Set<string>();
  const negated = new Set<string>();
  for (const hit of matchTerms(folded, lexicon.positive, lexicon.negators)) {
    score += hit.negated ? -hit.weight : hit.weight;
    (hit.negated ? negated : positive).add(hit.term);
  }
  for (const hit of matchTerms(folded, lexicon.negative, lexicon.negators)) {
    score += hit.negated ? hit.weight / 2 : -hit.weight; // "không có thiệt hại" is only mildly good news
    (hit.negated ? negated : negative).add(hit.term);
  }
  const tone: Tone =
    score >= lexicon.threshold ? "positive" : score <= -lexicon.threshold ? "negative" : "neutral";
  return { tone, score, positive: [...positive], negative: [...negative], negated: [...negated] };
}

/** Whether an item should be checked by a person for false or distorted information, and why. */
export interface FalseInfoCheck {
  isFlagged: boolean;
  score: number;
  reasons: string[];
}

/** Applies the false-information lexicon and the source watch-lists. */
export function checkFalseInformation(
  text: string,
  source: { sourceId?: string; host?: string },
  lexicon: FalseInfoLexicon,
): FalseInfoCheck {
  const folded = foldForPhrases(text);
  const reasons: string[] = [];
  let score = 0;
  prepared(lexicon.terms).forEach((phrase, i) => {
    if (findPhrase(folded, phrase).length > 0) {
      score += lexicon.terms[i]?.weight ?? 1;
      reasons.push(`term: ${phrase.term}`);
    }
  });
  let isWatched = false;
  if (source.sourceId && lexicon.watchedSourceIds.includes(source.sourceId)) {
    isWatched = true;
    reasons.push(`watched source: ${source.sourceId}`);
  }
  const host = source.host?.toLowerCase();
  if (host && lexicon.watchedHosts.some((h) => host === h || host.endsWith(`.${h}`))) {
    isWatched = true;
    reasons.push(`watched host: ${host}`);
  }
  return { isFlagged: isWatched || score >= lexicon.threshold, score, reasons };
}
