/**
 * Register entries attached to programme tasks as evidence, as the secretariat and the task's parties
 * use it: attach from the task or the entry, refuse strangers and duplicates, audit every change, move
 * with the task to a new programme version, and come out in the semi-annual report (figures section,
 * the task's evidence, and a sheet of the XLSX annex).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readZipEntry } from "../../src/modules/reports/docx/docx.test-helpers.js";
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

interface TaskRecordDto {
  id: string;
  kind: string;
  kindLabel: string;
  recordId: string;
  title: string | null;
  date: string | null;
  canUnlink: boolean;
}

describe.each(dialects())("registers core on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let lead: Client;
  let stranger: Client;
  let programmeId: string;
  let taskId: string;
  let fairId: string;
  let yearlyId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const unit = await buildUnit(admin, { name: "Sở Du lịch" });
    const person = await buildPerson(admin, { fullName: "Nguyễn Văn Chủ Trì", unitId: unit.id });
    lead = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id })).client;
    stranger = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    programmeId = (await buildProgramme(t.platform)).id;
    taskId = (
      await buildTask(t.platform, programmeId, {
        ref: "12",
        text: "Quảng bá du lịch Hải Phòng tới du khách quốc tế.",
        parties: [{ role: "lead", name: "Sở Du lịch", unitId: unit.id }],
      })
    ).id;
    const fair = await admin.request("POST", "/api/events", {
      title: "Hội chợ Du lịch quốc tế Hải Phòng",
      kind: "fair",
      startDate: "2024-04-20",
      endDate: "2024-04-23",
    });
    expect(fair.status).toBe(201);
    fairId = (fair.body as { id: string }).id;
    const yearly = await admin.request("POST", "/api/events", {
      title: "Chiến thắng Điện Biên Phủ",
      kind: "anniversary",
      startDate: "1954-05-07",
      recurrence: "yearly",
      originYear: 1954,
    });
    yearlyId = (yearly.body as { id: string }).id;
  });
  afterAll(async () => t?.close());

  it("lists the registers installed, with their labels", async () => {
    const res = await lead.request("GET", "/api/registers");
    expect(res.status).toBe(200);
    expect((res.body as { items: { kind: string; label: string }[] }).items).toContainEqual({
      kind: "event",
      label: "Sự kiện, ngày kỷ niệm",
    });
  });

  it("lets the task's lead find and attach an entry, and refuses strangers and duplicates", async () => {
    const found = await lead.request("GET", "/api/registers/event/entries?q=hoi cho du lich");
    expect(found.status).toBe(200);
    expect((found.body as { items: { id: string }[] }).items.map((e) => e.id)).toContain(fairId);

    const refused = await stranger.request("POST", `/api/tasks/${taskId}/records`, {
      kind: "event",
      recordId: fairId,
    });
    expect(refused.status).toBe(403);
    expect((refused.body as { error: { code: string } }).error.code).toBe("task_record_forbidden");

    const linked = await lead.request("POST", `/api/tasks/${taskId}/records`, {
      kind: "event",
      recordId: fairId,
    });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({
      kind: "event",
      kindLabel: "Sự kiện, ngày kỷ niệm",
      title: "Hội chợ Du lịch quốc tế Hải Phòng",
      date: "2024-04-20",
      canUnlink: true,
    });
    const again = await admin.request("POST", `/api/tasks/${taskId}/records`, {
      kind: "event",
      recordId: fairId,
    });
    expect(again.status).toBe(409);

    const missing = await admin.request("POST", `/api/tasks/${taskId}/records`, {
      kind: "event",
      recordId: "no-such-event",
    });
    expect(missing.status).toBe(404);
    const unknownKind = await admin.request("POST", `/api/tasks/${taskId}/records`, {
      kind: "spaceship",
      recordId: fairId,
    });
    expect((unknownKind.body as { error: { code: string } }).error.code).toBe("register_kind_unknown");

    // Everyone who reads follow-up sees it; only parties may detach it.
    const seen = await stranger.request("GET", `/api/tasks/${taskId}/records`);
    const list = seen.body as { items: TaskRecordDto[]; canLink: boolean };
    expect(list.canLink).toBe(false);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ recordId: fairId, canUnlink: false });

    const fromEntry = await stranger.request("GET", `/api/records/event/${fairId}/tasks`);
    expect((fromEntry.body as { items: { taskId: string; ref: string }[] }).items).toEqual([
      expect.objectContaining({ taskId, ref: "12" }),
    ]);

    const audit = await admin.request("GET", "/api/audit?entityType=task_record_link");
    expect(JSON.stringify(audit.body)).toContain("Hội chợ Du lịch quốc tế Hải Phòng");
  });

  it("states the registers' figures, the task's linked entries and an annex sheet in the report", async () => {
    await admin.request("POST", `/api/tasks/${taskId}/records`, { kind: "event", recordId: yearlyId });
    const res = await admin.request("POST", `/api/programmes/${programmeId}/reports`, {
      kind: "semiannual",
      year: 2024,
      number: 21,
    });
    expect(res.status).toBe(201);
    const model = (
      res.body as {
        id: string;
        model: {
          registers?: { groups: { kind: string; paragraphs: string[] }[]; sheets: { name: string }[] };
          results: { specific: { ref: string; evidence: string[] }[] };
        };
      }
    ).model;
    const events = model.registers?.groups.find((g) => g.kind === "event");
    expect(events?.paragraphs.join(" ")).toContain("2 sự kiện, ngày kỷ niệm");
    expect(events?.paragraphs.join(" ")).toContain(
      "Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (7/5/1954 – 7/5/2024)",
    );
    const task = model.results.specific.find((r) => r.ref === "12");
    expect(task?.evidence).toContain("Sự kiện, ngày kỷ niệm: Hội chợ Du lịch quốc tế Hải Phòng (20/04/2024)");
    // A yearly event has no single date: it is named under the task in every period.
    expect(task?.evidence).toContain("Sự kiện, ngày kỷ niệm: Chiến thắng Điện Biên Phủ");

    const id = (res.body as { id: string }).id;
    const docx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${id}/export?format=docx`,
      headers: { cookie: admin.cookie },
    });
    const documentXml = await readZipEntry(docx.rawPayload, "word/document.xml");
    expect(documentXml).toContain("theo các sổ theo dõi");
    const xlsx = await t.platform.app.inject({
      method: "GET",
      url: `/api/reports/${id}/export?format=xlsx`,
      headers: { cookie: admin.cookie },
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = await readZipEntry(xlsx.rawPayload, "xl/workbook.xml");
    expect(workbook).toContain("Sự kiện, ngày kỷ niệm");
    const strings = await readZipEntry(xlsx.rawPayload, "xl/sharedStrings.xml");
    expect(strings).toContain("Hội chợ Du lịch quốc tế Hải Phòng");
  });

  it("lets the lead detach the entry, and audits it", async () => {
    const list = (await lead.request("GET", `/api/tasks/${taskId}/records`)).body as {
      items: TaskRecordDto[];
    };
    const link = list.items.find((i) => i.recordId === fairId);
    expect(link).toBeDefined();
    expect((await stranger.request("DELETE", `/api/tasks/${taskId}/records/${link?.id}`)).status).toBe(403);
    expect((await lead.request("DELETE", `/api/tasks/${taskId}/records/${link?.id}`)).status).toBe(204);
    expect((await lead.request("DELETE", `/api/tasks/${taskId}/records/${link?.id}`)).status).toBe(404);
    const after = (await lead.request("GET", `/api/tasks/${taskId}/records`)).body as {
      items: TaskRecordDto[];
    };
    expect(after.items.map((i) => i.recordId)).not.toContain(fairId);
  });
});
