/** The blank workbook for importing budget proposals: the headers the server's import reads (budget.import.ts). */
import type { ImportTemplate } from "../../components/registers/import-template";

const AMOUNT = "Số nguyên đồng, không âm (1.234.567 hoặc 1234567)";

export const BUDGET_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-de-xuat-kinh-phi.xlsx",
  sheet: "Đề xuất kinh phí",
  columns: [
    { header: "Năm", required: true, example: 2025, width: 8 },
    {
      header: "Nội dung đề xuất",
      required: true,
      example: "In ấn tài liệu quảng bá bằng tiếng Anh",
      width: 44,
    },
    { header: "Đơn vị đề xuất", help: "Tên đơn vị trong danh bạ", example: "Sở Ngoại vụ", width: 24 },
    { header: "Ngày đề xuất", help: "yyyy-mm-dd", example: "2025-02-15", width: 14 },
    {
      header: "Trạng thái",
      help: "Đề xuất, Đã duyệt hoặc Đã giải ngân (để trống là Đề xuất)",
      example: "Đề xuất",
      width: 14,
    },
    { header: "Kinh phí đề xuất (đồng)", required: true, help: AMOUNT, example: "150.000.000", width: 20 },
    { header: "Kinh phí được duyệt (đồng)", help: AMOUNT, example: "", width: 20 },
    { header: "Đã giải ngân (đồng)", help: AMOUNT, example: "", width: 20 },
    { header: "Ghi chú", example: "", width: 30 },
  ],
};
