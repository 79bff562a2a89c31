/**
 * Translation memory matching: earlier approved translations of the same or a similar Vietnamese
 * sentence. Similarity is measured on words (tones kept, case and punctuation ignored) as
 * 1 − edit distance / length of the longer, the measure CAT tools show as "fuzzy match %"; the words
 * that differ are returned so the translator sees what to change.
 */

/** Words of a sentence as compared: lower case, tones kept, punctuation dropped. */
export function tmWords(text: string): string[] {
  return (
    text
      .normalize("NFC")
      .toLocaleLowerCase("vi")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The key an exact match is found by. */
export const tmKey = (text: string) => tmWords(text).join(" ");

/** Word-level edit distance (Levenshtein), bounded: returns `limit + 1` once it is exceeded. */
function editDistance(a: readonly string[], b: readonly string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

export interface TmCandidate {
  id: string;
  sourceText: string;
  targetText: string;
}

export interface TmMatch extends TmCandidate {
  /** 0–100. */
  score: number;
  /** Words of the earlier source that the new sentence does not have, and the reverse. */
  removed: string[];
  added: string[];
}

/** Candidates ranked by similarity to `text`, at least `minScore` %, best first. */
export function rankMatches(
  text: string,
  candidates: readonly TmCandidate[],
  minScore = 70,
  max = 5,
): TmMatch[] {
  const words = tmWords(text);
  if (words.length === 0) return [];
  const out: TmMatch[] = [];
  for (const c of candidates) {
    const other = tmWords(c.sourceText);
    const longest = Math.max(words.length, other.length);
    const limit = Math.floor(longest * (1 - minScore / 100));
    const d = editDistance(words, other, limit);
    if (d > limit) continue;
    const score = Math.round((1 - d / longest) * 100);
    const mine = new Set(words);
    const theirs = new Set(other);
    out.push({
      ...c,
      score,
      removed: other.filter((w) => !mine.has(w)),
      added: words.filter((w) => !theirs.has(w)),
    });
  }
  return out.sort((a, b) => b.score - a.score || a.sourceText.length - b.sourceText.length).slice(0, max);
}
