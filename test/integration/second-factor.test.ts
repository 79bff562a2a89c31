/**
 * Second factor with an authenticator app (TOTP) as a user meets it: the required-roles gate,
 * enrolment with a confirming code, the sign-in's second step, a code reused within its window
 * refused, recovery codes used once, wrong codes slowed down, an administrator's reset, the audit
 * journal, and the secret sealed at rest. Codes are computed with otplib as an authenticator app would.
 */
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/platform/http/types.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildUser } from "../support/factories.js";
import { type Client, type InjectResult, rawRequest } from "../support/http.js";

interface ErrorBody {
  error: { code: string; message: string };
}
const codeOf = (res: InjectResult) => (res.body as ErrorBody | null)?.error?.code;

/** The code an authenticator app shows `offsetSteps` periods from now. */
const totpCode = (secret: string, offsetSteps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** A client over a cookie and CSRF token from a sign-in answer. */
function clientOf(app: App, res: InjectResult): Client {
  const setCookie = res.headers["set-cookie"];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : String(setCookie ?? "")).split(";")[0] ?? "";
  const { csrfToken } = res.body as { csrfToken: string };
  return {
    csrfToken,
    cookie,
    request: (method, url, body, headers = {}) =>
      rawRequest(app, method, url, { body, headers: { cookie, "x-csrf-token": csrfToken, ...headers } }),
  };
}

