/**
 * A typed view of the linkedom DOM. The server build has no DOM lib (`lib: ES2023`), so the few members
 * we use are declared here instead of leaking untyped values.
 */
import { lazyRequire } from "../../../platform/lazy-require.js";

const linkedom = lazyRequire<typeof import("linkedom")>("linkedom");

/** DOM node types we distinguish. */
export const NODE_ELEMENT = 1;
export const NODE_TEXT = 3;

/** The members of a DOM node that extraction and sanitising use. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  /** linkedom builds a new list on every read: walk `firstChild`/`nextSibling` in loops instead. */
  childNodes: ArrayLike<DomNode>;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  remove(): void;
}

/** The members of a DOM element that extraction and sanitising use. */
export interface DomElement extends DomNode {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  innerHTML: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  replaceWith(...nodes: DomNode[]): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** The members of a document that extraction and sanitising use. */
export interface DomDocument {
  body: DomElement | null;
  documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Parses a full page or a fragment; fragments are wrapped so linkedom builds a normal body. */
export function parseHtmlDocument(html: string): DomDocument {
  const isFullPage = /^\s*(<!doctype|<html|<\?xml)/i.test(html);
  const wrap = (fragment: string) => `<!DOCTYPE html><html><head></head><body>${fragment}</body></html>`;
  const { document } = linkedom().parseHTML(isFullPage ? html : wrap(html)) as unknown as {
    document: DomDocument;
  };
  // "<!DOCTYPE x" with no element after it (a feed title, say) leaves no root, and linkedom's `body`
  // getter then throws: read such text as a fragment.
  if (document.documentElement) return document;
  return (linkedom().parseHTML(wrap(html)) as unknown as { document: DomDocument }).document;
}

/** The element whose content is the page's content: body, else the root (never null after parsing). */
export function contentRoot(doc: DomDocument): DomNode | null {
  return doc.documentElement ? (doc.body ?? doc.documentElement) : null;
}

/** True when the text has no markup or entities at all: HTML parsing would return it unchanged. */
export function isPlainText(text: string): boolean {
  return !/[<>&\u00a0]/.test(text);
}

/** True for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === NODE_ELEMENT;
}
