/**
 * The daily clean-up of sign-in records, run through the job table: attempts older than the throttle's
 * 180-day window and sessions that ended more than 30 days ago go; recent ones, live sessions and the
 * audit journal stay.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_HOUSEKEEPING_JOB } from "../../src/modules/auth/auth.housekeeping.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { signIn } from "../support/http.js";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe.each(dialects())("sign-in housekeeping on %s", (dialect) => {
  let t: TestPlatform;
  beforeAll(async () => {
    t = await startTestPlatform({ dialect, logger: { level: "error" } });
  });
  afterAll(async () => t?.close());

  it("forgets old attempts and long-ended sessions, keeps the rest and the journal", async () => {
    const { db, jobs } = t.platform.services;
    const client = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const admin = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", t.adminEmail)
      .executeTakeFirstOrThrow();
    const attempt = (id: string, at: string) => ({ id, email: t.adminEmail, ip: "10.0.0.9", at, success: 1 });
    await db
      .insertInto("login_attempts")
      .values([attempt("old-1", daysAgo(400)), attempt("old-2", daysAgo(181)), attempt("kept", daysAgo(179))])
      .execute();
    const session = (id: string, expiresAt: string) => ({
      id,
      user_id: admin.id,
      csrf_token: `csrf-${id}`,
      created_at: daysAgo(90),
      last_seen_at: daysAgo(90),
      expires_at: expiresAt,
      ip: null,
      user_agent: null,
      revoked_at: null,
      auth_method: "password",
    });
    await db
      .insertInto("sessions")
      .values([session("ended-long-ago", daysAgo(31)), session("ended-last-week", daysAgo(7))])
      .execute();
    const journalBefore = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();

    await jobs.enqueue({ name: AUTH_HOUSEKEEPING_JOB });
    expect(await jobs.tick()).toBeGreaterThanOrEqual(1);

    const attempts = await db.selectFrom("login_attempts").select("id").execute();
    const ids = attempts.map((a) => a.id);
    expect(ids).toContain("kept");
    expect(ids).not.toContain("old-1");
    expect(ids).not.toContain("old-2");
    // The sign-in of this test is today's: the throttle still needs it.
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const sessions = (await db.selectFrom("sessions").select("id").execute()).map((s) => s.id);
    expect(sessions).toContain("ended-last-week");
    expect(sessions).not.toContain("ended-long-ago");
    // The live session still works.
    const me = await client.request("GET", "/api/auth/me");
    expect(me.status, me.text).toBe(200);
    const journalAfter = await db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(journalAfter.n)).toBeGreaterThanOrEqual(Number(journalBefore.n));
  });
});
