import { defineError } from "../../platform/errors.js";

/** Errors of the partners register. */
export const partnerErrors = {
  partnerNotFound: defineError({
    code: "partner_not_found",
    status: 404,
    vi: "Không tìm thấy đối tác",
    en: "Partner not found",
  }),
  itemNotFound: defineError({
    code: "partner_item_not_found",
    status: 404,
    vi: "Không tìm thấy mục này của đối tác",
    en: "This item of the partner was not found",
  }),
  agreementExpiresBeforeSigning: defineError({
    code: "agreement_expires_before_signing",
    status: 400,
    vi: "Ngày hết hạn của thỏa thuận không được trước ngày ký",
    en: "The agreement cannot expire before it is signed",
  }),
  fileNotFound: defineError({
    code: "partner_file_not_found",
    status: 404,
    vi: "Trao đổi này không có tệp đính kèm",
    en: "This exchange has no attachment",
  }),
};
