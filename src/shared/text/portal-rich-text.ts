/**
 * The portal's rich text between the editor (TipTap) and the server. The server stores a ProseMirror
 * document restricted to the node set its renderer knows (src/modules/portal/portal-render.ts):
 * paragraph, heading 2–4, bullet and ordered lists, blockquote, image (src, alt), table, hard break;
 * marks bold, italic, link (href). TipTap's JSON has the same node names but carries more: link
 * `target`/`rel`/`class`, table cell spans and widths, image titles, heading levels 1–6, and whatever
 * a paste brings (code blocks, strike-through, rules). `toStoredDoc` keeps exactly the stored shape;
 * `toEditorDoc` turns a stored document into one the editor accepts (never an empty document).
 */
import type { RichTextDoc } from "../api/portal.js";

/** A ProseMirror JSON node, as TipTap's `editor.getJSON()` gives it. */
export interface EditorNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

type StoredNode = Record<string, unknown>;
type StoredMark = { type: string; attrs?: Record<string, unknown> };

const BLOCK_CONTAINERS = new Set(["bulletList", "orderedList", "listItem", "blockquote"]);
const TABLE_PARTS = new Set(["table", "tableRow", "tableHeader", "tableCell"]);

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isNode = (v: unknown): v is EditorNode => isObject(v);
const isMark = (v: unknown): v is StoredMark => isObject(v) && typeof v.type === "string";

function storedMarks(marks: EditorNode["marks"]): StoredMark[] {
  const out: StoredMark[] = [];
  for (const mark of marks ?? []) {
    if (!isMark(mark)) continue;
    if (mark.type === "bold" || mark.type === "italic") out.push({ type: mark.type });
    else if (mark.type === "link") {
      const href = isObject(mark.attrs) ? mark.attrs.href : undefined;
      if (typeof href === "string" && href.trim()) out.push({ type: "link", attrs: { href: href.trim() } });
    }
  }
  return out;
}

/** Inline content: text with allowed marks, hard breaks; anything else contributes its text. */
function storedInline(nodes: EditorNode[] | undefined): StoredNode[] {
  const out: StoredNode[] = [];
  for (const node of nodes ?? []) {
    if (!isNode(node)) continue;
    if (node.type === "text") {
      if (typeof node.text !== "string" || node.text === "") continue;
      const marks = storedMarks(node.marks);
      out.push(marks.length ? { type: "text", text: node.text, marks } : { type: "text", text: node.text });
    } else if (node.type === "hardBreak") out.push({ type: "hardBreak" });
    else out.push(...storedInline(node.content));
  }
  return out;
}

const withContent = (type: string, content: StoredNode[], attrs?: Record<string, unknown>): StoredNode => ({
  type,
  ...(attrs && { attrs }),
  ...(content.length > 0 && { content }),
});

/** Block content of a container (document, list item, blockquote, table cell). */
function storedBlocks(nodes: EditorNode[] | undefined): StoredNode[] {
  const out: StoredNode[] = [];
  for (const node of nodes ?? []) {
    if (!isNode(node)) continue;
    const type = node.type ?? "";
    if (type === "paragraph") out.push(withContent("paragraph", storedInline(node.content)));
    else if (type === "heading") {
      const level = Number(node.attrs?.level);
      const stored = Number.isInteger(level) ? Math.min(4, Math.max(2, level)) : 2;
      out.push(withContent("heading", storedInline(node.content), { level: stored }));
    } else if (BLOCK_CONTAINERS.has(type)) out.push(withContent(type, storedBlocks(node.content)));
    else if (type === "image") {
      const src = node.attrs?.src;
      if (typeof src !== "string" || !src.trim()) continue;
      const alt = node.attrs?.alt;
      out.push({ type: "image", attrs: { src: src.trim(), alt: typeof alt === "string" ? alt : "" } });
    } else if (type === "table" || type === "tableRow")
      out.push(withContent(type, storedTable(node.content)));
    else if (type === "text" || type === "hardBreak")
      // Loose inline content at block level becomes a paragraph.
      out.push(withContent("paragraph", storedInline([node])));
    else if (TABLE_PARTS.has(type)) out.push(withContent(type, storedBlocks(node.content)));
    else {
      // A block the portal does not render (code block, rule, …): its text as a paragraph, if any.
      const inline = storedInline(node.content);
      if (inline.length) out.push(withContent("paragraph", inline));
    }
  }
  return out;
}

/** Rows of a table, cells of a row (spans and widths are not stored). */
function storedTable(nodes: EditorNode[] | undefined): StoredNode[] {
  const out: StoredNode[] = [];
  for (const node of nodes ?? []) {
    if (!isNode(node)) continue;
    if (node.type === "tableRow") out.push(withContent("tableRow", storedTable(node.content)));
    else if (node.type === "tableHeader" || node.type === "tableCell")
      out.push(withContent(node.type, storedBlocks(node.content)));
  }
  return out;
}

/** The editor's document as the server stores it. */
export function toStoredDoc(editorDoc: EditorNode): RichTextDoc {
  const content = storedBlocks(editorDoc.type === "doc" ? editorDoc.content : [editorDoc]);
  // A document ending in empty paragraphs (the editor's trailing node) stores without them.
  while (content.length > 0) {
    const last = content[content.length - 1];
    if (last?.type === "paragraph" && !last.content) content.pop();
    else break;
  }
  return { type: "doc", content };
}

/** A stored document as the editor loads it: the same nodes, and one empty paragraph if there is none. */
export function toEditorDoc(stored: RichTextDoc | null | undefined): EditorNode {
  const content = stored ? storedBlocks(stored.content as EditorNode[]) : [];
  return { type: "doc", content: content.length ? (content as EditorNode[]) : [{ type: "paragraph" }] };
}

/** Whether a stored document has no text and no image. */
export function isEmptyDoc(doc: RichTextDoc): boolean {
  const hasSomething = (node: StoredNode): boolean =>
    (node.type === "text" && typeof node.text === "string" && node.text.trim() !== "") ||
    node.type === "image" ||
    (Array.isArray(node.content) && node.content.filter(isObject).some(hasSomething));
  return !doc.content.some(hasSomething);
}
