/**
 * PDF → text from its text layer (pdf.js, legacy build for Node). Visual lines are rebuilt from text
 * positions; paragraphs are separated by blank lines where the vertical gap, a first-line indent, or a
 * previous line with room left for the next line's first word says a paragraph ended. Items right of the page centre with nothing to their left are
 * indented with a column gap, so two-column headers and signature blocks keep their columns. Text drawn
 * in two fonts (a fallback font for accented capitals) is merged back by position.
 * A PDF without a text layer (a scan) is refused with `import_pdf_needs_ocr`.
 *
 * When poppler's `pdftotext` is installed, the words are read with it instead and laid out by
 * `page-layout.ts` (exact glyph positions; header tables, footnotes and page numbers handled); the pdf.js
 * layout below is the fallback for hosts without poppler-utils.
 */
import { importErrors } from "../import.errors.js";
import type { ImportLimits } from "./import.limits.js";
import { layoutPages } from "./page-layout.js";
import { readPdfWords } from "./pdf-words.extract.js";
import { ToolMissingError } from "./run-tool.js";

interface Glyphs {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface VisualLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  height: number;
}

const COLUMN_GAP = "   ";

/** Extracts the text layer of a PDF held in memory. */
export async function extractPdf(bytes: Uint8Array, limits: ImportLimits): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js takes ownership of the buffer it is given, so it gets a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    throw importErrors.unreadableFile({ cause: err, meta: { reason: "bad_pdf" } });
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw importErrors.tooManyPages({ meta: { pages: doc.numPages, maxPages: limits.maxPages } });
    }
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const glyphs: Glyphs[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const t = item.transform as number[];
        glyphs.push({
          str: item.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          width: item.width,
          height: item.height || Math.abs(t[3] ?? 10),
        });
      }
      page.cleanup();
      const text = layoutPage(glyphs, viewport.width);
      chars += text.replace(/\s/g, "").length;
      if (chars > limits.maxTextChars) throw importErrors.fileTooLarge({ meta: { reason: "text_too_long" } });
      pages.push(text);
    }
    if (chars < 20 * Math.max(1, Math.min(doc.numPages, 5))) {
      throw importErrors.pdfNeedsOcr({ meta: { pages: doc.numPages, characters: chars } });
    }
    return (await layoutWithPoppler(bytes, doc.numPages)) ?? pages.join("\n\n");
  } finally {
    await doc.destroy();
  }
}

/** The text laid out from poppler's word boxes; null when poppler is not installed. */
async function layoutWithPoppler(bytes: Uint8Array, pages: number): Promise<string | null> {
  try {
    return layoutPages(await readPdfWords(bytes, { maxPages: pages })).text;
  } catch (err) {
    if (err instanceof ToolMissingError) return null;
    throw importErrors.unreadableFile({ cause: err, meta: { reason: "pdftotext_failed" } });
  }
}

