/**
 * Plain text from HTML, keeping paragraph breaks (mention offsets and shingles depend on word boundaries).
 */
import {
  contentRoot,
  type DomNode,
  isElement,
  isPlainText,
  NODE_TEXT,
  parseHtmlDocument,
} from "./html.dom.js";

const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "HEAD",
  "SVG",
  "MATH",
  "OBJECT",
]);
const BLOCKS = new Set([
  "P",
  "DIV",
  "BR",
  "LI",
  "UL",
  "OL",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "TR",
  "TABLE",
  "BLOCKQUOTE",
  "PRE",
  "SECTION",
  "ARTICLE",
  "HEADER",
  "FOOTER",
  "FIGURE",
  "FIGCAPTION",
  "HR",
  "DD",
  "DT",
]);

function collect(node: DomNode, out: string[]): void {
  if (node.nodeType === NODE_TEXT) {
    out.push(node.textContent ?? "");
    return;
  }
  if (!isElement(node)) return;
  const tag = node.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return;
  const isBlock = BLOCKS.has(tag);
  if (isBlock) out.push("\n");
  for (let child = node.firstChild; child; child = child.nextSibling) collect(child, out);
  if (isBlock) out.push("\n");
}

function tidy(text: string): string {
  return text
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text of a parsed node's content (the node itself counts as a block when it is one). */
export function nodeToText(node: DomNode): string {
  const parts: string[] = [];
  collect(node, parts);
  return tidy(parts.join(""));
}

/**
 * Converts HTML (page or fragment) to text: scripts and styles dropped, blocks become line breaks,
 * runs of spaces collapsed.
 */
export function htmlToText(html: string): string {
  // Most feed summaries and titles are plain text: parsing them would return them unchanged.
  if (isPlainText(html)) return tidy(html);
  const root = contentRoot(parseHtmlDocument(html));
  return root ? nodeToText(root) : "";
}
