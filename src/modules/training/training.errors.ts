import { defineError } from "../../platform/errors.js";

/** Errors of the training register (courses and award entries). */
export const trainingErrors = {
  courseNotFound: defineError({
    code: "training_course_not_found",
    status: 404,
    vi: "Không tìm thấy lớp bồi dưỡng",
    en: "Training course not found",
  }),
  endBeforeStart: defineError({
    code: "training_end_before_start",
    status: 400,
    vi: "Ngày kết thúc không được trước ngày bắt đầu",
    en: "The end date cannot be before the start date",
  }),
  personNotFound: defineError({
    code: "training_person_not_found",
    status: 400,
    vi: "Có học viên không có trong danh bạ cán bộ",
    en: "A participant is not in the directory",
  }),
  duplicateParticipant: defineError({
    code: "training_participant_duplicate",
    status: 400,
    vi: "Một học viên được nêu hai lần",
    en: "A participant is listed twice",
  }),
  materialNotFound: defineError({
    code: "training_material_not_found",
    status: 404,
    vi: "Không tìm thấy tài liệu",
    en: "Material not found",
  }),
  awardEntryNotFound: defineError({
    code: "award_entry_not_found",
    status: 404,
    vi: "Không tìm thấy tác phẩm dự Giải",
    en: "Award entry not found",
  }),
};
