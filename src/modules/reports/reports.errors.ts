import { defineError } from "../../platform/errors.js";

/** Errors of report generation. */
export const reportsErrors = {
  pdfUnavailable: defineError({
    code: "report_pdf_unavailable",
    status: 501,
    vi: "Không tạo được bản PDF: máy chủ chưa cài LibreOffice (soffice). Vẫn tải được bản Word (.docx)",
    en: "PDF export unavailable: LibreOffice (soffice) is not installed on the server. The Word (.docx) file is still available",
  }),
  pdfFailed: defineError({
    code: "report_pdf_failed",
    status: 500,
    vi: "LibreOffice không chuyển được văn bản sang PDF",
    en: "LibreOffice failed to convert the document to PDF",
  }),
  pdfTimeout: defineError({
    code: "report_pdf_timeout",
    status: 504,
    vi: "Chuyển văn bản sang PDF quá thời gian cho phép",
    en: "Converting the document to PDF timed out",
  }),
};

/** Errors of report drafts. */
export const reportDraftErrors = {
  reportNotFound: defineError({
    code: "report_not_found",
    status: 404,
    vi: "Không tìm thấy báo cáo",
    en: "Report not found",
  }),
  invalidCutoff: defineError({
    code: "report_invalid_cutoff",
    status: 400,
    vi: "Khoảng thời gian chốt số liệu không hợp lệ (ngày bắt đầu sau ngày kết thúc)",
    en: "Invalid cut-off range (start after end)",
  }),
  noTasksSelected: defineError({
    code: "urging_no_tasks",
    status: 400,
    vi: "Các nhiệm vụ được chọn không thuộc chương trình này",
    en: "The selected tasks do not belong to this programme",
  }),
};
