/**
 * Result snippets: a few lines of an item's text around the first place a search matched, so a result
 * list shows why each item was found. Matching folds accents and đ/d like the index does.
 */

import { foldWithMap } from "../../../shared/text/fold.js";
import type { QueryNode } from "./query-parser.js";

/** The words and phrases a query looks for (not those it excludes). */
export function positiveTerms(node: QueryNode | null): string[] {
  if (!node) return [];
  switch (node.kind) {
    case "term":
    case "phrase":
      return [node.text];
    case "near":
      return node.terms;
    case "and":
    case "or":
      return node.children.flatMap(positiveTerms);
    case "not":
      return [];
  }
}

/**
 * About `radius` characters either side of the earliest match of any term, cut at word boundaries and
 * marked with "…" where text was left out; the start of the text when nothing matches.
 *
 * @example snippet("… cảng Lạch Huyện đón tàu …", ["lach huyen"]) // "… cảng Lạch Huyện đón tàu …"
 */
export function snippet(text: string, terms: readonly string[], radius = 140): string {
  const source = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const { folded, map } = foldWithMap(source);
  let at = -1;
  for (const term of terms) {
    const wanted = foldWithMap(term.normalize("NFC")).folded.trim();
    if (wanted.length < 2) continue;
    const found = folded.indexOf(wanted);
    if (found >= 0 && (at < 0 || found < at)) at = found;
  }
  const centre = at < 0 ? 0 : (map[at] ?? 0);
  let start = Math.max(0, centre - radius);
  let end = Math.min(source.length, centre + radius);
  if (start > 0) start = source.indexOf(" ", start) + 1 || start;
  if (end < source.length) end = source.lastIndexOf(" ", end) > centre ? source.lastIndexOf(" ", end) : end;
  return `${start > 0 ? "… " : ""}${source.slice(start, end).trim()}${end < source.length ? " …" : ""}`;
}
