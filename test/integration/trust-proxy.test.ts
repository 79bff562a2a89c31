/**
 * Behind nginx every request comes from the proxy's address: only with HAIDANG_TRUST_PROXY naming the
 * proxy does the server take the user's own address from X-Forwarded-For (sessions, throttling, audit),
 * and a forged header from anyone else is ignored.
 */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";

async function sessionIp(t: TestPlatform, forwardedFor: string, remoteAddress = "127.0.0.1") {
  const login = await t.platform.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress,
    headers: { "x-forwarded-for": forwardedFor },
    payload: { email: t.adminEmail, password: t.adminPassword },
  });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
  const sessions = await t.platform.app.inject({
    method: "GET",
    url: "/api/auth/sessions",
    headers: { cookie },
  });
  const items = (JSON.parse(sessions.body) as { items: { ip: string | null; isCurrent: boolean }[] }).items;
  return items.find((s) => s.isCurrent)?.ip;
}

describe("client addresses behind a reverse proxy", () => {
  let t: TestPlatform | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it("believes X-Forwarded-For only from the configured proxy", async () => {
    t = await startTestPlatform({ env: { HAIDANG_TRUST_PROXY: "127.0.0.1, ::1" } });
    expect(await sessionIp(t, "203.0.113.7")).toBe("203.0.113.7");
    // A client that is not the proxy cannot choose its address.
    expect(await sessionIp(t, "203.0.113.7", "198.51.100.9")).toBe("198.51.100.9");
  });

  it("trusts no proxy by default", async () => {
    t = await startTestPlatform();
    expect(await sessionIp(t, "203.0.113.7")).toBe("127.0.0.1");
  });

  it("refuses a setting that is not a list of addresses", () => {
    expect(() => loadConfig({ HAIDANG_TRUST_PROXY: "nginx.local" })).toThrow(/HAIDANG_TRUST_PROXY/);
  });
});
