/**
 * Sign-in and sessions as a user meets them: cookie attributes, CSRF and Origin checks, growing
 * waits after failed sign-ins (the same for unknown accounts; never at an address the account knows), password change and reset, session list and revoke, sign-out, disabled accounts,
 * and messages in Vietnamese or English.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/platform/http/types.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildUser } from "../support/factories.js";
import { type Client, type InjectResult, signIn } from "../support/http.js";

interface ErrorBody {
  error: { code: string; message: string };
}
const code = (res: InjectResult) => (res.body as ErrorBody).error?.code;

/** A sign-in from a given client address (each scenario uses its own, so throttling stays isolated). */
async function login(
  app: App,
  email: string,
  password: string,
  options: { ip?: string; headers?: Record<string, string> } = {},
) {
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: options.ip ?? "127.0.0.1",
    ...(options.headers && { headers: options.headers }),
  });
  return { status: res.statusCode, body: res.json() as unknown, headers: res.headers };
}

function setCookieOf(headers: Record<string, unknown>): string {
  const raw = headers["set-cookie"];
  return (Array.isArray(raw) ? raw[0] : String(raw ?? "")) as string;
}

describe.each(dialects())("auth on %s", (dialect) => {
  let t: TestPlatform;
  let app: App;
  let admin: Client;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    app = t.platform.app;
    admin = await signIn(app, t.adminEmail, t.adminPassword);
  });
  afterAll(async () => t?.close());

  it("signs in with user and CSRF token and sets an HttpOnly, SameSite cookie", async () => {
    const res = await login(app, t.adminEmail, t.adminPassword);
    expect(res.status).toBe(200);
    const body = res.body as { user: { email: string; roles: string[] }; csrfToken: string };
    expect(body.user).toMatchObject({ email: t.adminEmail, roles: ["admin"] });
    expect(body.user).not.toHaveProperty("passwordHash");
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(24);
    const cookie = setCookieOf(res.headers);
    expect(cookie).toMatch(/^hd_session=[^;]{40,};/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Secure/i);
  });

  it("answers a wrong password with 401 invalid_credentials, in Vietnamese unless asked for English", async () => {
    const vi = await login(app, t.adminEmail, "wrong-password-1", { ip: "10.1.0.1" });
    expect(vi.status).toBe(401);
    expect((vi.body as ErrorBody).error).toEqual({
      code: "invalid_credentials",
      message: "Sai e-mail hoặc mật khẩu",
    });
    const en = await login(app, t.adminEmail, "wrong-password-2", {
      ip: "10.1.0.1",
      headers: { "accept-language": "en-GB,en;q=0.9" },
    });
    expect((en.body as ErrorBody).error).toEqual({
      code: "invalid_credentials",
      message: "Wrong e-mail or password",
    });
    const unknown = await login(app, "nobody@test.local", "whatever-123", { ip: "10.1.0.1" });
    expect(unknown.status).toBe(401);
    expect((unknown.body as ErrorBody).error.code).toBe("invalid_credentials");
    // Two failures do not lock the account.
    expect((await login(app, t.adminEmail, t.adminPassword, { ip: "10.1.0.1" })).status).toBe(200);
  });

  it("refuses state-changing requests without the session's CSRF token or from another origin", async () => {
    const unit = { name: "Đơn vị CSRF", type: "department" };
    const missing = await admin.request("POST", "/api/units", unit, { "x-csrf-token": "" });
    expect(missing.status).toBe(403);
    expect(code(missing)).toBe("csrf_invalid");
    const wrong = await admin.request("POST", "/api/units", unit, {
      "x-csrf-token": `${admin.csrfToken.slice(0, -2)}xx`,
    });
    expect(code(wrong)).toBe("csrf_invalid");
    const foreign = await admin.request("POST", "/api/units", unit, { origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(code(foreign)).toBe("origin_rejected");
    const list = await admin.request("GET", "/api/units?q=CSRF");
    expect((list.body as { total: number }).total).toBe(0);
    const ok = await admin.request("POST", "/api/units", unit, {
      origin: "http://haidang.test:8080",
      host: "haidang.test:8080",
    });
    expect(ok.status).toBe(201);
  });

  it("refuses a sign-in posted from another origin (login CSRF)", async () => {
    const res = await login(app, t.adminEmail, t.adminPassword, {
      ip: "10.1.0.2",
      headers: { origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).error.code).toBe("origin_rejected");
  });

  /** Moves an account's sign-in attempts back in time, as if the wait had passed. */
  async function age(email: string, seconds: number) {
    const { db } = t.platform.database;
    const rows = await db
      .selectFrom("login_attempts")
      .select(["id", "at"])
      .where("email", "=", email)
      .execute();
    for (const r of rows) {
      const at = new Date(Date.parse(r.at) - seconds * 1000).toISOString();
      await db.updateTable("login_attempts").set({ at }).where("id", "=", r.id).execute();
    }
    // The account's password dates from before its attempts, as it would have.
    await db
      .updateTable("users")
      .set({ password_changed_at: "2020-01-01T00:00:00.000Z" })
      .where("email", "=", email)
      .execute();
  }

  it("answers an unknown account exactly like a real one, and slows both down after 5 failures", async () => {
    const user = await buildUser(admin, { roles: ["viewer"] });
    const ghost = `khong-co-${dialect}@test.local`;
    for (const email of [user.email, ghost]) {
      for (let i = 1; i <= 5; i++) {
        const res = await login(app, email, `wrong-${i}-password`, { ip: "10.2.0.1" });
        expect(res.status).toBe(401);
        expect(code(res as InjectResult)).toBe("invalid_credentials");
      }
    }
    // Even the right password waits; the answer names no account and carries the wait.
    const real = await login(app, user.email, user.password, { ip: "10.2.0.2" });
    const unknown = await login(app, ghost, user.password, { ip: "10.2.0.2" });
    for (const res of [real, unknown]) {
      expect(res.status).toBe(429);
      expect((res.body as ErrorBody).error.code).toBe("too_many_attempts");
      expect(Number(res.headers["retry-after"])).toBeGreaterThan(50);
      expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(60);
    }
    expect((real.body as ErrorBody).error.message.replace(/\d+/, "N")).toBe(
      (unknown.body as ErrorBody).error.message.replace(/\d+/, "N"),
    );
    expect((real.body as ErrorBody).error.message).toMatch(
      /^Đăng nhập sai quá nhiều lần; hãy thử lại sau \d+ giây$/,
    );
    // The audit (not the caller) learns that the real account is being slowed down.
    const audit = await admin.request("GET", `/api/audit?entityId=${user.id}&action=lock`);
    expect((audit.body as { total: number }).total).toBe(1);
  });

  it("doubles the wait with each further failure and lets the right password in once it has passed", async () => {
    const user = await buildUser(admin, { roles: ["viewer"] });
    for (let i = 1; i <= 5; i++) await login(app, user.email, `wrong-${i}-password`, { ip: "10.2.1.1" });
    await age(user.email, 61);
    expect((await login(app, user.email, "wrong-6-password", { ip: "10.2.1.1" })).status).toBe(401);
    const second = await login(app, user.email, user.password, { ip: "10.2.1.1" });
    expect(second.status).toBe(429);
    expect(Number(second.headers["retry-after"])).toBeGreaterThan(110);
    expect(Number(second.headers["retry-after"])).toBeLessThanOrEqual(120);
    await age(user.email, 121);
    expect((await login(app, user.email, "wrong-7-password", { ip: "10.2.1.1" })).status).toBe(401);
    const third = await login(app, user.email, user.password, { ip: "10.2.1.1" });
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(230);
    await age(user.email, 241);
    expect((await login(app, user.email, user.password, { ip: "10.2.1.1" })).status).toBe(200);
  });

  it("never locks the administrator out of an address it signed in from, whatever a stranger does elsewhere", async () => {
    const office = "10.4.0.1";
    expect((await login(app, t.adminEmail, t.adminPassword, { ip: office })).status).toBe(200);
    for (let i = 0; i < 12; i++) await login(app, t.adminEmail, `guess-${i}-password`, { ip: "203.0.113.9" });
    const stranger = await login(app, t.adminEmail, `guess-final-password`, { ip: "203.0.113.9" });
    expect(stranger.status).toBe(429);
    // A new address is slowed down too…
    expect((await login(app, t.adminEmail, t.adminPassword, { ip: "10.4.0.77" })).status).toBe(429);
    // …but the office, where the administrator signed in before, is not.
    expect((await login(app, t.adminEmail, t.adminPassword, { ip: office })).status).toBe(200);
    // At the office only the office's own failures count against the account.
    for (let i = 0; i < 5; i++) await login(app, t.adminEmail, `typo-${i}-password`, { ip: office });
    expect((await login(app, t.adminEmail, t.adminPassword, { ip: office })).status).toBe(429);
    await age(t.adminEmail, 24 * 3600);
  });

  it("throttles a client address after many failures with 429 and retry-after", async () => {
    const ip = "10.3.0.1";
    for (let i = 0; i < t.platform.services.auth.policy.addressFreeFailures; i++) {
      expect((await login(app, `ghost-${i}@test.local`, "nope-nope-1", { ip })).status).toBe(401);
    }
    const throttled = await login(app, t.adminEmail, t.adminPassword, { ip });
    expect(throttled.status).toBe(429);
    expect((throttled.body as ErrorBody).error.code).toBe("too_many_attempts");
    expect(Number(throttled.headers["retry-after"])).toBeGreaterThan(0);
    // Other addresses are not affected.
    expect((await login(app, t.adminEmail, t.adminPassword, { ip: "10.3.0.2" })).status).toBe(200);
  });

  describe("password change, sessions and sign-out", () => {
    let user: { id: string; email: string; password: string };
    beforeAll(async () => {
      user = await buildUser(admin, { roles: ["secretariat"] });
    });

    it("changes the password, keeping this session and ending the others", async () => {
      const here = await signIn(app, user.email, user.password);
      const elsewhere = await signIn(app, user.email, user.password);
      const wrongCurrent = await here.request("POST", "/api/auth/password", {
        currentPassword: "not-my-password-1",
        newPassword: "Mot-mat-khau-moi-2025",
      });
      expect(wrongCurrent.status).toBe(400);
      expect(code(wrongCurrent)).toBe("wrong_current_password");
      const weak = await here.request("POST", "/api/auth/password", {
        currentPassword: user.password,
        newPassword: "chicochuthoi",
      });
      expect(weak.status).toBe(400);
      expect(code(weak)).toBe("weak_password");
      const ok = await here.request("POST", "/api/auth/password", {
        currentPassword: user.password,
        newPassword: "Mot-mat-khau-moi-2025",
      });
      expect(ok.status).toBe(204);
      expect((await here.request("GET", "/api/auth/me")).status).toBe(200);
      expect((await elsewhere.request("GET", "/api/auth/me")).status).toBe(401);
      expect((await login(app, user.email, user.password, { ip: "10.4.0.1" })).status).toBe(401);
      expect((await login(app, user.email, "Mot-mat-khau-moi-2025", { ip: "10.4.0.1" })).status).toBe(200);
      user.password = "Mot-mat-khau-moi-2025";
    });

    it("lists own sessions with the current one marked, and revoking one signs that browser out", async () => {
      const a = await signIn(app, user.email, user.password);
      const b = await signIn(app, user.email, user.password);
      const res = await a.request("GET", "/api/auth/sessions");
      const items = (res.body as { items: { id: string; isCurrent: boolean }[] }).items;
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(items.filter((s) => s.isCurrent)).toHaveLength(1);
      const bCurrent = (
        (await b.request("GET", "/api/auth/sessions")).body as { items: { id: string; isCurrent: boolean }[] }
      ).items.find((s) => s.isCurrent);
      if (!bCurrent) throw new Error("b has no current session");
      expect(items.find((s) => s.isCurrent)?.id).not.toBe(bCurrent.id);
      expect((await a.request("DELETE", `/api/auth/sessions/${bCurrent.id}`)).status).toBe(204);
      const bAfter = await b.request("GET", "/api/auth/me");
      expect(bAfter.status).toBe(401);
      expect(code(bAfter)).toBe("unauthenticated");
      expect((await a.request("GET", "/api/auth/me")).status).toBe(200);
      // Another user's session cannot be revoked.
      const adminSessions = (await admin.request("GET", "/api/auth/sessions")).body as {
        items: { id: string }[];
      };
      const foreign = await a.request("DELETE", `/api/auth/sessions/${adminSessions.items[0]?.id}`);
      expect(foreign.status).toBe(404);
    });

    it("signs out: the cookie is cleared and no longer accepted", async () => {
      const c = await signIn(app, user.email, user.password);
      const res = await c.request("POST", "/api/auth/logout");
      expect(res.status).toBe(204);
      expect(setCookieOf(res.headers)).toMatch(/^hd_session=;/);
      const after = await c.request("GET", "/api/auth/me");
      expect(after.status).toBe(401);
      expect((after.body as ErrorBody).error.message).toBe("Bạn cần đăng nhập");
      const en = await c.request("GET", "/api/auth/me", undefined, { "accept-language": "en" });
      expect((en.body as ErrorBody).error.message).toBe("Sign-in required");
    });

    it("lets an admin reset a password: the one-time password works and old sessions end", async () => {
      const before = await signIn(app, user.email, user.password);
      const res = await admin.request("POST", `/api/users/${user.id}/reset-password`);
      expect(res.status).toBe(200);
      const { temporaryPassword } = res.body as { temporaryPassword: string };
      expect(temporaryPassword).toMatch(/^\S{12,}$/);
      expect((await before.request("GET", "/api/auth/me")).status).toBe(401);
      expect((await login(app, user.email, user.password, { ip: "10.5.0.1" })).status).toBe(401);
      const fresh = await login(app, user.email, temporaryPassword, { ip: "10.5.0.1" });
      expect(fresh.status).toBe(200);
      expect((fresh.body as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);
    });
  });

  it("refuses sign-in to a disabled account and ends its sessions", async () => {
    const user = await buildUser(admin, { roles: ["viewer"] });
    const c = await signIn(app, user.email, user.password);
    const disable = await admin.request("PATCH", `/api/users/${user.id}`, { isActive: false });
    expect(disable.status).toBe(200);
    expect((await c.request("GET", "/api/auth/me")).status).toBe(401);
    const res = await login(app, user.email, user.password, { ip: "10.6.0.1" });
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).error.code).toBe("account_disabled");
  });
});

describe.each(dialects())("auth behind https on %s", (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { PUBLIC_URL: "https://haidang.example.vn" } });
  });
  afterAll(async () => t?.close());

  it("uses a Secure __Host- cookie and accepts the public origin", async () => {
    const res = await login(t.platform.app, t.adminEmail, t.adminPassword);
    expect(res.status).toBe(200);
    const cookie = setCookieOf(res.headers);
    expect(cookie).toMatch(/^__Host-hd_session=[^;]{40,};/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Domain=/i);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);

    const c = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const created = await c.request(
      "POST",
      "/api/units",
      { name: "Đơn vị HTTPS", type: "press" },
      { origin: "https://haidang.example.vn" },
    );
    expect(created.status).toBe(201);
    // Browsers ignore a __Host- cookie without Secure, so sign-out must send it to clear the cookie.
    const out = await c.request("POST", "/api/auth/logout");
    expect(out.status).toBe(204);
    const cleared = setCookieOf(out.headers);
    expect(cleared).toMatch(/^__Host-hd_session=;/);
    expect(cleared).toMatch(/; Secure/i);
  });
});
