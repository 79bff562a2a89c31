/**
 * A small streaming reader for WordprocessingML: fed chunks of XML, it emits tags and text without ever
 * holding the whole document. Only what the programme parser needs is understood.
 */

export interface XmlTag {
  name: string;
  attrs: string;
  closing: boolean;
  selfClosing: boolean;
}

export type XmlEvent = { tag: XmlTag } | { text: string };

const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>|<[?!][^>]*>|([^<]+)/g;

/** Splits XML arriving in chunks into events; a tag cut by a chunk boundary waits for the next chunk. */
export class XmlChunkReader {
  private pending = "";

  constructor(private readonly onEvent: (event: XmlEvent) => void) {}

  /** Feeds one chunk (the last call may pass ""). */
  push(chunk: string): void {
    const data = this.pending + chunk;
    const cut = data.lastIndexOf("<");
    const complete = cut > data.lastIndexOf(">") ? data.slice(0, cut) : data;
    this.pending = data.slice(complete.length);
    for (const m of complete.matchAll(TOKEN)) {
      if (m[5] !== undefined) this.onEvent({ text: decodeEntities(m[5]) });
      else if (m[2]) {
        this.onEvent({
          tag: { name: m[2], attrs: m[3] ?? "", closing: m[1] === "/", selfClosing: m[4] === "/" },
        });
      }
    }
  }
}

/** Value of an attribute such as `w:val` in a tag's attribute text. */
export function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`${name}="([^"]*)"`).exec(attrs);
  return m?.[1] !== undefined ? decodeEntities(m[1]) : null;
}

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : "";
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e.toLowerCase()] ?? "";
  });
}
