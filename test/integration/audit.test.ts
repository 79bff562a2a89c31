/**
 * The audit journal: every change is recorded with who, what, the diff, request id and address;
 * it can be filtered and exported; and neither the API nor the database lets anyone rewrite it.
 */
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditRepository } from "../../src/modules/audit/audit.repository.js";
import { todayInHoChiMinh } from "../../src/modules/follow-up/calendar/calendar.clock.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildPerson, buildUnit, countRows, unique } from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  diff: { path: string; before: unknown; after: unknown }[];
  requestId: string | null;
  ip: string | null;
}
interface Page {
  items: Entry[];
  total: number;
}

describe.each(dialects())("audit journal on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let adminId: string;

  const journal = async (query: string) => (await admin.request("GET", `/api/audit?${query}`)).body as Page;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    adminId = ((await admin.request("GET", "/api/auth/me")).body as { user: { id: string } }).user.id;
  });
  afterAll(async () => t?.close());

  it("records a change with actor, entity, action, diff, request id and address", async () => {
    const requestId = `req-${unique("audit")}`;
    const unit = await buildUnit(admin, { name: "Ban Tuyên giáo" });
    const res = await admin.request(
      "PATCH",
      `/api/units/${unit.id}`,
      { name: "Ban Tuyên giáo Thành ủy" },
      { "x-request-id": requestId },
    );
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toBe(requestId);
    const { items } = await journal(`entityId=${unit.id}`);
    const update = items.find((e) => e.requestId === requestId);
    expect(update).toMatchObject({
      actorId: adminId,
      actorName: "Quản trị hệ thống",
      entityType: "unit",
      entityId: unit.id,
      action: "update",
      ip: "127.0.0.1",
      // In words, with the record's current name and its page, not only codes and a UUID.
      actionLabel: { vi: "Cập nhật", en: "Updated" },
      entityTypeLabel: { vi: "Đơn vị", en: "Unit" },
      entityName: "Ban Tuyên giáo Thành ủy",
      entityLink: "/directory/units",
    });
    expect(update?.diff).toContainEqual({
      path: "name",
      before: "Ban Tuyên giáo",
      after: "Ban Tuyên giáo Thành ủy",
    });
    expect(update?.diff.map((d) => d.path)).not.toContain("type");
    expect(items.map((e) => e.action)).toEqual(["update", "create"]);
  });

  it("records every kind of change made through the API", async () => {
    const person = await buildPerson(admin, { fullName: "Mai Văn Nhật Ký" });
    const other = await buildPerson(admin, { fullName: "Mai Van Nhat Ky" });
    await admin.request("PATCH", `/api/people/${person.id}`, { phone: "0225 123 456" });
    await admin.request("POST", `/api/people/${person.id}/merge`, { duplicateId: other.id });
    const user = await admin.request("POST", "/api/users", {
      email: `${unique("audit")}@test.local`,
      displayName: "Người Ghi",
      roles: ["viewer"],
    });
    const userId = (user.body as { user: { id: string } }).user.id;
    await admin.request("PATCH", `/api/users/${userId}`, { roles: ["leader"] });
    await admin.request("POST", `/api/users/${userId}/reset-password`);
    const actions = async (entityId: string) =>
      (await journal(`entityId=${entityId}`)).items.map((e) => e.action).reverse();
    expect(await actions(person.id)).toEqual(["create", "update", "merge"]);
    expect(await actions(other.id)).toEqual(["create", "merged_into"]);
    expect(await actions(userId)).toEqual(["create", "update", "password_reset"]);
    const roleChange = (await journal(`entityId=${userId}&action=update`)).items[0];
    expect(roleChange?.diff).toContainEqual({ path: "roles", before: ["viewer"], after: ["leader"] });
    // Secrets never reach the journal.
    expect(JSON.stringify(await journal(`entityId=${userId}&pageSize=200`))).not.toMatch(
      /password_hash|passwordHash|argon2/,
    );
    expect(
      (await journal(`entityType=session&action=login&actorId=${adminId}`)).total,
    ).toBeGreaterThanOrEqual(1);
  });

  it("filters by entity, action, actor and date", async () => {
    const all = await journal("pageSize=200");
    expect(all.total).toBeGreaterThan(5);
    for (const e of (await journal("entityType=person")).items) expect(e.entityType).toBe("person");
    for (const e of (await journal("action=create")).items) expect(e.action).toBe("create");
    for (const e of (await journal(`actorId=${adminId}`)).items) expect(e.actorId).toBe(adminId);
    const today = todayInHoChiMinh();
    expect((await journal(`from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await journal("to=2000-01-01")).total).toBe(0);
    expect((await journal("from=2999-01-01")).total).toBe(0);
    const paged = await journal("pageSize=2&page=2");
    expect(paged.items.map((e) => e.seq)).toEqual(all.items.slice(2, 4).map((e) => e.seq));
    expect((await admin.request("GET", "/api/audit?from=yesterday")).status).toBe(400);
  });

  it("reads a date filter as a day in Viet Nam, not a UTC day", async () => {
    // 17:30 UTC on 14/06 is 00:30 on 15/06 in Viet Nam; 16:59:59 UTC on 15/06 is the last second of 15/06.
    const repo = createAuditRepository();
    const entityId = "ngay-viet-nam";
    for (const at of [
      "2024-06-14T16:59:59.999Z",
      "2024-06-14T17:30:00.000Z",
      "2024-06-15T16:59:59.999Z",
      "2024-06-15T17:00:00.000Z",
    ])
      await repo.insert(t.platform.services.db, {
        at,
        actorId: null,
        actorName: "hệ thống",
        entityType: "test_day",
        entityId,
        action: "update",
        before: null,
        after: { at },
        diff: null,
        requestId: null,
        ip: null,
      });
    const on = async (query: string) =>
      (await journal(`entityId=${entityId}&${query}`)).items.map((e) => e.at).sort();
    expect(await on("from=2024-06-15&to=2024-06-15")).toEqual([
      "2024-06-14T17:30:00.000Z",
      "2024-06-15T16:59:59.999Z",
    ]);
    expect(await on("to=2024-06-14")).toEqual(["2024-06-14T16:59:59.999Z"]);
    expect(await on("from=2024-06-16")).toEqual(["2024-06-15T17:00:00.000Z"]);
  });

  it("exports CSV with a BOM and a bilingual header", async () => {
    const unit = await buildUnit(admin, { name: "Đơn vị xuất CSV" });
    const res = await t.platform.app.inject({
      method: "GET",
      url: `/api/audit/export?format=csv&entityId=${unit.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="nhat-ky-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = res.rawPayload.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Thời điểm / At,Người thực hiện / Actor,Đối tượng / Entity,Mã đối tượng / Entity id,Thao tác / Action,Thay đổi / Changes,Mã yêu cầu / Request id,Địa chỉ / IP",
    );
    expect(text).toContain(unit.id);
    expect(text).toContain("Đơn vị xuất CSV");
  });

  it("exports XLSX that a spreadsheet can open", async () => {
    const requestId = `xlsx-${unique("audit")}`;
    const unit = await buildUnit(admin, { name: '=HYPERLINK("http://evil")' });
    await admin.request(
      "PATCH",
      `/api/units/${unit.id}`,
      { shortName: "XLSX" },
      { "x-request-id": requestId },
    );
    const res = await t.platform.app.inject({
      method: "GET",
      url: `/api/audit/export?format=xlsx&entityId=${unit.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    expect(rows[0]?.[0]).toBe("Thời điểm / At");
    expect(rows).toHaveLength(3);
    const update = rows.find((r) => r[6] === requestId);
    expect(update?.slice(2, 5)).toEqual(["unit", unit.id, "update"]);
    expect(update?.[5]).toContain("XLSX");
    // Nothing is stored as a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("is refused by the database itself: no UPDATE, no DELETE", async () => {
    const { db } = t.platform.database;
    const before = await countRows(t.platform, ["audit_log"]);
    const [first] = (await journal("pageSize=1")).items;
    await expect(
      sql`update audit_log set action = 'forged' where seq = ${first?.seq}`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`update audit_log set actor_name = 'someone else'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log where seq = ${first?.seq}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    if (dialect === "postgres")
      await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await countRows(t.platform, ["audit_log"])).toEqual(before);
    const again = (await journal("pageSize=1")).items[0];
    expect(again).toEqual(first);
  });

  it("has no route that changes the journal", async () => {
    const auditRoutes = t.platform.routes.filter((r) => r.url.startsWith("/api/audit"));
    expect(auditRoutes.length).toBeGreaterThan(0);
    expect(auditRoutes.map((r) => r.method).filter((m) => m !== "GET")).toEqual([]);
    const [first] = (await journal("pageSize=1")).items;
    for (const method of ["POST", "PATCH", "PUT", "DELETE"] as const) {
      for (const url of ["/api/audit", `/api/audit/${first?.seq}`]) {
        const res = await admin.request(method, url, method === "DELETE" ? undefined : { action: "forged" });
        expect(res.status, `${method} ${url}`).toBe(404);
      }
    }
  });
});
