/**
 * The blank workbooks behind each register's "Nhập từ Excel" in the web app: the first sheet holds only
 * the header row the server's import of that register reads (`src/platform/import-rows`, columns in
 * `src/modules/<register>/*.import.ts`), the second ("Hướng dẫn") explains each column with an example,
 * so a sample row can never be imported by mistake. Shared so that a test checks every template against
 * the server's columns and row checks. ExcelJS is loaded on demand (in the web app, its own chunk).
 */

export interface ImportTemplateColumn {
  /** The header exactly as the register's import reads it, e.g. "Mã quốc gia". */
  header: string;
  required?: boolean;
  /** How to fill the column, in Vietnamese ("dd/mm/yyyy", "Đoàn ra hoặc Đoàn vào"…). */
  help?: string;
  /** A value the import accepts, shown on the guide sheet ("" where the column is best left empty). */
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

const DATE = "dd/mm/yyyy (hoặc yyyy-mm-dd, hoặc ô kiểu ngày)";
const AMOUNT = "Số nguyên đồng, không âm (1.234.567 hoặc 1234567)";

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

export const EVENT_PLAN_IMPORT_TEMPLATE: ImportTemplate = {
  filename: "mau-nhap-ke-hoach-truyen-thong.xlsx",
  sheet: "Kế hoạch truyền thông",
  notes: ["Mỗi dòng một sản phẩm truyền thông của sự kiện đang mở."],
  columns: [
    { header: "Sản phẩm", required: true, example: "Phóng sự 70 năm Ngày giải phóng", width: 40 },
    {
      header: "Kênh",
      required: true,
      help: "Báo in, báo điện tử; Truyền hình; Phát thanh; Cổng thông tin điện tử; Mạng xã hội; Cổ động trực quan; Ấn phẩm; Sự kiện, hội nghị; Khác",
      example: "Truyền hình",
      width: 22,
    },
    {
      header: "Ngôn ngữ",
      help: "Mã ngôn ngữ cách nhau bằng dấu phẩy: vi, en, zh, ja, ko, fr, ru, lo, km (để trống là vi)",
      example: "vi, en",
      width: 14,
    },
    { header: "Đơn vị thực hiện", help: "Tên đơn vị trong danh bạ", example: "", width: 24 },
    { header: "Hạn", required: true, help: "yyyy-mm-dd", example: "2025-05-10", width: 12 },
    { header: "Ghi chú", example: "", width: 30 },
  ],
};

/** Sheet names may not hold some characters and are at most 31 characters long. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);

/** The template as XLSX bytes. */
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
