/**
 * Browser test of work programmes (issue "Work programme import", items 6 and 7): the real server with
 * the demo data (the reference programme 02-CTr/BCĐ imported), the built web app and Debian's Chromium.
 * Browse the programme (tasks filtered by a directing official, the "who does what" matrix, the
 * timeline, a task), then import a pasted programme through the review screen. Screenshots land in
 * `test-results/`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BrowserSession,
  chooseOption,
  followMenuLink,
  openBrowserSession,
  requireChromium,
} from "../support/browser.js";

const canRun = requireChromium("programmes in a browser");

/** A small programme as pasted from a web page; "Đỗ Mạnh Hiếu" is one letter from the head's name. */
const PASTED = `THÀNH ỦY HẢI PHÒNG
BAN CHỈ ĐẠO
CÔNG TÁC THÔNG TIN ĐỐI NGOẠI

ĐẢNG CỘNG SẢN VIỆT NAM

Hải Phòng, ngày 02 tháng 4 năm 2024

*

Số 07-CTr/BCĐ

CHƯƠNG TRÌNH CÔNG TÁC QUÝ II NĂM 2024

I. NHIỆM VỤ CHUNG

- Tuyên truyền kết quả phát triển kinh tế - xã hội thành phố quý I năm 2024.

II. NHIỆM VỤ CỤ THỂ

1. Tổ chức đoàn phóng viên nước ngoài tìm hiểu Lễ hội Hoa Phượng Đỏ năm 2024.

- Chỉ đạo thực hiện: Đồng chí Đỗ Mạnh Hiếu.

- Tổ chức thực hiện: Đồng chí Đào Văn Hoàn chủ trì; các thành viên Ban Chỉ đạo phối hợp.

- Thời gian: Quý II/2024.

2. Cập nhật thông tin đối ngoại trên Cổng thông tin điện tử thành phố.

- Chỉ đạo thực hiện: Đồng chí Hoàng Minh Cường.

- Tổ chức thực hiện: Đồng chí Trần Thị Hoàng Mai chủ trì; các thành viên Ban Chỉ đạo phối hợp.

- Thời gian: Thường xuyên.
`;

