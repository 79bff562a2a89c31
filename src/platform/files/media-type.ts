/**
 * Media type sniffed from magic bytes (the client's claim is never trusted). ZIP containers are
 * told apart by the entry names near the start (`word/` → DOCX).
 * @example sniffMediaType(Buffer.from("%PDF-1.7")) // "application/pdf"
 */

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** True when the bytes decode as UTF-8 without control characters other than whitespace. */
function isLikelyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(sample);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for binary control bytes
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    // Truncating the sample may split a multi-byte character; decide on what precedes it.
    return sample.length === 64 * 1024 && !sample.includes(0);
  }
}

export function sniffMediaType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
    return head.includes("word/") || head.includes("[Content_Types].xml") ? DOCX : "application/zip";
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "application/msword";
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "application/rtf";
  if (bytes.length > 0 && isLikelyText(bytes)) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8").trimStart().toLowerCase();
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) return "text/html; charset=utf-8";
    return "text/plain; charset=utf-8";
  }
  return "application/octet-stream";
}
