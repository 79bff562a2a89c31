/**
 * What a translator translates: an item's text cut into units — the title, the summary, the SEO
 * fields, every text block of the body (paragraph, heading, list item, quote, table cell) and every
 * image's alt text — each a run of text with its inline formatting (bold, italic, links, line
 * breaks). Formatting travels as numbered placeholders so a CAT tool can move it but not invent it;
 * putting the translated units back into a copy of the source document keeps the document's
 * structure (lists, tables, images) exactly as the source has it.
 */
import type { RichTextDoc } from "../../../shared/api/portal.js";

type Json = Record<string, unknown>;

export type MarkType = "bold" | "italic" | "link";

export interface Mark {
  type: MarkType;
  /** For links: the target, taken from the source (a translation cannot change where a link goes). */
  href?: string;
}

/** A piece of a unit's text: a run with its marks, or a line break. */
export type Inline = { kind: "text"; text: string; marks: Mark[] } | { kind: "break" };

export type UnitField = "title" | "summary" | "seoTitle" | "seoDescription" | "body" | "alt";

export interface Unit {
  /** Stable within a source revision: "title", "summary", "body/3", "body/2.0.1", "body/5#alt". */
  id: string;
  field: UnitField;
  inlines: Inline[];
}

/** The fields of a localisation that are translated. */
export interface TranslatableText {
  title: string;
  summary: string;
  seoTitle: string | null;
  seoDescription: string | null;
  body: RichTextDoc;
}

const TEXT_BLOCKS = new Set(["paragraph", "heading"]);
const MARKS = new Set<MarkType>(["bold", "italic", "link"]);

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const childrenOf = (node: Json): Json[] => (Array.isArray(node.content) ? node.content.filter(isObject) : []);
const attrsOf = (node: Json): Json => (isObject(node.attrs) ? node.attrs : {});

function marksOf(node: Json): Mark[] {
  const out: Mark[] = [];
  for (const m of Array.isArray(node.marks) ? node.marks.filter(isObject) : []) {
    const type = m.type as MarkType;
    if (!MARKS.has(type)) continue;
    const href = attrsOf(m).href;
    out.push(type === "link" ? { type, href: typeof href === "string" ? href : "" } : { type });
  }
  return out;
}

function inlinesOf(block: Json): Inline[] {
  const out: Inline[] = [];
  for (const node of childrenOf(block)) {
    if (node.type === "text" && typeof node.text === "string" && node.text !== "")
      out.push({ kind: "text", text: node.text, marks: marksOf(node) });
    else if (node.type === "hardBreak") out.push({ kind: "break" });
  }
  return out;
}

const plain = (id: string, field: UnitField, text: string | null): Unit[] =>
  text?.trim() ? [{ id, field, inlines: [{ kind: "text", text, marks: [] }] }] : [];

/** Whether a unit has any text (an empty paragraph is not worth translating). */
const hasText = (inlines: Inline[]) => inlines.some((i) => i.kind === "text" && i.text.trim() !== "");

/** The units of a text, in reading order. */
export function unitsOf(text: TranslatableText): Unit[] {
  const units: Unit[] = [
    ...plain("title", "title", text.title),
    ...plain("summary", "summary", text.summary),
    ...plain("seoTitle", "seoTitle", text.seoTitle),
    ...plain("seoDescription", "seoDescription", text.seoDescription),
  ];
  const walk = (nodes: Json[], path: number[]) => {
    nodes.forEach((node, i) => {
      const here = [...path, i];
      const id = `body/${here.join(".")}`;
      if (TEXT_BLOCKS.has(String(node.type))) {
        const inlines = inlinesOf(node);
        if (hasText(inlines)) units.push({ id, field: "body", inlines });
      } else if (node.type === "image") {
        const alt = attrsOf(node).alt;
        if (typeof alt === "string") units.push(...plain(`${id}#alt`, "alt", alt));
      } else walk(childrenOf(node), here);
    });
  };
  walk(text.body.content.filter(isObject), []);
  return units;
}

/** Plain text of a unit (for translation memory and glossary checks). */
export function unitText(inlines: readonly Inline[]): string {
  return inlines
    .map((i) => (i.kind === "text" ? i.text : "\n"))
    .join("")
    .trim();
}

function inlineNodes(inlines: readonly Inline[]): Json[] {
  return inlines.map((i) =>
    i.kind === "break"
      ? { type: "hardBreak" }
      : {
          type: "text",
          text: i.text,
          ...(i.marks.length > 0 && {
            marks: i.marks.map((m) =>
              m.type === "link" ? { type: "link", attrs: { href: m.href ?? "" } } : { type: m.type },
            ),
          }),
        },
  );
}

const plainOf = (u: Unit | undefined) => (u ? unitText(u.inlines) : null);

/**
 * The translated text: the source's structure with each unit replaced by its translation. Every unit
 * of the source must be given (the caller checks that first).
 */
export function applyUnits(
  source: TranslatableText,
  translated: ReadonlyMap<string, Unit>,
): TranslatableText {
  const body = structuredClone(source.body) as RichTextDoc;
  const walk = (nodes: Json[], path: number[]) => {
    nodes.forEach((node, i) => {
      const here = [...path, i];
      const id = `body/${here.join(".")}`;
      if (TEXT_BLOCKS.has(String(node.type))) {
        const unit = translated.get(id);
        if (unit) node.content = inlineNodes(unit.inlines);
      } else if (node.type === "image") {
        const unit = translated.get(`${id}#alt`);
        if (unit) node.attrs = { ...attrsOf(node), alt: unitText(unit.inlines) };
      } else walk(childrenOf(node), here);
    });
  };
  walk(body.content.filter(isObject), []);
  return {
    title: plainOf(translated.get("title")) ?? source.title,
    summary: plainOf(translated.get("summary")) ?? source.summary,
    seoTitle: plainOf(translated.get("seoTitle")) ?? source.seoTitle,
    seoDescription: plainOf(translated.get("seoDescription")) ?? source.seoDescription,
    body,
  };
}
