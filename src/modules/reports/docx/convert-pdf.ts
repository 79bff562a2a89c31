import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { reportsErrors } from "../reports.errors.js";

/** Options of the LibreOffice conversion. */
export interface ConvertPdfOptions {
  /** The LibreOffice binary; default `soffice` on the PATH. */
  sofficePath?: string;
  /** Kill LibreOffice after this many milliseconds (default 60 000). */
  timeoutMs?: number;
}

/**
 * Converts a .docx buffer to PDF with LibreOffice (`soffice --headless --convert-to pdf`), in a
 * temporary directory with its own user profile (`-env:UserInstallation`), so that concurrent
 * conversions and a desktop LibreOffice never share a locked profile.
 *
 * @throws `report_pdf_unavailable` when LibreOffice is not installed; `report_pdf_timeout`;
 *   `report_pdf_failed` when it exits without producing a PDF.
 */
export async function convertDocxToPdf(docx: Uint8Array, options: ConvertPdfOptions = {}): Promise<Buffer> {
  const soffice = options.sofficePath ?? "soffice";
  const timeoutMs = options.timeoutMs ?? 60_000;
  const dir = await mkdtemp(join(tmpdir(), "haidang-pdf-"));
  try {
    const input = join(dir, "document.docx");
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, "profile")).href;
    const args = [
      "--headless",
      "--norestore",
      "--nologo",
      "--nodefault",
      "--nolockcheck",
      `-env:UserInstallation=${profile}`,
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      input,
    ];
    const { code, stderr } = await run(soffice, args, dir, timeoutMs);
    try {
      return await readFile(join(dir, "document.pdf"));
    } catch (cause) {
      throw reportsErrors.pdfFailed({ meta: { exitCode: code, stderr: stderr.slice(-2000) }, cause });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether LibreOffice can be started (runs `soffice --version`). */
export async function isPdfConversionAvailable(options: ConvertPdfOptions = {}): Promise<boolean> {
  try {
    const r = await run(
      options.sofficePath ?? "soffice",
      ["--version"],
      tmpdir(),
      options.timeoutMs ?? 30_000,
    );
    return r.code === 0;
  } catch {
    return false;
  }
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Detached: soffice forks soffice.bin, so a timeout must kill the whole process group.
    const child = spawn(cmd, args, {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, HOME: cwd },
    });
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", () => {});
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString("utf8");
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (err.code === "ENOENT" || err.code === "EACCES")
        reject(reportsErrors.pdfUnavailable({ meta: { command: cmd }, cause: err }));
      else reject(reportsErrors.pdfFailed({ cause: err }));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) reject(reportsErrors.pdfTimeout({ meta: { timeoutMs } }));
      else resolve({ code, stderr });
    });
  });
}
