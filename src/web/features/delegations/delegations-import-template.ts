/** The blank workbook for importing delegations: the headers the server's import reads (delegations.import.ts). */
import type { ImportTemplate } from "../../components/registers/import-template";

const DATE = "dd/mm/yyyy (hoặc yyyy-mm-dd, hoặc ô kiểu ngày)";

export const DELEGATION_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-doan-ra-doan-vao.xlsx",
  sheet: "Đoàn ra, đoàn vào",
  columns: [
    { header: "Tên đoàn", required: true, example: "Đoàn UBND thành phố thăm Kitakyushu", width: 40 },
    { header: "Loại", required: true, help: "Đoàn ra hoặc Đoàn vào", example: "Đoàn ra", width: 12 },
    {
      header: "Kênh",
      required: true,
      help: "Đảng, Chính quyền hoặc Đối ngoại nhân dân",
      example: "Chính quyền",
      width: 18,
    },
    {
      header: "Mã quốc gia",
      required: true,
      help: "Mã ISO hai chữ cái (JP, KR, DE…)",
      example: "JP",
      width: 12,
    },
    { header: "Địa phương, tổ chức đối tác", example: "Thành phố Kitakyushu", width: 30 },
    { header: "Cấp", example: "Lãnh đạo UBND thành phố", width: 20 },
    { header: "Trưởng đoàn", help: "Họ tên", example: "Nguyễn Văn A", width: 24 },
    { header: "Từ ngày", required: true, help: DATE, example: "04/03/2025", width: 12 },
    {
      header: "Đến ngày",
      required: true,
      help: `${DATE}; không trước Từ ngày`,
      example: "08/03/2025",
      width: 12,
    },
    {
      header: "Lịch trình",
      help: "Các chặng cách nhau bằng dấu ;",
      example: "Hà Nội – Tokyo; Kitakyushu",
      width: 40,
    },
  ],
};
