/**
 * PDFs of the portal's publications: the page count (`pdfinfo`) and page 1 as a PNG (`pdftoppm`), both
 * from poppler-utils, run through execFile (no shell) with a timeout, on a copy in a private temporary
 * directory that is removed afterwards. The cover then goes through the ordinary image pipeline.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A slow or hostile PDF must not hold a request: each tool gets this long. */
export const PDF_TOOL_TIMEOUT_MS = 20_000;
/** The cover is rendered at most this wide (the image pipeline makes the smaller ones). */
const COVER_WIDTH = 1600;

export const isPdf = (bytes: Uint8Array) =>
  bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

export class PdfUnreadable extends Error {
  constructor(cause: unknown) {
    super("pdf unreadable", { cause });
    this.name = "PdfUnreadable";
  }
}

export interface PdfFacts {
  pageCount: number;
  /** Page 1 as PNG. */
  cover: Buffer;
}

/** Page count and a PNG of page 1; throws {@link PdfUnreadable} for anything poppler cannot read. */
export async function readPdf(bytes: Buffer): Promise<PdfFacts> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "haidang-pdf-"));
  try {
    const input = path.join(dir, "input.pdf");
    await fs.writeFile(input, bytes, { mode: 0o600 });
    const options = { timeout: PDF_TOOL_TIMEOUT_MS, maxBuffer: 1024 * 1024, killSignal: "SIGKILL" as const };
    const info = await run("pdfinfo", [input], options);
    const pages = /^Pages:\s+(\d+)/m.exec(info.stdout);
    const pageCount = Number(pages?.[1] ?? 0);
    if (!pageCount) throw new Error("no pages");
    await run(
      "pdftoppm",
      [
        "-f",
        "1",
        "-l",
        "1",
        "-png",
        "-singlefile",
        "-scale-to-x",
        String(COVER_WIDTH),
        "-scale-to-y",
        "-1",
        input,
        path.join(dir, "cover"),
      ],
      options,
    );
    return { pageCount, cover: await fs.readFile(path.join(dir, "cover.png")) };
  } catch (err) {
    throw new PdfUnreadable(err);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
