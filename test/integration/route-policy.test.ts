/**
 * The permission table is enforced on every route: each registered route × each role is called and
 * the answer compared with `PERMISSIONS`. Adding a route with a policy is enough to be covered here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/platform/http/app.js";
import { PERMISSIONS, type Permission } from "../../src/platform/policy/policy.js";
import { ROLES, type Role } from "../../src/platform/policy/roles.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildSignedInUser, buildUser } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";

const DUMMY_ID = "00000000-0000-0000-0000-000000000000";
const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

interface Route {
  method: string;
  url: string;
  policy: string | undefined;
}

/** Sign-out ends the caller's session: call it last. */
const isLogout = (r: Route) => r.method === "POST" && r.url === "/api/auth/logout";

function allowed(policy: Permission, role: Role | null): boolean {
  const rule = PERMISSIONS[policy];
  if (rule === "public") return true;
  return role !== null && (rule as readonly Role[]).includes(role);
}

describe.each(dialects())("route policy on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let routes: Route[];
  /** Each role's client and the person record its account is linked to. */
  const callers = new Map<Role, { client: Client; personId: string }>();

  /** Fills `:id`: a person route gets the caller's own person (row-level rule), anything else a dummy id. */
  function urlFor(route: Route, personId: string | null): string {
    return route.url.replace(/:(\w+)/g, () =>
      route.url.startsWith("/api/people/") && personId ? personId : DUMMY_ID,
    );
  }

  async function call(route: Route, client: Client | null, personId: string | null) {
    const url = urlFor(route, personId);
    const body = SAFE.has(route.method) ? undefined : {};
    if (client) return client.request(route.method as "GET", url, body);
    return rawRequest(t.platform.app, route.method, url, body === undefined ? {} : { body });
  }

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    routes = [...t.platform.routes]
      .filter((r) => r.url.startsWith("/api/"))
      .sort((a, b) => Number(isLogout(a)) - Number(isLogout(b)));
    for (const role of ROLES) {
      const person = await buildPerson(admin, { fullName: `Cán bộ vai trò ${role}` });
      const user = await buildSignedInUser(t.platform, admin, { roles: [role], personId: person.id });
      callers.set(role, { client: user.client, personId: person.id });
    }
  });
  afterAll(async () => t?.close());

  it("registers a policy from the table on every /api route, and the table covers sign-in and account admin", () => {
    const api = t.platform.routes.filter((r) => r.url.startsWith("/api/"));
    expect(api.length).toBeGreaterThan(15);
    for (const r of api) expect(Object.keys(PERMISSIONS), `${r.method} ${r.url}`).toContain(r.policy);
    expect(api).toContainEqual({ method: "POST", url: "/api/auth/login", policy: "public" });
    expect(api).toContainEqual({ method: "POST", url: "/api/users", policy: "users.manage" });
  });

  it("refuses to register an /api route without a policy", async () => {
    const { app } = await buildApp({
      logLevel: "silent",
      logger: false,
      bodyLimit: 1024,
      isHttps: false,
      publicUrl: undefined,
      version: "test",
      auth: t.platform.services.auth,
    });
    try {
      await expect(async () => {
        app.get("/api/unguarded", async () => ({ ok: true }));
        await app.ready();
      }).rejects.toThrow(/has no policy/);
    } finally {
      await app.close().catch(() => {});
    }
  });

  it("answers 401 to anonymous callers except on public routes", async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await call(route, null, null);
      const isPublic = route.policy === "public";
      if (isPublic ? res.status === 401 || res.status === 403 : res.status !== 401)
        wrong.push(`${route.method} ${route.url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)("lets %s through exactly where the permission table allows", async (role) => {
    const caller = callers.get(role);
    if (!caller) throw new Error(`no caller for ${role}`);
    const wrong: string[] = [];
    for (const route of routes) {
      const res = await call(route, caller.client, caller.personId);
      const expected = allowed(route.policy as Permission, role);
      if (expected && (res.status === 401 || res.status === 403))
        wrong.push(`${route.method} ${route.url} (${route.policy}) → ${res.status}, expected access`);
      if (!expected && res.status !== 403)
        wrong.push(`${route.method} ${route.url} (${route.policy}) → ${res.status}, expected 403`);
      if (!expected && res.status === 403)
        expect((res.body as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect(wrong).toEqual([]);
  });

  describe("row-level rule for members", () => {
    let member: Client;
    let own: { id: string };
    let other: { id: string };

    beforeAll(async () => {
      own = await buildPerson(admin, { fullName: "Nguyễn Thị Thành Viên", phone: "0225 111 222" });
      other = await buildPerson(admin, { fullName: "Trần Văn Khác", phone: "0225 333 444" });
      const user = await buildUser(admin, { roles: ["member"], personId: own.id });
      member = await signIn(t.platform.app, user.email, user.password);
    });

    it("lets a member change their own phone number", async () => {
      const res = await member.request("PATCH", `/api/people/${own.id}`, { phone: "0912 345 678" });
      expect(res.status).toBe(200);
      expect((res.body as { phone: string }).phone).toBe("0912 345 678");
    });

    it("refuses a member editing someone else's record", async () => {
      const res = await member.request("PATCH", `/api/people/${other.id}`, { phone: "0900 000 000" });
      expect(res.status).toBe(403);
      const after = await admin.request("GET", `/api/people/${other.id}`);
      expect((after.body as { phone: string }).phone).toBe("0225 333 444");
    });

    it("refuses a member changing their own full name", async () => {
      const res = await member.request("PATCH", `/api/people/${own.id}`, { fullName: "Tên Mới" });
      expect(res.status).toBe(403);
      const after = await admin.request("GET", `/api/people/${own.id}`);
      expect((after.body as { fullName: string }).fullName).toBe("Nguyễn Thị Thành Viên");
    });
  });
});
