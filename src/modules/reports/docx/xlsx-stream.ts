/**
 * A report's annex written with ExcelJS's streaming writer: rows go to the zip as they are added
 * (compressed by Node's zlib, not by a JavaScript deflate), and every cell of a kind shares one style
 * object, so the style table is looked up once per kind instead of once per cell. Thousands of
 * register rows cost tens of milliseconds instead of most of a second.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { cellValue, type ExportColumn } from "../../../platform/export/export.columns.js";
import { safeSheetName } from "../../../platform/export/export.xlsx.js";

/** Printed A4 landscape, fitted to the page width. */
export const A4_LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: "landscape",
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };

/** A workbook being written; `finish` commits it and answers its bytes. */
export interface StreamWorkbook {
  wb: ExcelJS.Workbook;
  /** Sheet names taken so far (Excel refuses two sheets of one name). */
  uniqueName(name: string): string;
  finish(): Promise<Buffer>;
}

export function createStreamWorkbook(): StreamWorkbook {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  writer.creator = "Hải Đăng";
  const taken = new Set<string>();
  return {
    wb: writer,
    uniqueName(wanted) {
      let name = safeSheetName(wanted);
      for (let i = 2; taken.has(name); i++) name = safeSheetName(`${wanted.slice(0, 27)} (${i})`);
      taken.add(name);
      return name;
    },
    async finish() {
      await writer.commit();
      await done;
      return Buffer.concat(chunks);
    },
  };
}

/** A table sheet: bold title rows, a blank row, a bold frozen header with an auto-filter, the rows. */
export interface TableSheet<Row> {
  name: string;
  titleLines: readonly string[];
  columns: readonly ExportColumn<Row>[];
  rows: Iterable<Row>;
  /** Font of every row (e.g. Times New Roman 12 for the task annex); ExcelJS's default when absent. */
  font?: Partial<ExcelJS.Font>;
  /** Widths of columns right of the table's, for rows the caller adds below it. */
  moreWidths?: readonly number[];
}

/**
 * Writes a table sheet: what `addTable` (platform/export) writes, with the header's row number known
 * before the rows (a streamed sheet's frozen pane is written first). Returns the sheet, not yet
 * committed, for sheets that add more rows below: call `ws.commit()` when done.
 */
export function writeTableSheet<Row>(
  book: StreamWorkbook,
  sheet: TableSheet<Row>,
): { ws: ExcelJS.Worksheet; headerRow: number } {
  const { columns, titleLines, font } = sheet;
  const headerRow = titleLines.length + (titleLines.length > 0 ? 1 : 0) + 1;
  const ws = book.wb.addWorksheet(book.uniqueName(sheet.name), {
    pageSetup: { ...A4_LANDSCAPE, printTitlesRow: `${headerRow}:${headerRow}` },
    views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }],
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2));
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  sheet.moreWidths?.forEach((w, i) => {
    ws.getColumn(columns.length + i + 1).width = w;
  });
  const titleStyle: Partial<ExcelJS.Style> = {
    font: { ...font, bold: true, size: 13 },
    alignment: { horizontal: "center" },
  };
  for (const t of titleLines) {
    const r = ws.addRow([t]);
    if (columns.length > 1) ws.mergeCells(r.number, 1, r.number, columns.length);
    styleRow(r, columns.length, () => titleStyle);
    r.commit();
  }
  if (titleLines.length > 0) ws.addRow([]).commit();
  const headerStyle: Partial<ExcelJS.Style> = {
    font: { ...font, bold: true },
    alignment: { vertical: "middle", horizontal: "center", wrapText: true },
    fill: HEADER_FILL,
    border: { bottom: { style: "thin" } },
  };
  const header = ws.addRow(columns.map((c) => c.header));
  styleRow(header, columns.length, () => headerStyle);
  header.commit();
  const bodyStyles: Partial<ExcelJS.Style>[] = columns.map((c) => ({
    alignment: { vertical: "top", wrapText: true },
    ...(font && { font }),
    ...(c.numFmt && { numFmt: c.numFmt }),
  }));
  for (const row of sheet.rows) {
    const r = ws.addRow(columns.map((c) => cellValue(c, row) ?? null));
    styleRow(r, columns.length, (i) => bodyStyles[i] as Partial<ExcelJS.Style>);
    r.commit();
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columns.length } };
  return { ws, headerRow };
}

/** Gives the row's first `count` cells one shared style object each (ExcelJS caches styles by object). */
export function styleRow(row: ExcelJS.Row, count: number, style: (index: number) => Partial<ExcelJS.Style>) {
  for (let i = 0; i < count; i++) row.getCell(i + 1).style = style(i);
}
