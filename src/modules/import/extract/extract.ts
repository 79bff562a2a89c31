/**
 * Chooses the reader for an uploaded file. The extension says what the user thinks it is; the first bytes
 * say what it is. A mismatch (a PDF renamed .docx) is refused rather than guessed.
 */
import { importErrors } from "../import.errors.js";
import type { ImportLimits } from "./import.limits.js";
import { decodeTextBytes } from "./text.decode.js";

export type SourceType = "txt" | "md" | "docx" | "pdf";

export interface ExtractedText {
  text: string;
  sourceType: SourceType;
}

/** What the first bytes are: a zip (docx), a PDF, an old binary Word/OLE file, or other. */
export function sniff(bytes: Uint8Array): "zip" | "pdf" | "ole" | "other" {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "zip";
  if (head.indexOf("%PDF-") >= 0 && head.indexOf("%PDF-") < 1024) return "pdf";
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return "ole";
  return "other";
}

/** Extracts the text of a file after size, type and magic-byte checks. */
export async function extractText(input: {
  bytes: Uint8Array;
  filename: string;
  limits: ImportLimits;
}): Promise<ExtractedText> {
  const { bytes, filename, limits } = input;
  if (bytes.length === 0) throw importErrors.emptyFile();
  if (bytes.length > limits.maxBytes) {
    throw importErrors.fileTooLarge({ meta: { bytes: bytes.length, maxBytes: limits.maxBytes } });
  }
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  const kind = sniff(bytes);
  const mismatch = (expected: string) =>
    importErrors.unsupportedType({ meta: { filename, extension: ext, detected: kind, expected } });
  let text: string;
  let sourceType: SourceType;
  if (ext === "docx") {
    if (kind !== "zip") throw mismatch("zip");
    const { extractDocx } = await import("./docx.extract.js");
    text = await extractDocx(bytes, limits);
    sourceType = "docx";
  } else if (ext === "pdf") {
    if (kind !== "pdf") throw mismatch("pdf");
    const { extractPdf } = await import("./pdf.extract.js");
    text = await extractPdf(bytes, limits);
    sourceType = "pdf";
  } else if (ext === "txt" || ext === "md" || ext === "text" || ext === "markdown") {
    if (kind !== "other") throw mismatch("text");
    text = decodeTextBytes(bytes);
    sourceType = ext === "md" || ext === "markdown" ? "md" : "txt";
  } else {
    throw importErrors.unsupportedType({ meta: { filename, extension: ext, detected: kind } });
  }
  if (text.trim() === "") throw importErrors.emptyFile({ meta: { reason: "no_text" } });
  if (text.length > limits.maxTextChars) {
    throw importErrors.fileTooLarge({ meta: { chars: text.length, maxTextChars: limits.maxTextChars } });
  }
  return { text, sourceType };
}
