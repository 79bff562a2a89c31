/**
 * Reading order from positioned words: the one layout engine for text-layer PDFs (word boxes from the PDF)
 * and scans (word boxes from OCR). Its output is the plain text a committee would paste, so the parser
 * reads a PDF like the .txt or .docx of the same programme:
 * - a two-column block (the Party or State header, "Nơi nhận" beside the signature) is read column by
 *   column, as the table it is: left column, blank line, right column;
 * - page numbers and running headers/footers are dropped;
 * - footnote blocks at the bottom of a page (smaller type, opening with their number) leave the flow and
 *   follow the paragraph that runs over them, as "¹ text";
 * - lines of a paragraph are rejoined (first-line indent, vertical gap, a short last line end it), also
 *   across a page break; a word hyphenated at a line end is put back together;
 * - superscript digits become "¹²³", the footnote marks the parser knows.
 * Coordinates: points or pixels, origin top-left, y down.
 */
import { digitsToSuperscript } from "../parser/footnotes.parser.js";
import { readTable, type TableColumns, tableHeader } from "./table-layout.js";

/** One word (or run of glyphs) with its box; OCR words carry a confidence and the OCR line they belong to. */
export interface WordBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** OCR confidence 0–100; absent for a text layer. */
  confidence?: number;
  /** Words with the same key were put on one line by the OCR engine (it follows skew better than y does). */
  lineKey?: string;
}

export interface PageWords {
  width: number;
  height: number;
  words: WordBox[];
}

/** Confidence of one output line: the mean over its words and the weakest word. */
export interface LineConfidence {
  mean: number;
  min: number;
}

export interface LaidOutText {
  text: string;
  /** One entry per line of `text`; null where the line has no OCR words (blank, or a text layer). */
  confidence: Array<LineConfidence | null>;
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
  confidences: number[];
}

interface Row {
  segments: Segment[];
  /** The row's words, left to right (task tables are rebuilt from them). */
  words: WordBox[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Typical word height: the type size of the row. */
  h: number;
}

/** A piece of output: lines printed together, then a blank line. */
interface Block {
  lines: Array<{ text: string; confidences: number[] }>;
}

const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const LIST_MARKER = /^(?:[-–—•+*]\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|[IVXLC]{1,6}[.)]\s|[a-zđ][.)]\s)/u;
const DOCUMENT_TYPE =
  /^(?:CHƯƠNG TRÌNH|KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|HƯỚNG DẪN|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|THÔNG BÁO|ĐỀ ÁN|QUY CHẾ)(?:\s|$)/u;
const PAGE_NUMBER = /^(?:trang\s*)?[-–(]?\s*\d{1,3}\s*[-–)]?(?:\s*\/\s*\d{1,3})?$/iu;

/** Groups words into rows: by the OCR line when given, else by vertical overlap. */
function groupRows(words: WordBox[]): WordBox[][] {
  const rows: WordBox[][] = [];
  if (words.some((w) => w.lineKey !== undefined)) {
    const byKey = new Map<string, WordBox[]>();
    for (const w of words) {
      const key = w.lineKey ?? `${w.y0}`;
      const list = byKey.get(key);
      if (list) list.push(w);
      else byKey.set(key, [w]);
    }
    rows.push(...byKey.values());
  } else {
    const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
    for (const w of sorted) {
      const mid = (w.y0 + w.y1) / 2;
      // Compare with the last few rows only: a row of the other column may sit a few points higher.
      const row = rows.slice(-4).find((r) => {
        const band = bandOf(r);
        return mid >= band.y0 && mid <= band.y1;
      });
      if (row) row.push(w);
      else rows.push([w]);
    }
  }
  // Rows of the same height band (two columns drawn at slightly different y by OCR) are kept apart here
  // and sorted top-down; columns are found later from the gaps inside a row.
  return rows.sort((a, b) => bandOf(a).y0 - bandOf(b).y0);
}

function bandOf(words: WordBox[]): { y0: number; y1: number; h: number } {
  const full = words.filter((w) => !isSmallDigits(w, words));
  const use = full.length > 0 ? full : words;
  return {
    y0: median(use.map((w) => w.y0)),
    y1: median(use.map((w) => w.y1)),
    h: median(use.map((w) => w.y1 - w.y0)),
  };
}

/**
 * A footnote mark: digits set smaller and higher than the words of the row, touching the word before them
 * (a number opening a row, "2. Xây dựng", is a list number however OCR sized its box).
 */
