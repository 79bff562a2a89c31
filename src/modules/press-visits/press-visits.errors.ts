import { defineError } from "../../platform/errors.js";

/** Errors of the foreign press visits register. */
export const pressVisitErrors = {
  notFound: defineError({
    code: "press_visit_not_found",
    status: 404,
    vi: "Không tìm thấy đoàn phóng viên",
    en: "Press visit not found",
  }),
  endBeforeStart: defineError({
    code: "press_visit_end_before_start",
    status: 400,
    vi: "Ngày kết thúc không được trước ngày bắt đầu",
    en: "The end date cannot be before the start date",
  }),
  unknownCountry: defineError({
    code: "press_visit_unknown_country",
    status: 400,
    vi: "Mã quốc gia của phóng viên không có trong danh mục (ISO 3166-1, ví dụ JP, KR)",
    en: "Unknown country code of a reporter (ISO 3166-1, e.g. JP, KR)",
  }),
  sourceNotFound: defineError({
    code: "press_visit_source_not_found",
    status: 400,
    vi: "Không tìm thấy nguồn tin theo dõi của cơ quan báo chí",
    en: "The outlet's monitoring source was not found",
  }),
  personalDataErased: defineError({
    code: "press_visit_personal_data_erased",
    status: 409,
    vi: "Dữ liệu cá nhân của đoàn đã được xóa; không thể nhập lại danh sách phóng viên",
    en: "This visit's personal data was erased; the reporters cannot be entered again",
  }),
  itemNotFound: defineError({
    code: "press_visit_coverage_item_not_found",
    status: 400,
    vi: "Không tìm thấy tin, bài trong dữ liệu theo dõi",
    en: "Monitoring item not found",
  }),
  rangeInvalid: defineError({
    code: "press_visit_range_invalid",
    status: 400,
    vi: "Khoảng thời gian không hợp lệ: ngày cuối phải sau ngày đầu",
    en: "Invalid period: `to` must not be before `from`",
  }),
};
