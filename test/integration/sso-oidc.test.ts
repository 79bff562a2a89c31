/**
 * OpenID Connect sign-in against a real provider (`oidc-provider` on 127.0.0.1): the code flow with
 * PKCE, state and nonce; an account linked by verified e-mail to a directory person, with its role
 * from the provider's groups; a tampered ID token, a replayed state and an expired code refused; an
 * unverified e-mail refused; an unknown e-mail waiting for an administrator, approved, then signing
 * in; the provider's logout; and a misconfigured provider (unreachable, wrong secret, missing claim)
 * that leaves the server and password sign-in working and says so in the log and on /api/auth/methods.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLoggerOptions } from "../../src/platform/http/request-log.js";
import type { App } from "../../src/platform/http/types.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";
import { startTestIdentityProvider, type TestIdentityProvider } from "../support/oidc-identity-provider.js";

const PUBLIC_URL = "http://haidang.localhost";
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

function oidcEnv(idp: TestIdentityProvider, overrides: Record<string, string> = {}) {
  return {
    PUBLIC_URL,
    HAIDANG_OIDC_ISSUER: idp.issuer,
    HAIDANG_OIDC_CLIENT_ID: idp.clientId,
    HAIDANG_OIDC_CLIENT_SECRET: idp.clientSecret,
    HAIDANG_OIDC_SCOPES: "openid email profile groups",
    HAIDANG_OIDC_ROLE_CLAIM: "groups",
    HAIDANG_OIDC_ROLE_MAP: "hd-secretariat=secretariat,hd-members=member,hd-editors=member,hd-editors=editor",
    ...overrides,
  };
}

/** Our start → the provider → back to our callback: the answer the browser gets from the callback. */
async function roundTrip(app: App, idp: TestIdentityProvider, options: { waitMs?: number } = {}) {
  const start = await app.inject({ method: "GET", url: "/api/auth/oidc/start" });
  expect(start.statusCode).toBe(303);
  const authorizationUrl = String(start.headers.location);
  const back = await idp.authorize(authorizationUrl);
  if (options.waitMs) await new Promise((r) => setTimeout(r, options.waitMs));
  const callback = await app.inject({ method: "GET", url: `${back.pathname}${back.search}` });
  const setCookie = callback.headers["set-cookie"];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)?.split(";")[0];
  return {
    authorizationUrl,
    back,
    status: callback.statusCode,
    location: String(callback.headers.location),
    cookie,
  };
}

async function me(app: App, cookie: string | undefined) {
  const res = await rawRequest(app, "GET", "/api/auth/me", { headers: cookie ? { cookie } : {} });
  return res;
}

