import { defineError } from "../../platform/errors.js";

/** Errors of the events calendar (sự kiện, ngày kỷ niệm). */
export const eventErrors = {
  invalidSolarDate: defineError({
    code: "calendar_invalid_solar_date",
    status: 400,
    vi: "Ngày dương lịch không hợp lệ (cần dạng YYYY-MM-DD, năm 1800–2199)",
    en: "Invalid solar date (expected YYYY-MM-DD, years 1800–2199)",
  }),
  lunarDateNotFound: defineError({
    code: "calendar_lunar_date_not_found",
    status: 400,
    vi: "Ngày âm lịch này không có",
    en: "This lunar date does not exist",
  }),
  eventNotFound: defineError({
    code: "event_not_found",
    status: 404,
    vi: "Không tìm thấy sự kiện",
    en: "Event not found",
  }),
  dateRequired: defineError({
    code: "event_date_required",
    status: 400,
    vi: "Cần nhập ngày dương lịch hoặc ngày âm lịch (chỉ một trong hai)",
    en: "Give either a solar date or a lunar date (exactly one)",
  }),
  endBeforeStart: defineError({
    code: "event_end_before_start",
    status: 400,
    vi: "Ngày kết thúc không được trước ngày bắt đầu",
    en: "The end date cannot be before the start date",
  }),
  tooLong: defineError({
    code: "event_too_long",
    status: 400,
    vi: "Một sự kiện kéo dài tối đa 366 ngày",
    en: "An event lasts at most 366 days",
  }),
  originAfterStart: defineError({
    code: "event_origin_after_start",
    status: 400,
    vi: "Năm kỷ niệm gốc không được sau năm diễn ra sự kiện",
    en: "The commemorated year cannot be after the event's year",
  }),
  unitNotFound: defineError({
    code: "event_unit_not_found",
    status: 400,
    vi: "Không tìm thấy đơn vị",
    en: "Unit not found",
  }),
  rangeInvalid: defineError({
    code: "event_range_invalid",
    status: 400,
    vi: "Khoảng ngày không hợp lệ: ngày cuối phải sau ngày đầu, tối đa 400 ngày",
    en: "Invalid range: `to` must follow `from`, at most 400 days",
  }),
  feedNotFound: defineError({
    code: "calendar_feed_not_found",
    status: 404,
    vi: "Không tìm thấy đường dẫn lịch",
    en: "Calendar subscription not found",
  }),
  feedRevoked: defineError({
    code: "calendar_feed_revoked",
    status: 401,
    vi: "Đường dẫn lịch này đã bị thu hồi; hãy tạo đường dẫn mới",
    en: "This calendar subscription was revoked; create a new one",
  }),
};

/** Errors of the communication plans of events. */
export const planErrors = {
  itemNotFound: defineError({
    code: "plan_item_not_found",
    status: 404,
    vi: "Không tìm thấy mục kế hoạch truyền thông",
    en: "Communication plan item not found",
  }),
  taskNotFound: defineError({
    code: "plan_task_not_found",
    status: 400,
    vi: "Không tìm thấy nhiệm vụ để gắn mốc",
    en: "Task to attach the milestone to not found",
  }),
  unitNotFound: defineError({
    code: "plan_unit_not_found",
    status: 400,
    vi: "Không tìm thấy đơn vị thực hiện",
    en: "Responsible unit not found",
  }),
};
