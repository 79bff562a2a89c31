/**
 * Word boxes of a PDF's text layer, from poppler's `pdftotext -bbox` (run as a child process). Poppler
 * places every glyph where the PDF draws it, so a line drawn in two fonts (accented capitals from a
 * fallback font) and stretched justified text come out as words with exact boxes; pdf.js merges glyph
 * runs and loses those positions. The boxes go to `page-layout.ts`.
 */
import type { PageWords, WordBox } from "./page-layout.js";
import { runTool } from "./run-tool.js";

const PAGE = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
const WORD = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&apos;": "'",
};
const decodeEntities = (s: string) => s.replace(/&(?:amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e);

/** Parses the XHTML of `pdftotext -bbox`. */
export function parseBboxHtml(html: string): PageWords[] {
  const pages: PageWords[] = [];
  for (const page of html.matchAll(PAGE)) {
    const words: WordBox[] = [];
    for (const w of (page[3] ?? "").matchAll(WORD)) {
      words.push({
        x0: Number(w[1]),
        y0: Number(w[2]),
        x1: Number(w[3]),
        y1: Number(w[4]),
        text: decodeEntities(w[5] ?? "").normalize("NFC"),
      });
    }
    pages.push({ width: Number(page[1]), height: Number(page[2]), words });
  }
  return pages;
}

/** Reads the word boxes of every page (pdftotext reads the PDF from stdin). */
export async function readPdfWords(bytes: Uint8Array, options: { maxPages: number }): Promise<PageWords[]> {
  const html = await runTool(
    "pdftotext",
    ["-bbox", "-enc", "UTF-8", "-l", String(options.maxPages), "-", "-"],
    {
      input: bytes,
      timeoutMs: 120_000,
    },
  );
  return parseBboxHtml(html.toString("utf8"));
}
