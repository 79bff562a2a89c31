/**
 * Text clean-up before parsing. Two levels:
 * - `prepareText` works on the whole text and keeps line numbers stable (legacy encodings, NFC, newlines);
 *   its result is the `extractedText` the review screen highlights.
 * - `normaliseLine` cleans one line for reading (spaces, quotes, Markdown emphasis) without changing which
 *   line it is.
 */
import { convertLegacyEncoding, type TextEncoding } from "./legacy-encoding.convert.js";

/**
 * Converts legacy encodings, normalises to NFC and unifies line breaks ("\r\n", "\r", form feed → "\n").
 * Idempotent, so parsing an already prepared text gives the same line numbers.
 */
export function prepareText(raw: string): { text: string; encoding: TextEncoding } {
  const unified = raw
    .replace(/^\ufeff/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\f/g, "\n");
  const { text, encoding } = convertLegacyEncoding(unified);
  return { text: text.normalize("NFC"), encoding };
}

const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
// *x*, **x**, ***x***: the marker must hug non-space text, so a lone "*" (the Party star) survives.
const EMPHASIS = /(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1(?!\*)/g;

/**
 * Cleans one line: NFC, odd spaces to plain spaces, invisible characters removed, curly quotes made straight,
 * Markdown emphasis/heading markers and backslash escapes removed, runs of spaces kept (column gaps matter
 * in flattened headers) but trailing space trimmed.
 */
export function normaliseLine(line: string): string {
  let out = line.normalize("NFC").replace(INVISIBLE, "").replace(SPACE_LIKE, " ");
  out = out.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
  out = out.replace(/^\s{0,3}#{1,6}\s+/, "").replace(/\\([\\*_.\-#|[\]()`])/g, "$1");
  return stripEmphasis(out)
    .replace(/^\s*\*\s+/, "- ")
    .trimEnd();
}

/** Removes Markdown emphasis markers, nested ones too; used per line and again per joined paragraph. */
export function stripEmphasis(text: string): string {
  let out = text;
  let previous: string;
  do {
    previous = out;
    out = out.replace(EMPHASIS, "$2");
  } while (out !== previous);
  return out;
}

/** Collapses runs of whitespace to one space and trims: for text that is read as prose. */
export function squeeze(text: string): string {
  return text.replace(/[ \t]+/g, " ").trim();
}

/** True when the letters of `text` are all capitals (Vietnamese included) and there are some. */
export function isUpperCaseText(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Ends with sentence punctuation, so the next paragraph is a new one. */
export function endsSentence(text: string): boolean {
  return /[.:;!?…"')\]]$/.test(text.trim());
}

/** Starts with a lower-case letter: a continuation of the previous line. */
export function startsLowerCase(text: string): boolean {
  return /^\p{Ll}/u.test(text.trim());
}
