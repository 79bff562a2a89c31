/**
 * Footnotes: bodies ("¹ Chỉ thị số 25-CT/TW…", "[1] …", "(1) …") are taken out of the flow wherever the
 * page break put them, and attached to the task whose text carries the mark, with the words the mark follows.
 */
import type { Paragraph } from "./layout.parser.js";
import type { Footnote } from "./parsed-programme.types.js";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SUPER_BODY = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/u;
const BRACKET_BODY = /^(\[\d{1,3}\]|\(\d{1,3}\))\s+(\S.*)$/u;

export interface FootnoteBody {
  mark: string;
  text: string;
  line: number;
  used: boolean;
}

/** Digits of a superscript mark: "¹²" → "12". */
export function superscriptToDigits(mark: string): string {
  return Array.from(mark)
    .map((c) => String(SUPERSCRIPT.indexOf(c)))
    .join("");
}

/** Superscript form of a number: 12 → "¹²". */
export function digitsToSuperscript(n: number): string {
  return Array.from(String(n))
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join("");
}

/**
 * Splits body paragraphs into footnote bodies and the rest. "[n]"/"(n)" paragraphs count as footnotes only
 * when the same mark appears inside some other paragraph, because "(1)" also numbers ordinary lists.
 */
export function extractFootnoteBodies(paragraphs: Paragraph[]): {
  bodies: Map<string, FootnoteBody>;
  isFootnote: Set<Paragraph>;
} {
  const bodies = new Map<string, FootnoteBody>();
  const isFootnote = new Set<Paragraph>();
  const inline = paragraphs.map((p) => p.text).join("\n");
  for (const p of paragraphs) {
    const sup = SUPER_BODY.exec(p.text);
    const bracket = sup ? null : BRACKET_BODY.exec(p.text);
    const mark = sup?.[1] ?? bracket?.[1];
    const text = sup?.[2] ?? bracket?.[2];
    if (!mark || !text) continue;
    if (bracket && inline.split(mark).length - 1 < 2) continue;
    if (bodies.has(mark)) continue;
    bodies.set(mark, { mark, text, line: p.lineStart, used: false });
    isFootnote.add(p);
  }
  return { bodies, isFootnote };
}

/**
 * Removes footnote marks from a task paragraph and returns the footnotes they point to. The anchor is the
 * phrase before the mark back to the previous punctuation, at most eight words.
 */
export function takeFootnotes(
  text: string,
  bodies: Map<string, FootnoteBody>,
): { text: string; footnotes: Footnote[]; missing: string[] } {
  const footnotes: Footnote[] = [];
  const missing: string[] = [];
  const markPattern = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\]|\(\d{1,3}\)/gu;
  let out = "";
  let last = 0;
  for (const m of text.matchAll(markPattern)) {
    const mark = m[0];
    const at = m.index ?? 0;
    const isSuper = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(mark);
    const body = bodies.get(mark);
    // "(12/23)" or a list number "(1)" is text, not a mark, unless a footnote body carries that mark.
    if (!isSuper && !body) continue;
    if (at === 0) continue;
    out += text.slice(last, at);
    last = at + mark.length;
    if (!body) {
      missing.push(mark);
      continue;
    }
    body.used = true;
    const anchor = anchorBefore(out);
    footnotes.push(anchor ? { mark, anchor, text: body.text } : { mark, text: body.text });
  }
  out += text.slice(last);
  return { text: out.replace(/ {2,}/g, " "), footnotes, missing };
}

function anchorBefore(text: string): string {
  const tail = text.split(/[,;:.!?()"]/).at(-1) ?? "";
  const words = tail.trim().split(/\s+/).filter(Boolean);
  return words.slice(-8).join(" ");
}
