/**
 * Rich text (ProseMirror/TipTap document JSON) → HTML for the public site, for the node set the portal
 * allows: paragraph, heading 2–4, bullet and ordered lists, blockquote, image with alt text, table, hard
 * break; marks bold, italic, link. Anything else is dropped (its text kept where it has any). The result
 * goes through `sanitize-html` as a second wall: a slip in this renderer must still not reach a visitor.
 */
import sanitize from "sanitize-html";
import type { RichTextDoc } from "../../shared/api/portal.js";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const children = (node: Json): Json[] => (Array.isArray(node.content) ? node.content.filter(isObject) : []);
const attrs = (node: Json): Json => (isObject(node.attrs) ? node.attrs : {});

/** Escapes text for an HTML text node or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only web and mail links, and site-relative paths; `javascript:`, `data:` and the like are refused. */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters hide schemes from naive checks
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return false;
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return true;
  try {
    const url = new URL(trimmed);
    return ["http:", "https:", "mailto:"].includes(url.protocol);
  } catch {
    return false;
  }
}

function isSafeImageSrc(src: string): boolean {
  return isSafeHref(src) && !src.trim().toLowerCase().startsWith("mailto:");
}

function renderText(node: Json): string {
  let html = escapeHtml(typeof node.text === "string" ? node.text : "");
  const marks = Array.isArray(node.marks) ? node.marks.filter(isObject) : [];
  for (const mark of marks) {
    if (mark.type === "bold") html = `<strong>${html}</strong>`;
    else if (mark.type === "italic") html = `<em>${html}</em>`;
    else if (mark.type === "link") {
      const href = attrs(mark).href;
      if (typeof href === "string" && isSafeHref(href))
        html = `<a href="${escapeHtml(href.trim())}" rel="noopener">${html}</a>`;
    }
  }
  return html;
}

/** A library image as one language shows it: responsive variants and that language's alt text. */
export interface MediaImage {
  /** Largest variant in the original format (for browsers without srcset). */
  src: string;
  width: number;
  height: number;
  /** Variants in the original format, `url 480w, …`. */
  srcset: string;
  webpSrcset: string;
  alt: string;
}
type MediaLookup = ReadonlyMap<string, MediaImage>;

/** The article column is at most 52rem wide (see the public site's style). */
const IMAGE_SIZES = "(max-width: 52rem) 100vw, 52rem";

function renderMediaImage(m: MediaImage, alt: unknown): string {
  const text = escapeHtml(m.alt || (typeof alt === "string" ? alt : ""));
  return `<picture><source type="image/webp" srcset="${escapeHtml(m.webpSrcset)}" sizes="${IMAGE_SIZES}"><img src="${escapeHtml(m.src)}" srcset="${escapeHtml(m.srcset)}" sizes="${IMAGE_SIZES}" width="${m.width}" height="${m.height}" alt="${text}" loading="lazy"></picture>`;
}

function renderNodes(nodes: Json[], media?: MediaLookup): string {
  return nodes.map((n) => renderNode(n, media)).join("");
}

function renderNode(node: Json, media?: MediaLookup): string {
  const inner = () => renderNodes(children(node), media);
  switch (node.type) {
    case "text":
      return renderText(node);
    case "paragraph":
      return `<p>${inner()}</p>`;
    case "heading": {
      const level = Number(attrs(node).level);
      const tag = level >= 2 && level <= 4 ? `h${level}` : "h2";
      return `<${tag}>${inner()}</${tag}>`;
    }
    case "bulletList":
      return `<ul>${inner()}</ul>`;
    case "orderedList":
      return `<ol>${inner()}</ol>`;
    case "listItem":
      return `<li>${inner()}</li>`;
    case "blockquote":
      return `<blockquote>${inner()}</blockquote>`;
    case "hardBreak":
      return "<br>";
    case "image": {
      const { src, alt, mediaId } = attrs(node);
      const fromLibrary = typeof mediaId === "string" ? media?.get(mediaId) : undefined;
      if (fromLibrary) return renderMediaImage(fromLibrary, alt);
      if (typeof src !== "string" || !isSafeImageSrc(src)) return "";
      return `<img src="${escapeHtml(src.trim())}" alt="${escapeHtml(typeof alt === "string" ? alt : "")}" loading="lazy">`;
    }
    case "table":
      return `<table><tbody>${inner()}</tbody></table>`;
    case "tableRow":
      return `<tr>${inner()}</tr>`;
    case "tableHeader":
      return `<th>${inner()}</th>`;
    case "tableCell":
      return `<td>${inner()}</td>`;
    default:
      // An unknown node keeps its text, not its markup.
      return inner();
  }
}

const SANITIZE: sanitize.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "br",
    "strong",
    "em",
    "a",
    "img",
    "picture",
    "source",
    "table",
    "tbody",
    "tr",
    "th",
    "td",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    img: ["src", "alt", "loading", "srcset", "sizes", "width", "height"],
    source: ["type", "srcset", "sizes"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  selfClosing: [...sanitize.defaults.selfClosing, "source"],
};

/** The document as sanitised HTML; image blocks of the media library get their variants from `media`. */
export function renderRichText(doc: RichTextDoc, media?: MediaLookup): string {
  // sanitize-html writes void elements XHTML-style (`<img … />`); the site is HTML, where the end tag is
  // omitted. Text and attribute values have `>` escaped, so " />" only ever closes a void element.
  return sanitize(renderNodes(doc.content.filter(isObject), media), SANITIZE).replaceAll(" />", ">");
}

/** The document's plain text, one block a line (search, diffs, summaries). */
export function richTextToPlain(doc: RichTextDoc): string {
  const blocks: string[] = [];
  const textOf = (node: Json): string =>
    node.type === "text"
      ? typeof node.text === "string"
        ? node.text
        : ""
      : node.type === "image"
        ? String(attrs(node).alt ?? "")
        : children(node)
            .map(textOf)
            .join(node.type === "hardBreak" ? "\n" : "");
  const walk = (node: Json) => {
    const kids = children(node);
    const isBlockContainer = kids.some((k) => k.type !== "text" && k.type !== "hardBreak");
    if (isBlockContainer && node.type !== "paragraph" && node.type !== "heading") kids.forEach(walk);
    else {
      const text = textOf(node).trim();
      if (text) blocks.push(text);
    }
  };
  doc.content.filter(isObject).forEach(walk);
  return blocks.join("\n");
}

/** A document of plain paragraphs (demo data, imports). */
export function paragraphsDoc(...paragraphs: string[]): RichTextDoc {
  return {
    type: "doc",
    content: paragraphs.map((p) =>
      p.startsWith("## ")
        ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: p.slice(3) }] }
        : { type: "paragraph", content: [{ type: "text", text: p }] },
    ),
  };
}
