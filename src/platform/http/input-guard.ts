/**
 * Refuses text that no database can store, once, for every route: a NUL character (PostgreSQL
 * rejects it in `text`; SQLite's full-text search chokes on it) or a lone UTF-16 surrogate (not
 * Unicode, so not UTF-8 either). Runs as a `preValidation` hook, after the body is parsed and the
 * route's permission was checked, over the path parameters, the query string, the JSON body (every
 * string inside it, object keys included) and the request headers the application reads.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { commonErrors, defineError, type ErrorDetail } from "../errors.js";
import { langFromHeader } from "../i18n/lang.js";
import { sendError } from "./error-handler.js";

export const inputGuardErrors = {
  invalidCharacters: defineError({
    code: "invalid_characters",
    status: 400,
    vi: "Dữ liệu chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode hỏng); hãy xóa ký tự đó rồi gửi lại",
    en: "Input contains an invalid character (NUL or broken Unicode); remove it and send again",
  }),
};

// With the `u` flag a surrogate class matches only surrogates that are not part of a pair.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is refused
const INVALID = /[\u0000\uD800-\uDFFF]/u;

/** Headers the application reads or stores (sessions keep the user agent). */
const READ_HEADERS = ["user-agent", "accept-language", "origin", "x-csrf-token", "x-request-id"];

/** True when the string holds a NUL or a lone surrogate. */
export function hasInvalidCharacters(value: string): boolean {
  return INVALID.test(value);
}

/**
 * Paths of every string (or object key) with invalid characters inside a parsed value, at most
 * `limit` of them, depth-first. Arrays index as `items.0.name`; an empty `path` names fields bare.
 *
 * @example findInvalidStrings({ name: "a\u0000" }, "querystring") // ["querystring.name"]
 */
export function findInvalidStrings(value: unknown, path: string, limit = 10): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0 && found.length < limit) {
    const [current, at] = stack.pop() as [unknown, string];
    if (typeof current === "string") {
      if (INVALID.test(current)) found.push(at || "body");
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], at ? `${at}.${i}` : `${i}`]);
    } else if (current !== null && typeof current === "object" && !Buffer.isBuffer(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i] as [string, unknown];
        const keyPath = at ? `${at}.${key}` : key;
        if (INVALID.test(key)) found.push(at ? `${at}.<key>` : "<key>");
        else stack.push([inner, keyPath]);
      }
    }
  }
  return found;
}

/** The `preValidation` hook: throws `invalid_characters` (400) naming each offending field. */
export async function refuseInvalidCharacters(request: FastifyRequest): Promise<void> {
  const paths = [
    ...findInvalidStrings(request.params, "params"),
    ...findInvalidStrings(request.query, "querystring"),
    // Body fields are named bare, as in `validation_failed` details.
    ...findInvalidStrings(request.body, ""),
  ];
  for (const name of READ_HEADERS) {
    const header = request.headers[name];
    if (typeof header === "string" && INVALID.test(header)) paths.push(`headers.${name}`);
  }
  if (paths.length === 0) return;
  const details: ErrorDetail[] = paths.map((p) => ({
    path: p,
    message: request.ctx?.lang === "en" ? "Invalid character" : "Ký tự không hợp lệ",
  }));
  throw inputGuardErrors.invalidCharacters({ details });
}

/**
 * Fastify's `frameworkErrors`: a path that is not valid percent-encoded UTF-8 (`/api/units/%ED%A0%80`,
 * a lone surrogate's bytes) is refused as `invalid_characters` in the usual error shape.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = langFromHeader(request.headers["accept-language"]);
  const appError =
    error.code === "FST_ERR_BAD_URL"
      ? inputGuardErrors.invalidCharacters({
          details: [{ path: "url", message: lang === "en" ? "Invalid character" : "Ký tự không hợp lệ" }],
        })
      : commonErrors.validation();
  return sendError(request, reply, appError, lang);
}