describe.runIf(canRun)("programmes in a browser", () => {
  let session: BrowserSession;
  let server: BrowserSession["server"];
  let page: BrowserSession["page"];
  let consoleErrors: string[] = [];

  const shot = (name: string) => session.shot(name);
  const tasksTable = () => page.getByTestId("tasks-table");

  beforeAll(async () => {
    session = await openBrowserSession();
    ({ server, page, consoleErrors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it("signs in and lists the demo programme", async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel("Email").fill(server.adminEmail);
    await page.getByLabel("Mật khẩu").fill(server.adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();

    await followMenuLink(page, "Danh sách chương trình", "Chương trình công tác");
    await page.getByRole("heading", { name: "Chương trình công tác", level: 1 }).waitFor();
    await page.getByRole("link", { name: /02-CTr\/BCĐ/ }).waitFor();
    await shot("programmes-01-list");
  });

  it("opens the programme and filters its tasks by a directing official", async () => {
    await page
      .getByRole("link", { name: /02-CTr\/BCĐ/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: /CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024/i }).waitFor();
    await page.getByText("NHIỆM VỤ CỤ THỂ").first().waitFor();
    await tasksTable().getByRole("link", { name: "Mở nhiệm vụ II.19", exact: true }).waitFor();
    const allRows = await tasksTable().locator("tbody tr.ant-table-row").count();

    await chooseOption(page, page.getByRole("combobox", { name: "Chỉ đạo thực hiện" }), "Đào Khánh Hà");
    // Task II.1 is directed by Đào Khánh Hà; II.3 by Hoàng Minh Cường.
    await tasksTable()
      .getByRole("link", { name: "Mở nhiệm vụ II.3", exact: true })
      .waitFor({ state: "detached" });
    await tasksTable().getByRole("link", { name: "Mở nhiệm vụ II.1", exact: true }).waitFor();
    const filteredRows = await tasksTable().locator("tbody tr.ant-table-row").count();
    expect(filteredRows).toBeGreaterThan(0);
    expect(filteredRows).toBeLessThan(allRows);
    for (const cell of await tasksTable().locator("tbody tr.ant-table-row td:nth-child(3)").allInnerTexts()) {
      expect(cell).toContain("Đào Khánh Hà");
    }
    await shot("programmes-02-tasks-by-directing");
  });

  it("shows who does what, with role chips", async () => {
    await page.getByRole("tab", { name: "Ai làm gì" }).click();
    const matrix = page.getByTestId("matrix");
    await matrix.waitFor();
    const row = matrix.getByRole("row", { name: /Hoàng Minh Cường/ }).first();
    await row.getByText("Chỉ đạo").first().waitFor();
    await matrix.getByText("Chủ trì").first().waitFor();
    await matrix.getByText("Phối hợp").first().waitFor();
    await shot("programmes-03-matrix");
  });

  it("shows the timeline by quarter and the undated lanes", async () => {
    await page.getByRole("tab", { name: "Tiến độ theo quý" }).click();
    const timeline = page.getByTestId("timeline");
    // Quarters read in Roman numerals, as on every other page ("Quý I/2024", not "Quý 1/2024").
    await timeline.getByRole("heading", { name: /Quý I\/2024/ }).waitFor();
    expect(await timeline.getByRole("heading", { name: /Quý \d\/2024/ }).count()).toBe(0);
    for (const lane of [
      "Quý IV/2024",
      "Thường xuyên",
      "Theo chỉ đạo",
      "Theo kế hoạch",
      "Chưa rõ thời gian",
    ]) {
      await timeline.getByRole("heading", { name: new RegExp(lane) }).waitFor();
    }
    await shot("programmes-04-timeline");
  });

  it("opens a task with its parties, time frame and source lines", async () => {
    await page.getByRole("tab", { name: "Nhiệm vụ" }).click();
    await tasksTable().getByRole("link", { name: "Mở nhiệm vụ II.1", exact: true }).click();
    await page.getByRole("heading", { name: "Nhiệm vụ II.1", level: 1 }).waitFor();
    await page
      .getByTestId("task-text")
      .getByText(/biển, đảo/)
      .first()
      .waitFor();
    await page.getByRole("button", { name: "Đào Khánh Hà" }).waitFor();
    await page.getByText("Theo chỉ đạo", { exact: true }).first().waitFor();
    await page.getByText(/^Dòng \d+–\d+$/).waitFor();
    await shot("programmes-05-task");
  });

  it("imports a pasted programme after review", async () => {
    await followMenuLink(page, "Nhập chương trình", "Chương trình công tác");
    await page.getByRole("heading", { name: "Nhập chương trình", level: 1 }).waitFor();
    await page.getByLabel("Nội dung văn bản").fill(PASTED);
    await shot("programmes-06-import");
    await page.getByRole("button", { name: "Đọc văn bản" }).click();

    // Warnings first: the near match is flagged and leads to its task and source lines.
    await page.getByRole("heading", { name: "Rà soát chương trình trước khi nhập", level: 1 }).waitFor();
    const warnings = page.getByTestId("import-warnings");
    await warnings
      .getByText(/Đỗ Mạnh Hiếu/)
      .first()
      .waitFor();
    await warnings.getByRole("button", { name: "Nhiệm vụ II.1" }).first().click();
    await page.getByTestId("source-text").locator(".is-lit", { hasText: "Đỗ Mạnh Hiếu" }).waitFor();
    await shot("programmes-07-review");

    // Correct a field: the time frame as written.
    const task = page.getByTestId("review-task-II.1");
    await task.getByLabel("Thời gian (như văn bản ghi)").fill("Trong tháng 5/2024.");
    // Decide the near match explicitly: it is the head of the committee.
    await page.getByRole("radio", { name: "Là Đỗ Mạnh Hiến trong danh bạ" }).check();
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByText("Đã lưu nháp").waitFor();

    // Leaving the review loses nothing: the draft waits on the import page.
    await followMenuLink(page, "Nhập chương trình", "Chương trình công tác");
    await page.getByRole("heading", { name: /Bản nháp chờ rà soát/ }).waitFor();
    await shot("programmes-07b-open-drafts");
    await page.getByRole("link", { name: "Tiếp tục rà soát" }).first().click();
    await page.getByRole("heading", { name: "Rà soát chương trình trước khi nhập", level: 1 }).waitFor();
    await warnings.getByRole("button", { name: "Nhiệm vụ II.1" }).first().click();
    await expect(task.getByLabel("Thời gian (như văn bản ghi)").inputValue()).resolves.toBe(
      "Trong tháng 5/2024.",
    );

    await page.getByRole("button", { name: "Xác nhận nhập" }).click();
    const confirm = page.getByRole("dialog");
    await confirm.getByText(/Lưu 3 nhiệm vụ/).waitFor();
    await shot("programmes-08-confirm");
    await confirm.getByRole("button", { name: "Xác nhận nhập" }).click();

    await page.getByRole("heading", { level: 1, name: /CHƯƠNG TRÌNH CÔNG TÁC QUÝ II NĂM 2024/i }).waitFor();
    await tasksTable().getByText("Trong tháng 5/2024.").waitFor();
    await tasksTable().getByText("Đỗ Mạnh Hiến").waitFor();
    await shot("programmes-09-imported");

    await followMenuLink(page, "Danh sách chương trình", "Chương trình công tác");
    await page.getByRole("link", { name: /07-CTr\/BCĐ/ }).waitFor();
    await page.getByRole("link", { name: /02-CTr\/BCĐ/ }).waitFor();
    await shot("programmes-10-list-after");
  }, 120_000);

  it("finds the tasks citing a document by its number", async () => {
    await followMenuLink(page, "Văn bản trích dẫn", "Chương trình công tác");
    await page.getByRole("heading", { name: "Văn bản được trích dẫn", level: 1 }).waitFor();
    const search = page.getByRole("searchbox", { name: /Tìm văn bản/ });
    await search.fill("57-KL/TW");
    await search.press("Enter");
    const row = page.getByRole("row", { name: /57-KL\/TW/ }).first();
    await row.getByRole("link", { name: /02-CTr\/BCĐ/ }).waitFor();
    await shot("programmes-11-citations");
  }, 60_000);

  it("works on a tablet", async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    // Below 992 px the menu folds to icons; a tablet user opens it first. (Clicking before the fold has
    // finished raced it: the link was detached mid-click on a loaded machine.)
    await page.getByRole("button", { name: "Mở rộng trình đơn" }).click();
    await followMenuLink(page, "Danh sách chương trình");
    await page
      .getByRole("link", { name: /02-CTr\/BCĐ/ })
      .first()
      .click();
    await page.getByRole("tab", { name: "Ai làm gì" }).click();
    await page.getByTestId("matrix").waitFor();
    await shot("programmes-12-tablet-matrix");
  }, 60_000);

  it("logged no Content-Security-Policy violation or script error", () => {
    const unexpected = consoleErrors.filter((text) => !/status of 401/.test(text));
    expect(consoleErrors.filter((text) => /Content.Security.Policy|Refused to/i.test(text))).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});
