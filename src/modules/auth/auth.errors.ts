import { defineError } from "../../platform/errors.js";

export const authErrors = {
  invalidCredentials: defineError({
    code: "invalid_credentials",
    status: 401,
    vi: "Sai e-mail hoặc mật khẩu",
    en: "Wrong e-mail or password",
  }),
  /** Too soon after repeated failures (per account or per address; the same for unknown accounts). */
  tooManyAttempts: defineError({
    code: "too_many_attempts",
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần; hãy thử lại sau ít phút",
    en: "Too many failed sign-ins; try again in a few minutes",
  }),
  accountDisabled: defineError({
    code: "account_disabled",
    status: 403,
    vi: "Tài khoản đã bị vô hiệu hóa",
    en: "Account disabled",
  }),
  passwordChangeRequired: defineError({
    code: "password_change_required",
    status: 403,
    vi: "Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục",
    en: "Change your one-time password before continuing",
  }),
  csrfInvalid: defineError({
    code: "csrf_invalid",
    status: 403,
    vi: "Thiếu hoặc sai mã chống giả mạo (CSRF)",
    en: "Missing or invalid CSRF token",
  }),
  originRejected: defineError({
    code: "origin_rejected",
    status: 403,
    vi: "Yêu cầu đến từ nguồn không được phép",
    en: "Request origin not allowed",
  }),
  wrongCurrentPassword: defineError({
    code: "wrong_current_password",
    status: 400,
    vi: "Mật khẩu hiện tại không đúng",
    en: "Current password is wrong",
  }),
  weakPassword: defineError({
    code: "weak_password",
    status: 400,
    vi: "Mật khẩu cần ít nhất 10 ký tự, gồm chữ và số",
    en: "Password needs at least 10 characters with letters and digits",
  }),
  emailTaken: defineError({
    code: "email_taken",
    status: 409,
    vi: "E-mail đã được dùng cho tài khoản khác",
    en: "E-mail already used by another account",
  }),
  userNotFound: defineError({
    code: "user_not_found",
    status: 404,
    vi: "Không tìm thấy tài khoản",
    en: "Account not found",
  }),
  sessionNotFound: defineError({
    code: "session_not_found",
    status: 404,
    vi: "Không tìm thấy phiên đăng nhập",
    en: "Session not found",
  }),
};
