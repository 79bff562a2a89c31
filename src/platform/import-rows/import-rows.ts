/**
 * Reading a register's rows from an XLSX file someone filled in by hand, with a report per row:
 * the first sheet's header row is matched to the register's columns (by header text, accents and case
 * ignored, or by alias), each following non-empty row becomes a record of cell texts, and each record is
 * validated by the register's Zod schema. Nothing is written here: the caller inserts every row in one
 * transaction only when the report has no error, so a bad file never leaves half an import behind.
 *
 * The file is checked before ExcelJS opens it: it must be a zip whose entries inflate (really, counted
 * as they stream) to at most `maxUncompressedBytes`, so a zip bomb is refused without being expanded.
 */
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import type { z } from "zod";
import { foldVietnamese } from "../../shared/text/fold.js";
import { defineError } from "../errors.js";

export interface ImportColumn {
  /** The field the value goes to. */
  key: string;
  /** The header as the register's own export writes it, e.g. "Quốc gia". */
  header: string;
  /** Other headers accepted for the column, e.g. ["Nước"]. */
  aliases?: readonly string[];
  required?: boolean;
}

/** One problem of one row (row numbers as Excel shows them). */
export interface RowProblem {
  row: number;
  column: string | null;
  code: string;
  message: { vi: string; en: string };
}

export interface ImportReport<T> {
  /** Rows that passed, with their Excel row number. */
  rows: { row: number; value: T }[];
  problems: RowProblem[];
}

export interface ImportRowsLimits {
  maxRows: number;
  maxUncompressedBytes: number;
}

const DEFAULT_LIMITS: ImportRowsLimits = { maxRows: 5_000, maxUncompressedBytes: 50 * 1024 * 1024 };

export const importRowsErrors = {
  notXlsx: defineError({
    code: "import_rows_not_xlsx",
    status: 400,
    vi: "Tệp không phải bảng tính Excel (.xlsx) đọc được",
    en: "The file is not a readable Excel workbook (.xlsx)",
  }),
  tooLarge: defineError({
    code: "import_rows_too_large",
    status: 400,
    vi: "Bảng tính quá lớn khi giải nén (nghi tệp nén độc hại); hãy chia nhỏ tệp",
    en: "The workbook is too large once unzipped (a possible zip bomb); split the file",
  }),
  tooManyRows: defineError({
    code: "import_rows_too_many",
    status: 400,
    vi: "Bảng tính có quá nhiều dòng cho một lần nhập",
    en: "The sheet has too many rows for one import",
  }),
  missingColumns: defineError({
    code: "import_rows_missing_columns",
    status: 400,
    vi: "Bảng tính thiếu cột bắt buộc",
    en: "The sheet lacks required columns",
  }),
  invalid: defineError({
    code: "import_rows_invalid",
    status: 400,
    vi: "Có dòng không hợp lệ; chưa nhập dòng nào. Sửa các dòng được nêu rồi nhập lại",
    en: "Some rows are invalid; nothing was imported. Fix the rows listed and import again",
  }),
};

/** Inflates every entry, counting bytes, and refuses past the budget (declared sizes are not trusted). */
async function assertZipWithinBudget(bytes: Buffer, budget: number): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) =>
      err || !z ? reject(importRowsErrors.notXlsx({ cause: err })) : resolve(z),
    ),
  );
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", (err: unknown) => reject(importRowsErrors.notXlsx({ cause: err })));
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith("/")) return zip.readEntry();
        if (total + entry.uncompressedSize > budget) return reject(importRowsErrors.tooLarge());
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(importRowsErrors.notXlsx({ cause: err }));
          stream.on("data", (chunk: Buffer) => {
            total += chunk.length;
            if (total > budget) {
              stream.destroy();
              reject(importRowsErrors.tooLarge());
            }
          });
          stream.on("error", (e) => reject(importRowsErrors.notXlsx({ cause: e })));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

const normalise = (s: string) => foldVietnamese(s).replace(/\s+/g, " ").trim().toLowerCase();

