/**
 * Texts of the cross-programme report list and the monitoring parts of the editor, added to the
 * "reports" namespace when the reports screens load (they are lazy-loaded, after i18n starts).
 */
import i18n from "../../i18n";

const vi = {
  reports: {
    scope: { programme: "Theo chương trình", all: "Tất cả chương trình" },
    programme: "Chương trình",
    allProgrammes: "Mọi chương trình",
    allKinds: "Mọi loại báo cáo",
    anyYear: "Mọi năm",
    sections: { monitoring: "Theo dõi thông tin" },
    fields: {
      monitoringHeading: "Tiêu đề mục",
      monitoringParagraphs:
        "Nội dung (số liệu theo dõi báo chí, mạng xã hội; phát hiện, xử lý thông tin sai lệch)",
      monitoringBullets: "Các trường hợp xử lý (mỗi dòng một trường hợp)",
      coverage: "Bảng số tin, bài đề cập đến thành phố (lấy từ số liệu theo dõi khi lập dự thảo)",
      coverageItem: "Nội dung",
      coverageCount: "Số tin, bài",
      coverageTotal: "Tổng số",
      noMonitoringSection:
        "Dự thảo này lập khi chưa có phân hệ theo dõi thông tin: lập dự thảo mới để có số liệu.",
      cases: "Hồ sơ xử lý thông tin liên kết với nhiệm vụ",
    },
  },
};

const en = {
  reports: {
    scope: { programme: "By programme", all: "All programmes" },
    programme: "Programme",
    allProgrammes: "All programmes",
    allKinds: "All kinds",
    anyYear: "Any year",
    sections: { monitoring: "Media monitoring" },
    fields: {
      monitoringHeading: "Section heading",
      monitoringParagraphs: "Text (press and social media figures; false information detected and handled)",
      monitoringBullets: "Cases handled (one per line)",
      coverage: "Items mentioning the city (monitoring figures at drafting time)",
      coverageItem: "Category",
      coverageCount: "Items",
      coverageTotal: "Total",
      noMonitoringSection: "This draft predates media monitoring: draft a new report to include its figures.",
      cases: "Response cases linked to the task",
    },
  },
};

i18n.addResourceBundle("vi", "translation", vi, true, false);
i18n.addResourceBundle("en", "translation", en, true, false);
