/**
 * Browser test of the events calendar: the demo's anniversaries in the month view with the lunar day
 * of every cell, a round anniversary marked, the list view with its full label, and a lunar event added
 * through the form that lands on its solar day. Screenshots land in `test-results/events-*.png`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("events calendar in a browser");

describe.runIf(canRun)("events calendar in a browser", () => {
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

  it("shows December 2026 with lunar days and the 80th anniversary marked", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Sự kiện, ngày kỷ niệm" }).click();
    await page.getByRole("heading", { name: "Sự kiện, ngày kỷ niệm", level: 1 }).waitFor();
    await page.goto(`${session.server.url}/events?date=2026-12-01`);
    const chip = page.getByRole("button", { name: /Ngày Toàn quốc kháng chiến/ });
    await chip.waitFor();
    await expect(chip.locator(".hd-event-round").textContent()).resolves.toBe("80");
    // 19/12/2026 is 11/11 âm lịch (Bính Ngọ); the first of lunar month 11 (9/12/2026) is printed "1/11".
    const cell = page.locator(".hd-event-day", { has: chip });
    await expect(cell.locator(".hd-lunar-day").textContent()).resolves.toBe("11");
    await page.locator(".hd-lunar-day", { hasText: /^1\/11$/ }).waitFor();
    await session.shot("events-01-month");
  });

  it("lists the full anniversary label", async () => {
    await page.getByText("Danh sách", { exact: true }).click();
    await page.getByText("Kỷ niệm 80 năm Ngày Toàn quốc kháng chiến (19/12/1946 – 19/12/2026)").waitFor();
    await session.shot("events-02-list");
  });

  it("pages the list view through the server, 50 occurrences a page", async () => {
    // 60 fairs in January 2027, inside the list's three months from December 2026.
    await page.evaluate(async () => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      for (let i = 1; i <= 60; i++) {
        const res = await fetch("/api/events", {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({
            title: `Phiên chợ xúc tiến thương mại số ${String(i).padStart(2, "0")}`,
            kind: "fair",
            startDate: `2027-01-${String(1 + (i % 28)).padStart(2, "0")}`,
          }),
        });
        if (res.status !== 201) throw new Error(`event ${i}: ${res.status}`);
      }
    });
    await page.goto(`${session.server.url}/events?date=2026-12-01&view=list&q=phien%20cho`);
    const rows = page.locator(".ant-table-tbody tr.ant-table-row");
    await page.getByText("Phiên chợ xúc tiến thương mại số 28").first().waitFor();
    await expect(rows.count()).resolves.toBe(50);
    await page.locator(".ant-pagination-item-2").click();
    await page.waitForURL(/page=2/);
    await page.getByText("Phiên chợ xúc tiến thương mại số 27").waitFor();
    await expect(rows.count()).resolves.toBe(10);
    await session.shot("events-02-list-page-2");
  });

  it("adds a lunar event that lands on its solar day", async () => {
    await page.getByRole("button", { name: "Thêm sự kiện" }).click();
    const drawer = page.getByRole("dialog", { name: "Sự kiện mới" });
    await drawer.waitFor();
    await session.shot("events-03-form");
    await drawer.getByLabel("Tên sự kiện").fill("Lễ hội truyền thống làng biển");
    await drawer.getByText("Âm lịch", { exact: true }).click();
    await drawer.getByLabel("Ngày (âm)").fill("15");
    await drawer.getByLabel("Tháng (âm)").fill("11");
    await drawer.getByLabel("Năm (âm)").fill("2026");
    await drawer.getByRole("button", { name: "Lưu" }).click();
    await page.getByText("Đã thêm sự kiện").waitFor();
    await page.goto(`${session.server.url}/events?date=2026-12-01&view=list`);
    // 15/11 Bính Ngọ = 23/12/2026.
    const row = page.locator("tr", { hasText: "Lễ hội truyền thống làng biển" });
    await expect(row.locator("td").first().textContent()).resolves.toBe("23/12/2026");
    await session.shot("events-03-added");
    // The session probe before sign-in answers 401; nothing else may fail.
    expect(session.consoleErrors.filter((text) => !/status of 401/.test(text))).toEqual([]);
  });
});
