import type ExcelJS from "exceljs";
import { cellValue, type ExportColumn } from "./export.columns.js";

/**
 * exceljs weighs ~30 MB and a third of a second to load: it is loaded on the first export, not when
 * the server starts. Every module that writes a workbook gets it here.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import("exceljs")).default;
}

/** Options of XLSX export. */
export interface XlsxOptions {
  /** Worksheet name (≤ 31 characters; default "Danh sách"). */
  sheetName?: string;
  /** Title rows printed above the header (bold), e.g. "DANH SÁCH NHIỆM VỤ QUÁ HẠN". */
  titleLines?: readonly string[];
}

/**
 * Rows as an .xlsx workbook: optional title rows, a bold, frozen header row with an auto-filter,
 * column widths, wrapped text. Text cells are stored as text, never as formulas.
 *
 * @example const buffer = await toXlsx(tasks, columns, { sheetName: "Nhiệm vụ" });
 */
export async function toXlsx<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  options: XlsxOptions = {},
): Promise<Buffer> {
  const { Workbook } = await loadExcel();
  const wb = new Workbook();
  wb.creator = "Hải Đăng";
  wb.created = new Date(0);
  const ws = wb.addWorksheet(safeSheetName(options.sheetName ?? "Danh sách"));
  addTable(ws, rows, columns, options.titleLines ?? []);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes title rows, the header and the rows into a worksheet; returns the header's row number. */
export function addTable<Row>(
  ws: ExcelJS.Worksheet,
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  titleLines: readonly string[],
): number {
  for (const t of titleLines) {
    const r = ws.addRow([t]);
    r.font = { bold: true, size: 13 };
    if (columns.length > 1) ws.mergeCells(r.number, 1, r.number, columns.length);
    r.alignment = { horizontal: "center" };
  }
  if (titleLines.length > 0) ws.addRow([]);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7EEF7" } };
    cell.border = { bottom: { style: "thin" } };
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2));
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  for (const row of rows) {
    const r = ws.addRow(columns.map((c) => cellValue(c, row) ?? null));
    r.alignment = { vertical: "top", wrapText: true };
  }
  ws.views = [{ state: "frozen", ySplit: header.number, xSplit: 0 }];
  ws.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: header.number, column: columns.length },
  };
  return header.number;
}

/** Excel forbids : \ / ? * [ ] in sheet names and limits them to 31 characters. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Sheet1";
}
