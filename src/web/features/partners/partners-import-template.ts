/** The blank workbook for importing partners: the headers the server's import reads (partners.export.ts). */
import type { ImportTemplate } from "../../components/registers/import-template";

export const PARTNER_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-doi-tac.xlsx",
  sheet: "Đối tác",
  columns: [
    {
      header: "Loại / Kind",
      required: true,
      help: "Địa phương đối tác, kết nghĩa; Tổ chức quốc tế; Cơ quan báo chí đối tác; Hội người Hải Phòng ở nước ngoài; Biểu tượng thành phố ở nước ngoài",
      example: "Địa phương đối tác, kết nghĩa",
      width: 30,
    },
    { header: "Quốc gia / Country", required: true, example: "Nhật Bản", width: 18 },
    {
      header: "Tên tiếng Việt / Vietnamese name",
      required: true,
      example: "Thành phố Kitakyushu",
      width: 36,
    },
    { header: "Tên nguyên gốc / Original name", example: "Kitakyushu City", width: 30 },
    { header: "Thiết lập quan hệ / Since", help: "yyyy-mm-dd", example: "2014-04-15", width: 16 },
    { header: "Mô tả / Description", example: "", width: 40 },
  ],
};
