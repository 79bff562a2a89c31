/**
 * The blank workbook a register's "Nhập từ Excel" offers to download: the first sheet holds only the
 * header row the server's import reads (`src/platform/import-rows`), the second explains each column
 * with an example, so a sample row can never be imported by mistake. ExcelJS is loaded on demand: the
 * template is the only thing in the web app that needs it.
 */

export interface ImportTemplateColumn {
  /** The header exactly as the register's import reads it, e.g. "Mã quốc gia". */
  header: string;
  required?: boolean;
  /** How to fill the column, in Vietnamese ("dd/mm/yyyy", "Đoàn ra hoặc Đoàn vào"…). */
  help?: string;
  /** A value the import accepts, shown on the guide sheet. */
  example: string | number;
  width?: number;
}

export interface ImportTemplate {
  /** Download name, e.g. "mau-nhap-doan-ra-doan-vao.xlsx". */
  filename: string;
  /** Name of the first sheet, e.g. "Đoàn ra, đoàn vào". */
  sheet: string;
  columns: readonly ImportTemplateColumn[];
  /** Extra lines on the guide sheet (e.g. "Mỗi dòng một phóng viên"). */
  notes?: readonly string[];
}

/** Sheet names may not hold some characters and are at most 31 characters long. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);

/** The template as XLSX bytes (also used by the test that checks it against the server's columns). */
export async function templateWorkbook(template: ImportTemplate): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName(template.sheet), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = template.columns.map((c) => ({ header: c.header, width: c.width ?? 22 }));
  sheet.getRow(1).font = { bold: true };
  template.columns.forEach((c, i) => {
    if (c.required) sheet.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: "FFC0392B" } };
  });

  const guide = wb.addWorksheet("Hướng dẫn");
  guide.columns = [
    { header: "Cột", width: 30 },
    { header: "Bắt buộc", width: 10 },
    { header: "Cách điền", width: 60 },
    { header: "Ví dụ", width: 30 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of template.columns) guide.addRow([c.header, c.required ? "Có" : "", c.help ?? "", c.example]);
  guide.addRow([]);
  for (const line of [
    "Điền dữ liệu vào trang đầu tiên, mỗi dòng một mục, giữ nguyên dòng tiêu đề.",
    "Nếu có dòng không hợp lệ, hệ thống không lưu dòng nào và chỉ rõ dòng, cột cần sửa.",
    ...(template.notes ?? []),
  ])
    guide.addRow([line]);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Builds the template and hands it to the browser as a download. */
export async function downloadTemplate(template: ImportTemplate): Promise<void> {
  const bytes = await templateWorkbook(template);
  const blob = new Blob([bytes], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = template.filename;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
