/**
 * Browser test: an official adds a passkey on the account page and later signs in with it alone
 * (a passkey with user verification stands for password and code), in Chromium with its virtual
 * authenticator (DevTools protocol: a platform authenticator with resident keys and user
 * verification). WebAuthn needs a secure context and a domain as relying party, so the page is
 * opened on http://localhost. Screenshots: `test-results/passkey-*.png`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, openBrowserSession, requireChromium } from "../support/browser.js";

const canRun = requireChromium("passkeys in a browser");

describe.runIf(canRun)("passkeys in a browser", () => {
  let session: BrowserSession;
  let page: BrowserSession["page"];
  let base = "";

  beforeAll(async () => {
    session = await openBrowserSession();
    page = session.page;
    base = session.server.url.replace("127.0.0.1", "localhost");
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
  });
  afterAll(async () => session?.close());

  it("registers a named passkey on the account page, then signs in with it", async () => {
    await page.goto(`${base}/login`);
    await page.getByLabel("Email").fill(session.server.adminEmail);
    await page.getByLabel("Mật khẩu").fill(session.server.adminPassword);
    await page.getByLabel("Mật khẩu").press("Enter");
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();

    await page.goto(`${base}/account`);
    await page.getByRole("heading", { name: "Khóa truy cập (passkey)" }).waitFor();
    await page.getByRole("heading", { name: "Xác thực hai lớp" }).waitFor();
    await page.getByText("Chưa có khóa truy cập").waitFor();
    await page.getByRole("button", { name: "Thêm khóa truy cập" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Tên khóa").fill("Máy tính cơ quan");
    await dialog.getByRole("button", { name: /OK|Đồng ý/ }).click();
    await page.getByText("Đã thêm khóa truy cập").waitFor();
    await page.getByRole("cell", { name: /Máy tính cơ quan/ }).waitFor();
    await session.shot("passkey-01-account-page");

    // Sign out, then in again with the passkey only: no password, no code.
    await page.getByRole("button", { name: "Đăng xuất" }).first().click();
    await page.getByRole("button", { name: "Đăng nhập bằng khóa truy cập" }).waitFor();
    await session.shot("passkey-02-login-page");
    await page.getByRole("button", { name: "Đăng nhập bằng khóa truy cập" }).click();
    await page.getByRole("navigation", { name: "Điều hướng chính" }).waitFor();

    const me = await page.request.get(`${base}/api/auth/me`);
    expect(me.status()).toBe(200);
    const { csrfToken, user } = (await me.json()) as { csrfToken: string; user: { email: string } };
    expect(user.email).toBe(session.server.adminEmail);
    const passkeys = await page.request.get(`${base}/api/auth/passkeys`);
    const items = ((await passkeys.json()) as { items: { name: string; lastUsedAt: string | null }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]?.name).toBe("Máy tính cơ quan");
    expect(items[0]?.lastUsedAt).not.toBeNull();
    const audit = await page.request.get(`${base}/api/audit?action=login&limit=5`, {
      headers: { "x-csrf-token": csrfToken },
    });
    const methods = ((await audit.json()) as { items: { after: { method?: string } | null }[] }).items.map(
      (e) => e.after?.method,
    );
    expect(methods).toContain("passkey");
    const added = await page.request.get(`${base}/api/audit?action=passkey_add`);
    expect(((await added.json()) as { total: number }).total).toBe(1);
    expect(session.consoleErrors.filter((e) => !/status of 40[13]/.test(e))).toEqual([]);
  });
});
