/**
 * Errors of the programme import: stable codes, messages in Vietnamese and English.
 * They say nothing about HTTP beyond a suggested status; the HTTP layer maps them in one place.
 */
import { defineError } from "../../platform/errors.js";

export const importErrors = {
  emptyFile: defineError({
    code: "import_empty_file",
    status: 400,
    vi: "Tệp trống, không có nội dung để đọc",
    en: "The file is empty",
  }),
  unsupportedType: defineError({
    code: "import_unsupported_type",
    status: 415,
    vi: "Định dạng tệp không được hỗ trợ hoặc nội dung không khớp với phần mở rộng (nhận .txt, .md, .docx, .pdf)",
    en: "Unsupported file type, or the content does not match the file extension (accepted: .txt, .md, .docx, .pdf)",
  }),
  unreadableFile: defineError({
    code: "import_unreadable_file",
    status: 422,
    vi: "Không đọc được nội dung tệp (tệp hỏng hoặc không phải văn bản)",
    en: "The file cannot be read (damaged, or not a text document)",
  }),
  fileTooLarge: defineError({
    code: "import_file_too_large",
    status: 413,
    vi: "Tệp quá lớn để nhập",
    en: "The file is too large to import",
  }),
  zipBomb: defineError({
    code: "import_zip_bomb",
    status: 413,
    vi: "Tệp Word có nội dung giải nén quá lớn hoặc tỉ lệ nén bất thường; từ chối để bảo vệ hệ thống",
    en: "The Word file expands to too much data or has an abnormal compression ratio; refused",
  }),
  tooManyPages: defineError({
    code: "import_too_many_pages",
    status: 413,
    vi: "Tệp PDF có quá nhiều trang",
    en: "The PDF has too many pages",
  }),
  pdfNeedsOcr: defineError({
    code: "import_pdf_needs_ocr",
    status: 422,
    vi: "Tệp PDF không có lớp chữ (bản quét ảnh); cần nhận dạng ký tự (OCR) trước khi nhập",
    en: "The PDF has no text layer (scanned image); it needs OCR before it can be imported",
  }),
  ocrUnavailable: defineError({
    code: "import_ocr_unavailable",
    status: 503,
    vi: "Máy chủ chưa cài công cụ nhận dạng chữ (OCR) cho bản quét: cần tesseract-ocr, tesseract-ocr-vie, poppler-utils và imagemagick",
    en: "OCR for scanned PDFs is not installed on the server: it needs tesseract-ocr, tesseract-ocr-vie, poppler-utils and imagemagick",
  }),
  ocrFailed: defineError({
    code: "import_ocr_failed",
    status: 422,
    vi: "Không nhận dạng được chữ trong bản quét",
    en: "The scan could not be read by OCR",
  }),
  legacyEncodingUncertain: defineError({
    code: "import_legacy_encoding_uncertain",
    status: 422,
    vi: "Văn bản có vẻ dùng bảng mã cũ (TCVN3/ABC hoặc VNI) nhưng không xác định chắc chắn được; hãy chuyển sang Unicode rồi nhập lại",
    en: "The text seems to use a legacy Vietnamese encoding (TCVN3/ABC or VNI) that could not be identified with confidence; convert it to Unicode and try again",
  }),
};
