/** Errors of the import review workflow (the parser's own errors live in `import.errors.ts`). */
import { defineError } from "../../platform/errors.js";

export const draftErrors = {
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
  invalidParse: defineError({
    code: "import_parse_invalid",
    status: 422,
    vi: "Kết quả đọc văn bản không đúng định dạng",
    en: "The parsed programme does not match the contract",
  }),
};
