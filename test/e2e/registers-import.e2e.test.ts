/**
 * Browser test of "Nhập từ Excel" on a register page and of the delegation form's member picker.
 * Import: the template downloaded from the dialog has the import's header row; a workbook made from it
 * (exceljs) with one bad row gets the per-row report (row, column, reason in Vietnamese) and stores
 * nothing; the same workbook with the row fixed imports both rows, which then appear in the list.
 * Members: the head is picked from the directory by typing without accents, a member is kept as an
 * outside guest, another is picked from the directory; the saved delegation keeps the directory ids.
 * Screenshots land in `test-results/registers-import-*.png`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("register import and member picker in a browser");

describe.runIf(canRun)("register import and member picker in a browser", () => {
  let session: BrowserSession;
  let page: BrowserSession["page"];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "haidang-import-e2e-"));
    session = await openBrowserSession();
    page = session.page;
    const { server } = session;
    await page.goto(`${server.url}/`);
    await page.getByLabel("Email").fill(server.adminEmail);
    await page.getByLabel("Mật khẩu").fill(server.adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();
  });
  afterAll(async () => {
    await session?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Rows of the delegations list matching an accent-free search. */
  /** Searches the list; the rows that show `text` (the list answers after the search, not before). */
  const listRows = async (q: string, text: string) => {
    const search = page.getByLabel("Tìm theo tên đoàn, đối tác, quốc gia");
    await search.fill(q);
    await search.press("Enter");
    return page.locator("tbody tr.ant-table-row").filter({ hasText: text });
  };

  it("reports the bad row, stores nothing, then imports the fixed file", { timeout: 120_000 }, async () => {
    await page.goto(`${session.server.url}/delegations`);
    await page.getByRole("heading", { name: "Đoàn ra, đoàn vào", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Nhập từ Excel" }).click();
    const dialog = page.getByRole("dialog", { name: "Nhập từ Excel: Đoàn ra, đoàn vào" });
    await dialog.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      dialog.getByRole("button", { name: "Tải tệp mẫu (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("mau-nhap-doan-ra-doan-vao.xlsx");
    const templatePath = path.join(dir, "template.xlsx");
    await download.saveAs(templatePath);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(templatePath);
    const sheet = template.worksheets[0];
    if (!sheet) throw new Error("the template has no sheet");
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      "Tên đoàn",
      "Loại",
      "Kênh",
      "Mã quốc gia",
      "Địa phương, tổ chức đối tác",
      "Cấp",
      "Trưởng đoàn",
      "Từ ngày",
      "Đến ngày",
      "Lịch trình",
    ]);
    expect(sheet.actualRowCount).toBe(1);

    const filled = async (country: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(templatePath);
      const ws = wb.worksheets[0];
      ws?.addRow([
        "Đoàn Sở Văn hóa dự Liên hoan Busan",
        "Đoàn ra",
        "Chính quyền",
        "KR",
        "Thành phố Busan",
        "Sở",
        "Phạm Văn Khách",
        "02/10/2025",
        "06/10/2025",
        "Hà Nội – Busan; Busan",
      ]);
      ws?.addRow([
        "Đoàn Hội hữu nghị tiếp bạn Lào Cai",
        "Đoàn vào",
        "Đối ngoại nhân dân",
        country,
        "Tỉnh Luang Prabang",
        null,
        null,
        "12/11/2025",
        "14/11/2025",
        null,
      ]);
      const file = path.join(dir, `doan-${country}.xlsx`);
      writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
      return file;
    };

    const upload = dialog.locator("input[type=file]");
    await upload.setInputFiles(await filled("XX"));
    const problems = dialog.getByTestId("import-problems");
    await problems.waitFor();
    await expect(dialog.getByTestId("import-result").textContent()).resolves.toContain("chưa nhập dòng nào");
    await expect(dialog.getByTestId("import-result").textContent()).resolves.toContain("1 dòng không hợp lệ");
    const problemRows = problems.locator("tbody tr.ant-table-row");
    expect(await problemRows.count()).toBe(1);
    const cells = await problemRows.first().locator("td").allTextContents();
    expect(cells[0]).toBe("3");
    expect(cells[1]).toBe("Mã quốc gia");
    expect(cells[2]).toContain('Mã quốc gia không có trong danh mục: "XX"');
    await session.shot("registers-import-01-report");

    await dialog.getByRole("button", { name: "Đóng" }).first().click();
    await dialog.waitFor({ state: "hidden" });
    // The good row was not stored either: the search finds nothing.
    await listRows("lien hoan busan", "Liên hoan Busan");
    await page.locator(".ant-table-placeholder").waitFor();
    expect(await page.locator("tbody tr.ant-table-row").count()).toBe(0);

    await page.getByRole("button", { name: "Nhập từ Excel" }).click();
    await dialog.waitFor();
    await dialog.locator("input[type=file]").setInputFiles(await filled("LA"));
    await dialog.getByText("Đã nhập 2 dòng từ tệp doan-LA.xlsx").waitFor();
    await session.shot("registers-import-02-done");
    await dialog.getByRole("button", { name: "Đóng" }).first().click();
    await dialog.waitFor({ state: "hidden" });

    const busan = await listRows("lien hoan busan", "Liên hoan Busan");
    await busan.first().waitFor();
    expect(await busan.count()).toBe(1);
    await expect(busan.first().textContent()).resolves.toContain("Hàn Quốc");
    const laos = await listRows("luang prabang", "Đoàn Hội hữu nghị tiếp bạn Lào Cai");
    await laos.first().waitFor();
    await expect(laos.first().textContent()).resolves.toContain("Đoàn vào");
    await session.shot("registers-import-03-list");
    // The one failed request is the rejected import (400); the session probe before sign-in answers 401.
    expect(session.consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([
      "Failed to load resource: the server responded with a status of 400 (Bad Request)",
    ]);
  });

  it("picks the head and a member from the directory and keeps a guest", { timeout: 120_000 }, async () => {
    /** A visible option of the open select (antd also renders hidden ones for screen readers). */
    const option = (text: string) =>
      page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: text,
      });
    const errorsBefore = session.consoleErrors.length;
    await page.goto(`${session.server.url}/delegations`);
    await page.getByRole("heading", { name: "Đoàn ra, đoàn vào", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Thêm đoàn" }).click();
    const drawer = page.getByRole("dialog", { name: "Thêm đoàn" });
    await drawer.waitFor();
    await drawer.getByLabel("Tên đoàn").fill("Đoàn lãnh đạo thành phố thăm Incheon");
    await drawer.getByLabel("Quốc gia đối tác").fill("Hàn Quốc (KR)");
    await drawer.getByLabel("Quốc gia đối tác").press("Enter");
    await drawer.getByLabel("Từ ngày").fill("03/12/2025");
    await drawer.getByLabel("Từ ngày").press("Enter");
    await drawer.getByLabel("Đến ngày").fill("06/12/2025");
    await drawer.getByLabel("Đến ngày").press("Enter");

    // Head: typed without accents, picked from the directory; the position comes with the person.
    await drawer.getByLabel(/^Trưởng đoàn/).fill("hoang minh cuong");
    await option("Hoàng Minh Cường — Phó Chủ tịch").click();
    await expect(drawer.getByLabel("Chức vụ trưởng đoàn").inputValue()).resolves.toBe(
      "Phó Chủ tịch Ủy ban nhân dân thành phố, Phó Trưởng Ban",
    );

    // Member 1: an outside guest, kept by name when the user moves on without picking anything.
    await drawer.getByRole("button", { name: "Thêm thành viên" }).click();
    await drawer.getByLabel("Thành viên 1", { exact: true }).fill("Ông Park Ji-hoon");
    await option("Khách ngoài danh bạ: Ông Park Ji-hoon").waitFor();
    await drawer.getByLabel("Chức vụ thành viên 1").click();
    await drawer.getByText(/^Ông Park Ji-hoon\s*khách/).waitFor();
    await drawer.getByLabel("Chức vụ thành viên 1").fill("Phiên dịch");
    // Member 2: from the directory.
    await drawer.getByRole("button", { name: "Thêm thành viên" }).click();
    await drawer.getByLabel("Thành viên 2", { exact: true }).fill("dao khanh ha");
    await option("Đào Khánh Hà — ").click();
    await session.shot("registers-import-04-members");
    await drawer.getByRole("button", { name: "Lưu" }).click();

    await page.getByRole("heading", { name: "Đoàn lãnh đạo thành phố thăm Incheon", level: 1 }).waitFor();
    const people = page.getByTestId("delegation-person");
    await people.first().waitFor();
    const shown = await people.allTextContents();
    expect(shown).toEqual([
      "Hoàng Minh Cường, Phó Chủ tịch Ủy ban nhân dân thành phố, Phó Trưởng Bandanh bạ",
      "Ông Park Ji-hoon, Phiên dịch",
      "Đào Khánh Hà, Trưởng Ban Tuyên giáo Thành ủy, Phó Trưởng Ban Thường trựcdanh bạ",
    ]);
    await session.shot("registers-import-05-delegation");

    // What was stored: directory ids for the two directory people, none for the guest.
    const id = new URL(page.url()).pathname.split("/").pop();
    const stored = await page.evaluate(async (delegationId) => {
      const res = await fetch(`/api/delegations/${delegationId}`);
      return (await res.json()) as {
        head: { personId: string | null; name: string };
        members: { personId: string | null; name: string }[];
      };
    }, id);
    expect(stored.head.personId).toEqual(expect.any(String));
    expect(stored.members.map((m) => [m.name, m.personId === null])).toEqual([
      ["Ông Park Ji-hoon", true],
      ["Đào Khánh Hà", false],
    ]);
    expect(session.consoleErrors.slice(errorsBefore)).toEqual([]);
  });
});
