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
