/**
 * The workflow steps the web app offers as buttons: the server's table of transitions
 * (src/modules/portal/portal.service.ts) and the roles of each permission (src/platform/policy/policy.ts).
 * The server checks both again; this only decides which buttons to show.
 */
import type { PortalState, RichTextDoc } from "../../../shared/api/portal";
import type { Role } from "../../api/types";

type Step = "portal.translate" | "portal.review" | "portal.publish";

export const STEP_ROLES: Record<Step, Role[]> = {
  "portal.translate": ["admin", "secretariat", "editor", "translator"],
  "portal.review": ["admin", "secretariat", "leader", "editor"],
  "portal.publish": ["admin", "secretariat", "editor"],
};

export const NEXT_STATES: Record<PortalState, { to: PortalState; step: Step }[]> = {
  draft: [
    { to: "translating", step: "portal.translate" },
    { to: "review", step: "portal.translate" },
  ],
  translating: [
    { to: "review", step: "portal.translate" },
    { to: "draft", step: "portal.translate" },
  ],
  review: [
    { to: "approved", step: "portal.review" },
    { to: "translating", step: "portal.review" },
  ],
  approved: [
    { to: "published", step: "portal.publish" },
    { to: "translating", step: "portal.review" },
  ],
  published: [{ to: "approved", step: "portal.publish" }],
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The images of a document, in order, with their alt texts. */
export function imagesOf(doc: RichTextDoc | null | undefined): { src: string; alt: string }[] {
  const out: { src: string; alt: string }[] = [];
  const walk = (node: Json) => {
    if (node.type === "image" && isObject(node.attrs))
      out.push({ src: String(node.attrs.src ?? ""), alt: String(node.attrs.alt ?? "") });
    if (Array.isArray(node.content)) node.content.filter(isObject).forEach(walk);
  };
  doc?.content.filter(isObject).forEach(walk);
  return out;
}

/** The document with the alt text of its `index`-th image replaced. */
export function withImageAlt(doc: RichTextDoc, index: number, alt: string): RichTextDoc {
  let seen = -1;
  const map = (node: Json): Json => {
    let next = node;
    if (node.type === "image" && isObject(node.attrs)) {
      seen++;
      if (seen === index) next = { ...node, attrs: { ...node.attrs, alt } };
    }
    if (Array.isArray(next.content)) next = { ...next, content: next.content.filter(isObject).map(map) };
    return next;
  };
  return { type: "doc", content: doc.content.filter(isObject).map(map) };
}

/** The translatable fields a translation-memory unit can land in. */
export interface UnitTarget {
  title: string;
  summary: string;
  seoTitle: string;
  seoDescription: string;
  body: RichTextDoc;
}

const TEXT_BLOCKS = new Set(["paragraph", "heading"]);

/** A unit's plain text as inline nodes (a line break of the memory's text becomes a hard break). */
const inlineNodes = (text: string): Json[] =>
  text
    .split("\n")
    .flatMap((line, i) => [
      ...(i > 0 ? [{ type: "hardBreak" }] : []),
      ...(line ? [{ type: "text", text: line }] : []),
    ]);

/** The node at a path of block indexes ("body/2.0.1" → [2, 0, 1]). */
function nodeAt(doc: RichTextDoc, path: number[]): Json | undefined {
  let nodes: unknown[] = doc.content;
  let node: Json | undefined;
  for (const i of path) {
    const next = nodes[i];
    if (!isObject(next)) return undefined;
    node = next;
    nodes = Array.isArray(next.content) ? next.content : [];
  }
  return node;
}

/**
 * The text being edited with one unit (as the server cuts the Vietnamese source into units: "title",
 * "summary", "seoTitle", "seoDescription", "body/2.0.1", "body/5#alt") replaced by `text`. A body unit
 * lands in the block at the same place; when the translation does not have the source's structure
 * there yet, the source's structure is copied first (as "copy the source's structure" does).
 */
export function withUnitText<T extends UnitTarget>(
  form: T,
  source: RichTextDoc,
  unitId: string,
  text: string,
): T {
  if (unitId === "title" || unitId === "summary" || unitId === "seoTitle" || unitId === "seoDescription")
    return { ...form, [unitId]: text };
  const m = /^body\/(\d+(?:\.\d+)*)(#alt)?$/.exec(unitId);
  if (!m) return form;
  const path = (m[1] as string).split(".").map(Number);
  const isAlt = m[2] !== undefined;
  const fits = (doc: RichTextDoc) => {
    const node = nodeAt(doc, path);
    const model = nodeAt(source, path);
    return node !== undefined && model !== undefined && node.type === model.type;
  };
  const body = structuredClone(fits(form.body) ? form.body : source) as RichTextDoc;
  const node = nodeAt(body, path);
  if (!node) return form;
  if (isAlt && node.type === "image") node.attrs = { ...(isObject(node.attrs) ? node.attrs : {}), alt: text };
  else if (!isAlt && TEXT_BLOCKS.has(String(node.type))) node.content = inlineNodes(text);
  else return form;
  return { ...form, body };
}

/** Viet Nam keeps UTC+7 all year (no summer time): schedule times are shown and typed in it. */
const HCM_OFFSET_MS = 7 * 3_600_000;

/** An instant as the `YYYY-MM-DDTHH:mm` of a datetime-local field, in Asia/Ho_Chi_Minh time. */
export const toHcmInput = (iso: string | null | undefined): string =>
  iso ? new Date(Date.parse(iso) + HCM_OFFSET_MS).toISOString().slice(0, 16) : "";

/** The instant (ISO, UTC) of a datetime-local value read as Asia/Ho_Chi_Minh time; null when empty. */
export function fromHcmInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = Date.parse(`${value}:00+07:00`);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** An instant for reading, in Asia/Ho_Chi_Minh time: `dd/MM/yyyy HH:mm`. */
export function formatHcm(iso: string): string {
  const v = toHcmInput(iso);
  return `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11, 16)}`;
}
