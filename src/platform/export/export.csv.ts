import { type CellValue, cellValue, type ExportColumn } from "./export.columns.js";

/** Options of CSV export. */
export interface CsvOptions {
  /** Field separator (default ","). Some Excel locales expect ";". */
  delimiter?: string;
  /** Prepend a UTF-8 byte-order mark so Excel reads Vietnamese correctly (default true). */
  bom?: boolean;
}

const NEEDS_GUARD = /^[=+\-@\t\r]/;

/**
 * Rows as CSV text (RFC 4180: CRLF line ends, fields with the delimiter, quotes or line breaks quoted,
 * quotes doubled), with a UTF-8 BOM for Excel. Text cells starting with = + - @ (or tab/CR) get a
 * leading `'` so spreadsheet programs never run them as formulas (CSV injection).
 *
 * @example toCsv(tasks, [{ header: "Mã", value: (t) => t.ref }, { header: "Nhiệm vụ", value: (t) => t.text }])
 */
export function toCsv<Row>(
  rows: readonly Row[],
  columns: readonly ExportColumn<Row>[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ",";
  const lines = [columns.map((c) => field(c.header, delimiter)).join(delimiter)];
  for (const row of rows) lines.push(columns.map((c) => field(cellValue(c, row), delimiter)).join(delimiter));
  return `${options.bom === false ? "" : "\uFEFF"}${lines.join("\r\n")}\r\n`;
}

/** One CSV field, guarded and quoted as needed. */
export function csvField(value: CellValue, delimiter = ","): string {
  return field(value, delimiter);
}

function field(value: CellValue, delimiter: string): string {
  if (value === null || value === undefined) return "";
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (typeof value === "string") text = NEEDS_GUARD.test(value) ? `'${value}` : value;
  else text = String(value);
  const mustQuote =
    text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r");
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}
