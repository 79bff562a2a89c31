/**
 * Typed application errors with stable codes.
 *
 * Errors know nothing about HTTP beyond a suggested status; the HTTP layer maps them in one place
 * (`platform/http/error-handler.ts`). Every error carries its message in Vietnamese and English so
 * that the API can answer in the caller's language.
 *
 * @example
 * const taskNotFound = defineError({ code: "task_not_found", status: 404,
 *   vi: "Không tìm thấy nhiệm vụ", en: "Task not found" });
 * throw taskNotFound({ taskId });
 */

/** One field-level problem, e.g. from validation. */
export interface ErrorDetail {
  path: string;
  message: string;
}

export interface ErrorDefinition {
  /** Stable machine code, snake_case: `task_not_found`. */
  code: string;
  /** Suggested HTTP status. */
  status: number;
  vi: string;
  en: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: ErrorDetail[] | undefined;
  readonly meta: Record<string, unknown> | undefined;

  constructor(
    def: ErrorDefinition,
    options: { details?: ErrorDetail[]; meta?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(def.en, { cause: options.cause });
    this.name = "AppError";
    this.code = def.code;
    this.status = def.status;
    this.messageVi = def.vi;
    this.messageEn = def.en;
    this.details = options.details;
    this.meta = options.meta;
  }

  /** The message in the requested language ("vi" is the default). */
  localizedMessage(lang: "vi" | "en"): string {
    return lang === "en" ? this.messageEn : this.messageVi;
  }
}

/** Every error defined so far, by code: the OpenAPI document lists them under their HTTP status. */
export const errorCatalogue = new Map<string, ErrorDefinition>();

/** Makes a factory for one kind of error. The factory's optional argument adds meta data or details. */
export function defineError(def: ErrorDefinition) {
  errorCatalogue.set(def.code, def);
  const factory = (
    options: {
      details?: ErrorDetail[];
      meta?: Record<string, unknown>;
      cause?: unknown;
      vi?: string;
      en?: string;
    } = {},
  ) => new AppError({ ...def, vi: options.vi ?? def.vi, en: options.en ?? def.en }, options);
  factory.code = def.code;
  return factory;
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Errors shared by every module. */
export const commonErrors = {
  validation: defineError({
    code: "validation_failed",
    status: 400,
    vi: "Dữ liệu không hợp lệ",
    en: "Invalid input",
  }),
  notFound: defineError({ code: "not_found", status: 404, vi: "Không tìm thấy", en: "Not found" }),
  unauthenticated: defineError({
    code: "unauthenticated",
    status: 401,
    vi: "Bạn cần đăng nhập",
    en: "Sign-in required",
  }),
  forbidden: defineError({
    code: "forbidden",
    status: 403,
    vi: "Bạn không có quyền thực hiện thao tác này",
    en: "You are not allowed to do this",
  }),
  conflict: defineError({
    code: "conflict",
    status: 409,
    vi: "Dữ liệu đã bị thay đổi hoặc bị trùng",
    en: "Conflicting or duplicate data",
  }),
  payloadTooLarge: defineError({
    code: "payload_too_large",
    status: 413,
    vi: "Dữ liệu gửi lên quá lớn",
    en: "Payload too large",
  }),
  unavailable: defineError({
    code: "service_unavailable",
    status: 503,
    vi: "Hệ thống tạm thời không sẵn sàng (cơ sở dữ liệu)",
    en: "Service temporarily unavailable (database)",
  }),
  internal: defineError({ code: "internal_error", status: 500, vi: "Lỗi hệ thống", en: "Internal error" }),
};
