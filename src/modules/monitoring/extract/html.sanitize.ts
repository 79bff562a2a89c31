/**
 * HTML sanitiser for anything stored for display (article bodies, feed summaries), built on the maintained
 * `sanitize-html` (htmlparser2): allow-listed tags and attributes only; unknown elements are unwrapped
 * (their text kept); dangerous ones removed with their content; URLs must be relative, http(s) or mailto,
 * checked again by `isSafeUrl` after the library's own scheme check.
 */
import sanitize from "sanitize-html";
import type { DomElement } from "./html.dom.js";

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

/*
 * iframe, object and applet are not listed below: their inner content is the fallback text browsers show
 * when they cannot embed, so it is unwrapped (sanitised like the rest) while the element itself goes.
 */
/** Elements removed together with everything inside them (code, embedded documents, forms, foreign XML). */
const DROPPED_TAGS = new Set([
  "script",
  "style",
  "frame",
  "frameset",
  "embed",
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

const allowedAttributes: Record<string, string[]> = { "*": [...GLOBAL_ATTRIBUTES] };
for (const [tag, names] of Object.entries(TAG_ATTRIBUTES))
  allowedAttributes[tag] = [...GLOBAL_ATTRIBUTES, ...names];

const OPTIONS: sanitize.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes,
  // Everything else is unwrapped (text kept) except these, removed with their content.
  disallowedTagsMode: "discard",
  nonTextTags: [...DROPPED_TAGS],
  allowedSchemes: [...SAFE_SCHEMES],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: [...URL_ATTRIBUTES],
  allowProtocolRelative: true,
  allowedStyles: {},
  allowVulnerableTags: false,
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  exclusiveFilter: () => false,
  transformTags: {
    "*": (tagName, attribs) => {
      const kept: Record<string, string> = {};
      for (const [name, value] of Object.entries(attribs)) {
        if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value, name)) continue;
        // Angle brackets in attribute values are harmless when quoted but feed mutation-XSS in naive consumers.
        kept[name] = value.replace(/[<>]/g, "");
      }
      if (tagName === "a" && kept.href) kept.rel = "noopener noreferrer nofollow ugc";
      return { tagName, attribs: kept };
    },
  },
};
// `rel` is set by the transform above, never taken from the input.
OPTIONS.allowedAttributes = { ...allowedAttributes, a: [...(allowedAttributes.a ?? []), "rel"] };

/**
 * Returns display-safe HTML: allow-listed tags and attributes only; no scripts, styles, event handlers,
 * iframes or `javascript:`/`data:` URLs. Links get `rel="noopener noreferrer nofollow ugc"`.
 *
 * @example sanitizeHtml('<p onclick="x()">Hi<script>alert(1)</script></p>') // "<p>Hi</p>"
 */
export function sanitizeHtml(html: string): string {
  if (!/[<&]/.test(html)) return html.trim(); // plain text: nothing to remove or escape
  // Void elements as HTML writes them (`<img>`), not XHTML's `<img />`: stored HTML stays comparable.
  return sanitize(html, OPTIONS).replace(/ \/>/g, ">").trim();
}

/** Sanitises the content of an already parsed element and returns it as HTML. */
export function sanitizeElementContent(element: DomElement): string {
  return sanitizeHtml(element.innerHTML);
}
