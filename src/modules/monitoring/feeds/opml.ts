/**
 * OPML 2.0 import and export of monitoring sources (the format feed readers exchange subscriptions in).
 */
import { isAppError } from "../../../platform/errors.js";
import { monitoringErrors } from "../monitoring.errors.js";
import { asArray, asObject, attrOf, parseXmlSafely, type XmlNode } from "./feed.xml.js";

/** One source as OPML carries it. */
export interface OpmlSource {
  title: string;
  /** Feed URL. */
  xmlUrl: string;
  /** Home page of the publication. */
  htmlUrl?: string;
  /** Folder path ("Báo chí/Trung ương"), from nested outlines or the `category` attribute. */
  category?: string;
  language?: string;
  /** OPML `type`, usually "rss". */
  type?: string;
}

function collect(outlines: XmlNode, path: string[], out: OpmlSource[]): void {
  for (const node of asArray(outlines)) {
    const outline = asObject(node);
    const title = attrOf(outline, "title") || attrOf(outline, "text");
    const xmlUrl = attrOf(outline, "xmlUrl");
    if (xmlUrl) {
      const category = attrOf(outline, "category") || path.join("/");
      const source: OpmlSource = { title: title || xmlUrl, xmlUrl };
      const htmlUrl = attrOf(outline, "htmlUrl");
      const language = attrOf(outline, "language");
      const type = attrOf(outline, "type");
      if (htmlUrl) source.htmlUrl = htmlUrl;
      if (category) source.category = category;
      if (language) source.language = language;
      if (type) source.type = type;
      out.push(source);
    }
    if (outline.outline !== undefined)
      collect(outline.outline, title && !xmlUrl ? [...path, title] : path, out);
  }
}

/**
 * Reads the sources of an OPML document (nested folders become `category`). Throws `opml_malformed`.
 *
 * @example parseOpml(await readFile("subscriptions.opml", "utf8"))
 */
export function parseOpml(text: string): { title: string; sources: OpmlSource[] } {
  let root: ReturnType<typeof parseXmlSafely>;
  try {
    root = parseXmlSafely(text.replace(/^\uFEFF/, "").trimStart(), 5_000_000);
  } catch (cause) {
    const reason = isAppError(cause) ? cause.code : "invalid XML";
    throw monitoringErrors.opmlMalformed({ cause, meta: { reason } });
  }
  const opml = asObject(root.opml);
  if (root.opml === undefined) throw monitoringErrors.opmlMalformed({ meta: { reason: "no <opml> root" } });
  const sources: OpmlSource[] = [];
  collect(asObject(opml.body).outline, [], sources);
  const head = asObject(opml.head);
  const title = typeof head.title === "string" ? head.title : "";
  return { title, sources };
}

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, "&#10;");
}

/** Writes sources as OPML 2.0, grouped in folders by `category`. */
export function buildOpml(title: string, sources: OpmlSource[], now: Date = new Date()): string {
  const byCategory = new Map<string, OpmlSource[]>();
  for (const s of sources) {
    const key = s.category ?? "";
    byCategory.set(key, [...(byCategory.get(key) ?? []), s]);
  }
  const line = (s: OpmlSource, indent: string) => {
    const attrs = [
      `type="${escapeAttr(s.type ?? "rss")}"`,
      `text="${escapeAttr(s.title)}"`,
      `title="${escapeAttr(s.title)}"`,
      `xmlUrl="${escapeAttr(s.xmlUrl)}"`,
    ];
    if (s.htmlUrl) attrs.push(`htmlUrl="${escapeAttr(s.htmlUrl)}"`);
    if (s.language) attrs.push(`language="${escapeAttr(s.language)}"`);
    if (s.category) attrs.push(`category="${escapeAttr(s.category)}"`);
    return `${indent}<outline ${attrs.join(" ")}/>`;
  };
  const body: string[] = [];
  for (const [category, list] of byCategory) {
    if (!category) body.push(...list.map((s) => line(s, "    ")));
    else
      body.push(
        `    <outline text="${escapeAttr(category)}">`,
        ...list.map((s) => line(s, "      ")),
        "    </outline>",
      );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeAttr(title)}</title><dateCreated>${now.toUTCString()}</dateCreated></head>`,
    "  <body>",
    ...body,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
