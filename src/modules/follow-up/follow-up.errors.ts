import { defineError } from "../../platform/errors.js";

/** Errors of follow-up: check-ins, statuses, due dates, holidays. */
export const followUpErrors = {
  taskNotFound: defineError({
    code: "task_not_found",
    status: 404,
    vi: "Không tìm thấy nhiệm vụ",
    en: "Task not found",
  }),
  programmeNotFound: defineError({
    code: "programme_not_found",
    status: 404,
    vi: "Không tìm thấy chương trình công tác",
    en: "Programme not found",
  }),
  checkInNotFound: defineError({
    code: "check_in_not_found",
    status: 404,
    vi: "Không tìm thấy báo cáo tiến độ",
    en: "Check-in not found",
  }),
  notAParty: defineError({
    code: "check_in_not_a_party",
    status: 403,
    vi: "Bạn (hoặc đơn vị của bạn) không được phân công chủ trì hay phối hợp nhiệm vụ này",
    en: "You (or your unit) are not a lead or coordinating party of this task",
  }),
  notAuthor: defineError({
    code: "check_in_not_author",
    status: 403,
    vi: "Chỉ người lập báo cáo mới được sửa hoặc gửi báo cáo này",
    en: "Only the author may edit or submit this check-in",
  }),
  invalidState: defineError({
    code: "check_in_invalid_state",
    status: 409,
    vi: "Báo cáo không ở trạng thái cho phép thao tác này",
    en: "The check-in is not in a state that allows this",
  }),
  lockedConfirmed: defineError({
    code: "check_in_confirmed_locked",
    status: 409,
    vi: "Báo cáo đã được xác nhận; cần Tổ Giúp việc mở lại trước khi sửa",
    en: "The check-in is confirmed; the secretariat must reopen it before it can be edited",
  }),
  invalidPeriod: defineError({
    code: "check_in_invalid_period",
    status: 400,
    vi: "Kỳ báo cáo không hợp lệ hoặc nằm ngoài thời gian của chương trình",
    en: "Invalid reporting period, or outside the programme's period",
  }),
  asOfOutsideProgramme: defineError({
    code: "as_of_outside_programme",
    status: 400,
    vi: "Ngày tính trạng thái trước khi chương trình bắt đầu",
    en: "The as-of date is before the programme starts",
  }),
  fileTooLarge: defineError({
    code: "evidence_too_large",
    status: 413,
    vi: "Tệp minh chứng vượt quá dung lượng cho phép",
    en: "The evidence file exceeds the upload limit",
  }),
  invalidBase64: defineError({
    code: "evidence_invalid_content",
    status: 400,
    vi: "Nội dung tệp (base64) không đọc được hoặc rỗng",
    en: "The file content (base64) is unreadable or empty",
  }),
  evidenceNotFound: defineError({
    code: "evidence_not_found",
    status: 404,
    vi: "Không tìm thấy tệp minh chứng",
    en: "Evidence file not found",
  }),
  evidenceForbidden: defineError({
    code: "evidence_forbidden",
    status: 403,
    vi: "Chỉ các bên được phân công nhiệm vụ, lãnh đạo và Tổ Giúp việc mới được tải minh chứng",
    en: "Only the task's parties, leaders and the secretariat may download its evidence",
  }),
  dueDateFileNotFound: defineError({
    code: "due_date_file_not_found",
    status: 404,
    vi: "Không tìm thấy văn bản chỉ đạo kèm thời hạn này",
    en: "No directive document is attached to this due date",
  }),
  evidenceFileMissing: defineError({
    code: "evidence_file_missing",
    status: 404,
    vi: "Tệp minh chứng không còn trong kho lưu trữ",
    en: "The evidence file is missing from the file store",
  }),
  holidayExists: defineError({
    code: "holiday_exists",
    status: 409,
    vi: "Ngày này đã có trong lịch nghỉ",
    en: "This date is already in the holiday calendar",
  }),
  holidayNotFound: defineError({
    code: "holiday_not_found",
    status: 404,
    vi: "Không tìm thấy ngày nghỉ",
    en: "Holiday not found",
  }),
  notificationNotFound: defineError({
    code: "notification_not_found",
    status: 404,
    vi: "Không tìm thấy thông báo",
    en: "Notification not found",
  }),
};
