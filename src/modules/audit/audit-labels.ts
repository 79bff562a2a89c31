/**
 * What the audit journal's codes mean, in Vietnamese and English: the action (`check_in`… `confirm`) and the
 * kind of record. Codes without a label read as themselves, so a new code is never hidden.
 */
export interface Label {
  vi: string;
  en: string;
}

const l = (vi: string, en: string): Label => ({ vi, en });

/** Actions, as recorded by the services. */
export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  create: l("Tạo mới", "Created"),
  update: l("Cập nhật", "Updated"),
  delete: l("Xóa", "Deleted"),
  merge: l("Gộp", "Merged"),
  merged_into: l("Gộp vào bản ghi khác", "Merged into another record"),
  login: l("Đăng nhập", "Signed in"),
  login_failed: l("Đăng nhập không thành công", "Failed sign-in"),
  logout: l("Đăng xuất", "Signed out"),
  lock: l("Khóa tài khoản", "Account locked"),
  password_change: l("Đổi mật khẩu", "Password changed"),
  password_reset: l("Cấp lại mật khẩu", "Password reset"),
  session_revoke: l("Thu hồi phiên đăng nhập", "Session revoked"),
  totp_enrol: l("Bắt đầu cài đặt ứng dụng xác thực", "Authenticator enrolment started"),
  totp_confirm: l("Bật xác thực hai lớp", "Second factor turned on"),
  totp_disable: l("Tắt xác thực hai lớp", "Second factor turned off"),
  recovery_code_use: l("Đăng nhập bằng mã khôi phục", "Recovery code used"),
  recovery_codes_regenerate: l("Tạo lại mã khôi phục", "Recovery codes regenerated"),
  second_factor_reset: l("Đặt lại xác thực hai lớp", "Second factor reset"),
  passkey_add: l("Thêm khóa truy cập", "Passkey added"),
  passkey_remove: l("Xóa khóa truy cập", "Passkey removed"),
  revoke: l("Thu hồi", "Revoked"),
  submit: l("Gửi báo cáo", "Submitted"),
  confirm: l("Xác nhận", "Confirmed"),
  return: l("Trả lại", "Returned"),
  reopen: l("Mở lại để sửa", "Reopened"),
  import: l("Nhập văn bản", "Imported"),
  import_draft: l("Tạo bản nhập chờ duyệt", "Import draft created"),
  commit: l("Ghi vào hệ thống", "Committed"),
  discard: l("Hủy bản nhập", "Discarded"),
  supersede: l("Thay bằng phiên bản mới", "Superseded"),
  keep_text: l("Giữ nguyên văn bản", "Text kept"),
  link: l("Liên kết", "Linked"),
  correct_labels: l("Sửa nhãn phân loại", "Labels corrected"),
  carry_follow_up: l("Chuyển theo dõi sang phiên bản mới", "Follow-up carried to the new version"),
  cancel: l("Hủy", "Cancelled"),
  state_change: l("Chuyển trạng thái", "State changed"),
  schedule: l("Hẹn giờ đăng, gỡ", "Scheduled"),
  confirm_coverage: l("Xác nhận tin, bài phản ánh", "Coverage confirmed"),
  reject_coverage: l("Loại tin, bài đề xuất", "Proposed coverage rejected"),
  read_personal: l("Xem dữ liệu cá nhân", "Personal data read"),
  erase_personal: l("Xóa dữ liệu cá nhân", "Personal data erased"),
  add_document: l("Đính kèm tài liệu", "Document attached"),
  remove_document: l("Gỡ tài liệu", "Document removed"),
  add_photo: l("Thêm ảnh", "Photo added"),
  remove_photo: l("Xóa ảnh", "Photo removed"),
};

/** Kinds of record. */
export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  unit: l("Đơn vị", "Unit"),
  person: l("Cán bộ", "Person"),
  committee: l("Ban Chỉ đạo", "Committee"),
  committee_member: l("Thành viên Ban Chỉ đạo", "Committee member"),
  user: l("Tài khoản", "User account"),
  session: l("Phiên đăng nhập", "Session"),
  passkey: l("Khóa truy cập (passkey)", "Passkey"),
  programme: l("Chương trình", "Programme"),
  programme_section: l("Mục của chương trình", "Programme section"),
  task: l("Nhiệm vụ", "Task"),
  task_party: l("Phân công nhiệm vụ", "Task assignment"),
  task_due_date: l("Thời hạn nhiệm vụ", "Task due date"),
  task_direction: l("Ý kiến chỉ đạo", "Direction"),
  check_in: l("Báo cáo tiến độ", "Check-in"),
  check_in_evidence: l("Minh chứng", "Evidence"),
  import_draft: l("Bản nhập chờ duyệt", "Import draft"),
  citation: l("Văn bản được viện dẫn", "Cited document"),
  citation_link: l("Liên kết văn bản", "Citation link"),
  holiday: l("Ngày nghỉ", "Holiday"),
  report: l("Báo cáo sơ kết, tổng kết", "Report"),
  urging_notice: l("Công văn đôn đốc", "Urging notice"),
  stored_file: l("Tệp đã lưu", "Stored file"),
  monitoring_source: l("Nguồn tin", "News source"),
  monitoring_item: l("Tin, bài", "News item"),
  monitoring_case: l("Vụ việc cần xử lý", "Response case"),
  monitoring_dictionary: l("Từ điển theo dõi", "Monitoring dictionary"),
  import_ocr_run: l("Lượt nhận dạng văn bản quét (OCR)", "OCR run of a scan"),
  event: l("Sự kiện, ngày kỷ niệm", "Event"),
  calendar_feed: l("Đường dẫn lịch cá nhân", "Calendar subscription"),
  portal_item: l("Tin, bài trên Cổng thông tin đối ngoại", "Portal item"),
  portal_localization: l("Bản ngôn ngữ của tin, bài", "Portal item translation"),
  portal_category: l("Chuyên mục cổng thông tin", "Portal category"),
  partner: l("Đối tác", "Partner"),
  partner_contact: l("Người liên hệ của đối tác", "Partner contact"),
  partner_agreement: l("Thỏa thuận hợp tác", "Cooperation agreement"),
  partner_activity: l("Hoạt động với đối tác", "Partner activity"),
  partner_exchange: l("Trao đổi thông tin với đối tác", "Information exchange"),
  training_course: l("Lớp bồi dưỡng", "Training course"),
  training_participants: l("Học viên lớp bồi dưỡng", "Course participants"),
  training_material: l("Tài liệu lớp bồi dưỡng", "Course material"),
  award_entry: l("Tác phẩm dự Giải thông tin đối ngoại", "Award entry"),
  delegation: l("Đoàn ra, đoàn vào", "Delegation"),
  press_visit: l("Đoàn phóng viên nước ngoài", "Foreign press visit"),
  event_plan_item: l("Kế hoạch truyền thông của sự kiện", "Communication plan item"),
  budget_item: l("Đề xuất kinh phí", "Budget item"),
  installation: l("Công trình trực quan (pano, màn hình LED)", "Visual installation"),
};

/** The label of a code, or the code itself in both languages when it has none. */
export function labelOf(table: Record<string, Label>, code: string): Label {
  return table[code] ?? { vi: code, en: code };
}
