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
};
