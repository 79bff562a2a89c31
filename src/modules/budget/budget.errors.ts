import { defineError } from "../../platform/errors.js";

/** Errors of the budget proposals register. */
export const budgetErrors = {
  amountInvalid: defineError({
    code: "amount_invalid",
    status: 400,
    vi: "Số tiền phải là số nguyên đồng, không âm",
    en: "An amount must be a whole number of đồng, not negative",
  }),
  itemNotFound: defineError({
    code: "budget_item_not_found",
    status: 404,
    vi: "Không tìm thấy khoản kinh phí",
    en: "Budget item not found",
  }),
  documentNotFound: defineError({
    code: "budget_document_not_found",
    status: 404,
    vi: "Không tìm thấy tài liệu của khoản kinh phí",
    en: "Budget document not found",
  }),
  statusAmountMissing: defineError({
    code: "budget_status_amount_missing",
    status: 400,
    vi: "Khoản đã duyệt cần số tiền được duyệt; khoản đã giải ngân cần số tiền đã giải ngân",
    en: "An approved item needs its approved amount; a disbursed item its disbursed amount",
  }),
  amountOverApproved: defineError({
    code: "budget_amount_over_approved",
    status: 400,
    vi: "Số tiền giải ngân không được vượt số tiền được duyệt",
    en: "The disbursed amount cannot exceed the approved amount",
  }),
  unitNotFound: defineError({
    code: "budget_unit_not_found",
    status: 400,
    vi: "Không tìm thấy đơn vị đề xuất",
    en: "Proposing unit not found",
  }),
};
