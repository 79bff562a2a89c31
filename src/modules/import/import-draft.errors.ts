/** Errors of the import review workflow (the parser's own errors live in `import.errors.ts`). */
import { defineError } from "../../platform/errors.js";

export const draftErrors = {
  ocrRunNotFound: defineError({
    code: "import_ocr_run_not_found",
    status: 404,
    vi: "Không tìm thấy lượt nhận dạng chữ (OCR)",
    en: "OCR run not found",
  }),
  notFound: defineError({
    code: "import_draft_not_found",
    status: 404,
    vi: "Không tìm thấy bản nhập",
    en: "Import draft not found",
  }),
  closed: defineError({
    code: "import_draft_closed",
    status: 409,
    vi: "Bản nhập này đã được lưu hoặc đã hủy",
    en: "This import draft was already committed or discarded",
  }),
  invalidBase64: defineError({
    code: "import_invalid_base64",
    status: 400,
    vi: "Nội dung tệp (base64) không hợp lệ",
    en: "File content is not valid base64",
  }),
  invalidDecision: defineError({
    code: "import_invalid_decision",
    status: 400,
    vi: "Quyết định đối chiếu tên không hợp lệ",
    en: "Invalid name reconciliation decision",
  }),
  noTasks: defineError({
    code: "import_no_tasks",
    status: 422,
    vi: "Văn bản chưa có nhiệm vụ nào để lưu",
    en: "The document has no tasks to commit",
  }),
  effectiveTooEarly: defineError({
    code: "import_effective_too_early",
    status: 422,
    vi: "Ngày áp dụng phiên bản mới trước ngày áp dụng của phiên bản trước",
    en: "The new version cannot apply before the version it replaces",
  }),
  invalidMatch: defineError({
    code: "import_invalid_task_match",
    status: 400,
    vi: "Đối chiếu nhiệm vụ không hợp lệ: mỗi nhiệm vụ cũ chỉ được nối với một nhiệm vụ mới",
    en: "Invalid task match: each previous task can carry forward into one new task only",
  }),
  invalidParse: defineError({
    code: "import_parse_invalid",
    status: 422,
    vi: "Kết quả đọc văn bản không đúng định dạng",
    en: "The parsed programme does not match the contract",
  }),
};
