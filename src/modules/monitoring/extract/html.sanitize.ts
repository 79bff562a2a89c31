/**
 * HTML sanitiser for anything stored for display (article bodies, feed summaries). Allow-list based, built on
 * linkedom: unknown elements are unwrapped (their text kept), dangerous ones removed with their content,
 * and only listed attributes with safe URLs survive.
 */
import {
  type DomElement,
  type DomNode,
  isElement,
  isPlainText,
  NODE_TEXT,
  parseHtmlDocument,
} from "./html.dom.js";

/** Elements kept (with allowed attributes). */
const ALLOWED_TAGS = new Set([
  "a",
  "abbr",
  "b",
  "blockquote",
  "br",
  "caption",
  "cite",
  "code",
  "dd",
  "del",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "i",
  "img",
  "ins",
  "li",
  "mark",
  "ol",
  "p",
  "pre",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "u",
  "ul",
]);

/** Elements removed together with everything inside them (code, embedded documents, forms, foreign XML). */
const DROPPED_TAGS = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "noscript",
  "template",
  "svg",
  "math",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "option",
  "link",
  "meta",
  "base",
  "head",
  "title",
  "audio",
  "video",
  "source",
  "track",
  "canvas",
  "portal",
  "xmp",
  "plaintext",
  "noembed",
  "noframes",
]);

/** Attributes allowed on every kept element. */
const GLOBAL_ATTRIBUTES = new Set(["lang", "dir", "title"]);
/** Attributes allowed per element. */
const TAG_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(["href"]),
  img: new Set(["src", "alt", "width", "height"]),
  td: new Set(["colspan", "rowspan"]),
  th: new Set(["colspan", "rowspan", "scope"]),
  time: new Set(["datetime"]),
  blockquote: new Set(["cite"]),
  q: new Set(["cite"]),
  ol: new Set(["start", "reversed"]),
};
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

/**
 * True when a URL attribute value is safe to keep: relative, or http(s)/mailto. Browsers ignore control
 * characters and whitespace inside the scheme ("jav&#x09;ascript:"), so we strip them before deciding.
 */
export function isSafeUrl(value: string, attribute = "href"): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be stripped
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, "");
  // Script-capable schemes anywhere (after quotes or backticks old parsers treat as delimiters) are refused.
  if (/(?:java|vb|live)script:|data:/i.test(cleaned) || /^[`'"]/.test(cleaned)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme === undefined) return !cleaned.startsWith("\\"); // relative; "\\evil" is treated as "//evil" by browsers
  if (attribute === "src" && scheme === "mailto") return false;
  return SAFE_SCHEMES.has(scheme);
}

function cleanAttributes(el: DomElement, tag: string): void {
  const allowed = TAG_ATTRIBUTES[tag];
  const names: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) names.push((el.attributes[i] as { name: string }).name);
  for (const name of names) {
    const lower = name.toLowerCase();
    const value = el.getAttribute(name) ?? "";
    const isAllowed = GLOBAL_ATTRIBUTES.has(lower) || (allowed?.has(lower) ?? false);
    if (!isAllowed || (URL_ATTRIBUTES.has(lower) && !isSafeUrl(value, lower))) el.removeAttribute(name);
    // Angle brackets in attribute values are harmless when quoted but feed mutation-XSS in naive consumers.
    else if (/[<>]/.test(value)) el.setAttribute(name, value.replace(/[<>]/g, ""));
  }
  if (tag === "a" && el.getAttribute("href")) el.setAttribute("rel", "noopener noreferrer nofollow ugc");
}

function sanitizeChildren(parent: DomNode): void {
  // Copy first: the loop removes and unwraps nodes.
  const children = Array.from(parent.childNodes);
  for (const child of children) sanitizeNode(child);
}

function sanitizeNode(node: DomNode): void {
  if (node.nodeType === NODE_TEXT) return;
  if (!isElement(node)) {
    node.remove(); // comments, processing instructions, CDATA
    return;
  }
  const tag = node.tagName.toLowerCase();
  if (DROPPED_TAGS.has(tag)) {
    node.remove();
    return;
  }
  sanitizeChildren(node);
  if (!ALLOWED_TAGS.has(tag)) {
    node.replaceWith(...Array.from(node.childNodes));
    return;
  }
  cleanAttributes(node, tag);
}

/**
 * Returns display-safe HTML: allow-listed tags and attributes only; no scripts, styles, event handlers,
 * iframes or `javascript:`/`data:` URLs. Links get `rel="noopener noreferrer nofollow ugc"`.
 *
 * @example sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // "<p>Hi</p>"
 */
export function sanitizeHtml(html: string): string {
  if (isPlainText(html)) return html.trim(); // nothing to remove or escape
  const doc = parseHtmlDocument(html);
  const body = doc.documentElement ? doc.body : null;
  if (!body) return "";
  return sanitizeElementContent(body);
}

/** Sanitises the content of an already parsed element in place and returns it as HTML. */
export function sanitizeElementContent(element: DomElement): string {
  sanitizeChildren(element);
  return element.innerHTML.trim();
}
