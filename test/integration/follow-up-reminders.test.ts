/**
 * Reminders (đôn đốc) through a real in-process SMTP server: delivered once even when the job runs
 * twice, never resent after a crash between recording and sending, shared safely by two runners.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "../../src/main.js";
import { REMINDER_SCAN_JOB } from "../../src/modules/follow-up/follow-up.module.js";
import { type DatabaseHandle, openDatabase } from "../../src/platform/db/database.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildProgramme, buildSignedInUser, buildTask } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";
import { type ReceivedMail, type SmtpSink, startSmtpSink } from "../support/smtp.js";

describe.each(dialects())("reminders on %s", (dialect) => {
  let mails: ReceivedMail[] = [];
  let smtp: SmtpSink;
  let t: TestPlatform;
  let admin: Client;
  let lead: Client;
  let programmeId: string;
  let leadPersonId: string;
  let overdueTaskId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    mails = smtp.mails;
    t = await startTestPlatform({
      dialect,
      env: { SMTP_URL: smtp.url, HAIDANG_REMINDER_WORKING_DAYS: "3" },
    });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const person = await buildPerson(admin, { fullName: "Trần Thị Hoàng Mai", email: "hoangmai@example.vn" });
    leadPersonId = person.id;
    lead = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id })).client;
    programmeId = (await buildProgramme(t.platform)).id;
    const parties = [{ role: "lead" as const, name: "Trần Thị Hoàng Mai", personId: person.id }];
    // Friday 28/6/2024: three working days after Tuesday 25/6.
    await buildTask(t.platform, programmeId, { ref: "7", end: "2024-06-28", parties });
    overdueTaskId = (await buildTask(t.platform, programmeId, { ref: "15", end: "2024-06-30", parties })).id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  async function runScan(asOf: string, key: string) {
    await t.platform.services.jobs.enqueue({
      name: REMINDER_SCAN_JOB,
      payload: { asOf },
      idempotencyKey: key,
    });
    return t.platform.services.jobs.tick();
  }

  it("e-mails the lead once, in Vietnamese, and notifies in-app, even when the job runs twice", async () => {
    expect(await runScan("2024-06-25", `${dialect}-a`)).toBe(1);
    expect(await runScan("2024-06-25", `${dialect}-b`)).toBe(1);
    const due = mails.filter((m) => m.subject.includes("nhiệm vụ 7"));
    expect(due).toHaveLength(1);
    expect(due[0]?.to).toEqual(["hoangmai@example.vn"]);
    expect(due[0]?.subject).toBe("[Hải Đăng] Sắp đến hạn: nhiệm vụ 7 – hạn 28/06/2024");
    expect(due[0]?.body).toContain("Kính gửi đồng chí Trần Thị Hoàng Mai");
    expect(due[0]?.body).toContain("sẽ đến hạn ngày 28/06/2024");
    const inbox = await lead.request("GET", "/api/notifications");
    const items = (inbox.body as { items: { id: string; title: string }[] }).items;
    // 30/6/2024 is a Sunday: task 15 is also three working days away.
    expect(items.map((n) => n.title).sort()).toEqual([
      "Sắp đến hạn: nhiệm vụ 15 – hạn 30/06/2024",
      "Sắp đến hạn: nhiệm vụ 7 – hạn 28/06/2024",
    ]);
    expect((await lead.request("POST", `/api/notifications/${items[0]?.id}/read`)).status).toBe(204);
  });

  it("does not resend a message recorded as sending before a crash, and shows it as unknown", async () => {
    const to = "hoangmai@example.vn";
    const key = `${overdueTaskId}|${leadPersonId}|overdue|2024-06-30|2024-07-01|email|${to}`;
    // The previous run recorded the message and died before (or while) sending it.
    await t.platform.database.db
      .insertInto("reminder_deliveries")
      .values({
        id: crypto.randomUUID(),
        idempotency_key: key,
        channel: "email",
        recipient: to,
        task_id: overdueTaskId,
        kind: "overdue",
        due_date: "2024-06-30",
        status: "sending",
        error: null,
        created_at: new Date().toISOString(),
        sent_at: null,
      })
      .execute();
    const before = mails.length;
    await runScan("2024-07-01", `${dialect}-crash`);
    expect(mails.slice(before).filter((m) => m.subject.includes("nhiệm vụ 15"))).toEqual([]);
    const res = await admin.request("GET", "/api/reminder-deliveries?status=unknown");
    expect((res.body as { items: { key: string }[] }).items.map((d) => d.key)).toEqual([key]);
    expect((await lead.request("GET", "/api/reminder-deliveries")).status).toBe(403);
  });

  it("shares the scan between two runners: one job, one message", async () => {
    const second: DatabaseHandle | null =
      dialect === "postgres" ? openDatabase({ database: t.config.database }) : null;
    const database = second ?? t.platform.database;
    try {
      const other = createServices(database, t.config);
      // Overdue for a week on 7/7: a new reminder key.
      await t.platform.services.jobs.enqueue({
        name: REMINDER_SCAN_JOB,
        payload: { asOf: "2024-07-07" },
        idempotencyKey: `${dialect}-shared`,
      });
      const before = mails.length;
      const ran = await Promise.all([t.platform.services.jobs.tick(), other.jobs.tick()]);
      expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
      expect(mails.slice(before).map((m) => m.subject)).toEqual([
        "[Hải Đăng] Quá hạn: nhiệm vụ 15 – hạn 30/06/2024",
      ]);
    } finally {
      await second?.close();
    }
  });
});
