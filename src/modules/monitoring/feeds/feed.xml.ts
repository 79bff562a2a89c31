/**
 * Safe XML parsing for feeds and OPML. Entity declarations are refused outright (no legitimate feed needs
 * them, and they are the vector of "billion laughs" and external-entity attacks); invalid characters are
 * removed; bare ampersands, common in hand-made feeds, are escaped before strict validation.
 */
import type { XMLParser } from "fast-xml-parser";
import { lazyRequire } from "../../../platform/lazy-require.js";

const fxp = lazyRequire<typeof import("fast-xml-parser")>("fast-xml-parser");

import { monitoringErrors } from "../monitoring.errors.js";
import { type FeedWarning, readXmlForgiving } from "./feed.xml-recover.js";

/** A parsed XML node: text, attributes ("@_name") and child elements, as fast-xml-parser builds them. */
export type XmlNode = string | number | boolean | XmlObject | XmlNode[] | null | undefined;
/** An element with attributes and children. */
export interface XmlObject {
  [key: string]: XmlNode;
}

/** Default maximum input length in characters. */
export const DEFAULT_MAX_XML_LENGTH = 10_000_000;

// XML 1.0 forbids C0 controls other than tab/LF/CR, lone surrogates and U+FFFE/U+FFFF.
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the control characters XML forbids
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const BARE_AMPERSAND = /&(?!(?:[a-zA-Z][a-zA-Z0-9._-]*|#[0-9]+|#x[0-9a-fA-F]+);)/g;
const DOCTYPE = /<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i;

let parser: XMLParser | undefined;
const newParser = () =>
  new (fxp().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    htmlEntities: true,
    // Belt and braces: even if a declaration slipped through, expansion stays bounded.
    processEntities: {
      enabled: true,
      maxEntityCount: 1,
      maxTotalExpansions: 10_000,
      maxExpandedLength: 1_000_000,
    },
    maxNestedTags: 200,
  });

/** Cleans text for XML: BOM, invalid characters, bare ampersands. Exported for tests. */
export function sanitizeXmlText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(INVALID_XML_CHARS, "")
    .replace(BARE_AMPERSAND, "&amp;");
}

/** Refuses what could hurt the server whatever the parser: size and entity declarations. */
function refuseHostile(input: string, maxLength: number): string {
  if (input.length > maxLength)
    throw monitoringErrors.feedTooLarge({ meta: { length: input.length, maxLength } });
  if (/<!ENTITY/i.test(input)) throw monitoringErrors.feedEntityExpansion();
  const doctype = DOCTYPE.exec(input);
  if (doctype?.[1]) throw monitoringErrors.feedEntityExpansion(); // internal subset without ENTITY: still refuse
  return doctype ? input.replace(DOCTYPE, "") : input;
}

/**
 * Reads a feed's XML forgivingly (see `feed.xml-recover.ts`): a well-formed document gives no warning; an
 * ill-formed one is read as far as it goes, with a warning saying where it broke. Still throws
 * `feed_too_large` and `feed_entity_expansion`.
 */
export function readXmlDocument(
  input: string,
  maxLength = DEFAULT_MAX_XML_LENGTH,
): { root: XmlObject; warnings: FeedWarning[] } {
  const withoutDoctype = refuseHostile(input, maxLength).replace(/^\uFEFF/, "");
  const warnings: FeedWarning[] = [];
  const invalid = withoutDoctype.match(INVALID_XML_CHARS)?.length ?? 0;
  if (invalid > 0)
    warnings.push({
      code: "xml_invalid_characters",
      message: `${invalid} characters not allowed in XML removed`,
    });
  const cleaned = withoutDoctype.replace(INVALID_XML_CHARS, "");
  // Comments and CDATA sections may hold a bare "&": only markup outside them is repaired.
  let bare = 0;
  const text = cleaned
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(BARE_AMPERSAND, () => {
            bare++;
            return "&amp;";
          }),
    )
    .join("");
  if (bare > 0) warnings.push({ code: "xml_bare_ampersand", message: `${bare} bare "&" read as "&amp;"` });
  const valid = fxp().XMLValidator.validate(text);
  if (valid !== true)
    warnings.push({
      code: "xml_malformed",
      message: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}); read as far as possible`,
    });
  const read = readXmlForgiving(text);
  return { root: read.root, warnings: [...warnings, ...read.warnings] };
}

export type { FeedWarning };

/**
 * Parses XML into a plain object tree, or throws `feed_too_large`, `feed_entity_expansion` or
 * `feed_malformed` (with line and column in `meta`).
 */
export function parseXmlSafely(input: string, maxLength = DEFAULT_MAX_XML_LENGTH): XmlObject {
  if (input.length > maxLength)
    throw monitoringErrors.feedTooLarge({ meta: { length: input.length, maxLength } });
  if (/<!ENTITY/i.test(input)) throw monitoringErrors.feedEntityExpansion();
  const doctype = DOCTYPE.exec(input);
  if (doctype?.[1]) throw monitoringErrors.feedEntityExpansion(); // internal subset without ENTITY: still refuse
  const text = sanitizeXmlText(doctype ? input.replace(DOCTYPE, "") : input);
  const valid = fxp().XMLValidator.validate(text);
  if (valid !== true) {
    throw monitoringErrors.feedMalformed({
      meta: { reason: valid.err.msg, line: valid.err.line, column: valid.err.col },
    });
  }
  try {
    parser ??= newParser();
    return parser.parse(text) as XmlObject;
  } catch (cause) {
    throw monitoringErrors.feedMalformed({
      cause,
      meta: { reason: cause instanceof Error ? cause.message : String(cause) },
    });
  }
}

/** Child value(s) as an array (fast-xml-parser collapses single children). */
export function asArray(node: XmlNode): XmlNode[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

/** The object form of a node, or an empty object. */
export function asObject(node: XmlNode): XmlObject {
  const first = Array.isArray(node) ? node[0] : node;
  return first !== null && typeof first === "object" && !Array.isArray(first) ? first : {};
}

/** Text content of a node (first one if repeated); "" when absent. */
export function textOf(node: XmlNode): string {
  const first = Array.isArray(node) ? node[0] : node;
  if (first === undefined || first === null) return "";
  if (typeof first !== "object") return String(first).trim();
  if (Array.isArray(first)) return textOf(first[0]);
  const text = first["#text"];
  return text === undefined || text === null || typeof text === "object" ? "" : String(text).trim();
}

/** An attribute of a node ("" when absent). */
export function attrOf(node: XmlNode, name: string): string {
  const value = asObject(node)[`@_${name}`];
  return value === undefined || value === null || typeof value === "object" ? "" : String(value).trim();
}
