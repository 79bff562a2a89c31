import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ExportColumn } from "./export.columns.js";
import { csvField, toCsv } from "./export.csv.js";
import { toXlsx } from "./export.xlsx.js";

interface Task {
  ref: string;
  text: string;
  leads: string[];
  progress: number;
}

const columns: ExportColumn<Task>[] = [
  { header: "Mã", value: (t) => t.ref, width: 8 },
  { header: "Nhiệm vụ", value: (t) => t.text, width: 50 },
  { header: "Chủ trì", value: (t) => t.leads },
  { header: "Tiến độ (%)", value: (t) => t.progress },
];

const tasks: Task[] = [
  { ref: "II.7", text: "Tuyên truyền, quảng bá thành phố", leads: ["Trần Thị Hoàng Mai"], progress: 100 },
  {
    ref: "II.13",
    text: 'Đổi mới "phương thức", nội dung\ntuyên truyền',
    leads: ["Phạm Văn Tuấn", "Đào Văn Hoàn"],
    progress: -5,
  },
  { ref: '=HYPERLINK("http://x")', text: "@SUM(A1)", leads: ["+84 225", "-1"], progress: 0 },
];

describe("toCsv", () => {
  const csv = toCsv(tasks, columns);

  it("starts with a UTF-8 BOM and ends rows with CRLF", () => {
    expect(csv.startsWith("\uFEFFMã,Nhiệm vụ,Chủ trì,Tiến độ (%)\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(toCsv([], columns, { bom: false })).toBe("Mã,Nhiệm vụ,Chủ trì,Tiến độ (%)\r\n");
  });

  it("quotes fields with delimiters, quotes and line breaks (RFC 4180) and joins arrays", () => {
    expect(csv).toContain('II.7,"Tuyên truyền, quảng bá thành phố",Trần Thị Hoàng Mai,100\r\n');
    expect(csv).toContain(
      'II.13,"Đổi mới ""phương thức"", nội dung\ntuyên truyền",Phạm Văn Tuấn; Đào Văn Hoàn,-5\r\n',
    );
  });

  it("guards text cells that a spreadsheet would run as formulas, not numbers", () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",'@SUM(A1),'+84 225; -1,0`);
    expect(csvField("-1")).toBe("'-1");
    expect(csvField(-1)).toBe("-1");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField(null)).toBe("");
  });

  it("supports another delimiter", () => {
    expect(toCsv([tasks[0] as Task], columns, { delimiter: ";", bom: false }).split("\r\n")[1]).toBe(
      "II.7;Tuyên truyền, quảng bá thành phố;Trần Thị Hoàng Mai;100",
    );
  });
});

describe("toXlsx", () => {
  it("writes a bold frozen header, widths, wrapped text and typed cells", async () => {
    const buffer = await toXlsx(tasks, columns, {
      sheetName: "Nhiệm vụ: 2024/Q2",
      titleLines: ["DANH SÁCH NHIỆM VỤ"],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.name).toBe("Nhiệm vụ  2024 Q2");
    expect(ws.getCell("A1").value).toBe("DANH SÁCH NHIỆM VỤ");
    const header = ws.getRow(3);
    expect(header.getCell(2).value).toBe("Nhiệm vụ");
    expect(header.getCell(2).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getColumn(2).width).toBe(50);
    expect(ws.getRow(5).getCell(3).value).toBe("Phạm Văn Tuấn; Đào Văn Hoàn");
    expect(ws.getRow(5).getCell(2).alignment?.wrapText).toBe(true);
    expect(ws.getRow(4).getCell(4).value).toBe(100);
    // Text that looks like a formula stays text in XLSX.
    expect(ws.getRow(6).getCell(1).value).toBe('=HYPERLINK("http://x")');
  });
});
