import { defineError } from "../../platform/errors.js";
import { followUpErrors } from "../follow-up/follow-up.errors.js";

/** Errors of register entries attached to tasks. */
export const registerErrors = {
  unknownKind: defineError({
    code: "register_kind_unknown",
    status: 404,
    vi: "Không có sổ theo dõi loại này",
    en: "No register of this kind",
  }),
  entryNotFound: defineError({
    code: "register_entry_not_found",
    status: 404,
    vi: "Không tìm thấy mục trong sổ theo dõi",
    en: "Register entry not found",
  }),
  taskNotFound: followUpErrors.taskNotFound,
  linkNotFound: defineError({
    code: "task_record_link_not_found",
    status: 404,
    vi: "Không tìm thấy liên kết",
    en: "Link not found",
  }),
  alreadyLinked: defineError({
    code: "task_record_already_linked",
    status: 409,
    vi: "Mục này đã được gắn với nhiệm vụ",
    en: "This entry is already attached to the task",
  }),
  checkInOfOtherTask: defineError({
    code: "task_record_check_in_mismatch",
    status: 400,
    vi: "Báo cáo tiến độ đã chọn không thuộc nhiệm vụ này",
    en: "The chosen check-in belongs to another task",
  }),
  notEntryLead: defineError({
    code: "register_entry_not_lead",
    status: 403,
    vi: "Chỉ Tổ Giúp việc và đơn vị, cá nhân chủ trì nhiệm vụ gắn với mục này được sửa mục này",
    en: "Only the secretariat and the lead of a task this entry is attached to may edit it",
  }),
  notAParty: defineError({
    code: "task_record_forbidden",
    status: 403,
    vi: "Chỉ đơn vị, cá nhân chủ trì, phối hợp nhiệm vụ và Tổ Giúp việc được gắn minh chứng cho nhiệm vụ",
    en: "Only the task's lead and coordinating parties and the secretariat may attach evidence to it",
  }),
};
