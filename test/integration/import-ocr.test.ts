/**
 * Scanned programmes through OCR, as the secretariat meets them: the scan is refused by the ordinary
 * upload with "needs OCR", sent for OCR, followed page by page while the server keeps answering, turned
 * into a draft whose doubtful lines are listed; a second scan is cancelled mid-way and leaves no draft.
 * Uses the real tesseract/pdftoppm/convert (Debian packages); under CI=true it never skips.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../src/modules/demo/demo-seed.js";
import { assertOcrAvailable } from "../../src/modules/import/extract/ocr.extract.js";
import { systemContext } from "../../src/platform/context.js";
import { FIXTURES_DIR } from "../fixtures/programmes/expectations.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { type Client, signIn } from "../support/http.js";

const ocrReady = await assertOcrAvailable().then(
  () => true,
  () => false,
);
const scan = (stem: string) => fs.readFileSync(`${FIXTURES_DIR}${stem}.scan.pdf`);
const body = (bytes: Buffer, filename: string) => ({ filename, contentBase64: bytes.toString("base64") });

interface Run {
  id: string;
  status: string;
  pagesDone: number;
  pagesTotal: number;
  draftId: string | null;
  error: { code: string } | null;
}

describe.skipIf(!ocrReady && process.env.CI !== "true").each(dialects())(
  "OCR of scanned programmes on %s",
  (dialect) => {
    let t: TestPlatform;
    let admin: Client;

    beforeAll(async () => {
      t = await startTestPlatform({ dialect, env: { HAIDANG_UPLOAD_LIMIT: "2000000" } });
      await seedDemo(t.platform.services, systemContext(), { withProgramme: false });
      admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    });
    afterAll(async () => t?.close());

    const getRun = async (id: string) => (await admin.request("GET", `/api/imports/ocr/${id}`)).body as Run;

    it("reads a scan page by page into a draft, with progress and doubtful lines", async () => {
      const bytes = scan("nghe-an-2025");
      const refused = await admin.request("POST", "/api/imports", body(bytes, "ctr-07.pdf"));
      expect(refused.status).toBe(422);
      expect((refused.body as { error: { code: string } }).error.code).toBe("import_pdf_needs_ocr");

      const started = await admin.request("POST", "/api/imports/ocr", body(bytes, "ctr-07.pdf"));
      expect(started.status).toBe(202);
      const run = started.body as Run;
      expect(run).toMatchObject({ status: "queued", pagesDone: 0, pagesTotal: 3, draftId: null });

      // The job runs while the API keeps answering: progress is seen between pages.
      const job = t.platform.services.jobs.tick();
      const seen = new Set<number>();
      let current = run;
      for (let i = 0; i < 600 && current.status !== "done" && current.status !== "failed"; i++) {
        const started = Date.now();
        current = await getRun(run.id);
        expect(Date.now() - started).toBeLessThan(2000);
        seen.add(current.pagesDone);
        await new Promise((r) => setTimeout(r, 250));
      }
      await job;
      current = await getRun(run.id);
      expect(current.status).toBe("done");
      expect(current.pagesDone).toBe(3);
      expect([...seen].some((n) => n > 0 && n < 3)).toBe(true);

      const draft = (await admin.request("GET", `/api/imports/${current.draftId}`)).body as {
        sourceType: string;
        parsed: {
          document: { number: string; date: string };
          tasks: { ref: string; directing: { name: string }[] }[];
        };
      };
      expect(draft.sourceType).toBe("pdf-ocr");
      expect(draft.parsed.document).toMatchObject({ number: "07-CTr/BCĐ", date: "2025-01-20" });
      expect(draft.parsed.tasks.map((task) => task.ref)).toEqual([
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "II.5",
        "II.6",
      ]);
      expect(draft.parsed.tasks[0]?.directing[0]?.name).toBe("Nguyễn Văn Thông");

      const confidence = (await admin.request("GET", `/api/imports/${current.draftId}/ocr-confidence`))
        .body as {
        isOcr: boolean;
        lowLines: { line: number; mean: number }[];
      };
      expect(confidence.isOcr).toBe(true);
      for (const low of confidence.lowLines) expect(low.line).toBeGreaterThan(0);
    }, 600_000);

    it("stops a scan when the reviewer cancels, and makes no draft", async () => {
      const started = await admin.request(
        "POST",
        "/api/imports/ocr",
        body(scan("quang-tri-2025"), "kh-52.pdf"),
      );
      const run = started.body as Run;
      const job = t.platform.services.jobs.tick();
      let current = run;
      for (let i = 0; i < 200 && current.status === "queued"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        current = await getRun(run.id);
      }
      const cancelled = await admin.request("POST", `/api/imports/ocr/${run.id}/cancel`, {});
      expect(cancelled.status).toBe(200);
      expect((cancelled.body as Run).status).toBe("cancelled");
      const t0 = Date.now();
      await job;
      // The page in hand is stopped, not finished: well under a page's OCR time on this machine.
      expect(Date.now() - t0).toBeLessThan(5000);
      const after = await getRun(run.id);
      expect(after.status).toBe("cancelled");
      expect(after.draftId).toBeNull();
    }, 120_000);

    it("refuses a file that is not a PDF", async () => {
      const res = await admin.request("POST", "/api/imports/ocr", body(Buffer.from("xin chào"), "a.txt"));
      expect(res.status).toBe(415);
      expect((res.body as { error: { code: string } }).error.code).toBe("import_unsupported_type");
    });
  },
);

describe("OCR without its tools", () => {
  it("says which tools are missing with import_ocr_unavailable", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      await expect(assertOcrAvailable()).rejects.toMatchObject({ code: "import_ocr_unavailable" });
    } finally {
      process.env.PATH = path;
    }
  });
});
