import type { ReportModel, UrgingNoticeModel } from "./report.model.js";

/**
 * A realistic semi-annual report on the reference programme (02-CTr/BCĐ, Hải Phòng, 2024), used by
 * tests, benches and the UI's preview. All content is illustrative.
 */
export function sampleSemiannualReport(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    format: "party",
    kind: "semiannual",
    issuer: { parent: "Thành ủy Hải Phòng", lines: ["Ban Chỉ đạo", "Công tác thông tin đối ngoại"] },
    number: { seq: 15, typeCode: "BC", issuerCode: "BCĐ" },
    place: "Hải Phòng",
    date: "2024-06-20",
    programme: { title: "Chương trình công tác năm 2024", number: "02-CTr/BCĐ", date: "2024-03-13" },
    period: { label: "6 tháng đầu năm 2024", year: 2024, start: "2023-12-15", end: "2024-06-14" },
    title: {
      type: "BÁO CÁO",
      summary:
        "sơ kết công tác thông tin đối ngoại 6 tháng đầu năm,\nnhiệm vụ trọng tâm 6 tháng cuối năm 2024",
    },
    intro: [
      "Thực hiện Chương trình số 02-CTr/BCĐ, ngày 13/3/2024 của Ban Chỉ đạo Công tác thông tin đối ngoại thành phố (Ban Chỉ đạo) về Chương trình công tác năm 2024, Ban Chỉ đạo báo cáo kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2024 như sau:",
    ],
    overview: [
      {
        heading: "Công tác lãnh đạo, chỉ đạo",
        paragraphs: [
          "Ban Chỉ đạo đã ban hành Chương trình công tác năm 2024, phân công cụ thể nhiệm vụ cho các thành viên; duy trì chế độ giao ban định kỳ, kịp thời chỉ đạo, định hướng thông tin về các sự kiện chính trị, kinh tế, đối ngoại quan trọng của thành phố.",
        ],
      },
    ],
    results: {
      general: [
        {
          ref: "I.1",
          title: "Tuyên truyền đường lối, chủ trương, chính sách của Đảng và Nhà nước về thông tin đối ngoại",
          status: "in_progress_on_time",
          paragraphs: [
            "Các cơ quan báo chí thành phố mở chuyên trang, chuyên mục, đăng tải 1.245 tin, bài về hoạt động đối ngoại của Đảng, Nhà nước và thành phố.",
          ],
          evidence: [
            "Chuyên mục “Hải Phòng hội nhập” trên Báo Hải Phòng (24 số)",
            "Cổng Thông tin đối ngoại đa ngôn ngữ: 312 tin, bài bằng tiếng Anh, tiếng Trung",
          ],
        },
      ],
      specific: [
        {
          ref: "7",
          title:
            "Tuyên truyền, quảng bá thành phố gắn với kỷ niệm 69 năm Ngày giải phóng Hải Phòng và Lễ hội Hoa Phượng Đỏ - Hải Phòng 2024",
          status: "completed_on_time",
          paragraphs: [
            "Tổ chức thành công chuỗi sự kiện Lễ hội Hoa Phượng Đỏ với sự tham gia của 12 đoàn khách quốc tế.",
          ],
          evidence: [
            "Kế hoạch số 95/KH-UBND ngày 10/4/2024",
            "Phóng sự “Hải Phòng - Thành phố Hoa Phượng Đỏ” phát trên VTV4",
          ],
        },
        {
          ref: "15",
          title: "Tổ chức bồi dưỡng, tập huấn kỹ năng, nghiệp vụ công tác thông tin đối ngoại năm 2024",
          status: "overdue",
          paragraphs: ["Đã xây dựng kế hoạch tập huấn; chưa tổ chức do chờ bố trí kinh phí."],
          evidence: [],
        },
      ],
    },
    statistics: {
      asOf: "2024-06-14",
      total: 27,
      rows: [
        { status: "completed_on_time", label: "Đã hoàn thành đúng hạn", count: 3, percent: 11.1 },
        { status: "completed_late", label: "Đã hoàn thành nhưng quá hạn", count: 1, percent: 3.7 },
        { status: "in_progress_on_time", label: "Chưa hoàn thành, còn trong hạn", count: 14, percent: 51.9 },
        { status: "overdue", label: "Chưa hoàn thành, quá hạn", count: 1, percent: 3.7 },
        {
          status: "awaiting_due_date",
          label: "Chờ xác định thời hạn (theo chỉ đạo, kế hoạch)",
          count: 6,
          percent: 22.2,
        },
        { status: "ongoing_reported", label: "Thường xuyên – đã báo cáo kỳ này", count: 2, percent: 7.4 },
      ],
      note: "Trong số 1 nhiệm vụ quá hạn: quá hạn đến 30 ngày: 1.",
    },
    limitations: [
      "Một số thành viên Ban Chỉ đạo chưa báo cáo kết quả thực hiện nhiệm vụ đúng thời hạn.",
      "Sản phẩm thông tin đối ngoại bằng tiếng nước ngoài còn ít, chưa đa dạng.",
    ],
    causes: [
      "Kinh phí cho công tác thông tin đối ngoại còn hạn chế.",
      "Đội ngũ làm công tác thông tin đối ngoại phần lớn kiêm nhiệm.",
    ],
    nextTasks: [
      "Tập trung tuyên truyền kỷ niệm 80 năm Ngày thành lập Quân đội nhân dân Việt Nam (22/12/1944 - 22/12/2024).",
      "Tổ chức tập huấn nghiệp vụ thông tin đối ngoại năm 2024.",
    ],
    proposals: [
      "Đề nghị Ban Chỉ đạo Công tác thông tin đối ngoại Trung ương tiếp tục cung cấp tài liệu định hướng.",
    ],
    recipients: [
      { name: "Ban Tuyên giáo Trung ương", purpose: "để báo cáo" },
      { name: "BCĐ Công tác thông tin đối ngoại TW", purpose: "để báo cáo" },
      { name: "Các đ/c Thường trực Thành ủy", purpose: "để báo cáo" },
      { name: "Các đ/c thành viên BCĐ, Tổ Giúp việc BCĐ" },
      { name: "Lưu Văn phòng Thành ủy" },
    ],
    signature: { titleLines: ["PHÓ BÍ THƯ", "kiêm", "TRƯỞNG BAN CHỈ ĐẠO"], name: "Đỗ Mạnh Hiến" },
    ...overrides,
  };
}

