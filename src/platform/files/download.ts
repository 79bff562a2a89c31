/** Sends a stored file as a download: attachment, sniffed media type, no sniffing by the browser. */
import type { FastifyReply } from "fastify";
import type { StoredFileTable } from "./files.tables.js";

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function sendStoredFile(reply: FastifyReply, file: StoredFileTable, bytes: Buffer) {
  return reply
    .header("content-type", file.media_type)
    .header("content-disposition", contentDisposition(file.original_name))
    .header("x-content-type-options", "nosniff")
    .header("content-length", String(bytes.byteLength))
    .send(bytes);
}
