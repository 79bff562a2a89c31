/** The blank workbook for importing press visits: the headers the server's import reads (press-visits.import.ts). */
import type { ImportTemplate } from "../../components/registers/import-template";

const DATE = "dd/mm/yyyy (hoặc yyyy-mm-dd, hoặc ô kiểu ngày)";

export const PRESS_VISIT_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-doan-phong-vien.xlsx",
  sheet: "Đoàn phóng viên",
  notes: ["Mỗi dòng một phóng viên; các dòng cùng tên đoàn và cùng ngày bắt đầu thành một đoàn."],
  columns: [
    {
      header: "Đoàn phóng viên",
      required: true,
      example: "Phóng viên Hàn Quốc tìm hiểu cảng Lạch Huyện",
      width: 40,
    },
    { header: "Từ ngày", required: true, help: DATE, example: "10/06/2025", width: 12 },
    {
      header: "Đến ngày",
      required: true,
      help: `${DATE}; không trước Từ ngày`,
      example: "12/06/2025",
      width: 12,
    },
    {
      header: "Số văn bản chấp thuận",
      help: "Văn bản của cơ quan có thẩm quyền",
      example: "123/BNG-TTBC",
      width: 20,
    },
    { header: "Ngày chấp thuận", help: DATE, example: "01/06/2025", width: 14 },
    { header: "Họ tên phóng viên", help: "Bắt buộc với mỗi phóng viên", example: "Kim Min-jun", width: 24 },
    { header: "Vai trò", example: "Phóng viên", width: 14 },
    { header: "Cơ quan báo chí", help: "Bắt buộc với mỗi phóng viên", example: "Yonhap", width: 20 },
    { header: "Mã quốc gia", help: "Mã ISO hai chữ cái", example: "KR", width: 12 },
  ],
};