/** A cell as text: dates as YYYY-MM-DD, numbers as they are, rich text and formulas by their value. */
function cellText(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return v.trim() === "" ? null : v.trim().normalize("NFC");
  if (typeof v === "object") {
    if ("result" in v) {
      const r = v.result;
      if (r instanceof Date) return r.toISOString().slice(0, 10);
      return r === undefined || r === null || typeof r === "object" ? null : (r as string | number);
    }
    if ("richText" in v)
      return (
        v.richText
          .map((p) => p.text)
          .join("")
          .trim()
          .normalize("NFC") || null
      );
    if ("text" in v) return String(v.text).trim().normalize("NFC") || null;
  }
  return null;
}

/**
 * Reads and validates the rows of an uploaded sheet. Throws only for a file that cannot be read at all
 * (not a workbook, too large, missing required columns); row problems come back in the report.
 */
export async function readSheetRows<T>(
  bytes: Buffer,
  columns: readonly ImportColumn[],
  schema: z.ZodType<T>,
  limits: Partial<ImportRowsLimits> = {},
): Promise<ImportReport<T>> {
  const { maxRows, maxUncompressedBytes } = { ...DEFAULT_LIMITS, ...limits };
  await assertZipWithinBudget(bytes, maxUncompressedBytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw importRowsErrors.notXlsx({ cause: err });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw importRowsErrors.notXlsx();
  if (ws.actualRowCount > maxRows + 20) throw importRowsErrors.tooManyRows({ meta: { maxRows } });

  // The header row: the first row within the top 10 that names at least one known column.
  const wanted = new Map<string, ImportColumn>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) wanted.set(normalise(h), c);
  let headerRow = 0;
  const at = new Map<string, number>();
  for (let r = 1; r <= Math.min(10, ws.rowCount) && headerRow === 0; r++) {
    ws.getRow(r).eachCell((cell, col) => {
      const text = cellText(cell);
      const c = typeof text === "string" ? wanted.get(normalise(text)) : undefined;
      if (c && !at.has(c.key)) at.set(c.key, col);
    });
    if (at.size > 0) headerRow = r;
  }
  const missing = columns.filter((c) => c.required && !at.has(c.key)).map((c) => c.header);
  if (headerRow === 0 || missing.length > 0)
    throw importRowsErrors.missingColumns({
      vi: `Bảng tính thiếu cột bắt buộc: ${(missing.length ? missing : columns.map((c) => c.header)).join(", ")}`,
      en: `The sheet lacks required columns: ${(missing.length ? missing : columns.map((c) => c.header)).join(", ")}`,
    });

  const report: ImportReport<T> = { rows: [], problems: [] };
  let count = 0;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const record: Record<string, string | number | null> = {};
    let empty = true;
    for (const c of columns) {
      const col = at.get(c.key);
      const value = col ? cellText(row.getCell(col)) : null;
      if (value !== null) empty = false;
      record[c.key] = value;
    }
    if (empty) continue;
    if (++count > maxRows) throw importRowsErrors.tooManyRows({ meta: { maxRows } });
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      report.rows.push({ row: r, value: parsed.data });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      const column = columns.find((c) => c.key === key)?.header ?? null;
      // An empty cell where a value is needed reads better as "chưa điền" than as Zod's type message.
      const empty = issue.code === "invalid_type" && (record[key] ?? null) === null;
      report.problems.push({
        row: r,
        column,
        code: empty ? "required" : issue.code,
        message: {
          vi: `Dòng ${r}${column ? `, cột "${column}"` : ""}: ${empty ? "chưa điền" : issue.message}`,
          en: `Row ${r}${column ? `, column "${column}"` : ""}: ${empty ? "missing" : issue.message}`,
        },
      });
    }
  }
  return report;
}

/**
 * Throws `import_rows_invalid` with the per-row report when any row failed (nothing is written), or
 * returns the values to insert, in sheet order.
 */
export function assertNoProblems<T>(report: ImportReport<T>): T[] {
  if (report.problems.length > 0)
    throw importRowsErrors.invalid({
      details: report.problems
        .slice(0, 500)
        .map((p) => ({ path: `row ${p.row}${p.column ? ` / ${p.column}` : ""}`, message: p.message.vi })),
      meta: { problems: report.problems.length },
    });
  return report.rows.map((r) => r.value);
}