/** Groups glyph runs into visual lines, then lines into paragraphs separated by blank lines. */
function layoutPage(glyphs: Glyphs[], pageWidth: number): string {
  const sorted = [...glyphs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Glyphs[][] = [];
  for (const g of sorted) {
    const row = rows.at(-1);
    const ref = row?.[0];
    if (row && ref && Math.abs(ref.y - g.y) <= Math.max(2, Math.min(ref.height, g.height) * 0.5)) row.push(g);
    else rows.push([g]);
  }
  const lines: VisualLine[] = rows
    .map((row) => {
      const merged = mergeFallbackGlyphs(row).sort((a, b) => a.x - b.x);
      let text = "";
      let end = merged[0]?.x ?? 0;
      for (const g of merged) {
        const gap = g.x - end;
        const crossesMiddle = end < pageWidth * 0.48 && g.x > pageWidth * 0.48;
        if (text !== "" && (gap > g.height * 2 || (crossesMiddle && gap > g.height * 0.5))) text += "\t";
        else if (text !== "" && gap > g.height * 0.15 && !text.endsWith(" ") && !g.str.startsWith(" "))
          text += " ";
        text += g.str;
        end = Math.max(end, g.x + g.width);
      }
      const x0 = merged[0]?.x ?? 0;
      const clean = text
        .replace(/ {2,}/g, " ")
        .replace(/ *\t */g, COLUMN_GAP)
        .trim();
      return { text: clean, x0, x1: end, y: merged[0]?.y ?? 0, height: merged[0]?.height ?? 10 };
    })
    .filter((l) => l.text !== "");
  const bodyLines = lines.filter((l) => l.text.length > 30);
  const left = Math.min(...(bodyLines.length ? bodyLines : lines).map((l) => l.x0));
  const right = Math.max(...(bodyLines.length ? bodyLines : lines).map((l) => l.x1));
  // One output line per paragraph (wrapped lines joined here, where positions tell wraps from breaks);
  // two-column rows stay separate lines so the header and signature columns can be told apart.
  const out: string[] = [];
  lines.forEach((line, i) => {
    const rightColumn = line.x0 > pageWidth / 2;
    const text = rightColumn ? `${COLUMN_GAP}${line.text}` : line.text;
    const prev = lines[i - 1];
    if (!prev) {
      out.push(text);
      return;
    }
    const gap = prev.y - line.y;
    const indented = line.x0 > left + line.height * 0.8;
    // The previous line ended a paragraph if the first word of this line would have fitted after it.
    const charWidth = (line.x1 - line.x0) / Math.max(line.text.length, 1);
    const firstWord = (line.text.split(" ")[0] ?? "").length + 1;
    const prevShort = right - prev.x1 > firstWord * charWidth * 1.15 + line.height * 0.5;
    const last = out.length - 1;
    if (gap > line.height * 1.9 || indented || prevShort) out.push("", text);
    else if (rightColumn || text.includes(COLUMN_GAP) || (out[last] ?? "").includes(COLUMN_GAP))
      out.push(text);
    else out[last] = `${out[last]} ${text}`;
  });
  return out.join("\n");
}

/** Rough advance widths (em fractions) so positions inside a run can be estimated. */
function charWeight(c: string): number {
  if (/[ il.,:;'|!]/.test(c)) return 0.3;
  if (/[ftjr()-]/.test(c)) return 0.37;
  if (/[mwMW]/.test(c)) return 0.8;
  if (/\p{Lu}/u.test(c)) return 0.68;
  return 0.5;
}

/**
 * When a font lacks some letters (Vietnamese vowels), the PDF draws the line twice: the main font with a
 * space where each missing letter goes, and a fallback font with those letters (and spaces elsewhere).
 * Each fallback glyph is put into the placeholder space nearest to its position; the padding spaces of
 * either run are dropped.
 */
function mergeFallbackGlyphs(row: Glyphs[]): Glyphs[] {
  const solid = row.filter((g) => g.str.trim() !== "").sort((a, b) => b.str.length - a.str.length);
  const spaces = row.filter((g) => g.str.trim() === "");
  const kept: Array<Glyphs & { chars: string[]; xs: number[] }> = [];
  for (const g of solid) {
    const mid = g.x + g.width / 2;
    const base = kept.find((k) => mid > k.x && mid < k.x + k.width && k.chars.includes(" "));
    if (base) {
      fillPlaceholder(base, g);
      continue;
    }
    const slot = spaces.find((s) => mid > s.x && mid < s.x + s.width);
    const chars = Array.from(g.str);
    const total = chars.reduce((sum, c) => sum + charWeight(c), 0) || 1;
    let x = g.x;
    const xs = chars.map((c) => {
      const at = x;
      x += (charWeight(c) / total) * g.width;
      return at;
    });
    kept.push({ ...g, chars, xs });
    if (slot) spaces.splice(spaces.indexOf(slot), 1);
  }
  return kept.map((k) => ({ str: k.chars.join(""), x: k.x, y: k.y, width: k.width, height: k.height }));
}

function fillPlaceholder(base: { chars: string[]; xs: number[] }, glyph: Glyphs): void {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  base.chars.forEach((c, i) => {
    const d = Math.abs((base.xs[i] ?? 0) - glyph.x);
    if (c === " " && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  if (best < 0) return;
  base.chars[best] = glyph.str;
}
