/**
 * Every list in Hải Đăng exports the same way: a list of columns (header + value function) applied
 * to rows, written as CSV (UTF-8 with BOM so Excel reads Vietnamese) or XLSX (exceljs).
 *
 * @example
 * toCsv(units, [{ header: "Tên", value: (u) => u.name }])
 */
import ExcelJS from "exceljs";

export interface TableColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
  /** Column width in characters (XLSX). */
  width?: number;
}

// A cell starting with one of these is a formula to a spreadsheet: neutralise it (CSV/formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function safeText(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return typeof v === "string" && FORMULA_START.test(s) ? `'${s}` : s;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM and CRLF line ends. */
export function toCsv<T>(rows: Iterable<T>, columns: TableColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(safeText(c.value(row)))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** One-sheet workbook: bold frozen header, widths, wrapped text. */
export async function toXlsx<T>(
  rows: Iterable<T>,
  columns: TableColumn<T>[],
  options: { sheetName?: string } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Hải Đăng";
  const sheet = workbook.addWorksheet((options.sheetName ?? "Sheet1").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        return typeof v === "number" ? v : safeText(v);
      }),
    );
  }
  sheet.eachRow((r) => {
    r.alignment = { vertical: "top", wrapText: true };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
