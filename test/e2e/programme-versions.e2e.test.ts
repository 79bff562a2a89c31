/**
 * Browser test of a new version of a programme (issue 10 §1): on the demo data, paste the reference
 * programme as amended on 1/7/2024, check the links the review screen proposes between the new and the
 * previous tasks, change one and change it back, read in the confirm dialog what happens to the
 * follow-up data, commit, and find the removed task on the programme page and the demo's confirmed
 * check-in still on its task. Screenshots land in `test-results/`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendedReferenceCopy } from "../support/amended-programme.js";
import {
  type BrowserSession,
  followMenuLink,
  openBrowserSession,
  requireChromium,
} from "../support/browser.js";

const canRun = requireChromium("programme versions in a browser");

describe.runIf(canRun)("programme versions in a browser", () => {
  let session: BrowserSession;
  let server: BrowserSession["server"];
  let page: BrowserSession["page"];

  const shot = (name: string) => session.shot(name);

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1366, height: 900 } });
    ({ server, page } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Picks an option of the match select of a task by typing part of its label. */
  async function link(ref: string, search: string) {
    const select = page.getByTestId(`version-match-${ref}`);
    await select.click();
    await page.keyboard.type(search);
    await page.locator(".ant-select-dropdown:visible .ant-select-item-option").first().waitFor();
    await page.keyboard.press("Enter");
  }

  it("re-imports an amended programme and keeps its follow-up", async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel("Email").fill(server.adminEmail);
    await page.getByLabel("Mật khẩu").fill(server.adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Tổng quan", level: 1 }).waitFor();

    await followMenuLink(page, "Nhập chương trình", "Chương trình công tác");
    await page.getByLabel("Nội dung văn bản").fill(amendedReferenceCopy());
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    await page.getByRole("heading", { name: "Rà soát chương trình trước khi nhập", level: 1 }).waitFor();

    // The near match of the head's name stays as written, as in the version stored.
    await page.getByRole("radio", { name: "Giữ nguyên tên như văn bản, không liên kết" }).check();

    // The proposed links: 25 unchanged, II.18 → II.16 renumbered, II.19's lead changed, one new, one removed.
    const panel = page.getByTestId("version-plan");
    const summary = page.getByTestId("version-summary");
    await summary.getByText("Giữ nguyên: 25").waitFor();
    await summary.getByText("Thay đổi: 2").waitFor();
    await summary.getByText("Mới: 1").waitFor();
    await summary.getByText("Bị bỏ: 1").waitFor();
    await panel.getByText(/đánh số lại, nội dung giống/).waitFor();
    await page.getByTestId("version-removed").getByText("II.16").waitFor();
    await panel.evaluate((el) => el.scrollIntoView());
    await shot("versions-01-proposed-links");
    await page.getByTestId("version-row-II.16").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot("versions-01b-renumbered-and-changed");

    // The reviewer links the new II.18 to the dropped task, saves, sees nothing removed; then undoes it.
    await link("II.18", "Tham mưu, đề xuất tổ chức thông tin");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await page.getByText("Đã lưu nháp").first().waitFor();
    await summary.getByText("Bị bỏ: 0").waitFor();
    await summary.getByText("Thay đổi: 3").waitFor();
    await panel
      .getByText(/do người rà soát chọn/)
      .first()
      .waitFor();
    await page.getByTestId("version-row-II.18").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await shot("versions-02-reviewer-link");
    await link("II.18", "Nhiệm vụ mới");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await summary.getByText("Bị bỏ: 1").waitFor();

    // The confirm dialog says, in plain words, what happens to the follow-up data.
    await page.getByRole("button", { name: "Xác nhận nhập" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Dữ liệu theo dõi sẽ được xử lý như sau:").waitFor();
    await dialog
      .getByText(/27 nhiệm vụ nối với phiên bản trước mang theo toàn bộ theo dõi: 2 báo cáo tiến độ/)
      .waitFor();
    await dialog.getByText(/thay đổi áp dụng từ ngày 01\/07\/2024/).waitFor();
    await dialog.getByText(/1 nhiệm vụ bị bỏ thôi theo dõi từ ngày 01\/07\/2024/).waitFor();
    await dialog.getByText("Không có dữ liệu theo dõi nào bị xóa.").waitFor();
    await shot("versions-03-confirm");
    await dialog.getByRole("button", { name: "Xác nhận nhập" }).click();

    // The new version: applies from 1/7/2024, lists the removed task.
    await page.getByText(/Phiên bản này áp dụng từ ngày 01\/07\/2024/).waitFor();
    const removed = page.getByTestId("removed-tasks");
    await removed.getByRole("link", { name: "II.16" }).waitFor();
    await removed.getByText(/bỏ từ ngày 01\/07\/2024/).waitFor();
    await shot("versions-04-new-version");

    // The demo's confirmed check-in on II.13 is on the new version's task.
    const tasks = page.getByTestId("tasks-table");
    await tasks.getByRole("link", { name: "Mở nhiệm vụ II.13" }).first().click();
    await page.waitForURL(/\/tasks\//);
    await page.goto(`${page.url().split("?")[0]}?tab=follow-up`);
    await page
      .getByText(/xuất bản 4 số ấn phẩm bằng tiếng Anh, tiếng Trung/)
      .first()
      .waitFor();
    await shot("versions-05-task-keeps-check-in");
    expect(page.url()).toContain("tab=follow-up");
  }, 240_000);
});
