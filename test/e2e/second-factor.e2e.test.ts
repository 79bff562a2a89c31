/**
 * Browser test: an official turns on two-step verification from the account page (QR code and secret,
 * a confirming code, recovery codes shown once), then signs in again: after the password the sign-in
 * page asks for the code, a code already used is refused with a clear message, the next one opens the
 * app. Codes are computed with otplib, as the phone app would. Screenshots: `test-results/totp-*.png`.
 */
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("two-step verification in a browser");

const codeAt = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

describe.runIf(canRun)("two-step verification in a browser", () => {
  let session: BrowserSession;
  let page: BrowserSession["page"];

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
  });
  afterAll(async () => session?.close());

  it("turns the authenticator on from the account page, then asks for a code after the password", async () => {
    const { url, adminEmail, adminPassword } = session.server;
    await page.goto(`${url}/login`);
    await page.getByLabel("Email").fill(adminEmail);
    await page.getByLabel("Mật khẩu").fill(adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();

    await page.goto(`${url}/account`);
    await page.getByRole("button", { name: "Cài đặt ứng dụng xác thực" }).click();
    await page.getByRole("img", { name: /Mã QR/ }).waitFor();
    // What the user reads off the screen to type into the app (Playwright's locator, not the DOM property).
    // biome-ignore lint/performance/useDomNodeTextContent: rendered text is the point here.
    const secret = (await page.getByTestId("totp-secret").innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await session.shot("totp-01-enrol");
    const first = await codeAt(secret);
    await page.getByLabel("Mã xác thực").fill(first);
    await page.getByRole("button", { name: "Xác nhận và bật" }).click();
    await page.getByText("Mã khôi phục — chỉ hiển thị một lần").waitFor();
    await expect(page.getByTestId("recovery-codes").locator("li").count()).resolves.toBe(10);
    await session.shot("totp-02-recovery-codes");
    await page.getByRole("button", { name: "Tôi đã lưu các mã" }).click();
    await page.getByText("Đang bật").waitFor();

    await page.getByRole("button", { name: "Đăng xuất" }).first().click();
    await page.getByLabel("Email").fill(adminEmail);
    await page.getByLabel("Mật khẩu").fill(adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("heading", { name: "Nhập mã xác thực" }).waitFor();
    // The code that confirmed the app is still in its window: refused, with the reason.
    await page.getByLabel("Mã xác thực hoặc mã khôi phục").fill(first);
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("alert").getByText("Mã xác thực không đúng hoặc đã được dùng").waitFor();
    await session.shot("totp-03-code-refused");
    await page.getByLabel("Mã xác thực hoặc mã khôi phục").fill(await codeAt(secret, 1));
    await page.getByRole("button", { name: "Xác nhận" }).click();
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();
    expect(session.consoleErrors.filter((e) => !/status of 40[0-3]/.test(e))).toEqual([]);
  });
});
