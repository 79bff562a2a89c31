import { defineError } from "../../platform/errors.js";

/** Errors of the delegations register (đoàn ra, đoàn vào). */
export const delegationErrors = {
  notFound: defineError({
    code: "delegation_not_found",
    status: 404,
    vi: "Không tìm thấy đoàn công tác",
    en: "Delegation not found",
  }),
  endBeforeStart: defineError({
    code: "delegation_end_before_start",
    status: 400,
    vi: "Ngày kết thúc không được trước ngày bắt đầu",
    en: "The end date cannot be before the start date",
  }),
  unknownCountry: defineError({
    code: "delegation_unknown_country",
    status: 400,
    vi: "Mã quốc gia không có trong danh mục (ISO 3166-1, ví dụ JP, KR)",
    en: "Unknown country code (ISO 3166-1, e.g. JP, KR)",
  }),
  statusNotAllowed: defineError({
    code: "delegation_status_not_allowed",
    status: 400,
    vi: "Không được chuyển trạng thái đoàn như vậy (đề xuất → đã duyệt → đang thực hiện → hoàn thành; hủy trước khi hoàn thành)",
    en: "This status change is not allowed (proposed → approved → under way → done; cancel before done)",
  }),
  unitNotFound: defineError({
    code: "delegation_unit_not_found",
    status: 400,
    vi: "Không tìm thấy đơn vị chủ trì thông tin",
    en: "Responsible unit not found",
  }),
  personNotFound: defineError({
    code: "delegation_person_not_found",
    status: 400,
    vi: "Không tìm thấy cán bộ trong danh bạ",
    en: "Person not found in the directory",
  }),
  itemNotFound: defineError({
    code: "delegation_coverage_item_not_found",
    status: 400,
    vi: "Không tìm thấy tin, bài trong dữ liệu theo dõi",
    en: "Monitoring item not found",
  }),
};
