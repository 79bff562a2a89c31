/**
 * Browser test of the budget and installations registers: the demo's totals in đồng written the
 * Vietnamese way, a proposal added through the form and shown as "1.234.567 đ", and a photo added to
 * an installation that comes back as a resized thumbnail. Screenshots land in `test-results/registers-*.png`.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("budget and installations in a browser");

describe.runIf(canRun)("budget and installations in a browser", () => {
  let session: BrowserSession;
  let page: BrowserSession["page"];

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    const { server } = session;
    await page.goto(`${server.url}/`);
    await page.getByLabel("Email").fill(server.adminEmail);
    await page.getByLabel("Mật khẩu").fill(server.adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();
  });
  afterAll(async () => session?.close());

  it("shows the demo's budget totals in đồng and adds a proposal", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Đề xuất kinh phí" }).click();
    await page.getByRole("heading", { name: "Đề xuất kinh phí", level: 1 }).waitFor();
    const totals = page.getByTestId("budget-totals");
    await totals.waitFor();
    await expect(totals.textContent()).resolves.toMatch(/\d{1,3}(\.\d{3})+ đ/);
    await session.shot("registers-01-budget");

    await page.getByRole("button", { name: "Thêm đề xuất" }).click();
    const drawer = page.getByRole("dialog", { name: "Thêm đề xuất" });
    await drawer.waitFor();
    await drawer.getByLabel("Nội dung đề xuất").fill("In bản đồ du lịch song ngữ");
    await drawer.getByLabel("Kinh phí đề xuất (đồng)").fill("1234567");
    await drawer.getByTestId("budget-save").click();
    await page.getByRole("heading", { name: "In bản đồ du lịch song ngữ", level: 1 }).waitFor();
    await expect(page.getByTestId("budget-proposed").textContent()).resolves.toBe("1.234.567 đ");
    await page.getByText("Nhiệm vụ liên quan").first().waitFor();
    await session.shot("registers-02-budget-item");
  });

  it("adds a photo to an installation and shows its thumbnail", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Công trình trực quan" }).click();
    await page.getByRole("heading", { name: "Công trình trực quan", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Màn hình LED Quảng trường Nhà hát Lớn" }).click();
    await page.getByRole("heading", { name: "Màn hình LED Quảng trường Nhà hát Lớn", level: 1 }).waitFor();
    const photo = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#1d4ed8" } })
      .jpeg()
      .toBuffer();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Thêm ảnh" }).click();
    await (await chooser).setFiles({ name: "led.jpg", mimeType: "image/jpeg", buffer: photo });
    const thumb = page.getByTestId("installation-photo").locator("img").first();
    await thumb.waitFor();
    await expect
      .poll(() => thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), {
        timeout: 10_000,
      })
      .toBe(320);
    await session.shot("registers-03-installation");
    expect(session.consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  });
});
