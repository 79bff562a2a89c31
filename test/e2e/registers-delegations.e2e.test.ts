/**
 * Browser test of the delegations register: the demo's delegations under "Đối ngoại", a delegation added
 * through the form that opens on its own page and is then found in the list by an accent-free search,
 * and the press visits page with reporters' names shown to the administrator. Screenshots land in
 * `test-results/delegations-*.png`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("delegations register in a browser");

describe.runIf(canRun)("delegations register in a browser", () => {
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

  it("creates a delegation through the form and finds it in the list", async () => {
    const nav = page.getByRole("navigation");
    await nav.getByText("Đối ngoại", { exact: true }).click();
    await nav.getByRole("link", { name: "Đoàn ra, đoàn vào" }).click();
    await page.getByRole("heading", { name: "Đoàn ra, đoàn vào", level: 1 }).waitFor();
    await page.getByRole("link", { name: /Kitakyushu \(Nhật Bản\)/ }).waitFor();
    await session.shot("delegations-01-list");

    await page.getByRole("button", { name: "Thêm đoàn" }).click();
    const drawer = page.getByRole("dialog", { name: "Thêm đoàn" });
    await drawer.waitFor();
    await drawer.getByLabel("Tên đoàn").fill("Đoàn Sở Du lịch dự Hội chợ du lịch quốc tế ITB Berlin");
    await drawer.getByText("Đoàn ra", { exact: true }).click();
    await drawer.getByLabel("Quốc gia đối tác").fill("Đức (DE)");
    await drawer.getByLabel("Quốc gia đối tác").press("Enter");
    await drawer.getByLabel("Địa phương, tổ chức đối tác").fill("Thành phố Berlin");
    await drawer.getByLabel("Từ ngày").fill("04/03/2025");
    await drawer.getByLabel("Từ ngày").press("Enter");
    await drawer.getByLabel("Đến ngày").fill("08/03/2025");
    await drawer.getByLabel("Đến ngày").press("Enter");
    await drawer
      .getByLabel("Lịch trình")
      .fill("4/3: Hà Nội – Berlin\n5–7/3: gian hàng Hải Phòng tại ITB\n8/3: về nước");
    await session.shot("delegations-02-form");
    await drawer.getByRole("button", { name: "Lưu" }).click();

    await page
      .getByRole("heading", { name: "Đoàn Sở Du lịch dự Hội chợ du lịch quốc tế ITB Berlin", level: 1 })
      .waitFor();
    await page.getByText("Đức (DE)").waitFor();
    await page.getByText("5–7/3: gian hàng Hải Phòng tại ITB").waitFor();
    await page.getByText("Nhiệm vụ liên quan").first().waitFor();
    await session.shot("delegations-03-entry");

    await page.getByRole("button", { name: "Danh sách đoàn" }).click();
    await page.getByRole("heading", { name: "Đoàn ra, đoàn vào", level: 1 }).waitFor();
    await page.getByLabel("Tìm theo tên đoàn, đối tác, quốc gia").fill("hoi cho du lich duc");
    await page.getByLabel("Tìm theo tên đoàn, đối tác, quốc gia").press("Enter");
    // The whole register shows until the search's answer arrives: wait for the list to narrow to one row.
    const row = page.locator("tr", { hasText: "ITB Berlin" });
    await expect.poll(() => page.locator("tbody tr.ant-table-row").count(), { timeout: 15_000 }).toBe(1);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain("Đề xuất");
    await session.shot("delegations-04-search");
  }, 120_000);

  it("shows a press visit's reporters to the administrator, with the retention date", async () => {
    await page.goto(`${session.server.url}/press-visits`);
    await page.getByRole("heading", { name: "Đoàn phóng viên nước ngoài", level: 1 }).waitFor();
    await page.getByRole("link", { name: /cảng Lạch Huyện/ }).click();
    await page.getByText("Phóng viên Yonhap (mẫu)").waitFor();
    await page.getByText(/Dữ liệu cá nhân được lưu đến hết ngày|đã được xóa/).waitFor();
    await session.shot("delegations-05-press-visit");
    // The session probe before sign-in answers 401; nothing else may fail.
    expect(session.consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  }, 60_000);
});
