/**
 * Browser test of the partners and training registers: the demo's sister city found without accents, an
 * incoming exchange added to its history, an agreement that would expire before its signing refused with
 * the Vietnamese message and not stored, and a demo course with its attendance. Screenshots land in
 * `test-results/partners-*.png`.
 */
import dayjs from "dayjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserSession,
  chooseOption,
  openBrowserSession,
  requireChromium,
} from "../support/browser.js";

const canRun = requireChromium("partners register in a browser");

describe.runIf(canRun)("partners register in a browser", () => {
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

  it("finds the sister city without accents and opens it", async () => {
    await page.goto(`${session.server.url}/partners`);
    await page.getByRole("heading", { name: "Đối tác, cộng đồng ở nước ngoài", level: 1 }).waitFor();
    const search = page.getByRole("searchbox", { name: "Tìm theo tên, quốc gia (không cần dấu)" });
    await search.fill("thanh pho kitakyushu");
    await search.press("Enter");
    await page.locator("tbody tr", { hasText: "Incheon" }).waitFor({ state: "detached" });
    await session.shot("partners-01-search");
    await page.getByRole("link", { name: /Thành phố Kitakyushu/ }).click();
    await page.getByRole("heading", { name: "Thành phố Kitakyushu", level: 1 }).waitFor();
  });

  it("adds an incoming exchange to the history", { timeout: 60_000 }, async () => {
    const exchanges = page.getByTestId("partner-exchanges");
    const before = await exchanges.locator("tbody tr").count();
    await page.getByRole("button", { name: "Thêm: Trao đổi thông tin" }).click();
    const dialog = page.getByRole("dialog", { name: "Trao đổi thông tin" });
    await dialog.waitFor();
    await session.shot("partners-02-form");
    await chooseOption(page, dialog.getByRole("combobox", { name: "Chiều" }), "Nhận về");
    await dialog.getByLabel("Nội dung").fill("Thư cảm ơn sau Lễ hội Hoa phượng đỏ");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    const row = exchanges.locator("tbody tr", { hasText: "Thư cảm ơn sau Lễ hội Hoa phượng đỏ" });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Nhận về");
    await expect(row.textContent()).resolves.toContain(dayjs().format("DD/MM/YYYY"));
    expect(await exchanges.locator("tbody tr").count()).toBe(before + 1);
    await session.shot("partners-02-exchange");
  });

  it("refuses an agreement that would expire before it is signed", { timeout: 60_000 }, async () => {
    const rows = page.locator("tbody tr.ant-table-row", {
      hasText: /Biên bản ghi nhớ|Thỏa thuận thử ngày sai/,
    });
    const rowsBefore = await rows.count();
    await page.getByRole("button", { name: "Thêm: Thỏa thuận hợp tác" }).click();
    const dialog = page.getByRole("dialog", { name: "Thỏa thuận hợp tác" });
    await dialog.getByLabel("Tên thỏa thuận").fill("Thỏa thuận thử ngày sai");
    await dialog.getByLabel("Ngày ký").fill("10/06/2026");
    await dialog.getByLabel("Ngày ký").press("Enter");
    await dialog.getByLabel("Ngày hết hạn").fill("01/06/2026");
    await dialog.getByLabel("Ngày hết hạn").press("Enter");
    await dialog.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Ngày hết hạn của thỏa thuận không được trước ngày ký").waitFor();
    await session.shot("partners-03-bad-agreement");
    await dialog.getByRole("button", { name: "Hủy" }).click();
    expect(await rows.count()).toBe(rowsBefore);
  });

  it("shows a demo course with its attendance", async () => {
    await page.goto(`${session.server.url}/training`);
    await page.getByRole("link", { name: "Kỹ năng phát ngôn và làm việc với phóng viên nước ngoài" }).click();
    const attendance = page.getByTestId("course-attendance");
    await attendance.waitFor();
    await expect(attendance.textContent()).resolves.toMatch(/^\d+\/\d+ có mặt$/);
    await session.shot("partners-04-course");
    // The session probe before sign-in answers 401 and the refused agreement 400; nothing else may fail.
    expect(session.consoleErrors.filter((text) => !/status of 40[01]/.test(text))).toEqual([]);
  });
});
