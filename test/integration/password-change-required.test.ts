/**
 * An account on a one-time password (created without one, or reset by an administrator) may only
 * sign out, read "me" and change the password until it has done so: every other route answers
 * 403 `password_change_required`, whatever the account's roles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/platform/policy/roles.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildUser } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const DUMMY_ID = "00000000-0000-0000-0000-000000000000";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
const ALLOWED = new Set(["POST /api/auth/logout", "GET /api/auth/me", "POST /api/auth/password"]);

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(dialects())("password change required on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;

  /** An account with every role, created without a password: it gets a one-time one. */
  async function temporaryAccount(): Promise<{ id: string; email: string; password: string }> {
    const email = `tam-thoi-${Math.random().toString(36).slice(2, 8)}@haiphong.gov.vn`;
    const res = await admin.request("POST", "/api/users", {
      email,
      displayName: "Cán bộ mới",
      roles: [...ROLES],
    });
    expect(res.status, res.text).toBe(201);
    const body = res.body as { user: { id: string }; temporaryPassword: string };
    return { id: body.user.id, email, password: body.temporaryPassword };
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
  });
  afterAll(async () => t?.close());

  it("refuses every route but sign-out, me and change-password until the password is changed", async () => {
    const account = await temporaryAccount();
    const client = await signIn(t.platform.app, account.email, account.password);
    const me = await client.request("GET", "/api/auth/me");
    expect(me.status).toBe(200);
    expect((me.body as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);

    const wrong: string[] = [];
    const routes = t.platform.routes.filter(
      (r) => r.url.startsWith("/api/") && r.policy !== "public" && !ALLOWED.has(`${r.method} ${r.url}`),
    );
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const url = route.url.replace(/:(\w+)/g, DUMMY_ID);
      const res = await client.request(route.method as "GET", url, SAFE.has(route.method) ? undefined : {});
      const code = (res.body as ErrorBody | null)?.error?.code;
      if (res.status !== 403 || code !== "password_change_required")
        wrong.push(`${route.method} ${route.url} → ${res.status} ${code}`);
    }
    expect(wrong).toEqual([]);

    const refused = await client.request("GET", "/api/units");
    expect((refused.body as ErrorBody).error.message).toBe(
      "Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục",
    );
    const en = await client.request("GET", "/api/units", undefined, { "accept-language": "en" });
    expect((en.body as ErrorBody).error.message).toBe("Change your one-time password before continuing");

    const changed = await client.request("POST", "/api/auth/password", {
      currentPassword: account.password,
      newPassword: "Mat-khau-moi-2024",
    });
    expect(changed.status, changed.text).toBe(204);
    expect((await client.request("GET", "/api/units")).status).toBe(200);
    const after = (await client.request("GET", "/api/auth/me")).body as {
      user: { mustChangePassword: boolean };
    };
    expect(after.user.mustChangePassword).toBe(false);
  });

  it("applies again after an administrator resets the password, and sign-out still works", async () => {
    const user = await buildUser(admin, { roles: ["secretariat"] });
    const before = await signIn(t.platform.app, user.email, user.password);
    expect((await before.request("GET", "/api/units")).status).toBe(200);
    const reset = await admin.request("POST", `/api/users/${user.id}/reset-password`);
    const { temporaryPassword } = reset.body as { temporaryPassword: string };
    const client = await signIn(t.platform.app, user.email, temporaryPassword);
    const res = await client.request("POST", "/api/units", { name: "Phòng mới", type: "department" });
    expect(res.status).toBe(403);
    expect((res.body as ErrorBody).error.code).toBe("password_change_required");
    expect((await client.request("POST", "/api/auth/logout")).status).toBe(204);
    expect((await client.request("GET", "/api/auth/me")).status).toBe(401);
  });
});
