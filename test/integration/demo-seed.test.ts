/**
 * The demo data `npm start` loads: a member account linked to a lead official, a submitted and a
 * confirmed check-in, notifications, monitoring outlets, items and cases; the semi-annual report of
 * the reference programme quotes them; a second run adds nothing.
 */
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEMBER } from "../../src/modules/demo/demo-activity.js";
import { DEMO_ITEMS } from "../../src/modules/demo/demo-monitoring-data.js";
import { type SeedReport, seedDemo } from "../../src/modules/demo/demo-seed.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { countRows } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

const TABLES = [
  "users",
  "people",
  "tasks",
  "check_ins",
  "notifications",
  "monitoring_items",
  "monitoring_cases",
];

describe.each(dialects())("demo data on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let first: SeedReport;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    first = await seedDemo(t.platform.services);
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
  });
  afterAll(async () => t?.close());

  it("creates a member account linked to a lead official, with a one-time password and their work", async () => {
    expect(first).toMatchObject({ seeded: true, tasks: 28, checkIns: 2, monitoringItems: DEMO_ITEMS.length });
    expect(first.member?.email).toBe(DEMO_MEMBER.email);
    const password = first.member?.temporaryPassword ?? "";
    expect(password.length).toBeGreaterThanOrEqual(12);

    const member = await signIn(t.platform.app, DEMO_MEMBER.email, password);
    const me = (await member.request("GET", "/api/auth/me")).body as {
      user: { roles: string[]; personId: string | null; mustChangePassword?: boolean };
    };
    expect(me.user.roles).toEqual(["member"]);
    expect(me.user.mustChangePassword).toBe(true);
    // A one-time password opens nothing else until it is changed.
    expect((await member.request("GET", "/api/notifications")).status).toBe(403);
    const changed = await member.request("POST", "/api/auth/password", {
      currentPassword: password,
      newPassword: "Mat-khau-thanh-vien-2024",
    });
    expect(changed.status, changed.text).toBe(204);
    const person = await t.platform.database.db
      .selectFrom("people")
      .select(["id", "full_name"])
      .where("id", "=", me.user.personId ?? "")
      .executeTakeFirst();
    expect(person?.full_name).toBe(DEMO_MEMBER.personName);
    const leads = await t.platform.database.db
      .selectFrom("task_parties as p")
      .innerJoin("tasks as t", "t.id", "p.task_id")
      .select("t.ref")
      .where("p.person_id", "=", person?.id ?? "")
      .where("p.role", "=", "lead")
      .execute();
    expect(leads.map((l) => l.ref)).toEqual(expect.arrayContaining(["II.13", "II.14"]));

    const checkIns = await t.platform.database.db
      .selectFrom("check_ins as c")
      .innerJoin("tasks as t", "t.id", "c.task_id")
      .select(["t.ref", "c.state", "c.submitted_at"])
      .orderBy("t.ref")
      .execute();
    expect(checkIns.map((c) => [c.ref, c.state])).toEqual([
      ["II.13", "confirmed"],
      ["II.14", "submitted"],
    ]);
    expect(checkIns.every((c) => c.submitted_at?.startsWith("2024-"))).toBe(true);

    const notes = (await member.request("GET", "/api/notifications")).body as { items: { title: string }[] };
    expect(notes.items.length).toBeGreaterThanOrEqual(3);
    const adminNotes = (await admin.request("GET", "/api/notifications")).body as {
      items: { title: string }[];
    };
    expect(adminNotes.items.map((n) => n.title)).toContain("Báo cáo nhiệm vụ 14 chờ xác nhận");

    // The member sees the case assigned to them on the monitoring board.
    const board = (await member.request("GET", "/api/monitoring/cases")).body as Record<
      string,
      { title: string }[]
    >;
    expect(Object.values(board).flat().length).toBe(2);
    const items = (await admin.request("GET", "/api/monitoring/items?pageSize=50")).body as { total: number };
    expect(items.total).toBe(DEMO_ITEMS.length);
  });

  it("gives a semi-annual report with the monitoring figures and task II.14's cases", async () => {
    const programme = await t.platform.database.db
      .selectFrom("programmes")
      .select("id")
      .where("number", "=", "02-CTr/BCĐ")
      .executeTakeFirstOrThrow();
    const res = await admin.request("POST", `/api/programmes/${programme.id}/reports`, {
      kind: "semiannual",
      year: 2024,
    });
    expect(res.status, res.text).toBe(201);
    const { id } = res.body as { id: string };
    const docx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${id}/export?format=docx`,
      headers: { cookie: admin.cookie },
    });
    const flat = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value.replace(/\s+/g, " ");
    // Eight demo items of the first half of 2024 mention the city; two rumours are flagged.
    expect(flat).toContain("ghi nhận 8 tin, bài đề cập đến thành phố");
    expect(flat).toContain("Đã phát hiện 2 tin, bài có dấu hiệu sai lệch");
    expect(flat).toContain("Tiếp nhận 2 hồ sơ xử lý thông tin");
    expect(flat).toContain("xuất bản 4 số ấn phẩm bằng tiếng Anh, tiếng Trung");
  });

  it("seeds a believable committee: everyone with a position and a unit, and a secretariat", async () => {
    const db = t.platform.database.db;
    const people = await db.selectFrom("people").select(["full_name", "position", "unit_id"]).execute();
    expect(people.length).toBeGreaterThan(20);
    expect(people.filter((p) => !p.position || !p.unit_id).map((p) => p.full_name)).toEqual([]);
    const roles = await db.selectFrom("committee_members").select("role").execute();
    expect(roles.filter((r) => r.role === "secretariat_member").length).toBeGreaterThanOrEqual(3);
    expect(roles.filter((r) => r.role === "head")).toHaveLength(1);
    // The member account is still the lead official of the demo programme, now with his post and unit.
    const hoan = await db
      .selectFrom("people as p")
      .innerJoin("units as u", "u.id", "p.unit_id")
      .select(["p.position", "u.name"])
      .where("p.full_name", "=", DEMO_MEMBER.personName)
      .executeTakeFirst();
    expect(hoan?.position).toBeTruthy();
    expect(hoan?.name).toBeTruthy();
  });

  it("adds nothing when run again", async () => {
    const before = await countRows(t.platform, TABLES);
    const again = await seedDemo(t.platform.services);
    expect(again).toMatchObject({ seeded: false, member: null, checkIns: 0, monitoringItems: 0 });
    expect(await countRows(t.platform, TABLES)).toEqual(before);
  });
});
