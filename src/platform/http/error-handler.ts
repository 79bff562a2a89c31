/**
 * The one place where errors become HTTP responses. Every error body has the same shape:
 * `{ error: { code, message, details? }, requestId }`, the message in the caller's language.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Lang } from "../context.js";
import { AppError, commonErrors, defineError, isAppError } from "../errors.js";
import { langFromHeader } from "../i18n/lang.js";
import { validationDetails } from "../i18n/validation-messages.js";

const httpErrors = {
  invalidJson: defineError({
    code: "invalid_json",
    status: 400,
    vi: "Nội dung JSON không đọc được",
    en: "Malformed JSON body",
  }),
  unsupportedMediaType: defineError({
    code: "unsupported_media_type",
    status: 415,
    vi: "Kiểu nội dung không được hỗ trợ",
    en: "Unsupported content type",
  }),
  routeNotFound: defineError({
    code: "route_not_found",
    status: 404,
    vi: "Không có đường dẫn API này",
    en: "No such API route",
  }),
  databaseTimeout: defineError({
    code: "database_timeout",
    status: 503,
    vi: "Cơ sở dữ liệu đang quá tải, yêu cầu đã bị huỷ; hãy thử lại sau",
    en: "The database took too long; the request was cancelled, try again later",
  }),
  storageFull: defineError({
    code: "storage_full",
    status: 503,
    vi: "Kho tệp đã đầy, không lưu được tệp; hãy báo quản trị hệ thống",
    en: "The file store is full; nothing was saved, tell the system administrator",
  }),
};

/** Seconds a client should wait before retrying after a 503 (a restart or failover takes about this long). */
const RETRY_AFTER_SECONDS = 5;

// A statement cancelled by `statement_timeout` (57014) or a lock wait by `lock_timeout` (55P03).
const DB_TIMEOUT_CODES = new Set(["57014", "55P03"]);
// The disk or quota of the file store (or the SQLite database) is full.
const STORAGE_FULL_CODES = new Set(["ENOSPC", "EDQUOT", "SQLITE_FULL"]);

const DB_DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08001",
  "08003",
  "08006",
  "53300", // too_many_connections
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
]);

/**
 * Two requests racing for the same row: a unique key taken in between, or PostgreSQL giving up one
 * of two transactions. Nothing was written (the request's transaction rolled back): answer 409, the
 * client may reload and retry.
 */
const DB_CONFLICT_CODES = new Set([
  "23505", // unique_violation
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "SQLITE_CONSTRAINT_UNIQUE",
  "SQLITE_CONSTRAINT_PRIMARYKEY",
]);

/** True when the error means the database is unreachable (answer 503 and keep running). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && DB_DOWN_CODES.has(code)) return true;
  const message = (err as { message?: unknown }).message;
  return (
    typeof message === "string" &&
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error|is not currently accepting connections/i.test(
      message,
    )
  );
}

function toAppError(err: FastifyError | Error, lang: Lang): AppError {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext;
    return commonErrors.validation({ details: validationDetails(err.validation, context, lang) });
  }
  const code = (err as FastifyError).code;
  if (DB_CONFLICT_CODES.has(code)) return commonErrors.conflict({ cause: err });
  switch (code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return httpErrors.invalidJson();
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return commonErrors.payloadTooLarge();
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return httpErrors.unsupportedMediaType();
  }
  if (err instanceof SyntaxError && (err as FastifyError).statusCode === 400) return httpErrors.invalidJson();
  if (DB_TIMEOUT_CODES.has(code))
    return httpErrors.databaseTimeout({ cause: err, meta: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
  if (STORAGE_FULL_CODES.has(code)) return httpErrors.storageFull({ cause: err });
  if (isDatabaseUnavailable(err))
    return commonErrors.unavailable({ cause: err, meta: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
  const status = (err as FastifyError).statusCode;
  if (status === 413) return commonErrors.payloadTooLarge();
  if (status && status >= 400 && status < 500) {
    return new AppError({
      code: "bad_request",
      status,
      vi: "Yêu cầu không hợp lệ",
      en: err.message || "Bad request",
    });
  }
  return commonErrors.internal({ cause: err });
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  err: AppError,
  lang: Lang,
): FastifyReply {
  const body: Record<string, unknown> = { code: err.code, message: err.localizedMessage(lang) };
  if (err.details?.length) body.details = err.details;
  if (err.meta?.retryAfterSeconds) reply.header("retry-after", String(err.meta.retryAfterSeconds));
  return reply
    .status(err.status)
    .type("application/json; charset=utf-8")
    .send({ error: body, requestId: request.id });
}

export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const lang = langFromHeader(request.headers["accept-language"]);
  const appError = toAppError(err, lang);
  if (appError.status >= 500) {
    request.log.error({ err, code: appError.code }, "request failed");
  } else {
    request.log.info({ code: appError.code }, "request refused");
  }
  return sendError(request, reply, appError, lang);
}

export function apiNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendError(
    request,
    reply,
    httpErrors.routeNotFound(),
    langFromHeader(request.headers["accept-language"]),
  );
}
