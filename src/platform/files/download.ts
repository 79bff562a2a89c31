/**
 * Sends a file back as a download: always an attachment (never rendered inline), with the media type
 * sniffed at upload, `nosniff`, no shared caching, and a file name that cannot break or inject into
 * the header whatever the uploader called it. Every module that hands out a stored file uses this.
 */
import type { FastifyReply } from "fastify";
import type { StoredFileTable } from "./files.tables.js";

const FALLBACK_NAME = "tai-lieu";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The name a file is stored and offered under: the last path segment, without control characters
 * (CR/LF included) or leading dots, Unicode NFC, at most 200 characters; `fallback` when nothing is left.
 *
 * @example safeFilename("../../etc/passwd") // "passwd"
 */
export function safeFilename(name: string, fallback = FALLBACK_NAME): string {
  const last = name.normalize("NFC").replace(CONTROL, "").split(/[\\/]/).pop() ?? "";
  const trimmed = last
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(0, 200);
  return trimmed === "" ? fallback : trimmed;
}

/** RFC 5987 `value-chars`: percent-encodes everything but `attr-char` (encodeURIComponent leaves `'()*!`). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 5987).
 * The fallback drops Vietnamese tone marks (đ → d) and replaces anything outside printable ASCII,
 * quotes, backslashes, `;` and `%` with `_`.
 *
 * @example attachmentDisposition("Báo cáo \"quý\".pdf")
 * // attachment; filename="Bao cao _quy_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22qu%C3%BD%22.pdf
 */
export function attachmentDisposition(name: string, fallback?: string): string {
  const safe = safeFilename(name, fallback);
  const ascii = safe
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\;%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(safe)}`;
}

/** Sends the bytes as an attachment (see the module comment). */
export function sendAttachment(
  reply: FastifyReply,
  file: { filename: string; mediaType: string; bytes: Buffer; fallbackName?: string },
) {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", attachmentDisposition(file.filename, file.fallbackName))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .header("content-length", String(file.bytes.byteLength))
    .send(file.bytes);
}

/** A file of the content-addressed store, under the name it was uploaded with. */
export function sendStoredFile(reply: FastifyReply, file: StoredFileTable, bytes: Buffer) {
  return sendAttachment(reply, { filename: file.original_name, mediaType: file.media_type, bytes });
}