describe.each(dialects())("OIDC sign-in on %s", (dialect) => {
  let idp: TestIdentityProvider;
  let t: TestPlatform;
  let app: App;
  let admin: Client;
  const logged: string[] = [];

  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      redirectUri: REDIRECT_URI,
      postLogoutRedirectUri: `${PUBLIC_URL}/login`,
    });
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => logged.push(chunk.toString("utf8")));
    t = await startTestPlatform({
      dialect,
      env: oidcEnv(idp),
      logger: createLoggerOptions({ level: "info", stream }),
    });
    app = t.platform.app;
    admin = await signIn(app, t.adminEmail, t.adminPassword);
  });
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it("tells the sign-in page that SSO is available", async () => {
    const res = await rawRequest(app, "GET", "/api/auth/methods");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      oidc: { isConfigured: true, isAvailable: true },
      ldap: { isConfigured: false, isAvailable: false },
    });
  });

  it("signs in a directory person by verified e-mail with PKCE, state and nonce, role from the groups claim", async () => {
    const person = await buildPerson(admin, { fullName: "Nguyễn Thị An", email: "an.nguyen@thanhpho.vn" });
    idp.signInAs({
      sub: "sub-an",
      email: "An.Nguyen@thanhpho.vn",
      email_verified: true,
      name: "Nguyễn Thị An",
      groups: ["hd-editors", "other-app"],
    });
    const r = await roundTrip(app, idp);
    const sent = new URL(r.authorizationUrl);
    expect(sent.searchParams.get("code_challenge_method")).toBe("S256");
    expect(sent.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(sent.searchParams.get("state")).toBeTruthy();
    expect(sent.searchParams.get("nonce")).toBeTruthy();
    expect(sent.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(r.status).toBe(303);
    expect(r.location).toBe(`${PUBLIC_URL}/`);
    expect(r.cookie).toMatch(/^hd_session=/);
    const res = await me(app, r.cookie);
    expect(res.status).toBe(200);
    const user = (res.body as { user: { email: string; roles: string[]; personId: string } }).user;
    expect(user.email).toBe("an.nguyen@thanhpho.vn");
    expect(user.personId).toBe(person.id);
    expect(user.roles.sort()).toEqual(["editor", "member"]);

    // The second time the same identity signs in as the same account; a group change moves its roles.
    idp.signInAs({
      sub: "sub-an",
      email: "an.nguyen@thanhpho.vn",
      email_verified: true,
      groups: ["hd-members"],
    });
    const again = await roundTrip(app, idp);
    const second = (await me(app, again.cookie)).body as { user: { id: string; roles: string[] } };
    expect(second.user.roles).toEqual(["member"]);
    expect(second.user.id).toBe((res.body as { user: { id: string } }).user.id);
  });

  it("refuses a replayed state: the second callback with the same state and code opens no session", async () => {
    idp.signInAs({
      sub: "sub-binh",
      email: "binh@thanhpho.vn",
      email_verified: true,
      groups: ["hd-members"],
    });
    await buildPerson(admin, { fullName: "Trần Văn Bình", email: "binh@thanhpho.vn" });
    const first = await roundTrip(app, idp);
    expect(first.location).toBe(`${PUBLIC_URL}/`);
    const replay = await app.inject({ method: "GET", url: `${first.back.pathname}${first.back.search}` });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe(`${PUBLIC_URL}/login?sso_error=oidc_sign_in_rejected`);
    expect(replay.headers["set-cookie"]).toBeUndefined();
    // A made-up state is refused the same way.
    const forged = await app.inject({ method: "GET", url: "/api/auth/oidc/callback?code=abc&state=forged" });
    expect(forged.headers.location).toBe(`${PUBLIC_URL}/login?sso_error=oidc_sign_in_rejected`);
  });

  it("refuses a tampered ID token (signature checked against the provider's keys)", async () => {
    idp.signInAs({ sub: "sub-eve", email: "eve@ngoai.vn", email_verified: true, groups: ["hd-members"] });
    // Someone between the servers makes the ID token say it is the administrator.
    idp.tamperNextIdToken({ email: t.adminEmail, email_verified: true });
    const r = await roundTrip(app, idp);
    expect(r.location).toBe(`${PUBLIC_URL}/login?sso_error=oidc_sign_in_rejected`);
    expect(r.cookie).toBeUndefined();
  });

  it("refuses an expired authorization code", async () => {
    idp.signInAs({
      sub: "sub-binh",
      email: "binh@thanhpho.vn",
      email_verified: true,
      groups: ["hd-members"],
    });
    idp.setCodeTtlSeconds(1);
    try {
      const r = await roundTrip(app, idp, { waitMs: 2_100 });
      expect(r.location).toBe(`${PUBLIC_URL}/login?sso_error=oidc_sign_in_rejected`);
      expect(r.cookie).toBeUndefined();
    } finally {
      idp.setCodeTtlSeconds(60);
    }
  });

  it("refuses an e-mail the provider did not verify, even one that matches an account", async () => {
    idp.signInAs({ sub: "sub-mallory", email: t.adminEmail, email_verified: false, groups: ["hd-members"] });
    const r = await roundTrip(app, idp);
    expect(r.location).toBe(`${PUBLIC_URL}/login?sso_error=external_email_unverified`);
    expect(r.cookie).toBeUndefined();
  });

  it("holds an unknown e-mail for approval, never signs it in as anyone; approved, it signs in", async () => {
    idp.signInAs({
      sub: "sub-cuong",
      email: "cuong@ngoai.vn",
      email_verified: true,
      name: "Lê Cường",
      groups: ["hd-members"],
    });
    const r = await roundTrip(app, idp);
    expect(r.location).toBe(`${PUBLIC_URL}/login?sso_error=external_account_pending`);
    expect(r.cookie).toBeUndefined();
    const again = await roundTrip(app, idp);
    expect(again.location).toBe(`${PUBLIC_URL}/login?sso_error=external_account_pending`);

    const pending = await admin.request("GET", "/api/users/external-identities?status=pending");
    const items = (pending.body as { items: Array<{ id: string; email: string; displayName: string }> })
      .items;
    const mine = items.filter((i) => i.email === "cuong@ngoai.vn");
    expect(mine).toHaveLength(1);
    expect(mine[0]?.displayName).toBe("Lê Cường");
    const approved = await admin.request("POST", `/api/users/external-identities/${mine[0]?.id}/approve`, {
      roles: ["viewer"],
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "linked", email: "cuong@ngoai.vn" });

    const after = await roundTrip(app, idp);
    expect(after.location).toBe(`${PUBLIC_URL}/`);
    const user = ((await me(app, after.cookie)).body as { user: { email: string; roles: string[] } }).user;
    expect(user).toMatchObject({ email: "cuong@ngoai.vn" });

    const audit = await admin.request("GET", "/api/audit?entityType=external_identity");
    const actions = (audit.body as { items: Array<{ action: string }> }).items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(["request", "approve", "link"]));
  });

  it("a rejected account stays out", async () => {
    idp.signInAs({ sub: "sub-dung", email: "dung@ngoai.vn", email_verified: true, groups: ["hd-members"] });
    expect((await roundTrip(app, idp)).location).toContain("external_account_pending");
    const pending = await admin.request("GET", "/api/users/external-identities");
    const id = (pending.body as { items: Array<{ id: string; email: string }> }).items.find(
      (i) => i.email === "dung@ngoai.vn",
    )?.id;
    const rejected = await admin.request("POST", `/api/users/external-identities/${id}/reject`);
    expect(rejected.status).toBe(200);
    expect((await roundTrip(app, idp)).location).toBe(
      `${PUBLIC_URL}/login?sso_error=external_account_rejected`,
    );
    const twice = await admin.request("POST", `/api/users/external-identities/${id}/approve`);
    expect(twice.status).toBe(409);
  });

  it("refuses a person whose groups map to no role, and says so when the groups claim is missing", async () => {
    idp.signInAs({
      sub: "sub-an",
      email: "an.nguyen@thanhpho.vn",
      email_verified: true,
      groups: ["other-app"],
    });
    expect((await roundTrip(app, idp)).location).toBe(`${PUBLIC_URL}/login?sso_error=external_no_role`);
    idp.signInAs({ sub: "sub-an", email: "an.nguyen@thanhpho.vn", email_verified: true });
    expect((await roundTrip(app, idp)).location).toBe(`${PUBLIC_URL}/login?sso_error=oidc_claim_missing`);
    expect(logged.join("")).toContain('the provider sent no \\"groups\\" claim');
  });

  it("signs out at the provider too (RP-initiated logout)", async () => {
    const res = await app.inject({ method: "GET", url: "/api/auth/oidc/logout" });
    expect(res.statusCode).toBe(303);
    const url = new URL(String(res.headers.location));
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get("client_id")).toBe(idp.clientId);
    expect(url.searchParams.get("post_logout_redirect_uri")).toBe(`${PUBLIC_URL}/login`);
  });
});

