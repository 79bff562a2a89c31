/**
 * Charset detection and decoding of fetched bodies: BOM, then the Content-Type header, then the XML prolog,
 * then `<meta charset>` / `http-equiv` in the first bytes; UTF-8 by default. Decoded with iconv-lite and
 * normalised to NFC (windows-1258 writes Vietnamese tones as combining marks).
 */
import { lazyRequire } from "../../../platform/lazy-require.js";

const iconv = lazyRequire<typeof import("iconv-lite")>("iconv-lite");

/** Where the charset was found. */
export type CharsetSource = "bom" | "header" | "xml-prolog" | "meta" | "default";

/** A detected charset. */
export interface DetectedCharset {
  charset: string;
  source: CharsetSource;
}

/** Labels browsers treat as windows-1252 (WHATWG encoding standard), e.g. "iso-8859-1" in the wild. */
const ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "x-user-defined": "windows-1252",
  // GB18030 is a superset of GB2312 and GBK: decode with it (feedparser and browsers do the same).
  gb2312: "gb18030",
  gbk: "gb18030",
};

function normalizeLabel(label: string | undefined): string | null {
  if (!label) return null;
  const lower = label
    .trim()
    .replace(/^["']|["']$/g, "")
    .toLowerCase();
  const mapped = ALIASES[lower] ?? lower;
  return iconv().encodingExists(mapped) ? mapped : null;
}

/** Detects the charset of a body. Only the first 4 KB are scanned for prolog and meta tags. */
export function detectCharset(body: Buffer, contentType?: string): DetectedCharset {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: "utf-8", source: "bom" };
  if (body[0] === 0xff && body[1] === 0xfe && body[2] === 0 && body[3] === 0)
    return { charset: "utf-32le", source: "bom" };
  if (body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff)
    return { charset: "utf-32be", source: "bom" };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: "utf-16le", source: "bom" };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: "utf-16be", source: "bom" };
  // No BOM but "<?" written in UTF-16 (XML 1.0 appendix F): the prolog cannot be read as ASCII.
  if (body[0] === 0x3c && body[1] === 0 && body[2] === 0x3f && body[3] === 0)
    return { charset: "utf-16le", source: "xml-prolog" };
  if (body[0] === 0 && body[1] === 0x3c && body[2] === 0 && body[3] === 0x3f)
    return { charset: "utf-16be", source: "xml-prolog" };
  const fromHeader = normalizeLabel(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? "")?.[1]);
  if (fromHeader) return { charset: fromHeader, source: "header" };
  const head = body.subarray(0, 4096).toString("latin1");
  const prolog = normalizeLabel(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]);
  if (prolog) return { charset: prolog, source: "xml-prolog" };
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+http-equiv\s*=\s*["']?content-type["']?[^>]*content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(
      head,
    )?.[1];
  const fromMeta = normalizeLabel(meta);
  if (fromMeta) return { charset: fromMeta, source: "meta" };
  return { charset: "utf-8", source: "default" };
}

/** What was doubtful about a body's charset (feedparser counts these as "bozo" too). */
export interface CharsetWarning {
  /** `charset_unknown` (a declared label no decoder knows) or `content_type_not_xml` (text/plain, text/html). */
  code: string;
  message: string;
}

/** Doubts about the declared charset and media type of a feed body; empty when all is clear. */
export function charsetWarnings(body: Buffer, contentType?: string): CharsetWarning[] {
  const warnings: CharsetWarning[] = [];
  const head = body.subarray(0, 4096).toString("latin1");
  const declared = [
    /charset\s*=\s*([^;\s]+)/i.exec(contentType ?? "")?.[1],
    /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1],
  ];
  for (const label of declared)
    if (label && !normalizeLabel(label))
      warnings.push({ code: "charset_unknown", message: `unknown charset "${label}", read as UTF-8` });
  const media = contentType?.split(";")[0]?.trim().toLowerCase();
  if (media && !/xml|rss|atom|json/.test(media))
    warnings.push({ code: "content_type_not_xml", message: `served as ${media}, read as a feed anyway` });
  return warnings;
}

/** Decodes a body to an NFC string (BOM stripped). */
export function decodeBody(body: Buffer, contentType?: string): { text: string; charset: DetectedCharset } {
  const charset = detectCharset(body, contentType);
  const text = iconv().decode(body, charset.charset, { stripBOM: true }).normalize("NFC");
  return { text, charset };
}
