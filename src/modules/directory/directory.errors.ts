import { defineError } from "../../platform/errors.js";

export const directoryErrors = {
  unitNotFound: defineError({
    code: "unit_not_found",
    status: 404,
    vi: "Không tìm thấy đơn vị",
    en: "Unit not found",
  }),
  parentNotFound: defineError({
    code: "unit_parent_not_found",
    status: 400,
    vi: "Đơn vị cấp trên không tồn tại",
    en: "Parent unit does not exist",
  }),
  unitCycle: defineError({
    code: "unit_parent_cycle",
    status: 400,
    vi: "Đơn vị không thể trực thuộc chính nó hoặc đơn vị cấp dưới của nó",
    en: "A unit cannot belong to itself or to one of its sub-units",
  }),
  personNotFound: defineError({
    code: "person_not_found",
    status: 404,
    vi: "Không tìm thấy cán bộ",
    en: "Person not found",
  }),
  personMerged: defineError({
    code: "person_already_merged",
    status: 409,
    vi: "Hồ sơ này đã được gộp vào hồ sơ khác",
    en: "This record was already merged into another",
  }),
  mergeSelf: defineError({
    code: "person_merge_self",
    status: 400,
    vi: "Không thể gộp một hồ sơ với chính nó",
    en: "Cannot merge a record with itself",
  }),
  committeeNotFound: defineError({
    code: "committee_not_found",
    status: 404,
    vi: "Không tìm thấy Ban Chỉ đạo",
    en: "Committee not found",
  }),
  memberNotFound: defineError({
    code: "committee_member_not_found",
    status: 404,
    vi: "Không tìm thấy thành viên",
    en: "Committee member not found",
  }),
  memberDates: defineError({
    code: "committee_member_dates",
    status: 400,
    vi: "Ngày kết thúc phải sau ngày bắt đầu",
    en: "End date must not be before start date",
  }),
};
