import { defineError } from "../../platform/errors.js";

/** Errors of report generation. */
export const reportsErrors = {
  pdfUnavailable: defineError({
    code: "report_pdf_unavailable",
    status: 503,
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
