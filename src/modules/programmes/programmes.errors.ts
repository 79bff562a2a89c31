import { defineError } from "../../platform/errors.js";

export const programmeErrors = {
  programmeNotFound: defineError({
    code: "programme_not_found",
    status: 404,
    vi: "Không tìm thấy chương trình",
    en: "Programme not found",
  }),
  taskNotFound: defineError({
    code: "task_not_found",
    status: 404,
    vi: "Không tìm thấy nhiệm vụ",
    en: "Task not found",
  }),
  fileNotFound: defineError({
    code: "file_not_found",
    status: 404,
    vi: "Không tìm thấy tệp gốc",
    en: "Source file not found",
  }),
};
