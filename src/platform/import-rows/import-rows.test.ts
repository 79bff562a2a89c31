/**
 * Importing a register from a spreadsheet filled in by hand: headers found whatever their accents and
 * case, every bad row reported with its Excel row number, and files that are not workbooks or that
 * inflate past the budget (zip bombs, even with lying size headers) refused before ExcelJS reads them.
 */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors.js";
import { assertNoProblems, type ImportColumn, readSheetRows } from "./import-rows.js";

const COLUMNS: ImportColumn[] = [
  { key: "name", header: "Tên đối tác", required: true },
  { key: "country", header: "Quốc gia", aliases: ["Nước"], required: true },
  { key: "signedOn", header: "Ngày ký" },
];

const Row = z.object({
  name: z.string().min(1, "Thiếu tên đối tác"),
  country: z.string().regex(/^[A-Z]{2}$/, "Mã quốc gia gồm 2 chữ cái in hoa"),
  signedOn: z.iso.date().nullable(),
});

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Đối tác");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A one-entry zip (stored with a deflated body) whose central directory may lie about the size. */
function zipOf(name: string, content: Buffer, declaredSize = content.length): Buffer {
  const body = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, body, central, nameBytes, end]);
}

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => "no error",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe("readSheetRows", () => {
  it("finds the header row by text, whatever its accents, and reads every filled row", async () => {
    const bytes = await workbook([
      ["DANH SÁCH ĐỐI TÁC"],
      [],
      ["STT", "TÊN ĐỐI TÁC", "nuoc", "Ngay ky"],
      [1, "Thành phố Kitakyushu", "JP", new Date(Date.UTC(2024, 3, 12))],
      [],
      [2, "  Thành phố Thiên Tân  ", "CN", null],
    ]);
    const report = await readSheetRows(bytes, COLUMNS, Row);
    expect(report.problems).toEqual([]);
    expect(assertNoProblems(report)).toEqual([
      { name: "Thành phố Kitakyushu", country: "JP", signedOn: "2024-04-12" },
      { name: "Thành phố Thiên Tân", country: "CN", signedOn: null },
    ]);
  });

  it("reports every bad row with its Excel row number and column, and imports nothing", async () => {
    const bytes = await workbook([
      ["Tên đối tác", "Quốc gia", "Ngày ký"],
      ["Thành phố Incheon", "KR", "2024-02-01"],
      ["", "Hàn Quốc", "01/02/2024"],
      ["Tỉnh Quảng Tây", "CN", "2024-13-40"],
    ]);
    const report = await readSheetRows(bytes, COLUMNS, Row);
    expect(report.rows.map((r) => r.row)).toEqual([2]);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "Tên đối tác"],
      [3, "Quốc gia"],
      [3, "Ngày ký"],
      [4, "Ngày ký"],
    ]);
    expect(report.problems[0]?.message.vi).toBe('Dòng 3, cột "Tên đối tác": chưa điền');
    expect(report.problems[1]?.message.vi).toBe('Dòng 3, cột "Quốc gia": Mã quốc gia gồm 2 chữ cái in hoa');
    expect(() => assertNoProblems(report)).toThrow(expect.objectContaining({ code: "import_rows_invalid" }));
  });

  it("refuses a sheet without a required column, naming it", async () => {
    const bytes = await workbook([
      ["Tên đối tác", "Ngày ký"],
      ["Thành phố Rostov", "2024-01-01"],
    ]);
    await expect(readSheetRows(bytes, COLUMNS, Row)).rejects.toMatchObject({
      code: "import_rows_missing_columns",
      messageVi: expect.stringContaining("Quốc gia"),
    });
  });

  it("refuses what is not a workbook, too many rows, and zip bombs even when their headers lie", async () => {
    expect(await codeOf(readSheetRows(Buffer.from("Tên đối tác,Quốc gia\n"), COLUMNS, Row))).toBe(
      "import_rows_not_xlsx",
    );
    const honest = zipOf("xl/worksheets/sheet1.xml", Buffer.alloc(3 * 1024 * 1024));
    expect(await codeOf(readSheetRows(honest, COLUMNS, Row, { maxUncompressedBytes: 1024 * 1024 }))).toBe(
      "import_rows_too_large",
    );
    const lying = zipOf("xl/worksheets/sheet1.xml", Buffer.alloc(3 * 1024 * 1024), 100);
    expect(await codeOf(readSheetRows(lying, COLUMNS, Row, { maxUncompressedBytes: 1024 * 1024 }))).toMatch(
      /^import_rows_(too_large|not_xlsx)$/,
    );
    const many = await workbook([
      ["Tên đối tác", "Quốc gia"],
      ...Array.from({ length: 30 }, (_, i) => [`Đối tác ${i}`, "JP"]),
    ]);
    expect(await codeOf(readSheetRows(many, COLUMNS, Row, { maxRows: 5 }))).toBe("import_rows_too_many");
  });
});