describe("OIDC misconfigured: the server starts, says so, and password sign-in keeps working", () => {
  let idp: TestIdentityProvider;
  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      redirectUri: REDIRECT_URI,
      postLogoutRedirectUri: `${PUBLIC_URL}/login`,
    });
  });
  afterAll(async () => idp?.close());

  async function platformWith(env: Record<string, string>) {
    const logged: string[] = [];
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => logged.push(chunk.toString("utf8")));
    const t = await startTestPlatform({ env, logger: createLoggerOptions({ level: "info", stream }) });
    return { t, logged };
  }

  it("an unreachable issuer", async () => {
    const { t, logged } = await platformWith(
      oidcEnv(idp, { HAIDANG_OIDC_ISSUER: "http://127.0.0.1:9/realms/none" }),
    );
    try {
      const methods = await rawRequest(t.platform.app, "GET", "/api/auth/methods");
      expect(methods.body).toMatchObject({ oidc: { isConfigured: true, isAvailable: false } });
      const start = await t.platform.app.inject({ method: "GET", url: "/api/auth/oidc/start" });
      expect(start.headers.location).toBe(`${PUBLIC_URL}/login?sso_error=sign_in_method_unavailable`);
      const lines = logged
        .join("")
        .split("\n")
        .filter((l) => l.includes("OIDC sign-in unavailable"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("issuer unreachable");
      await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    } finally {
      await t.close();
    }
  });

  it("a wrong client secret", async () => {
    const { t, logged } = await platformWith(oidcEnv(idp, { HAIDANG_OIDC_CLIENT_SECRET: "not-the-secret" }));
    try {
      idp.signInAs({ sub: "sub-e", email: "e@thanhpho.vn", email_verified: true, groups: ["hd-members"] });
      const r = await roundTrip(t.platform.app, idp);
      expect(r.location).toBe(`${PUBLIC_URL}/login?sso_error=sign_in_method_unavailable`);
      const methods = await rawRequest(t.platform.app, "GET", "/api/auth/methods");
      expect(methods.body).toMatchObject({ oidc: { isConfigured: true, isAvailable: false } });
      const lines = logged
        .join("")
        .split("\n")
        .filter((l) => l.includes("OIDC sign-in unavailable"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("HAIDANG_OIDC_CLIENT_SECRET");
      expect(logged.join("")).not.toContain("not-the-secret");
      await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    } finally {
      await t.close();
    }
  });
});
