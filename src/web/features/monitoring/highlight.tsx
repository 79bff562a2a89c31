/**
 * Accent-insensitive highlighting of search terms, rendered as React text and <mark> elements only (the
 * text comes from the web and is never parsed as HTML).
 */
import type { ReactNode } from "react";
import { foldWithMap } from "../../../shared/text/fold";

const FIELD = /^[a-z]+:/;
const OPERATORS = new Set(["AND", "OR", "NOT"]);

/**
 * The positive words and phrases of a query in the monitoring search language: field filters, operators,
 * NEAR distances and excluded terms (`-word`, `NOT word`) are left out.
 */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  const pattern = /(-?)"([^"]*)"|(\S+)/g;
  let isNegated = false;
  for (const match of query.matchAll(pattern)) {
    const [, minus, phrase, raw] = match;
    if (phrase !== undefined) {
      if (!minus && !isNegated && phrase.trim()) terms.push(phrase.trim());
      isNegated = false;
      continue;
    }
    const word = (raw ?? "").replace(/^[(]+|[),]+$/g, "").replace(/^NEAR\(/, "");
    if (OPERATORS.has(word)) {
      isNegated = word === "NOT";
      continue;
    }
    if (!word || /^NEAR(\/\d+)?$/.test(word) || FIELD.test(word) || /^\d+$/.test(word)) continue;
    if (word.startsWith("-") || isNegated) {
      isNegated = false;
      continue;
    }
    terms.push(word);
  }
  return terms;
}

/** The text with every occurrence of the terms wrapped in <mark> (accent- and case-insensitive). */
export function highlight(text: string, terms: string[]): ReactNode {
  const wanted = terms.map((term) => foldWithMap(term.normalize("NFC")).folded).filter((f) => f.length > 1);
  if (wanted.length === 0) return text;
  const source = text.normalize("NFC");
  const { folded, map } = foldWithMap(source);
  const ranges: [number, number][] = [];
  for (const term of wanted) {
    let from = folded.indexOf(term);
    while (from >= 0) {
      ranges.push([map[from] ?? 0, map[from + term.length] ?? source.length]);
      from = folded.indexOf(term, from + term.length);
    }
  }
  if (ranges.length === 0) return source;
  ranges.sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    if (start > cursor) parts.push(source.slice(cursor, start));
    parts.push(<mark key={start}>{source.slice(start, end)}</mark>);
    cursor = end;
  }
  if (cursor < source.length) parts.push(source.slice(cursor));
  return parts;
}
