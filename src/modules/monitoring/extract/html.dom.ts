/**
 * A typed view of the linkedom DOM. The server build has no DOM lib (`lib: ES2023`), so the few members
 * we use are declared here instead of leaking untyped values.
 */
import { parseHTML } from "linkedom";

/** DOM node types we distinguish. */
export const NODE_ELEMENT = 1;
export const NODE_TEXT = 3;

/** The members of a DOM node that extraction and sanitising use. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
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
  documentElement: DomElement;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

/** Parses a full page or a fragment; fragments are wrapped so linkedom builds a normal body. */
export function parseHtmlDocument(html: string): DomDocument {
  const isFullPage = /^\s*(<!doctype|<html|<\?xml)/i.test(html);
  const source = isFullPage ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(source) as unknown as { document: DomDocument };
  return document;
}

/** True for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === NODE_ELEMENT;
}
