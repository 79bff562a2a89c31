/**
 * Bytes of a .txt/.md file → string: UTF-8 (with or without BOM), UTF-16 with BOM, else the bytes read as
 * Latin-1 so that legacy TCVN3/VNI text can be recognised and converted later. Binary junk is refused.
 */
import iconv from "iconv-lite";
import { importErrors } from "../import.errors.js";

/** Decodes text bytes; throws `import_unreadable_file` for binary content. */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes), "utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes), "utf16be");
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw importErrors.unreadableFile({ meta: { reason: "nul_bytes" } });
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (control / Math.max(sample.length, 1) > 0.01)
    throw importErrors.unreadableFile({ meta: { reason: "binary" } });
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "latin1");
  }
}
