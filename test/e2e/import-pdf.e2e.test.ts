/**
 * Browser test of programmes that arrive as PDF (issue 10, section 2): a PDF exported from a word
 * processor and a scan of the printed copy, each uploaded on the import page, reviewed and committed. The
 * scan goes to OCR on its own; its progress (pages done of total) is shown while it runs, and the review
 * screen marks the lines OCR was unsure of. The real server with the demo data and its job runner, the
 * built web app and Debian's Chromium. Screenshots land in `test-results/import-pdf-*.png`.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertOcrAvailable } from "../../src/modules/import/extract/ocr.extract.js";
import { FIXTURES_DIR } from "../fixtures/programmes/expectations.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { BROWSER_PAGE, CHROMIUM, requireChromium, SHOTS } from "../support/browser.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const canRun = requireChromium("PDF and scan import in a browser");
const ocrReady = await assertOcrAvailable().then(
  () => true,
  () => false,
);
if (!ocrReady && process.env.CI === "true") throw new Error("OCR tools missing (required when CI=true)");

describe.runIf(canRun && (ocrReady || process.env.CI === "true"))("PDF and scan import in a browser", () => {
  let t: TestPlatform;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const shot = async (name: string) => {
    await page.locator(".ant-spin-spinning").first().waitFor({ state: "detached" });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, `import-pdf-${name}.png`) });
  };
  const openImport = async () => {
    await page.goto(`${t.url}/programmes/import`);
    await page.getByRole("heading", { name: "Nhập chương trình", level: 1 }).waitFor();
  };
  const commit = async (heading: RegExp) => {
    await page.getByRole("button", { name: "Xác nhận nhập" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByRole("button", { name: "Xác nhận nhập" }).waitFor();
    await confirm.getByRole("button", { name: "Xác nhận nhập" }).click();
    try {
      await page.getByRole("heading", { level: 1, name: heading }).waitFor({ timeout: 60_000 });
    } catch (error) {
      // Say what the page shows instead (an error message, a dialog still open), with a screenshot.
      await page.screenshot({ path: path.join(SHOTS, "import-pdf-commit-failed.png") });
      const shown = await page
        .locator(".ant-message, .ant-alert, .ant-notification, [role='alert'], .ant-modal")
        .allTextContents();
      throw new Error(
        `${(error as Error).message}\nOn screen: ${shown.join(" | ") || "(no message)"} at ${page.url()}`,
      );
    }
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await startTestPlatform({
      demo: true,
      listen: true,
      webDir: path.join(ROOT, "dist", "web"),
      env: { HAIDANG_UPLOAD_LIMIT: "5000000" },
    });
    // The OCR runs as a job: this server runs its job runner like `haidang serve` does.
    t.platform.services.jobs.start();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, ...BROWSER_PAGE });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${t.url}/`);
    await page.getByLabel("Email").fill(t.adminEmail);
    await page.getByLabel("Mật khẩu").fill(t.adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.platform.services.jobs.stop();
    await t?.close();
  });

  it("a PDF exported from a word processor reads into its tasks and is committed", async () => {
    await openImport();
    await page.locator('input[type="file"]').setInputFiles(`${FIXTURES_DIR}quang-tri-2025.pdf`);
    await page.getByRole("heading", { name: "Rà soát chương trình trước khi nhập", level: 1 }).waitFor();
    // The header table's two columns read as number, issuer and date; the footnote under its task.
    await page.getByText("52/KH-UBND").first().waitFor();
    await page.getByTestId("review-task-II.5").waitFor();
    await page
      .getByTestId("source-text")
      .getByText(/^¹ Lễ hội tổ chức theo Đề án/)
      .waitFor();
    await shot("01-pdf-review");
    await commit(/Thông tin đối ngoại tỉnh Quảng Trị năm 2025/i);
    await shot("02-pdf-committed");
  }, 180_000);

  it("a scanned PDF goes through OCR with its progress shown, then review and commit", async () => {
    await openImport();
    await page.locator('input[type="file"]').setInputFiles(`${FIXTURES_DIR}nghe-an-2025.scan.pdf`);
    const progress = page.getByTestId("ocr-progress");
    await progress.waitFor();
    await progress.getByText(/Đã đọc [0-2]\/3 trang/).waitFor();
    await shot("03-scan-ocr-started");
    await progress.getByText(/Đã đọc [12]\/3 trang/).waitFor({ timeout: 300_000 });
    await shot("04-scan-ocr-progress");
    await page
      .getByRole("heading", { name: "Rà soát chương trình trước khi nhập", level: 1 })
      .waitFor({ timeout: 600_000 });
    await page.getByTestId("review-task-II.6").waitFor();
    // The lines OCR was unsure of are marked in the source text, and counted above it.
    expect(await page.locator(".hd-source-line.is-doubtful").count()).toBeGreaterThan(0);
    await page.getByText(/dòng OCR chưa chắc chắn/).waitFor();
    await shot("05-scan-review");
    await page.locator(".hd-source-line.is-doubtful").first().scrollIntoViewIfNeeded();
    await shot("05b-scan-doubtful-line");
    // "Ban Tuyên giáo Tỉnh ủy" (Nghệ An) is close to the demo's "Ban Tuyên giáo Thành ủy": not the same body.
    const keep = page.getByRole("radio", { name: "Giữ nguyên tên như văn bản, không liên kết" });
    for (let i = 0; i < (await keep.count()); i++) await keep.nth(i).check();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByText("Đã lưu nháp").waitFor();
    await commit(/công tác thông tin đối ngoại năm 2025/i);
    await shot("06-scan-committed");
    expect(errors).toEqual([]);
  }, 900_000);
});
