/**
 * Reminders of the registers by e-mail, through a real in-process SMTP server: a communication-plan
 * item's deadline reaches the responsible unit's people (the person's address, else the account's — the
 * follow-up reminders' rule), a partner agreement's renewal reaches the secretariat; in Vietnamese, once
 * per item and deadline — a re-run, or a retry after a crash between the e-mails and the in-app notices,
 * sends no second e-mail — and the delivery log shows each as sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAN_REMINDER_JOB } from "../../src/modules/events/communication-plans.service.js";
import { todayInHoChiMinh } from "../../src/modules/follow-up/calendar/calendar.clock.js";
import { addDays } from "../../src/modules/follow-up/calendar/calendar.dates.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildSignedInUser, buildUnit } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";
import { type SmtpSink, startSmtpSink } from "../support/smtp.js";

/** A day counted from today in Viet Nam, where the platform's days are. */
const inDays = (days: number) => addDays(todayInHoChiMinh(), days);

describe.each(dialects())("register reminder e-mails on %s", (dialect) => {
  let smtp: SmtpSink;
  let t: TestPlatform;
  let admin: Client;
  let officer: Client;
  let secretariat: Client;
  let secretariatEmail: string;
  let member: Client;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestPlatform({ dialect, env: { SMTP_URL: smtp.url, HAIDANG_MFA_REQUIRED_ROLES: "" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const unit = await buildUnit(admin, { name: "Đài Phát thanh và Truyền hình Hải Phòng" });
    const editor = await buildPerson(admin, {
      fullName: "Phạm Thu Trang",
      email: "thutrang@thhp.example.vn",
      unitId: unit.id,
    });
    officer = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: editor.id })).client;
    // In the unit, no account: reached by e-mail only, as by the follow-up reminders.
    await buildPerson(admin, {
      fullName: "Vũ Minh Quân",
      email: "minhquan@thhp.example.vn",
      unitId: unit.id,
    });
    // Elsewhere: never reminded.
    await buildPerson(admin, { fullName: "Người ngoài", email: "ngoai@example.vn" });
    const sec = await buildSignedInUser(t.platform, admin, {
      roles: ["secretariat"],
      email: "totgiupviec@haiphong.example.vn",
    });
    secretariat = sec.client;
    secretariatEmail = sec.email;
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;

    const event = await admin.request("POST", "/api/events", {
      title: "Kỷ niệm Ngày giải phóng Hải Phòng",
      kind: "anniversary",
      startDate: inDays(30),
    });
    expect(event.status, event.text).toBe(201);
    const item = await admin.request("POST", `/api/events/${(event.body as { id: string }).id}/plan`, {
      product: "Phóng sự truyền hình 15 phút",
      channel: "television",
      languages: ["vi"],
      unitId: unit.id,
      deadline: inDays(2),
    });
    expect(item.status, item.text).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const planMails = () => smtp.mails.filter((m) => m.subject.includes("Phóng sự truyền hình 15 phút"));

  it("e-mails a communication-plan deadline to the unit's people once, in Vietnamese", async () => {
    await t.platform.services.jobs.tick();
    const mails = planMails();
    expect(mails.map((m) => m.to).sort()).toEqual([
      ["minhquan@thhp.example.vn"],
      ["thutrang@thhp.example.vn"],
    ]);
    const toTrang = mails.find((m) => m.to[0] === "thutrang@thhp.example.vn");
    expect(toTrang?.subject).toMatch(/^\[Hải Đăng\] Sắp đến hạn kế hoạch truyền thông: Phóng sự truyền hình/);
    expect(toTrang?.body).toContain("Kính gửi đồng chí Phạm Thu Trang,");
    expect(toTrang?.body).toContain("Kỷ niệm Ngày giải phóng Hải Phòng");
    // The in-app notice, as before, for the account.
    const inbox = await officer.request("GET", "/api/notifications");
    expect(
      (inbox.body as { items: { title: string }[] }).items.filter((n) => n.title.includes("Phóng sự")),
    ).toHaveLength(1);

    // The job again: nothing more.
    const item = await t.platform.database.db
      .selectFrom("event_plan_items")
      .select(["id", "deadline"])
      .executeTakeFirstOrThrow();
    expect(await t.platform.services.eventPlans.remind({ itemId: item.id, deadline: item.deadline })).toEqual(
      {
        notified: 0,
        emailed: 0,
      },
    );
    // A crash after the e-mails left but before the in-app notices were written: the retry notifies
    // in-app and sends no e-mail twice.
    await t.platform.database.db
      .updateTable("event_plan_items")
      .set({ reminded_for: null })
      .where("id", "=", item.id)
      .execute();
    await t.platform.database.db
      .deleteFrom("notifications")
      .where("kind", "=", "reminder.plan_item")
      .execute();
    expect(await t.platform.services.eventPlans.remind({ itemId: item.id, deadline: item.deadline })).toEqual(
      {
        notified: 1,
        emailed: 0,
      },
    );
    expect(planMails()).toHaveLength(2);
    const log = await t.platform.database.db
      .selectFrom("reminder_deliveries")
      .select(["recipient", "status", "kind"])
      .where("idempotency_key", "like", `${PLAN_REMINDER_JOB}|%`)
      .orderBy("recipient")
      .execute();
    expect(log).toEqual([
      { recipient: "minhquan@thhp.example.vn", status: "sent", kind: "plan_item" },
      { recipient: "thutrang@thhp.example.vn", status: "sent", kind: "plan_item" },
    ]);
  });

  it("e-mails a partner agreement's renewal to the secretariat once", async () => {
    const partner = await secretariat.request("POST", "/api/partners", {
      kind: "sister_city",
      country: "Nhật Bản",
      nameVi: "Thành phố Kitakyushu",
    });
    expect(partner.status, partner.text).toBe(201);
    const agreement = await secretariat.request(
      "POST",
      `/api/partners/${(partner.body as { id: string }).id}/agreements`,
      { title: "Thỏa thuận hợp tác giai đoạn 2023–2026", signedOn: "2023-03-20", expiresOn: "2026-03-20" },
    );
    expect(agreement.status, agreement.text).toBe(201);
    const renewalMails = () => smtp.mails.filter((m) => m.subject.includes("Thỏa thuận sắp hết hạn"));

    const first = await t.platform.services.partnerReminders.scan({ asOf: "2026-01-05" });
    expect(first).toMatchObject({ agreements: 1, emailsSent: 1 });
    expect(renewalMails()).toHaveLength(1);
    const mail = renewalMails()[0];
    expect(mail?.to).toEqual([secretariatEmail]);
    expect(mail?.subject).toBe(
      "[Hải Đăng] Thỏa thuận sắp hết hạn: Thỏa thuận hợp tác giai đoạn 2023–2026 – Thành phố Kitakyushu (Nhật Bản), hết hạn 20/3/2026",
    );
    expect(mail?.body).toContain("đề xuất gia hạn");

    expect(await t.platform.services.partnerReminders.scan({ asOf: "2026-01-06" })).toMatchObject({
      agreements: 0,
      emailsSent: 0,
    });
    // A crash between the e-mail and the in-app notices: the retry notifies in-app, no second e-mail.
    await t.platform.database.db.updateTable("partner_agreements").set({ reminded_for: null }).execute();
    await t.platform.database.db
      .deleteFrom("notifications")
      .where("kind", "=", "partner.agreement_expiring")
      .execute();
    expect(await t.platform.services.partnerReminders.scan({ asOf: "2026-01-06" })).toMatchObject({
      agreements: 1,
      emailsSent: 0,
    });
    expect(renewalMails()).toHaveLength(1);
    const inbox = await secretariat.request("GET", "/api/notifications");
    expect(
      (inbox.body as { items: { title: string }[] }).items.filter((n) => n.title.includes("Kitakyushu")),
    ).toHaveLength(1);
    const memberInbox = await member.request("GET", "/api/notifications");
    expect((memberInbox.body as { items: unknown[] }).items).toHaveLength(0);
  });
});
