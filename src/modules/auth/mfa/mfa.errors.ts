import { defineError } from "../../../platform/errors.js";

export const mfaErrors = {
  /** The account's role needs a second factor and this session has none yet. */
  enrolmentRequired: defineError({
    code: "second_factor_enrolment_required",
    status: 403,
    vi: "Vai trò của bạn cần xác thực hai lớp: hãy cài đặt mã xác thực trước khi tiếp tục",
    en: "Your role needs a second factor: set up an authenticator code before continuing",
  }),
  /** 400, not 401: a wrong code on the account page must not read as the end of the session. */
  invalidCode: defineError({
    code: "second_factor_invalid_code",
    status: 400,
    vi: "Mã xác thực không đúng hoặc đã được dùng",
    en: "Wrong or already used verification code",
  }),
  challengeExpired: defineError({
    code: "second_factor_challenge_expired",
    status: 400,
    vi: "Bước xác thực đã hết hạn hoặc đã dùng; hãy đăng nhập lại",
    en: "This verification step has expired or was already used; sign in again",
  }),
  alreadyEnrolled: defineError({
    code: "second_factor_already_enrolled",
    status: 409,
    vi: "Tài khoản đã có mã xác thực; hãy tắt hoặc nhờ quản trị đặt lại trước",
    en: "The account already has an authenticator; remove it or ask an administrator to reset it first",
  }),
  notEnrolled: defineError({
    code: "second_factor_not_enrolled",
    status: 409,
    vi: "Tài khoản chưa cài đặt mã xác thực",
    en: "The account has no authenticator set up",
  }),
  totpRequiredByRole: defineError({
    code: "second_factor_required_by_role",
    status: 409,
    vi: "Vai trò của bạn bắt buộc xác thực hai lớp; không thể tắt",
    en: "Your role requires a second factor; it cannot be turned off",
  }),
  passkeyNotFound: defineError({
    code: "passkey_not_found",
    status: 404,
    vi: "Không tìm thấy khóa truy cập",
    en: "Passkey not found",
  }),
  passkeyRejected: defineError({
    code: "passkey_rejected",
    status: 401,
    vi: "Khóa truy cập không hợp lệ hoặc chưa xác minh người dùng",
    en: "The passkey was not accepted or did not verify the user",
  }),
  passkeyRegistrationFailed: defineError({
    code: "passkey_registration_failed",
    status: 400,
    vi: "Không đăng ký được khóa truy cập",
    en: "The passkey could not be registered",
  }),
  passkeyUnavailable: defineError({
    code: "passkey_unavailable",
    status: 503,
    vi: "Khóa truy cập cần địa chỉ công khai (PUBLIC_URL) được cấu hình",
    en: "Passkeys need the public address (PUBLIC_URL) to be configured",
  }),
};
