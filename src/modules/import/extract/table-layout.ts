/**
 * Task tables in a PDF (Bảng phân công nhiệm vụ): rebuilt from word positions as the `| a | b |` rows the
 * .docx reader writes, so the parser reads a table the same way from either file.
 *
 * A table is recognised by its header row: a number column (TT, STT) and at least two column titles a
 * programme uses (nội dung, chủ trì, phối hợp, thời gian…). Column borders are the gutters (x ranges no
 * word covers) between the titles, measured over the header and the rows below it; a table row starts at
 * each number in the first column, and lines without one continue the cells above (wrapped cell text).
 * The table ends at a line that crosses a border, a heading, or a wide vertical gap. A table that runs
 * onto the next page continues there (a repeated header is skipped).
 */
import { foldVietnamese } from "../../../shared/text/fold.js";

/** What the layout needs of a word and of a row. */
export interface TableWord {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface TableRowInput {
  words: TableWord[];
  y0: number;
  y1: number;
  h: number;
}

/** Columns found for a table, kept to continue it on the next page. */
export interface TableColumns {
  borders: number[];
  left: number;
  right: number;
}

const NUMBER_TITLE = /^(?:s?tt|so tt|so thu tu)$/;
const COLUMN_TITLE =
  /(?:noi dung|nhiem vu|cong viec|chu tri|phoi hop|thoi gian|thoi han|tien do|don vi|co quan|ghi chu|chi dao|san pham|ket qua|thuc hien)/;
const ROW_NUMBER = /^\d{1,3}[.)]?$/;
const ENDS_TABLE = /^(?:[ivxlc]{1,6}\.\s|noi nhan)/;

const centreOf = (w: TableWord) => (w.x0 + w.x1) / 2;

/** Header cells: words grouped where the gap is wider than a space. */
function headerCells(row: TableRowInput): TableWord[] {
  const words = [...row.words].sort((a, b) => a.x0 - b.x0);
  const cells: TableWord[] = [];
  for (const w of words) {
    const last = cells.at(-1);
    if (last && w.x0 - last.x1 < row.h * 0.9) {
      last.text += w.x0 - last.x1 < row.h * 0.1 ? w.text : ` ${w.text}`;
      last.x1 = Math.max(last.x1, w.x1);
    } else cells.push({ ...w });
  }
  return cells;
}

/** The header's cells when the row is a task table's header, else null. */
export function tableHeader(row: TableRowInput): TableWord[] | null {
  const cells = headerCells(row);
  if (cells.length < 3) return null;
  const titles = cells.map((c) => foldVietnamese(c.text).trim());
  if (!NUMBER_TITLE.test(titles[0] ?? "")) return null;
  return titles.slice(1).filter((t) => COLUMN_TITLE.test(t)).length >= 2 ? cells : null;
}

/** Gutters between consecutive header cells, over every word of the rows: the column borders. */
function findBorders(header: TableWord[], rows: TableRowInput[]): number[] | null {
  const words = rows.flatMap((r) => r.words);
  const borders: number[] = [];
  for (let i = 0; i + 1 < header.length; i++) {
    const from = Math.floor(centreOf(header[i] as TableWord));
    const to = Math.ceil(centreOf(header[i + 1] as TableWord));
    const covered = new Uint8Array(Math.max(0, to - from));
    for (const w of words) {
      for (let x = Math.max(from, Math.floor(w.x0)); x < Math.min(to, Math.ceil(w.x1)); x++)
        covered[x - from] = 1;
    }
    let best = { start: -1, length: 0 };
    let run = { start: -1, length: 0 };
    covered.forEach((c, x) => {
      if (c) run = { start: -1, length: 0 };
      else {
        run = run.start < 0 ? { start: x, length: 1 } : { start: run.start, length: run.length + 1 };
        if (run.length > best.length) best = { ...run };
      }
    });
    if (best.length < 2) return null;
    borders.push(from + best.start + best.length / 2);
  }
  return borders;
}

const columnOf = (w: TableWord, borders: number[]) => {
  const c = centreOf(w);
  const i = borders.findIndex((b) => c < b);
  return i < 0 ? borders.length : i;
};

const crossesBorder = (row: TableRowInput, borders: number[]) =>
  row.words.some((w) => borders.some((b) => w.x0 < b - 1 && w.x1 > b + 1));

/** Width of the first word of a line (pieces drawn without a space between them are one word). */
function firstWordWidth(words: TableWord[], h: number): number {
  const first = words[0];
  if (!first) return 0;
  let x1 = first.x1;
  for (const w of words.slice(1)) {
    if (w.x0 - x1 >= h * 0.1) break;
    x1 = Math.max(x1, w.x1);
  }
  return x1 - first.x0;
}

