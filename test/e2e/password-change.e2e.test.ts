/**
 * Browser test: an official signing in with a one-time password lands on the password form, not on
 * the app (the server would refuse everything else), and after changing it sees the overview.
 * Screenshots: `test-results/pw-*.png`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("one-time password in a browser");

describe.runIf(canRun)("one-time password in a browser", () => {
  let session: BrowserSession;
  let page: BrowserSession["page"];
  let temporaryPassword = "";
  const email = `can-bo-moi-${process.pid}@haiphong.gov.vn`;

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    // The administrator creates the account through the API (same cookies as the page).
    const { url, adminEmail, adminPassword } = session.server;
    const login = await page.request.post(`${url}/api/auth/login`, {
      data: { email: adminEmail, password: adminPassword },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await page.request.post(`${url}/api/users`, {
      data: { email, displayName: "Cán bộ Mới Vào", roles: ["secretariat"] },
      headers: { "x-csrf-token": csrfToken },
    });
    expect(created.status()).toBe(201);
    temporaryPassword = ((await created.json()) as { temporaryPassword: string }).temporaryPassword;
    await page.request.post(`${url}/api/auth/logout`, { headers: { "x-csrf-token": csrfToken } });
  });
  afterAll(async () => session?.close());

  it("opens the password form straight after sign-in, then the app once it is changed", async () => {
    await page.goto(`${session.server.url}/programmes`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Mật khẩu").fill(temporaryPassword);
    await page.getByLabel("Mật khẩu").press("Enter");

    await page.getByRole("heading", { name: "Đặt mật khẩu mới trước khi bắt đầu", level: 1 }).waitFor();
    await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).count()).resolves.toBe(0);
    await page.getByText("Bạn đang dùng mật khẩu tạm thời").waitFor();
    await session.shot("pw-01-change-first");

    await page.getByLabel("Mật khẩu hiện tại").fill(temporaryPassword);
    await page.getByLabel("Mật khẩu mới", { exact: true }).fill("Mat-khau-rieng-2024");
    await page.getByLabel("Nhập lại mật khẩu mới").fill("Mat-khau-rieng-2024");
    await page.getByRole("button", { name: "Đổi mật khẩu" }).click();

    // The page asked for before signing in opens.
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/programmes");
    await expect(page.getByText("Bạn đang dùng mật khẩu tạm thời").count()).resolves.toBe(0);
    await session.shot("pw-02-app-after-change");
    expect(session.consoleErrors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  });
});
