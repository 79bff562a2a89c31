import { defineError } from "../../../platform/errors.js";

/** Errors of the portal's media library (images and PDFs). */
export const mediaErrors = {
  notFound: defineError({
    code: "portal_media_not_found",
    status: 404,
    vi: "Không tìm thấy ảnh hoặc tài liệu trong thư viện",
    en: "Media item not found",
  }),
  unsupportedType: defineError({
    code: "portal_media_unsupported_type",
    status: 400,
    vi: "Tệp không phải là ảnh JPEG, PNG, WebP hoặc tài liệu PDF (kiểu tệp được xác định từ nội dung, không theo tên)",
    en: "The file is not a JPEG, PNG or WebP image or a PDF (the type is read from the content, not the name)",
  }),
  notAnImage: defineError({
    code: "portal_media_not_an_image",
    status: 400,
    vi: "Tệp mang tên ảnh nhưng nội dung không phải là ảnh JPEG, PNG hoặc WebP",
    en: "The file has an image name but its content is not a JPEG, PNG or WebP image",
  }),
  notAPdf: defineError({
    code: "portal_media_not_a_pdf",
    status: 400,
    vi: "Tệp mang tên PDF nhưng nội dung không phải là tài liệu PDF",
    en: "The file has a PDF name but its content is not a PDF document",
  }),
  tooManyPixels: defineError({
    code: "portal_media_too_many_pixels",
    status: 400,
    vi: "Ảnh quá lớn (quá 40 triệu điểm ảnh); ảnh bị từ chối trước khi giải mã",
    en: "The image is too large (over 40 megapixels); refused before decoding",
  }),
  unreadable: defineError({
    code: "portal_media_unreadable",
    status: 400,
    vi: "Không đọc được tệp (tệp hỏng hoặc không đúng định dạng)",
    en: "The file could not be read (damaged or not what it claims to be)",
  }),
  pdfUnreadable: defineError({
    code: "portal_media_pdf_unreadable",
    status: 400,
    vi: "Không đọc được tài liệu PDF (tệp hỏng, có mật khẩu hoặc xử lý quá lâu)",
    en: "The PDF could not be read (damaged, password-protected or too slow to process)",
  }),
  fileTooLarge: defineError({
    code: "portal_media_file_too_large",
    status: 413,
    vi: "Tệp vượt quá dung lượng cho phép",
    en: "The file exceeds the upload limit",
  }),
  inUse: defineError({
    code: "portal_media_in_use",
    status: 409,
    vi: "Ảnh, tài liệu đang được dùng trong tin, bài; gỡ khỏi tin, bài trước khi xoá",
    en: "The media item is used by portal items; remove it from them before deleting",
  }),
  altRequired: defineError({
    code: "portal_media_alt_required",
    status: 400,
    vi: "Thiếu mô tả ảnh (alt) cho ngôn ngữ đã đăng",
    en: "Alt text is missing for a published language",
  }),
};

/** Names of the languages, for messages that name the missing one. */
export const LANGUAGE_NAMES: Record<string, { vi: string; en: string }> = {
  vi: { vi: "tiếng Việt", en: "Vietnamese" },
  en: { vi: "tiếng Anh", en: "English" },
  zh: { vi: "tiếng Trung", en: "Chinese" },
  ja: { vi: "tiếng Nhật", en: "Japanese" },
  ko: { vi: "tiếng Hàn", en: "Korean" },
  fr: { vi: "tiếng Pháp", en: "French" },
  ru: { vi: "tiếng Nga", en: "Russian" },
};

/** The alt-text error naming the language and the images that lack it. */
export function altMissing(lang: string, names: string[]) {
  const language = LANGUAGE_NAMES[lang] ?? { vi: lang, en: lang };
  const list = names.join(", ");
  return mediaErrors.altRequired({
    vi: `Thiếu mô tả ảnh (alt) bằng ${language.vi} (${lang}) cho: ${list}`,
    en: `Alt text in ${language.en} (${lang}) is missing for: ${list}`,
    meta: { lang, media: names },
    details: names.map((name) => ({ path: `alt.${lang}`, message: name })),
  });
}
