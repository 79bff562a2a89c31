/**
 * Words for the portal's public search, the same way for stored text and for queries: Vietnamese (and other
 * Latin or Cyrillic text) folded to lower case without accents, split into words; Chinese, Japanese and
 * Korean runs, which have no spaces, as single characters and overlapping pairs (bigrams), so that any
 * two-character word of a query is found wherever it occurs.
 */
import { foldVietnamese } from "../../shared/text/fold.js";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

function cjkTokens(run: string, withSingles: boolean): string[] {
  const chars = [...run];
  const out: string[] = [];
  if (withSingles || chars.length === 1) out.push(...chars);
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function tokens(text: string, withSingles: boolean): string[] {
  const out: string[] = [];
  const cjkRuns = text.match(CJK_RUN) ?? [];
  for (const run of cjkRuns) out.push(...cjkTokens(run, withSingles));
  const rest = foldVietnamese(text.replace(CJK_RUN, " "));
  for (const word of rest.split(/[^\p{L}\p{N}]+/u)) if (word && !CJK.test(word)) out.push(word);
  return out;
}

/** The stored search text: distinct tokens between single spaces, with a space at both ends. */
export function searchTextOf(...parts: string[]): string {
  const set = new Set(tokens(parts.join("\n"), true));
  return ` ${[...set].join(" ")} `;
}

/** The tokens a query must all match (at most 12; the input is already bounded). */
export function queryTokens(query: string): { token: string; isPrefix: boolean }[] {
  const bounded = query.slice(0, 200);
  const seen = new Set<string>();
  const out: { token: string; isPrefix: boolean }[] = [];
  for (const token of tokens(bounded, false)) {
    if (seen.has(token)) continue;
    seen.add(token);
    // Latin words match as prefixes ("hai phon" finds "hai phong"); CJK grams match whole.
    out.push({ token, isPrefix: !CJK.test(token) });
    if (out.length === 12) break;
  }
  return out;
}
