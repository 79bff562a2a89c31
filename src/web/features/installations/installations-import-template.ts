/** The blank workbook for importing visual installations: the headers the server's import reads (installations.import.ts). */
import type { ImportTemplate } from "../../components/registers/import-template";

export const INSTALLATION_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-cong-trinh-truc-quan.xlsx",
  sheet: "Công trình trực quan",
  columns: [
    { header: "Tên công trình", required: true, example: "Pano chào mừng tại cửa ngõ Đình Vũ", width: 36 },
    { header: "Loại", required: true, help: "Pano, Màn hình LED hoặc Bảng tin", example: "Pano", width: 14 },
    { header: "Địa chỉ", required: true, example: "Nút giao Đình Vũ", width: 30 },
    {
      header: "Quận, huyện",
      required: true,
      help: "Tên quận, huyện (có hoặc không có dấu)",
      example: "Hải An",
      width: 18,
    },
    { header: "Vĩ độ", help: "Số thập phân", example: 20.8449, width: 10 },
    { header: "Kinh độ", help: "Số thập phân", example: 106.7614, width: 10 },
    { header: "Kích thước", help: "Rộng × cao, mét (12 × 6 m)", example: "12 × 6 m", width: 12 },
    {
      header: "Chủ đề",
      help: "Các chủ đề cách nhau bằng dấu ;",
      example: "Thành phố Cảng; Du lịch",
      width: 24,
    },
    {
      header: "Trạng thái",
      help: "Đề xuất, Đã duyệt hoặc Đã lắp đặt (để trống là Đề xuất)",
      example: "Đề xuất",
      width: 14,
    },
    { header: "Ngày lắp đặt", help: "yyyy-mm-dd", example: "", width: 14 },
    { header: "Đơn vị", help: "Tên đơn vị trong danh bạ", example: "", width: 20 },
  ],
};
