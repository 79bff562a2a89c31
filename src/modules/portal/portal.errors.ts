import { defineError } from "../../platform/errors.js";

/** Errors of the external-information portal (Cổng Thông tin đối ngoại). */
export const portalErrors = {
  itemNotFound: defineError({
    code: "portal_item_not_found",
    status: 404,
    vi: "Không tìm thấy tin, bài",
    en: "Portal item not found",
  }),
  languageNotEnabled: defineError({
    code: "portal_language_not_enabled",
    status: 400,
    vi: "Ngôn ngữ này chưa được bật cho cổng thông tin",
    en: "This language is not enabled for the portal",
  }),
  localizationNotFound: defineError({
    code: "portal_localization_not_found",
    status: 404,
    vi: "Tin, bài chưa có bản ngôn ngữ này",
    en: "The item has no text in this language yet",
  }),
  sourceRequired: defineError({
    code: "portal_source_required",
    status: 400,
    vi: "Cần có bản tiếng Việt (bản gốc) trước khi dịch",
    en: "The Vietnamese source text is needed before translating",
  }),
  slugTaken: defineError({
    code: "slug_taken",
    status: 409,
    vi: "Đường dẫn (slug) này đã được dùng cho tin, bài khác trong cùng ngôn ngữ",
    en: "This slug is already used by another item in the same language",
  }),
  invalidTransition: defineError({
    code: "portal_invalid_transition",
    status: 409,
    vi: "Không thể chuyển trạng thái này",
    en: "This state change is not allowed",
  }),
  languageNotAssigned: defineError({
    code: "language_not_assigned",
    status: 403,
    vi: "Bạn chưa được phân công dịch, thẩm định ngôn ngữ này",
    en: "You are not assigned to translate or review this language",
  }),
  rebuttalLinkedElsewhere: defineError({
    code: "portal_rebuttal_linked_elsewhere",
    status: 409,
    vi: "Tin, bài này đã được gắn làm bài phản bác cho một hồ sơ xử lý khác; hãy gỡ liên kết đó trước",
    en: "This item is already the rebuttal of another response case; unlink it there first",
  }),
  rebuttalNotFound: defineError({
    code: "portal_rebuttal_not_found",
    status: 404,
    vi: "Tin, bài này không được gắn với hồ sơ xử lý này",
    en: "This item is not linked to this response case",
  }),
  cannotReviewOwnText: defineError({
    code: "cannot_review_own_text",
    status: 403,
    vi: "Không thể tự thẩm định, phê duyệt bản dịch của chính mình",
    en: "You cannot approve your own text",
  }),
  productTypeRequired: defineError({
    code: "portal_product_type_required",
    status: 400,
    vi: "Sản phẩm thông tin đối ngoại cần có loại (ấn phẩm, video, infographic, album ảnh); tin, bài và trang thì không",
    en: "A product needs a type (publication, video, infographic, album); articles and pages have none",
  }),
  categoryNotFound: defineError({
    code: "portal_category_not_found",
    status: 400,
    vi: "Không tìm thấy chuyên mục",
    en: "Category not found",
  }),
  categoryExists: defineError({
    code: "portal_category_exists",
    status: 409,
    vi: "Đã có chuyên mục với mã này",
    en: "A category with this key exists",
  }),
  categoryNeedsVietnamese: defineError({
    code: "portal_category_needs_vietnamese",
    status: 400,
    vi: "Chuyên mục cần có tên tiếng Việt",
    en: "A category needs a Vietnamese name",
  }),
  revisionNotFound: defineError({
    code: "portal_revision_not_found",
    status: 404,
    vi: "Không tìm thấy phiên bản",
    en: "Revision not found",
  }),
  scheduleInvalid: defineError({
    code: "portal_schedule_invalid",
    status: 400,
    vi: "Lịch đăng không hợp lệ: thời điểm gỡ phải sau thời điểm đăng",
    en: "Invalid schedule: unpublishing must come after publishing",
  }),
  unknownTopic: defineError({
    code: "portal_unknown_topic",
    status: 400,
    vi: "Chủ đề không có trong danh mục chủ đề của chương trình",
    en: "Topic is not in the programme's topic list",
  }),
};
