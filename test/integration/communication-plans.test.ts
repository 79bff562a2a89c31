/**
 * Communication plans of events: an event's plan items (product, channel, languages, responsible unit,
 * deadline); an item linked to a task is a milestone of the task while the task's own due date is left
 * alone; the responsible unit's people are reminded through the job table before the deadline, once —
 * a second enqueue (a restart re-saving the item) or a re-run of the job sends nothing more; filters,
 * accent-insensitive search, export, audit.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAN_REMINDER_JOB } from "../../src/modules/events/communication-plans.service.js";
import { todayInHoChiMinh } from "../../src/modules/follow-up/calendar/calendar.clock.js";
import { addDays } from "../../src/modules/follow-up/calendar/calendar.dates.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import {
  buildPerson,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  buildUnit,
} from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface PlanItemDto {
  id: string;
  product: string;
  deadline: string;
  taskRef: string | null;
  remindedFor: string | null;
  unitName: string | null;
}

/** A day counted from today in Viet Nam, where the platform's days are. */
const inDays = (days: number) => addDays(todayInHoChiMinh(), days);

describe.each(dialects())("communication plans on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let officer: Client;
  let outsider: Client;
  let eventId: string;
  let unitId: string;
  let task: { id: string; ref: string };
  let itemId: string;
  let programmeId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const unit = await buildUnit(admin, { name: "Báo Hải Phòng" });
    unitId = unit.id;
    const person = await buildPerson(admin, { fullName: "Trần Thị Biên Tập", unitId });
    officer = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id })).client;
    outsider = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    const programme = await buildProgramme(t.platform, {
      periodStart: "2025-01-01",
      periodEnd: "2027-12-31",
    });
    programmeId = programme.id;
    task = await buildTask(t.platform, programme.id, { ref: "7", start: "2025-01-01", end: "2027-12-31" });
    const event = await admin.request("POST", "/api/events", {
      title: "Ngày giải phóng Hải Phòng",
      kind: "anniversary",
      startDate: inDays(30),
    });
    expect(event.status, event.text).toBe(201);
    eventId = (event.body as { id: string }).id;
  });
  afterAll(async () => t?.close());

  it("adds plan items to an event; one linked to a task is its milestone, the task's due date untouched", async () => {
    const created = await admin.request("POST", `/api/events/${eventId}/plan`, {
      product: "Phóng sự truyền hình 15 phút",
      channel: "television",
      languages: ["vi", "en"],
      unitId,
      deadline: inDays(2),
      taskId: task.id,
    });
    expect(created.status, created.text).toBe(201);
    const item = created.body as PlanItemDto;
    itemId = item.id;
    expect(item).toMatchObject({ taskRef: "7", unitName: "Báo Hải Phòng", remindedFor: null });
    const second = await admin.request("POST", `/api/events/${eventId}/plan`, {
      product: "Bộ ảnh quảng bá",
      channel: "social_media",
      deadline: inDays(20),
    });
    expect(second.status, second.text).toBe(201);

    const plan = await outsider.request("GET", `/api/events/${eventId}/plan`);
    expect((plan.body as { items: PlanItemDto[] }).items.map((i) => i.product)).toEqual([
      "Phóng sự truyền hình 15 phút",
      "Bộ ảnh quảng bá",
    ]);
    const milestones = await outsider.request("GET", `/api/tasks/${task.id}/plan-milestones`);
    expect((milestones.body as { items: PlanItemDto[] }).items).toMatchObject([
      { product: "Phóng sự truyền hình 15 phút", deadline: inDays(2) },
    ]);
    const row = await t.platform.database.db
      .selectFrom("tasks")
      .select(["due_date", "end_date"])
      .where("id", "=", task.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ due_date: null, end_date: "2027-12-31" });
    const dueDates = await t.platform.database.db
      .selectFrom("task_due_dates")
      .select("id")
      .where("task_id", "=", task.id)
      .execute();
    expect(dueDates).toHaveLength(0);
  });

  it("refuses an unknown task or unit, and lets only the secretariat edit", async () => {
    const badTask = await admin.request("POST", `/api/events/${eventId}/plan`, {
      product: "x",
      channel: "press",
      deadline: inDays(5),
      taskId: "no-such-task",
    });
    expect(badTask.body).toMatchObject({ error: { code: "plan_task_not_found" } });
    const denied = await outsider.request("POST", `/api/events/${eventId}/plan`, {
      product: "x",
      channel: "press",
      deadline: inDays(5),
    });
    expect(denied.status).toBe(403);
  });

  it("reminds the responsible unit's people once through the job table, never twice", async () => {
    const { jobs } = t.platform.services;
    await jobs.tick();
    const mine = await officer.request("GET", "/api/notifications");
    const reminders = (mine.body as { items: { title: string }[] }).items.filter((n) =>
      n.title.includes("Phóng sự truyền hình 15 phút"),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.title).toContain("Sắp đến hạn kế hoạch truyền thông");
    const theirs = await outsider.request("GET", "/api/notifications");
    expect((theirs.body as { items: unknown[] }).items).toHaveLength(0);

    // A restart re-saving the item enqueues nothing new; the job run again sends nothing.
    const resave = await admin.request("PATCH", `/api/events/${eventId}/plan/${itemId}`, { note: "Ưu tiên" });
    expect((resave.body as PlanItemDto).remindedFor).toBe(inDays(2));
    await jobs.tick();
    const again = await t.platform.services.eventPlans.remind({ itemId, deadline: inDays(2) });
    expect(again.notified).toBe(0);
    const jobRows = await t.platform.database.db
      .selectFrom("jobs")
      .select("id")
      .where("name", "=", PLAN_REMINDER_JOB)
      .execute();
    expect(jobRows).toHaveLength(1); // the other item names no unit: nobody to remind
    const after = await officer.request("GET", "/api/notifications");
    expect(
      (after.body as { items: { title: string }[] }).items.filter((n) => n.title.includes("Phóng sự")),
    ).toHaveLength(1);

    // A new deadline gets its own reminder.
    const moved = await admin.request("PATCH", `/api/events/${eventId}/plan/${itemId}`, {
      deadline: inDays(1),
    });
    expect(moved.status, moved.text).toBe(200);
    await jobs.tick();
    const later = await officer.request("GET", "/api/notifications");
    expect(
      (later.body as { items: { title: string }[] }).items.filter((n) => n.title.includes("Phóng sự")),
    ).toHaveLength(2);
  });

  it("lists plan items across events with accent-free search and filters, and exports them", async () => {
    const found = await outsider.request("GET", "/api/event-plan-items?q=phong su truyen hinh");
    expect((found.body as { items: PlanItemDto[] }).items.map((i) => i.product)).toEqual([
      "Phóng sự truyền hình 15 phút",
    ]);
    const byEvent = await outsider.request("GET", "/api/event-plan-items?q=giai phong hai phong");
    expect((byEvent.body as { items: unknown[] }).items).toHaveLength(2);
    // The follow-up calendar of the task's programme shows the milestone with the task.
    const ofProgramme = await outsider.request("GET", `/api/event-plan-items?programmeId=${programmeId}`);
    expect((ofProgramme.body as { items: { taskId: string; product: string }[] }).items).toMatchObject([
      { taskId: task.id, product: "Phóng sự truyền hình 15 phút" },
    ]);
    const open = await outsider.request("GET", `/api/event-plan-items?unitId=${unitId}&state=open`);
    expect((open.body as { items: unknown[] }).items).toHaveLength(1);
    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: "/api/event-plan-items/export?format=xlsx",
      headers: { cookie: outsider.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(3);
  });

  it("marks an item done, deletes one, and audits every change", async () => {
    const done = await admin.request("PATCH", `/api/events/${eventId}/plan/${itemId}`, { doneOn: inDays(0) });
    expect(done.status, done.text).toBe(200);
    const del = await admin.request("DELETE", `/api/events/${eventId}/plan/${itemId}`);
    expect(del.status).toBe(204);
    const audit = await admin.request("GET", `/api/audit?entityType=event_plan_item&entityId=${itemId}`);
    expect((audit.body as { items: { action: string }[] }).items.map((e) => e.action).sort()).toEqual([
      "create",
      "delete",
      "update",
      "update",
      "update",
    ]);
  });

  it("imports an event's plan from XLSX only when every row is right, with a per-row report otherwise", async () => {
    const sheet = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Kế hoạch");
      ws.addRow(["Sản phẩm", "Kênh", "Ngôn ngữ", "Đơn vị thực hiện", "Hạn"]);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    };
    const before = ((await admin.request("GET", `/api/events/${eventId}/plan`)).body as { items: unknown[] })
      .items;
    const bad = await admin.request("POST", `/api/events/${eventId}/plan/import`, {
      filename: "ke-hoach.xlsx",
      contentBase64: await sheet([
        ["Bài viết tiếng Anh", "Báo in, báo điện tử", "en", "Báo Hải Phòng", inDays(9)],
        ["Video ngắn", "TikTok", "vi", null, inDays(9)],
        ["Tờ gấp", "Ấn phẩm", "vi, xx", "Sở Không Có", "31/02/2025"],
      ]),
    });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "import_rows_invalid" } });
    const paths = (bad.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(["row 3 / Kênh", "row 4 / Ngôn ngữ", "row 4 / Hạn"]);
    const unchanged = (
      (await admin.request("GET", `/api/events/${eventId}/plan`)).body as { items: unknown[] }
    ).items;
    expect(unchanged).toHaveLength(before.length);

    const good = await admin.request("POST", `/api/events/${eventId}/plan/import`, {
      filename: "ke-hoach.xlsx",
      contentBase64: await sheet([
        ["Bài viết tiếng Anh", "Báo in, báo điện tử", "en", "Báo Hải Phòng", inDays(9)],
      ]),
    });
    expect(good.body).toEqual({ imported: 1 });
    const plan = (await admin.request("GET", `/api/events/${eventId}/plan`)).body as { items: PlanItemDto[] };
    expect(plan.items.find((i) => i.product === "Bài viết tiếng Anh")).toMatchObject({
      unitName: "Báo Hải Phòng",
      deadline: inDays(9),
    });
  });
});
