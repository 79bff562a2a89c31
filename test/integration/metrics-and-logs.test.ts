/**
 * Operations: Prometheus metrics at /metrics behind a bearer token (absent when unconfigured), and
 * request logs that name the request and the user but never a secret. A full run (password sign-in,
 * password change, file upload, CSRF header, metrics token) is logged at debug level and the whole
 * log is searched for every secret used.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { createLoggerOptions } from "../../src/platform/http/request-log.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildProgramme, buildSignedInUser, buildTask } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";
import { type FixtureServer, localFeed, serveText, startFixtureServer } from "./monitoring-support.js";

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  userId?: string | null;
  route?: string;
  path?: string;
  statusCode?: number;
}

/** The value of one sample line `name{labels} value` of a Prometheus text exposition. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (Object.entries(labels).every(([k, v]) => labelText.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

describe.each(dialects())("metrics and request logs on %s", (dialect) => {
  const metricsToken = randomBytes(24).toString("hex");
  const logged: string[] = [];
  let t: TestPlatform;
  let admin: Client;
  let feeds: FixtureServer;

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk: Buffer) => logged.push(chunk.toString("utf8")));
    t = await startTestPlatform({
      dialect,
      env: {
        HAIDANG_METRICS_TOKEN: metricsToken,
        HAIDANG_FETCH_ALLOW_PRIVATE: "true",
        HAIDANG_DB_POOL_SIZE: "7",
      },
      logger: createLoggerOptions({ level: "debug", stream }),
    });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    feeds = await startFixtureServer();
  });
  afterAll(async () => {
    await feeds?.close();
    await t?.close();
  });

  const scrape = (authorization?: string) =>
    rawRequest(t.platform.app, "GET", "/metrics", {
      headers: authorization === undefined ? {} : { authorization },
    });
  const logLines = (): LogLine[] =>
    logged
      .join("")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as LogLine);

  it("answers /metrics only to the bearer token, comparing it whole", async () => {
    const missing = await scrape();
    expect(missing.status).toBe(401);
    expect(missing.headers["www-authenticate"]).toContain("Bearer");
    expect((missing.body as { error: { code: string } }).error.code).toBe("metrics_token_invalid");
    for (const wrong of [
      `Bearer ${metricsToken.slice(0, -1)}x`,
      `Bearer ${metricsToken.slice(0, 16)}`,
      `Bearer ${metricsToken}extra`,
      `Basic ${metricsToken}`,
      metricsToken,
      "Bearer ",
    ])
      expect((await scrape(wrong)).status, wrong).toBe(401);
    const ok = await scrape(`Bearer ${metricsToken}`);
    expect(ok.status).toBe(200);
    expect(String(ok.headers["content-type"])).toContain("text/plain");
    // Process metrics from prom-client's defaults.
    expect(ok.text).toContain("process_cpu_user_seconds_total");
    expect(ok.text).toContain("nodejs_eventloop_lag_seconds");
  });

  it("times requests per route pattern, never per raw address", async () => {
    const person = await buildPerson(admin, { fullName: "Nguyễn Thị Đo Lường" });
    expect((await admin.request("GET", `/api/people/${person.id}`)).status).toBe(200);
    expect((await admin.request("GET", "/api/khong-co-duong-nay-123")).status).toBe(404);
    const text = (await scrape(`Bearer ${metricsToken}`)).text;
    const count = (route: string, status: string, method = "GET") =>
      sample(text, "haidang_http_request_duration_seconds_count", {
        method,
        route,
        status_code: status,
      });
    expect(count("/api/people/:id", "200")).toBe(1);
    expect(count("/api/auth/login", "200", "POST")).toBeGreaterThanOrEqual(1);
    expect(count("unmatched", "404")).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(person.id);
    expect(text).not.toContain("khong-co-duong-nay");
  });

  it("exports the job queue's depth and the age of its oldest due job, and job throughput", async () => {
    const { jobs } = t.platform.services;
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await jobs.enqueue({ name: "metrics.test-waiting", runAt: twoMinutesAgo });
    await jobs.enqueue({ name: "metrics.test-waiting", runAt: new Date() });
    // Not yet due: not waiting.
    await jobs.enqueue({ name: "metrics.test-waiting", runAt: new Date(Date.now() + 3_600_000) });
    let text = (await scrape(`Bearer ${metricsToken}`)).text;
    const name = "metrics.test-waiting";
    expect(sample(text, "haidang_jobs_queue_depth", { name, state: "waiting" })).toBe(2);
    expect(sample(text, "haidang_jobs_queue_oldest_age_seconds", { name })).toBeGreaterThanOrEqual(119);

    jobs.register({ name, handle: async () => ({ ok: true }) });
    expect(await jobs.tick()).toBe(2);
    text = (await scrape(`Bearer ${metricsToken}`)).text;
    expect(sample(text, "haidang_jobs_queue_depth", { name, state: "waiting" })).toBe(0);
    expect(sample(text, "haidang_jobs_queue_oldest_age_seconds", { name })).toBe(0);
    expect(sample(text, "haidang_job_duration_seconds_count", { name, outcome: "done" })).toBe(2);
  });

  it("counts ingested monitoring items and polls", async () => {
    feeds.routes.set("/feeds/rss2.xml", serveText(localFeed("rss2.xml", feeds.origin), "application/xml"));
    const created = await admin.request("POST", "/api/monitoring/sources", {
      name: "Nguồn đo lường",
      url: `${feeds.origin}/feeds/rss2.xml`,
    });
    expect(created.status, created.text).toBe(201);
    await t.platform.services.monitoring.enqueueDuePolls();
    while ((await t.platform.services.jobs.tick()) > 0) {}
    const text = (await scrape(`Bearer ${metricsToken}`)).text;
    expect(sample(text, "haidang_ingest_items_stored_total", {})).toBeGreaterThanOrEqual(2);
    expect(
      sample(text, "haidang_job_duration_seconds_count", { name: "monitoring.poll", outcome: "done" }),
    ).toBeGreaterThanOrEqual(1);
  });

  it.runIf(dialect === "postgres")(
    "exports the PostgreSQL pool's connections, sized by HAIDANG_DB_POOL_SIZE",
    async () => {
      const text = (await scrape(`Bearer ${metricsToken}`)).text;
      expect(sample(text, "haidang_db_pool_connections", { state: "max" })).toBe(7);
      expect(sample(text, "haidang_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    },
  );

  it("logs each request with its id and user, and no secret of a full run", async () => {
    // A member signs in with a password, changes it, signs in again and uploads a file.
    const leadPerson = await buildPerson(admin, { fullName: "Trần Văn Nhật Ký" });
    const member = await buildSignedInUser(t.platform, admin, {
      roles: ["member"],
      personId: leadPerson.id,
    });
    const newPassword = `Mat-khau-moi-${randomBytes(6).toString("hex")}`;
    const wrongPassword = `Sai-mat-khau-${randomBytes(6).toString("hex")}`;
    expect(
      (
        await rawRequest(t.platform.app, "POST", "/api/auth/login", {
          body: { email: member.email, password: wrongPassword },
        })
      ).status,
    ).toBe(401);
    const changed = await member.client.request("POST", "/api/auth/password", {
      currentPassword: member.password,
      newPassword,
    });
    expect(changed.status).toBe(204);
    const again = await signIn(t.platform.app, member.email, newPassword);

    const programme = await buildProgramme(t.platform);
    const task = await buildTask(t.platform, programme.id, {
      ref: "7",
      parties: [{ role: "lead", name: "Trần Văn Nhật Ký", personId: leadPerson.id }],
    });
    const checkIn = await again.request("POST", `/api/tasks/${task.id}/check-ins`, {
      period: "2024-Q2",
      doneText: "Đã tổ chức hội nghị.",
      progress: 50,
    });
    expect(checkIn.status, checkIn.text).toBe(201);
    const fileText = `Noi dung mat ${randomBytes(12).toString("hex")}`;
    const fileBase64 = Buffer.from(`%PDF-1.7\n${fileText}\n`).toString("base64");
    const upload = await again.request(
      "POST",
      `/api/check-ins/${(checkIn.body as { id: string }).id}/evidence`,
      {
        filename: "minh-chung.pdf",
        contentBase64: fileBase64,
      },
    );
    expect(upload.status, upload.text).toBe(201);
    const wrongCsrf = randomBytes(16).toString("hex");
    expect(
      (await again.request("POST", "/api/auth/logout", undefined, { "x-csrf-token": wrongCsrf })).status,
    ).toBe(403);
    const tracked = await again.request("GET", "/api/auth/me", undefined, {
      "x-request-id": "trace-me-0001",
    });
    expect(tracked.status).toBe(200);
    expect((await scrape(`Bearer ${metricsToken}`)).status).toBe(200);
    expect((await scrape("Bearer wrong-token-123456789")).status).toBe(401);

    const lines = logLines();
    const me = lines.find((l) => l.reqId === "trace-me-0001" && l.msg === "request completed");
    expect(me).toMatchObject({ route: "/api/auth/me", statusCode: 200, userId: member.id });
    expect(lines.some((l) => l.msg === "request received")).toBe(true);
    // Every answered request has its line, with its id.
    expect(lines.filter((l) => l.msg === "request completed").every((l) => typeof l.reqId === "string")).toBe(
      true,
    );

    const sessionToken = (c: Client) => c.cookie.slice(c.cookie.indexOf("=") + 1);
    const secrets: Record<string, string> = {
      "administrator's password": t.adminPassword,
      "member's first password": member.password,
      "member's new password": newPassword,
      "wrong password tried": wrongPassword,
      "administrator's session token": sessionToken(admin),
      "member's first session token": sessionToken(member.client),
      "member's second session token": sessionToken(again),
      "administrator's CSRF token": admin.csrfToken,
      "member's CSRF token": again.csrfToken,
      "wrong CSRF token tried": wrongCsrf,
      "metrics token": metricsToken,
      "wrong metrics token tried": "wrong-token-123456789",
      "uploaded file's text": fileText,
      "uploaded file's base64": fileBase64,
    };
    const whole = logged.join("");
    expect(whole.length).toBeGreaterThan(1000);
    for (const [what, value] of Object.entries(secrets)) {
      expect(value.length, what).toBeGreaterThanOrEqual(8);
      expect(whole.includes(value), `${what} found in the log`).toBe(false);
    }
  });
});

describe("metrics when HAIDANG_METRICS_TOKEN is unset", () => {
  let t: TestPlatform;
  let webDir: string;
  beforeAll(async () => {
    // With the web app served: an unknown page gets index.html, /metrics must not.
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-web-"));
    fs.writeFileSync(path.join(webDir, "index.html"), "<!doctype html><title>Hải Đăng</title>");
    t = await startTestPlatform({ dialect: "sqlite", webDir });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it("has no /metrics route at all", async () => {
    const res = await rawRequest(t.platform.app, "GET", "/metrics", {
      headers: { authorization: "Bearer anything-at-all-1234", accept: "text/html,*/*" },
    });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain("<!doctype html>");
    expect(t.platform.routes.some((r) => r.url === "/metrics")).toBe(false);
    // The web app still answers its own pages.
    expect((await rawRequest(t.platform.app, "GET", "/nhiem-vu")).text).toContain("<!doctype html>");
  });

  it("refuses a short or spaced token at start-up", () => {
    expect(() => loadConfig({ HAIDANG_METRICS_TOKEN: "short" })).toThrow(/HAIDANG_METRICS_TOKEN/);
    expect(() => loadConfig({ HAIDANG_METRICS_TOKEN: "has a space in it 1234" })).toThrow(
      /HAIDANG_METRICS_TOKEN/,
    );
    expect(loadConfig({ HAIDANG_METRICS_TOKEN: "" }).metricsToken).toBeUndefined();
  });
});