function isSmallDigits(w: WordBox, row: WordBox[]): boolean {
  if (!/^\d{1,3}[.,;:]?$/.test(w.text)) return false;
  const before = row.filter((o) => o.x1 <= w.x0 + 1).sort((a, b) => b.x1 - a.x1)[0];
  if (!before || w.x0 - before.x1 > (before.y1 - before.y0) * 0.3) return false;
  const h = median(row.filter((o) => o !== w).map((o) => o.y1 - o.y0));
  return h > 0 && w.y1 - w.y0 < h * 0.8 && w.y1 < median(row.map((o) => o.y1)) - h * 0.12;
}

/** Builds a row: words left to right, glued where no space was drawn, split into segments at column gaps. */
function buildRow(words: WordBox[], centre: number): Row {
  const band = bandOf(words);
  const h = band.h || 10;
  const sorted = [...words].sort((a, b) => a.x0 - b.x0);
  const segments: Segment[] = [];
  let current: Segment | null = null;
  for (const w of sorted) {
    const superscript = isSmallDigits(w, words);
    const text = superscript ? digitsToSuperscript(Number(w.text.replace(/\D/g, ""))) : w.text;
    const conf = w.confidence !== undefined ? [w.confidence] : [];
    if (current === null) {
      current = { text, x0: w.x0, x1: w.x1, confidences: conf };
      segments.push(current);
      continue;
    }
    const gap = w.x0 - current.x1;
    const crossesCentre = current.x1 < centre && w.x0 > centre;
    if (gap > h * 1.8 || (crossesCentre && gap > h * 0.9)) {
      current = { text, x0: w.x0, x1: w.x1, confidences: conf };
      segments.push(current);
      continue;
    }
    // Text drawn in two fonts (accented capitals from a fallback font) arrives as touching pieces.
    const glue = superscript || gap < h * 0.1;
    current.text += glue ? text : ` ${text}`;
    current.x1 = Math.max(current.x1, w.x1);
    current.confidences.push(...conf);
  }
  return {
    segments,
    words: sorted,
    x0: Math.min(...sorted.map((w) => w.x0)),
    x1: Math.max(...sorted.map((w) => w.x1)),
    y0: band.y0,
    y1: band.y1,
    h,
  };
}

const rowText = (row: Row) => row.segments.map((s) => s.text).join(" ");

