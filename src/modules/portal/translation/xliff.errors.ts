import { defineError } from "../../../platform/errors.js";

/** Errors of XLIFF files brought back from translators. Each names the unit that is wrong. */
export const xliffErrors = {
  invalid: defineError({
    code: "xliff_invalid",
    status: 400,
    vi: "Tệp không phải XLIFF 2.0 hợp lệ",
    en: "The file is not valid XLIFF 2.0",
  }),
  doctype: defineError({
    code: "xliff_doctype_refused",
    status: 400,
    vi: "Tệp XLIFF có khai báo DOCTYPE/ENTITY; hệ thống không đọc loại tệp này vì lý do an toàn",
    en: "The XLIFF file declares a DOCTYPE/ENTITY; such files are refused for safety",
  }),
  tooLarge: defineError({
    code: "xliff_too_large",
    status: 413,
    vi: "Tệp XLIFF quá lớn",
    en: "The XLIFF file is too large",
  }),
  wrongLanguage: defineError({
    code: "xliff_wrong_language",
    status: 400,
    vi: "Tệp XLIFF không dành cho ngôn ngữ này",
    en: "The XLIFF file is for another language",
  }),
  wrongItem: defineError({
    code: "xliff_wrong_item",
    status: 400,
    vi: "Tệp XLIFF là của tin, bài khác",
    en: "The XLIFF file belongs to another item",
  }),
  wrongRevision: defineError({
    code: "xliff_wrong_revision",
    status: 409,
    vi: "Tệp XLIFF được xuất từ một phiên bản cũ của bản tiếng Việt; hãy xuất lại tệp mới",
    en: "The XLIFF file was exported from an older revision of the Vietnamese source; export it again",
  }),
  unknownUnit: defineError({
    code: "xliff_unknown_unit",
    status: 400,
    vi: "Tệp XLIFF có đoạn không có trong bản gốc",
    en: "The XLIFF file has a unit the source does not have",
  }),
  untranslated: defineError({
    code: "xliff_untranslated_units",
    status: 400,
    vi: "Còn đoạn chưa dịch trong tệp XLIFF",
    en: "Some units of the XLIFF file are not translated",
  }),
  brokenPlaceholder: defineError({
    code: "xliff_broken_placeholder",
    status: 400,
    vi: "Định dạng (đậm, nghiêng, liên kết, xuống dòng) trong bản dịch không khớp bản gốc",
    en: "The formatting placeholders of a translation do not match the source",
  }),
};