/** Text of a row's words, left to right, glued where no space was drawn. */
function textOf(words: TableWord[], h: number): string {
  let out = "";
  let last: TableWord | null = null;
  for (const w of [...words].sort((a, b) => a.x0 - b.x0)) {
    out += last && w.x0 - last.x1 >= h * 0.1 ? ` ${w.text}` : w.text;
    last = w;
  }
  return out;
}

export interface TableRead {
  /** `| a | b |` lines: the header first unless the table continues one from the page before. */
  lines: string[];
  /** Index of the first row after the table. */
  end: number;
  columns: TableColumns;
}

/**
 * Reads the table whose header is `rows[start]` (or, with `continuing`, the rows of a table begun on the
 * page before), or returns null when the rows do not hold a table.
 */
export function readTable(
  rows: TableRowInput[],
  start: number,
  joinCell: (a: string, b: string) => string,
  continuing: TableColumns | null = null,
): TableRead | null {
  const header = continuing ? null : tableHeader(rows[start] as TableRowInput);
  if (!continuing && !header) return null;
  // The rows the table may span: up to a heading, a wide gap, or the end of the page.
  let end = start + (header ? 1 : 0);
  while (end < rows.length) {
    const row = rows[end] as TableRowInput;
    const prev = rows[end - 1];
    if (prev && end > start && row.y0 - prev.y1 > row.h * 2.5) break;
    if (ENDS_TABLE.test(foldVietnamese(textOf(row.words, row.h)))) break;
    end++;
  }
  const region = rows.slice(start, end);
  const borders = continuing?.borders ?? findBorders(header as TableWord[], region);
  if (!borders) return null;
  const columns = borders.length + 1;
  const cells: string[][] = [];
  // Right end of each cell's last line in the current row: a paragraph break inside a cell leaves the
  // line short (the next word would have fitted), a wrap does not.
  let lineEnds: number[] = [];
  const tableRight = Math.max(...region.flatMap((r) => r.words.map((w) => w.x1)));
  const cellRight = (i: number) => borders[i] ?? tableRight;
  const headerTexts = header ? header.map((c) => c.text) : null;
  let last = start + (header ? 1 : 0);
  for (; last < end; last++) {
    const row = rows[last] as TableRowInput;
    if (crossesBorder(row, borders)) break;
    const byColumn: TableWord[][] = Array.from({ length: columns }, () => []);
    for (const w of row.words) byColumn[columnOf(w, borders)]?.push(w);
    for (const ws of byColumn) ws.sort((a, b) => a.x0 - b.x0);
    const texts = byColumn.map((ws) => textOf(ws, row.h));
    const ends = byColumn.map((ws) => Math.max(...ws.map((w) => w.x1)));
    if (continuing && last === start && tableHeader(row)) continue; // the header repeated on a new page
    const opensRow = ROW_NUMBER.test(texts[0] ?? "");
    const current = cells.at(-1);
    if (opensRow || !current) {
      if (!opensRow && !continuing && headerTexts) {
        // A second line of the header (a title wrapped in its cell).
        texts.forEach((t, i) => {
          if (t) headerTexts[i] = joinCell(headerTexts[i] ?? "", t);
        });
        continue;
      }
      // "1." and "1" number a row alike.
      cells.push(opensRow ? [(texts[0] ?? "").replace(/[.)]$/, ""), ...texts.slice(1)] : texts);
      lineEnds = ends;
    } else {
      texts.forEach((t, i) => {
        if (!t) return;
        const firstWord = firstWordWidth(byColumn[i] ?? [], row.h);
        // Only a capitalised line opens a new paragraph (a name, a unit); lower case continues a sentence.
        const fitted =
          /^\p{Lu}/u.test(t) && (lineEnds[i] ?? 0) + row.h * 0.3 + firstWord < cellRight(i) - row.h * 0.3;
        current[i] = !current[i] ? t : fitted ? `${current[i]}<br>${t}` : joinCell(current[i] as string, t);
        lineEnds[i] = ends[i] ?? 0;
      });
    }
  }
  if (cells.length === 0) return null;
  const line = (values: string[]) => `| ${values.map((v) => v.replace(/\|/g, "/").trim()).join(" | ")} |`;
  const left = Math.min(...region.flatMap((r) => r.words.map((w) => w.x0)));
  const right = Math.max(...region.flatMap((r) => r.words.map((w) => w.x1)));
  return {
    lines: [...(headerTexts ? [line(headerTexts)] : []), ...cells.map(line)],
    end: last,
    columns: { borders, left, right },
  };
}
