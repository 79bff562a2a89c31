/**
 * The forgiving XML reader for feeds, in the spirit of feedparser's "bozo" mode: it reads what can be read
 * from truncated documents, unclosed or stray HTML inside descriptions, undeclared or prefixed namespaces
 * and stray bytes, and says what was wrong in `warnings`. Well-formed feeds come out with no warning.
 *
 * The tree has the shape the format readers expect (attributes as "@_name", text as "#text", repeated
 * children as arrays); namespaced names are rewritten to the usual prefixes ("dc:", "content:", "rdf:"),
 * whatever prefix the feed chose, and the feed's own vocabulary (Atom in an Atom feed, RSS 1.0) has none.
 * The refusals that protect the server (entity declarations, size) stay in `feed.xml.ts`.
 */
import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import type { FeedWarning } from "./feed.types.js";
import type { XmlNode, XmlObject } from "./feed.xml.js";

export type { FeedWarning };

/** Namespace URIs and the prefix the readers know them by ("" for a feed format's own vocabulary). */
const KNOWN_NAMESPACES: Record<string, string> = {
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
  "http://purl.org/dc/elements/1.1/": "dc",
  "http://purl.org/dc/terms/": "dcterms",
  "http://purl.org/rss/1.0/modules/content/": "content",
  "http://www.google.com/schemas/sitemap-news/0.9": "news",
  "http://www.w3.org/2005/Atom": "atom",
  "http://purl.org/atom/ns#": "atom",
  "http://www.w3.org/1999/xhtml": "xhtml",
  "http://purl.org/rss/1.0/": "",
  "http://my.netscape.com/rdf/simple/0.9/": "",
  "http://backend.userland.com/rss2": "",
  "http://blogs.law.harvard.edu/tech/rss": "",
  "http://www.sitemaps.org/schemas/sitemap/0.9": "",
};
/** Prefixes every XML document has without declaring them. */
const BUILT_IN_PREFIXES = new Set(["xml", "xmlns"]);
/** Elements whose content is text or HTML: child elements inside them are kept as HTML markup. */
const TEXT_CONSTRUCTS = new Set([
  "title",
  "subtitle",
  "summary",
  "content",
  "description",
  "content:encoded",
  "rights",
  "tagline",
  "info",
  "copyright",
  "body",
  "xhtml:body",
  "fullitem",
  "atom:title",
  "atom:summary",
  "atom:content",
]);
const MAX_DEPTH = 256;
const VOID_HTML = new Set([
  "br",
  "hr",
  "img",
  "input",
  "meta",
  "link",
  "area",
  "base",
  "col",
  "wbr",
  "source",
]);

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: [string, XmlNode][];
  text: string;
  /** Namespace declarations in scope here: prefix ("" = default) → URI. */
  scope: Map<string, string>;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (s: string) => escapeHtml(s).replace(/"/g, "&quot;");

function finish(node: Building): XmlNode {
  const text = node.text.trim();
  const attributeNames = Object.keys(node.attributes);
  if (attributeNames.length === 0 && node.children.length === 0) return text;
  const out: XmlObject = {};
  for (const name of attributeNames) out[`@_${name}`] = node.attributes[name];
  if (text) out["#text"] = text;
  for (const [name, value] of node.children) {
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[name] = [existing, value];
  }
  return out;
}

/**
 * Reads an XML document forgivingly into a plain object tree. Never throws on malformed input; the
 * caller decides what an empty tree means. `warnings` lists what was repaired.
 */
export function readXmlForgiving(text: string): { root: XmlObject; warnings: FeedWarning[] } {
  const warnings: FeedWarning[] = [];
  const undeclared = new Set<string>();
  const document: Building = { name: "#document", attributes: {}, children: [], text: "", scope: new Map() };
  const stack: Building[] = [document];
  /** Atom's elements lose their prefix only when the document itself is Atom. */
  let ownPrefix: string | null = null;
  /** Depth inside a text construct where child elements are written back as HTML. */
  let raw: { depth: number; open: string[] } | null = null;
  let skippedDepth = 0;
  let inCdata = false;

  const current = () => stack[stack.length - 1] as Building;

  function canonical(qualified: string, scope: Map<string, string>, isAttribute: boolean): string {
    const colon = qualified.indexOf(":");
    const prefix = colon > 0 ? qualified.slice(0, colon) : "";
    const local = colon > 0 ? qualified.slice(colon + 1) : qualified;
    if (BUILT_IN_PREFIXES.has(prefix)) return qualified;
    if (isAttribute && !prefix) return local; // unprefixed attributes have no namespace
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix && !undeclared.has(prefix)) {
        undeclared.add(prefix);
        warnings.push({ code: "xml_undeclared_prefix", message: `undeclared namespace prefix "${prefix}"` });
      }
      return qualified;
    }
    const known = KNOWN_NAMESPACES[uri.trim()];
    if (known === undefined) return qualified;
    if (known === ownPrefix || known === "") return local;
    return `${known}:${local}`;
  }

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = current();
        if (skippedDepth > 0 || stack.length > MAX_DEPTH) {
          skippedDepth++;
          return;
        }
        if (raw) {
          const attrs = Object.entries(attributes)
            .filter(([n]) => !n.startsWith("xmlns"))
            .map(([n, v]) => ` ${n.replace(/^.*:/, "")}="${escapeAttribute(decodeHTML(v))}"`)
            .join("");
          const local = name.replace(/^.*:/, "");
          parent.text += `<${local}${attrs}>`;
          raw.open.push(local);
          return;
        }
        const scope = new Map(parent.scope);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "xmlns") scope.set("", value);
          else if (attribute.startsWith("xmlns:")) scope.set(attribute.slice(6), value);
        }
        if (stack.length === 1) {
          const colon = name.indexOf(":");
          const uri = scope.get(colon > 0 ? name.slice(0, colon) : "");
          ownPrefix = uri !== undefined && KNOWN_NAMESPACES[uri.trim()] === "atom" ? "atom" : null;
        }
        const node: Building = {
          name: canonical(name, scope, false),
          attributes: {},
          children: [],
          text: "",
          scope,
        };
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "xmlns" || attribute.startsWith("xmlns:")) continue;
          node.attributes[canonical(attribute, scope, true)] = decodeHTML(value);
        }
        stack.push(node);
        if (TEXT_CONSTRUCTS.has(node.name)) raw = { depth: stack.length, open: [] };
      },
      onclosetag(name) {
        if (skippedDepth > 0) {
          skippedDepth--;
          return;
        }
        if (raw && raw.open.length > 0) {
          const local = raw.open.pop() as string;
          if (!VOID_HTML.has(local.toLowerCase())) current().text += `</${local}>`;
          return;
        }
        const node = stack.pop();
        if (!node || stack.length === 0) return;
        if (raw && raw.depth === stack.length + 1) {
          raw = null;
          // Atom's type="xhtml" wraps its content in one <div>: the content is what is inside it.
          if (node.attributes.type === "xhtml")
            node.text = node.text.trim().replace(/^<div[^>]*>([\s\S]*)<\/div>$/, "$1");
        }
        void name;
        current().children.push([node.name, finish(node)]);
      },
      ontext(data) {
        if (skippedDepth > 0) return;
        const node = current();
        if (inCdata) node.text += raw && raw.open.length > 0 ? escapeHtml(data) : data;
        else if (raw && raw.open.length > 0) node.text += data;
        else node.text += decodeHTML(data);
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.write(text);
  parser.end();
  const root: XmlObject = {};
  for (const [name, value] of document.children) if (root[name] === undefined) root[name] = value;
  return { root, warnings };
}
