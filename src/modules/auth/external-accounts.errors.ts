/** Errors of sign-in through the city's identity systems (OpenID Connect, LDAP). */
import { defineError } from "../../platform/errors.js";

export const externalErrors = {
  /** The method is not configured, or its provider cannot be reached or refuses this server. */
  methodUnavailable: defineError({
    code: "sign_in_method_unavailable",
    status: 503,
    vi: "Phương thức đăng nhập này tạm thời không dùng được; hãy đăng nhập bằng mật khẩu hoặc thử lại sau",
    en: "This sign-in method is unavailable for now; sign in with a password or try again later",
  }),
  /** The method is not configured on this server. */
  methodNotConfigured: defineError({
    code: "sign_in_method_not_configured",
    status: 404,
    vi: "Máy chủ này không bật phương thức đăng nhập này",
    en: "This sign-in method is not set up on this server",
  }),
  /** The OIDC round trip failed its checks: unknown, used or expired state, bad code, bad ID token. */
  oidcRejected: defineError({
    code: "oidc_sign_in_rejected",
    status: 401,
    vi: "Đăng nhập qua hệ thống của thành phố không hợp lệ hoặc đã hết hạn; hãy thử lại",
    en: "The sign-in through the city's system was invalid or expired; try again",
  }),
  claimMissing: defineError({
    code: "oidc_claim_missing",
    status: 502,
    vi: "Hệ thống đăng nhập của thành phố không gửi đủ thông tin (e-mail hoặc nhóm); hãy báo quản trị viên",
    en: "The city's sign-in system did not send the needed information (e-mail or groups); tell an administrator",
  }),
  emailUnverified: defineError({
    code: "external_email_unverified",
    status: 403,
    vi: "E-mail của bạn chưa được hệ thống đăng nhập xác minh nên không thể liên kết tài khoản",
    en: "Your e-mail is not verified by the sign-in system, so no account can be linked",
  }),
  pendingApproval: defineError({
    code: "external_account_pending",
    status: 403,
    vi: "Tài khoản của bạn đang chờ quản trị viên duyệt",
    en: "Your account is waiting for an administrator's approval",
  }),
  rejected: defineError({
    code: "external_account_rejected",
    status: 403,
    vi: "Quản trị viên đã từ chối tài khoản này",
    en: "An administrator rejected this account",
  }),
  noRole: defineError({
    code: "external_no_role",
    status: 403,
    vi: "Bạn không thuộc nhóm nào được phép dùng Hải Đăng",
    en: "You are in no group allowed to use Hải Đăng",
  }),
  ldapInvalidCredentials: defineError({
    code: "ldap_invalid_credentials",
    status: 401,
    vi: "Sai tên đăng nhập hoặc mật khẩu của thư mục thành phố",
    en: "Wrong user name or password for the city directory",
  }),
  identityNotFound: defineError({
    code: "external_identity_not_found",
    status: 404,
    vi: "Không tìm thấy tài khoản chờ duyệt",
    en: "Pending account not found",
  }),
  identityNotPending: defineError({
    code: "external_identity_not_pending",
    status: 409,
    vi: "Tài khoản này đã được duyệt hoặc từ chối",
    en: "This account was already approved or rejected",
  }),
};
