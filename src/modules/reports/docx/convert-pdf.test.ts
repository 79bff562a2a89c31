import { spawnSync } from "node:child_process";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../../../platform/errors.js";
import { convertDocxToPdf, isPdfConversionAvailable } from "./convert-pdf.js";
import { buildReportDocx } from "./report.docx.js";
import { sampleSemiannualReport, sampleUrgingNotice } from "./report.sample.js";
import { buildUrgingNoticeDocx } from "./urging-notice.docx.js";

const isCi = process.env.CI === "true";
const hasLibreOffice = await isPdfConversionAvailable();
if (!hasLibreOffice && !isCi) {
  console.warn(
    "[convert-pdf] skipped: LibreOffice not found. Enable with `apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-liberation` (with CI=true a missing LibreOffice fails).",
  );
}

function pdfText(pdf: Buffer): string {
  const r = spawnSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
  if (r.error) throw r.error;
  return r.stdout;
}

// In CI these run even without LibreOffice, so that a missing installation fails loudly.
describe.skipIf(!hasLibreOffice && !isCi)("convertDocxToPdf with LibreOffice", () => {
  it("converts a Party report whose PDF carries the Vietnamese heading lines", async () => {
    const pdf = await convertDocxToPdf(await buildReportDocx(sampleSemiannualReport()));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const s of [
      "THÀNH ỦY HẢI PHÒNG",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "BAN CHỈ ĐẠO",
      "Số 15-BC/BCĐ",
      "Hải Phòng, ngày 20 tháng 6 năm 2024",
      "BÁO CÁO",
      "I. KẾT QUẢ THỰC HIỆN",
      "II. HẠN CHẾ, NGUYÊN NHÂN",
      "III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2024",
      "Đỗ Mạnh Hiến",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("converts an urging notice and two documents at once (separate profiles)", async () => {
    const [a, b] = await Promise.all([
      buildUrgingNoticeDocx(sampleUrgingNotice()).then((d) => convertDocxToPdf(d)),
      buildReportDocx(sampleSemiannualReport({ format: "state" })).then((d) => convertDocxToPdf(d)),
    ]);
    expect(pdfText(a)).toContain("Số 21-CV/BCĐ");
    expect(pdfText(b)).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });
});

describe("convertDocxToPdf errors", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  async function fakeSoffice(script: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "fake-soffice-"));
    dirs.push(dir);
    const path = join(dir, "soffice");
    await writeFile(path, `#!/bin/sh\n${script}\n`);
    await chmod(path, 0o755);
    return path;
  }

  async function codeOf(p: Promise<unknown>): Promise<string> {
    try {
      await p;
      return "resolved";
    } catch (e) {
      return isAppError(e) ? e.code : String(e);
    }
  }

  it("reports report_pdf_unavailable when LibreOffice is not installed", async () => {
    const docx = Buffer.from("PK");
    expect(await codeOf(convertDocxToPdf(docx, { sofficePath: "/nonexistent/soffice" }))).toBe(
      "report_pdf_unavailable",
    );
    expect(await isPdfConversionAvailable({ sofficePath: "/nonexistent/soffice" })).toBe(false);
  });

  it("reports report_pdf_failed when no PDF comes out, and report_pdf_timeout when it hangs", async () => {
    const docx = Buffer.from("PK");
    expect(await codeOf(convertDocxToPdf(docx, { sofficePath: await fakeSoffice("exit 1") }))).toBe(
      "report_pdf_failed",
    );
    const slow = await fakeSoffice("sleep 30");
    expect(await codeOf(convertDocxToPdf(docx, { sofficePath: slow, timeoutMs: 300 }))).toBe(
      "report_pdf_timeout",
    );
  });
});
