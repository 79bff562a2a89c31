/**
 * OCR of a scanned PDF: each page rendered to a grey image (`pdftoppm`, poppler-utils), straightened
 * (`convert -deskew`, ImageMagick: a scan turned by 1–3° otherwise reads with broken lines), then read by
 * Tesseract with its Vietnamese model (`tesseract … -l vie tsv`), which gives every word with its box
 * and confidence. The words go through the same layout as a text-layer PDF (`page-layout.ts`), so a scan
 * reads like its original; each output line keeps the confidence of its words.
 * All work runs in child processes, one page at a time: the server's event loop stays free, progress is
 * reported per page, and an AbortSignal stops the page in hand.
 */
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importErrors } from "../import.errors.js";
import { type LaidOutText, layoutPages, type PageWords, type WordBox } from "./page-layout.js";
import { runTool, ToolMissingError } from "./run-tool.js";

export interface OcrOptions {
  /** Pages read at most (the PDF's own count is checked by the caller). */
  maxPages: number;
  signal?: AbortSignal;
  /** Called after each page with pages done and the total. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Rendering resolution; Tesseract reads best near 300 dpi. */
  dpi?: number;
  /** Straighten pages before reading (default true). */
  deskew?: boolean;
}

/** The OCR text with one confidence per line, and the number of pages read. */
export interface OcrResult extends LaidOutText {
  pages: number;
}

/** The tools OCR needs; checked before a job is queued so a missing one fails at once, not in the queue. */
export const OCR_TOOLS = ["pdftoppm", "convert", "tesseract"] as const;

/** Parses Tesseract's TSV output into one page of word boxes (level 5 rows; the level 1 row gives the size). */
export function parseTesseractTsv(tsv: string, page: number): PageWords {
  let width = 0;
  let height = 0;
  const words: WordBox[] = [];
  for (const line of tsv.split("\n").slice(1)) {
    const f = line.split("\t");
    if (f.length < 12) continue;
    const level = Number(f[0]);
    const [left, top, w, h] = [Number(f[6]), Number(f[7]), Number(f[8]), Number(f[9])];
    if (level === 1) {
      width = w;
      height = h;
      continue;
    }
    const text = (f[11] ?? "").trim();
    if (level !== 5 || text === "") continue;
    words.push({
      text: text.normalize("NFC"),
      x0: left,
      x1: left + w,
      y0: top,
      y1: top + h,
      confidence: Math.max(0, Number(f[10])),
      lineKey: `${page}.${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return { width, height, words };
}

/** Checks that every OCR tool can be started; throws `import_ocr_unavailable` naming the missing ones. */
export async function assertOcrAvailable(): Promise<void> {
  const missing: string[] = [];
  for (const tool of OCR_TOOLS) {
    try {
      await runTool(tool, tool === "pdftoppm" ? ["-v"] : ["--version"], { timeoutMs: 15_000 });
    } catch (err) {
      if (err instanceof ToolMissingError) missing.push(tool);
    }
  }
  if (missing.length === 0) {
    const langs = await runTool("tesseract", ["--list-langs"], { timeoutMs: 15_000 }).catch(() =>
      Buffer.alloc(0),
    );
    if (!/^vie$/m.test(langs.toString("utf8"))) missing.push("tesseract-ocr-vie");
  }
  if (missing.length > 0) throw importErrors.ocrUnavailable({ meta: { missing } });
}

/** Reads a scanned PDF page by page. Throws `import_ocr_unavailable` when a tool is missing. */
export async function ocrPdf(bytes: Uint8Array, pageCount: number, options: OcrOptions): Promise<OcrResult> {
  const total = Math.min(pageCount, options.maxPages);
  const dpi = options.dpi ?? 300;
  const dir = await mkdtemp(join(tmpdir(), "haidang-ocr-"));
  const run = (tool: string, args: string[]) =>
    runTool(tool, args, {
      timeoutMs: 180_000,
      // One thread per Tesseract: the machine is shared with the server and other jobs.
      env: { OMP_THREAD_LIMIT: "1" },
      ...(options.signal && { signal: options.signal }),
    });
  try {
    const pdf = join(dir, "source.pdf");
    await writeFile(pdf, bytes);
    const pages: PageWords[] = [];
    for (let n = 1; n <= total; n++) {
      const stem = join(dir, `page-${n}`);
      await run("pdftoppm", [
        "-r",
        String(dpi),
        "-gray",
        "-png",
        "-f",
        String(n),
        "-l",
        String(n),
        pdf,
        stem,
      ]);
      const rendered = (await readdir(dir)).find((f) => f.startsWith(`page-${n}-`) && f.endsWith(".png"));
      if (!rendered) throw importErrors.unreadableFile({ meta: { reason: "page_not_rendered", page: n } });
      let image = join(dir, rendered);
      if (options.deskew !== false) {
        const straight = join(dir, `straight-${n}.png`);
        await run("convert", [image, "-deskew", "40%", "+repage", straight]);
        image = straight;
      }
      const tsv = await run("tesseract", [image, "stdout", "-l", "vie", "--psm", "3", "tsv"]);
      pages.push(parseTesseractTsv(tsv.toString("utf8"), n));
      await rm(join(dir, rendered), { force: true });
      await options.onProgress?.(n, total);
    }
    return { ...layoutPages(pages), pages: total };
  } catch (err) {
    if (err instanceof ToolMissingError) throw importErrors.ocrUnavailable({ meta: { missing: [err.tool] } });
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
