/** The blank workbook for importing award entries: the headers the server's import reads (training.export.ts). */
import type { ImportTemplate } from "../../components/registers/import-template";

export const AWARD_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-giai-thong-tin-doi-ngoai.xlsx",
  sheet: "Giải thông tin đối ngoại",
  columns: [
    { header: "Tác phẩm / Entry", required: true, example: "Hải Phòng – cửa ngõ ra biển", width: 40 },
    { header: "Tác giả / Authors", required: true, example: "Trần Thị B", width: 24 },
    {
      header: "Thể loại / Category",
      required: true,
      help: "Báo in, Truyền hình, Phát thanh, Báo điện tử, Sách, Ảnh hoặc Khác",
      example: "Truyền hình",
      width: 16,
    },
    { header: "Lần / Round", required: true, help: "Viết dạng chữ", example: "Lần thứ X", width: 14 },
    { header: "Năm / Year", required: true, example: 2025, width: 8 },
    { header: "Ngày gửi / Submitted", help: "yyyy-mm-dd", example: "2025-05-20", width: 14 },
    {
      header: "Kết quả / Result",
      help: "Đang chấm, Không đạt giải, Giải A, Giải B, Giải C hoặc Giải Khuyến khích (để trống là Đang chấm)",
      example: "Đang chấm",
      width: 18,
    },
  ],
};