describe.each(dialects())("second factor (TOTP) on %s", (dialect) => {
  let t: TestPlatform;
  let app: App;
  let admin: Client;
  let adminSecret = "";
  let adminRecoveryCodes: string[] = [];
  const ip = { n: 10 };

  /** Each scenario signs in from its own address, so that throttling stays isolated. */
  const login = (email: string, password: string, remote = `10.0.0.${ip.n}`) =>
    app
      .inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: remote })
      .then((r) => ({
        status: r.statusCode,
        body: r.json() as unknown,
        headers: r.headers,
        text: r.body,
      }));
  const secondStep = (challengeToken: string, code: string, remote = `10.0.0.${ip.n}`) =>
    app
      .inject({
        method: "POST",
        url: "/api/auth/second-factor",
        payload: { challengeToken, code },
        remoteAddress: remote,
      })
      .then((r) => ({ status: r.statusCode, body: r.json() as unknown, headers: r.headers, text: r.body }));

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_MFA_REQUIRED_ROLES: "admin,secretariat" } });
    app = t.platform.app;
  });
  afterAll(async () => t?.close());

  it("sends an administrator without an authenticator to enrol before anything else", async () => {
    const res = await login(t.adminEmail, t.adminPassword);
    expect(res.status, res.text).toBe(200);
    expect((res.body as { mustEnrolSecondFactor: boolean }).mustEnrolSecondFactor).toBe(true);
    admin = clientOf(app, res);

    const refused = await admin.request("GET", "/api/units");
    expect(refused.status).toBe(403);
    expect(codeOf(refused)).toBe("second_factor_enrolment_required");
    expect((refused.body as ErrorBody).error.message).toMatch(/xác thực hai lớp/);
    const me = await admin.request("GET", "/api/auth/me");
    expect((me.body as { mustEnrolSecondFactor: boolean }).mustEnrolSecondFactor).toBe(true);

    const started = await admin.request("POST", "/api/auth/totp/enrolment");
    expect(started.status, started.text).toBe(200);
    const enrolment = started.body as { secret: string; otpauthUri: string; qrCodeDataUrl: string };
    expect(enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    adminSecret = enrolment.secret;

    const wrong = await admin.request("POST", "/api/auth/totp/confirm", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect(codeOf(wrong)).toBe("second_factor_invalid_code");
    expect((await admin.request("GET", "/api/units")).status).toBe(403);

    const confirmed = await admin.request("POST", "/api/auth/totp/confirm", {
      code: await totpCode(adminSecret),
    });
    expect(confirmed.status, confirmed.text).toBe(200);
    adminRecoveryCodes = (confirmed.body as { codes: string[] }).codes;
    expect(adminRecoveryCodes).toHaveLength(10);
    expect(new Set(adminRecoveryCodes).size).toBe(10);

    // The same session may now work.
    expect((await admin.request("GET", "/api/units")).status).toBe(200);
    const status = await admin.request("GET", "/api/auth/second-factor");
    expect(status.body).toMatchObject({
      isTotpEnrolled: true,
      recoveryCodesLeft: 10,
      isRequired: true,
      mustEnrol: false,
    });
  });

  it("keeps the secret sealed at rest and the recovery codes hashed", async () => {
    const row = await t.platform.services.db.selectFrom("user_totp").selectAll().executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(adminSecret);
    expect(row.secret_enc).toMatch(/^v1\./);
    const codes = await t.platform.services.db.selectFrom("recovery_codes").select("code_hash").execute();
    expect(codes).toHaveLength(10);
    for (const c of codes) {
      expect(c.code_hash).toMatch(/^\$argon2id\$/);
      expect(adminRecoveryCodes).not.toContain(c.code_hash);
    }
  });

  it("asks for a code after the password, refuses a code reused within its window, then signs in", async () => {
    ip.n = 11;
    const first = await login(t.adminEmail, t.adminPassword);
    expect(first.status, first.text).toBe(200);
    const step = first.body as { secondFactorRequired: boolean; challengeToken: string; csrfToken?: string };
    expect(step.secondFactorRequired).toBe(true);
    expect(step.csrfToken).toBeUndefined();
    expect(first.headers["set-cookie"]).toBeUndefined();

    // The code that confirmed enrolment a moment ago is still inside its 30-second window: refused.
    const reused = await secondStep(step.challengeToken, await totpCode(adminSecret));
    expect(reused.status).toBe(400);
    expect(codeOf(reused)).toBe("second_factor_invalid_code");

    // The next period's code (the clock drift the server allows) is new, and opens the session.
    const next = await totpCode(adminSecret, 1);
    const ok = await secondStep(step.challengeToken, next);
    expect(ok.status, ok.text).toBe(200);
    const signedIn = clientOf(app, ok as InjectResult);
    expect((await signedIn.request("GET", "/api/units")).status).toBe(200);

    // Once accepted, the same code is refused even on a fresh sign-in.
    const again = await login(t.adminEmail, t.adminPassword);
    const refused = await secondStep((again.body as { challengeToken: string }).challengeToken, next);
    expect(refused.status).toBe(400);
    // And a used challenge cannot be replayed.
    const replay = await secondStep(step.challengeToken, next);
    expect(codeOf(replay as InjectResult)).toBe("second_factor_challenge_expired");

    const audit = await signedIn.request("GET", "/api/audit?action=login&limit=50");
    const methods = (audit.body as { items: { after: { method?: string } | null }[] }).items.map(
      (e) => e.after?.method,
    );
    expect(methods).toContain("password+totp");
  });

  it("accepts each recovery code once", async () => {
    ip.n = 12;
    const recovery = adminRecoveryCodes[0] ?? "";
    const first = await login(t.adminEmail, t.adminPassword);
    const ok = await secondStep(
      (first.body as { challengeToken: string }).challengeToken,
      recovery.toUpperCase(),
    );
    expect(ok.status, ok.text).toBe(200);
    const client = clientOf(app, ok as InjectResult);
    const status = await client.request("GET", "/api/auth/second-factor");
    expect((status.body as { recoveryCodesLeft: number }).recoveryCodesLeft).toBe(9);

    const second = await login(t.adminEmail, t.adminPassword);
    const refused = await secondStep((second.body as { challengeToken: string }).challengeToken, recovery);
    expect(refused.status).toBe(400);
    expect(codeOf(refused as InjectResult)).toBe("second_factor_invalid_code");

    const audit = await client.request("GET", "/api/audit?action=recovery_code_use");
    expect((audit.body as { total: number }).total).toBe(1);
    admin = client;
  });

  it("leaves roles that do not require it alone", async () => {
    const member = await buildUser(admin, { roles: ["member"] });
    const res = await login(member.email, member.password, "10.0.1.1");
    expect(res.status).toBe(200);
    expect((res.body as { mustEnrolSecondFactor: boolean }).mustEnrolSecondFactor).toBe(false);
    expect((await clientOf(app, res as InjectResult).request("GET", "/api/units")).status).toBe(200);
  });

  it("slows down wrong codes like wrong passwords", async () => {
    const user = await buildUser(admin, { roles: ["secretariat"] });
    const remote = "10.0.2.1";
    const res = await login(user.email, user.password, remote);
    const client = clientOf(app, res as InjectResult);
    const { secret } = (await client.request("POST", "/api/auth/totp/enrolment")).body as { secret: string };
    expect(
      (await client.request("POST", "/api/auth/totp/confirm", { code: await totpCode(secret) })).status,
    ).toBe(200);

    const pending = await login(user.email, user.password, remote);
    const token = (pending.body as { challengeToken: string }).challengeToken;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await secondStep(token, "123456", remote)).status);
    // Five wrong codes, then the account waits (the throttle answers before the code is looked at).
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
    const blocked = await login(user.email, user.password, remote);
    expect(blocked.status).toBe(429);
  });

  it("lets an administrator reset a lost second factor: sessions end, enrolment comes again", async () => {
    const user = await buildUser(admin, { roles: ["secretariat"] });
    const remote = "10.0.3.1";
    const res = await login(user.email, user.password, remote);
    const client = clientOf(app, res as InjectResult);
    const { secret } = (await client.request("POST", "/api/auth/totp/enrolment")).body as { secret: string };
    expect(
      (await client.request("POST", "/api/auth/totp/confirm", { code: await totpCode(secret) })).status,
    ).toBe(200);
    expect((await client.request("GET", "/api/units")).status).toBe(200);

    // Only an administrator may reset.
    const self = await client.request("POST", `/api/users/${user.id}/second-factor/reset`);
    expect(self.status).toBe(403);
    const reset = await admin.request("POST", `/api/users/${user.id}/second-factor/reset`);
    expect(reset.status, reset.text).toBe(204);
    expect((await client.request("GET", "/api/units")).status).toBe(401);

    const after = await login(user.email, user.password, remote);
    expect(after.status).toBe(200);
    expect((after.body as { mustEnrolSecondFactor: boolean }).mustEnrolSecondFactor).toBe(true);
    const audit = await admin.request("GET", `/api/audit?entityId=${user.id}&action=second_factor_reset`);
    expect((audit.body as { total: number }).total).toBe(1);
    const enrolled = await admin.request("GET", `/api/audit?entityId=${user.id}&action=totp_confirm`);
    expect((enrolled.body as { total: number }).total).toBe(1);
  });
});