/** A sample urging notice for two overdue tasks of the reference programme. */
export function sampleUrgingNotice(overrides: Partial<UrgingNoticeModel> = {}): UrgingNoticeModel {
  return {
    format: "party",
    issuer: { parent: "Thành ủy Hải Phòng", lines: ["Ban Chỉ đạo", "Công tác thông tin đối ngoại"] },
    number: { seq: 21, typeCode: "CV", issuerCode: "BCĐ" },
    place: "Hải Phòng",
    date: "2024-08-05",
    subject: "V/v đôn đốc thực hiện các nhiệm vụ\nquá hạn trong Chương trình công tác năm 2024",
    addressees: ["Các đồng chí thành viên Ban Chỉ đạo được phân công chủ trì"],
    asOf: "2024-08-05",
    intro: [
      "Theo dõi việc thực hiện Chương trình số 02-CTr/BCĐ, ngày 13/3/2024 của Ban Chỉ đạo về Chương trình công tác năm 2024, đến nay còn một số nhiệm vụ chưa hoàn thành, đã quá thời hạn, cụ thể như sau:",
    ],
    items: [
      {
        ref: "15",
        text: "Tổ chức bồi dưỡng kiến thức mới, tập huấn kỹ năng, nghiệp vụ công tác thông tin đối ngoại năm 2024",
        leads: ["Đào Văn Hoàn"],
        due: "2024-06-30",
        daysOverdue: 36,
      },
      {
        ref: "7",
        text: "Sớm hoàn thành việc đề xuất xây dựng hệ thống cổ động trực quan hiện đại",
        leads: ["Trần Thị Hoàng Mai"],
        due: "2024-06-30",
        daysOverdue: 36,
      },
    ],
    closing: [
      "Ban Chỉ đạo đề nghị các đồng chí khẩn trương chỉ đạo hoàn thành các nhiệm vụ nêu trên, báo cáo kết quả (kèm sản phẩm, minh chứng) qua hệ thống Hải Đăng trước ngày 20/8/2024; trường hợp chưa hoàn thành, nêu rõ nguyên nhân, đề xuất thời hạn hoàn thành.",
    ],
    recipients: [
      { name: "Như trên" },
      { name: "Đ/c Trưởng Ban Chỉ đạo", purpose: "để báo cáo" },
      { name: "Lưu Tổ Giúp việc" },
    ],
    signature: { onBehalfOf: "Ban Chỉ đạo", titleLines: ["PHÓ TRƯỞNG BAN"], name: "Đào Khánh Hà" },
    ...overrides,
  };
}