/** Joins two lines of one paragraph, putting back a word hyphenated at the line end. */
export function joinLines(a: string, b: string): string {
  if (a.endsWith("\u00ad")) return a.slice(0, -1) + b;
  if (/\p{L}-$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

interface PageRows {
  body: Row[];
  footnotes: Block[];
}

/** Splits the rows of one page into body and footnote blocks; page numbers and running lines are dropped. */
function classifyRows(rows: Row[], page: PageWords, running: Set<string>): PageRows {
  const kept = rows.filter((r) => {
    const t = rowText(r).trim();
    const nearEdge = r.y0 > page.height * 0.88 || r.y1 < page.height * 0.1;
    if (nearEdge && PAGE_NUMBER.test(t)) return false;
    return !(nearEdge && running.has(runningKey(t)));
  });
  const bodyH =
    median(kept.filter((r) => rowText(r).length > 20).map((r) => r.h)) || median(kept.map((r) => r.h));
  // Footnotes: the smaller rows at the foot of the page, the first of them opening with a number.
  let start = kept.length;
  while (
    start > 0 &&
    (kept[start - 1]?.h ?? 0) < bodyH * 0.86 &&
    (kept[start - 1]?.y0 ?? 0) > page.height * 0.5
  )
    start--;
  while (start < kept.length && !/^(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/u.test(rowText(kept[start] as Row))) start++;
  const footnotes: Block[] = [];
  for (const row of kept.slice(start)) {
    const text = rowText(row).trim();
    const conf = row.segments.flatMap((s) => s.confidences);
    const mark = /^(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?=\p{L})/u.exec(text);
    if (mark?.[1]) {
      const digits = /^\d+$/.test(mark[1]) ? digitsToSuperscript(Number(mark[1])) : mark[1];
      footnotes.push({ lines: [{ text: `${digits} ${text.slice(mark[0].length)}`, confidences: conf }] });
    } else {
      const last = footnotes.at(-1)?.lines[0];
      if (last) {
        last.text = joinLines(last.text, text);
        last.confidences.push(...conf);
      }
    }
  }
  return { body: kept.slice(0, start), footnotes };
}

const runningKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();

/** Lines that sit at the top or bottom edge of at least two pages in the same words: running headers. */
function runningLines(pages: Row[][], heights: number[]): Set<string> {
  const counts = new Map<string, number>();
  pages.forEach((rows, i) => {
    const h = heights[i] ?? 0;
    const keys = new Set(
      rows.filter((r) => r.y0 > h * 0.92 || r.y1 < h * 0.07).map((r) => runningKey(rowText(r))),
    );
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  return new Set(
    [...counts.entries()].filter(([k, n]) => n >= 2 && pages.length >= 2 && k !== "").map(([k]) => k),
  );
}

/** Lays out every page and joins them into one text. */
export function layoutPages(pages: PageWords[]): LaidOutText {
  const centres: number[] = [];
  const rowsPerPage = pages.map((page) => {
    const words = page.words.filter((w) => w.text.trim() !== "");
    const x0 = Math.min(...words.map((w) => w.x0));
    const x1 = Math.max(...words.map((w) => w.x1));
    const centre = words.length > 0 ? (x0 + x1) / 2 : page.width / 2;
    centres.push(centre);
    return groupRows(words).map((r) => buildRow(r, centre));
  });
  const running = runningLines(
    rowsPerPage,
    pages.map((p) => p.height),
  );
  const blocks: Block[] = [];
  const notes: Array<{ block: Block; after: number }> = [];
  let open: { block: Block; lastRow: Row; right: number; left: number } | null = null;
  // The columns of a two-column block that ended a page: the next page's one-sided rows continue them.
  let columns: { left: Block; right: Block } | null = null;
  // A task table that reached the foot of a page, continued by the next page's rows.
  let table: { block: Block; columns: TableColumns } | null = null;
  const tableBlock = (lines: string[]): Block => ({
    lines: lines.map((text) => ({ text, confidences: [] })),
  });

  pages.forEach((page, index) => {
    const { body, footnotes } = classifyRows(rowsPerPage[index] ?? [], page, running);
    const centre = centres[index] ?? page.width / 2;
    const spanning = body.filter((r) => r.segments.length === 1 && r.x0 < centre && r.x1 > centre);
    const left = median(spanning.map((r) => r.x0)) || Math.min(...body.map((r) => r.x0));
    const right = Math.max(...spanning.map((r) => r.x1), left);
    const pitch = median(
      spanning
        .slice(1)
        .map((r, i) => r.y0 - (spanning[i] as Row).y0)
        .filter((d) => d > 0),
    );
    let i = 0;
    if (table) {
      const more = readTable(body, 0, joinLines, table.columns);
      if (more) {
        table.block.lines.push(...tableBlock(more.lines).lines);
        i = more.end;
      }
      if (!more || more.end < body.length) table = null;
    }
    if (columns) {
      let end = 0;
      while (end < body.length && !crossesCentre(body[end] as Row, centre)) end++;
      const [l, r] = splitColumns(body.slice(0, end), centre);
      columns.left.lines.push(...l);
      columns.right.lines.push(...r);
      i = end;
    }
    columns = null;
    let centredRun: Block | null = null;
    while (i < body.length) {
      const row = body[i] as Row;
      const read = tableHeader(row) ? readTable(body, i, joinLines) : null;
      if (read) {
        const block = tableBlock(read.lines);
        blocks.push(block);
        open = null;
        centredRun = null;
        table = read.end === body.length ? { block, columns: read.columns } : null;
        i = read.end;
        continue;
      }
      if (isTwoSided(row, centre)) {
        // A column block: this row and the rows below that stay on one side of the centre.
        let end = i + 1;
        while (end < body.length && !crossesCentre(body[end] as Row, centre) && !afterGap(body, end)) end++;
        open = null;
        centredRun = null;
        const [l, r] = splitColumns(body.slice(i, end), centre);
        const block = { left: { lines: l }, right: { lines: r } };
        blocks.push(block.left, block.right);
        if (end === body.length) columns = block;
        i = end;
        continue;
      }
      const text = rowText(row);
      const confidences = row.segments.flatMap((s) => s.confidences);
      const h = row.h;
      const isCentred =
        row.x0 > left + h * 2 &&
        right - row.x1 > h * 2 &&
        Math.abs((row.x0 + row.x1) / 2 - (left + right) / 2) < h * 2;
      if (isCentred) {
        open = null;
        if (!centredRun) {
          centredRun = { lines: [] };
          blocks.push(centredRun);
        }
        centredRun.lines.push({ text, confidences });
        i++;
        continue;
      }
      centredRun = null;
      const current = open as { block: Block; lastRow: Row; right: number; left: number } | null;
      let continues = false;
      if (current) {
        const prev = current.lastRow;
        const samePage = body.indexOf(prev) >= 0;
        const indented = row.x0 > left + h * 0.8;
        const firstWord = (text.split(" ")[0] ?? "").length;
        const charWidth = (row.x1 - row.x0) / Math.max(text.length, 1);
        const prevShort = current.right - prev.x1 > (firstWord + 1) * charWidth + h * 0.6;
        const bigGap = samePage && pitch > 0 && row.y0 - prev.y0 > pitch * 1.45;
        // After a finished sentence, a list marker opens a new paragraph (unindented lists, page breaks).
        const listAfterSentence =
          /[.:;!?]$/.test(current.block.lines[0]?.text ?? "") && LIST_MARKER.test(text);
        continues = !indented && !prevShort && !bigGap && !listAfterSentence;
      }
      if (continues && current) {
        const line = current.block.lines[0] as { text: string; confidences: number[] };
        line.text = joinLines(line.text, text);
        line.confidences.push(...confidences);
        current.lastRow = row;
      } else {
        const block: Block = { lines: [{ text, confidences }] };
        blocks.push(block);
        open = { block, lastRow: row, right, left };
      }
      i++;
    }
    for (const block of footnotes) notes.push({ block, after: blocks.length });
  });
  placeFootnotes(blocks, notes);

  const lines: string[] = [];
  const confidence: Array<LineConfidence | null> = [];
  for (const block of blocks) {
    if (block.lines.length === 0) continue;
    if (lines.length > 0) {
      lines.push("");
      confidence.push(null);
    }
    for (const line of block.lines) {
      // "I.MỤC TIÊU" (OCR drops the space after a heading number) reads as the heading it is.
      lines.push(
        line.text
          .replace(/\s+/g, " ")
          .trim()
          .replace(/^([IVXLC]{1,6}|\d{1,3})\.(?=\p{Lu})/u, "$1. "),
      );
      confidence.push(
        line.confidences.length > 0
          ? {
              mean: Math.round(line.confidences.reduce((a, c) => a + c, 0) / line.confidences.length),
              min: Math.round(Math.min(...line.confidences)),
            }
          : null,
      );
    }
  }
  return { text: lines.join("\n"), confidence };
}

/** A row that stands well below the rows above it, or the document type in capitals: the title under the header. */
function afterGap(rows: Row[], index: number): boolean {
  const row = rows[index] as Row;
  if (DOCUMENT_TYPE.test(rowText(row))) return true;
  const above = Math.max(...rows.slice(Math.max(0, index - 3), index).map((r) => r.y1));
  return row.y0 - above > row.h * 1.2;
}

function crossesCentre(row: Row, centre: number): boolean {
  return row.segments.some((s) => s.x0 < centre - 4 && s.x1 > centre + 4);
}

function isTwoSided(row: Row, centre: number): boolean {
  if (crossesCentre(row, centre)) return false;
  return row.segments.some((s) => s.x1 <= centre) && row.segments.some((s) => s.x0 >= centre);
}

/** A two-column block read as its table: the left column's lines and the right column's. */
function splitColumns(rows: Row[], centre: number): [Block["lines"], Block["lines"]] {
  const leftLines: Block["lines"] = [];
  const rightLines: Block["lines"] = [];
  const piece = (segs: Segment[]) => ({
    text: segs.map((s) => s.text).join(" "),
    confidences: segs.flatMap((s) => s.confidences),
  });
  for (const row of rows) {
    const l = row.segments.filter((s) => s.x1 <= centre);
    const r = row.segments.filter((s) => s.x1 > centre);
    if (l.length > 0) leftLines.push(piece(l));
    if (r.length > 0) rightLines.push(piece(r));
  }
  return [leftLines, rightLines];
}

/**
 * Puts each footnote body right after the paragraph that carries its mark (as a Word document's text is
 * read); a body whose mark is found nowhere stays after the page it was printed on.
 */
function placeFootnotes(blocks: Block[], notes: Array<{ block: Block; after: number }>): void {
  const placed: Array<{ block: Block; at: number }> = notes.map((note) => {
    const mark = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/u.exec(note.block.lines[0]?.text ?? "")?.[1];
    if (mark) {
      const cites = new RegExp(`${mark}(?![⁰¹²³⁴⁵⁶⁷⁸⁹])`, "u");
      const at = blocks.findIndex((b) => b.lines.some((l) => cites.test(l.text) && !l.text.startsWith(mark)));
      if (at >= 0) return { block: note.block, at: at + 1 };
    }
    return { block: note.block, at: note.after };
  });
  // Insert from the end so earlier positions stay valid; notes for one place keep their order.
  placed
    .map((p, order) => ({ ...p, order }))
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .forEach((p) => {
      blocks.splice(p.at, 0, p.block);
    });
}
