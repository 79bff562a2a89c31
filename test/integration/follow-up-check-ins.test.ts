/** Check-ins: who may report, drafts, submit/confirm/return/reopen with versions, uploads, directions, holidays. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import {
  buildPerson,
  buildProgramme,
  buildSignedInUser,
  buildTask,
  buildUnit,
  countRows,
} from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface CheckInBody {
  id: string;
  state: string;
  version: number;
  doneText: string;
  role: string;
  party: { name: string };
  versions?: { version: number; action: string; note?: string | null; content: { doneText: string } }[];
  evidence: { kind: string; file: { sha256: string; mediaType: string } | null }[];
}

describe.each(dialects())("follow-up check-ins on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let lead: Client;
  let unitMember: Client;
  let outsider: Client;
  let taskId: string;
  let unitTaskId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect, env: { HAIDANG_UPLOAD_LIMIT: "4096" } });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const leadPerson = await buildPerson(admin, { fullName: "Đào Văn Hoàn" });
    const outsiderPerson = await buildPerson(admin, { fullName: "Trần Văn Ngoài" });
    const unit = await buildUnit(admin, { name: "Sở Ngoại vụ" });
    const unitPerson = await buildPerson(admin, { fullName: "Lê Thị Sở", unitId: unit.id });
    secretariat = (await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] })).client;
    lead = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: leadPerson.id }))
      .client;
    unitMember = (await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: unitPerson.id }))
      .client;
    outsider = (
      await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: outsiderPerson.id })
    ).client;
    const programme = await buildProgramme(t.platform);
    taskId = (
      await buildTask(t.platform, programme.id, {
        ref: "15",
        parties: [
          { role: "directing", name: "Đào Khánh Hà" },
          { role: "lead", name: "Đào Văn Hoàn", personId: leadPerson.id },
        ],
      })
    ).id;
    unitTaskId = (
      await buildTask(t.platform, programme.id, {
        ref: "8",
        parties: [
          { role: "lead", name: "Đào Văn Hoàn", personId: leadPerson.id },
          { role: "coordinator", name: "Sở Ngoại vụ", unitId: unit.id },
        ],
      })
    ).id;
  });
  afterAll(async () => t?.close());

  const report = { period: "2024-Q2", doneText: "Đã xây dựng kế hoạch tập huấn.", progress: 40 };

  it("refuses a check-in from a member who is not a party (403) and stores nothing", async () => {
    const before = await countRows(t.platform, ["check_ins", "audit_log"]);
    const res = await outsider.request("POST", `/api/tasks/${taskId}/check-ins`, report);
    expect(res.status).toBe(403);
    expect((res.body as { error: { code: string } }).error.code).toBe("check_in_not_a_party");
    expect(await countRows(t.platform, ["check_ins", "audit_log"])).toEqual(before);
  });

  it("lets a member of a coordinating unit add a contribution", async () => {
    const res = await unitMember.request("POST", `/api/tasks/${unitTaskId}/check-ins`, report);
    expect(res.status).toBe(201);
    expect((res.body as CheckInBody).role).toBe("coordinator");
    expect((res.body as CheckInBody).party.name).toBe("Sở Ngoại vụ");
  });

  it("refuses a period outside the programme (400)", async () => {
    const res = await lead.request("POST", `/api/tasks/${taskId}/check-ins`, {
      ...report,
      period: "2023-Q2",
    });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe("check_in_invalid_period");
  });

  it("runs draft → submit → return → edit → submit → confirm → reopen → edit, keeping every version", async () => {
    const created = await lead.request("POST", `/api/tasks/${taskId}/check-ins`, report);
    expect(created.status).toBe(201);
    const id = (created.body as CheckInBody).id;

    // A draft is private to its author.
    expect((await secretariat.request("GET", `/api/check-ins/${id}`)).status).toBe(404);
    const list = await secretariat.request("GET", `/api/tasks/${taskId}/check-ins`);
    expect((list.body as { items: CheckInBody[] }).items.map((c) => c.id)).not.toContain(id);

    expect((await lead.request("POST", `/api/check-ins/${id}/submit`)).status).toBe(200);
    expect((await lead.request("POST", `/api/check-ins/${id}/confirm`)).status).toBe(403);
    const returned = await secretariat.request("POST", `/api/check-ins/${id}/return`, {
      reason: "Thiếu minh chứng",
    });
    expect((returned.body as CheckInBody).state).toBe("returned");

    const edited = await lead.request("PATCH", `/api/check-ins/${id}`, {
      doneText: "Đã tổ chức 2 lớp tập huấn.",
      progress: 100,
      reportedComplete: true,
    });
    expect((edited.body as CheckInBody).version).toBe(2);
    await lead.request("POST", `/api/check-ins/${id}/submit`);
    const confirmed = await secretariat.request("POST", `/api/check-ins/${id}/confirm`, {
      comment: "Kết quả tốt, đề nghị nhân rộng.",
    });
    expect((confirmed.body as CheckInBody).state).toBe("confirmed");

    const locked = await lead.request("PATCH", `/api/check-ins/${id}`, { doneText: "Sửa sau xác nhận" });
    expect(locked.status).toBe(409);
    expect((locked.body as { error: { code: string } }).error.code).toBe("check_in_confirmed_locked");

    expect(
      (await secretariat.request("POST", `/api/check-ins/${id}/reopen`, { reason: "Bổ sung số liệu" }))
        .status,
    ).toBe(200);
    const again = await lead.request("PATCH", `/api/check-ins/${id}`, {
      doneText: "Đã tổ chức 2 lớp tập huấn cho 150 học viên.",
    });
    expect((again.body as CheckInBody).version).toBe(3);

    const detail = (await secretariat.request("GET", `/api/check-ins/${id}`)).body as CheckInBody;
    const actions = detail.versions?.map((v) => v.action);
    expect(actions).toEqual([
      "create",
      "submit",
      "return",
      "update",
      "submit",
      "confirm",
      "reopen",
      "update",
    ]);
    // What was said with each step stays in the history: the return's reason, the confirmation's comment.
    expect(detail.versions?.map((v) => v.note ?? null)).toEqual([
      null,
      null,
      "Thiếu minh chứng",
      null,
      null,
      "Kết quả tốt, đề nghị nhân rộng.",
      "Bổ sung số liệu",
      null,
    ]);
    const texts = new Set(detail.versions?.map((v) => v.content.doneText));
    expect(texts).toContain("Đã tổ chức 2 lớp tập huấn.");
    expect(texts).toContain("Đã tổ chức 2 lớp tập huấn cho 150 học viên.");

    const audit = await admin.request("GET", `/api/audit?entityType=check_in&entityId=${id}`);
    expect(audit.status).toBe(200);
    // The journal says it in words and names the task, with a link to it: not `confirm` and a UUID.
    const confirmEntry = (
      audit.body as {
        items: {
          action: string;
          actionLabel: { vi: string; en: string };
          entityTypeLabel: { vi: string };
          entityName: string | null;
          entityLink: string | null;
        }[];
      }
    ).items.find((e) => e.action === "confirm");
    expect(confirmEntry?.actionLabel).toEqual({ vi: "Xác nhận", en: "Confirmed" });
    expect(confirmEntry?.entityTypeLabel.vi).toBe("Báo cáo tiến độ");
    expect(confirmEntry?.entityName).toMatch(/^Nhiệm vụ \S+: /);
    expect(confirmEntry?.entityLink).toBe(`/tasks/${taskId}`);
  });

  it("stores an evidence file with its hash and sniffed type, and refuses one over the limit (413)", async () => {
    const created = await lead.request("POST", `/api/tasks/${taskId}/check-ins`, {
      ...report,
      period: "2024-Q3",
    });
    const id = (created.body as CheckInBody).id;
    const pdf = Buffer.from("%PDF-1.7\nminh chung tap huan\n");
    const ok = await lead.request("POST", `/api/check-ins/${id}/evidence`, {
      filename: "ke-hoach.pdf",
      contentBase64: pdf.toString("base64"),
    });
    expect(ok.status).toBe(201);
    expect((ok.body as { file: { mediaType: string; sha256: string } }).file.mediaType).toBe(
      "application/pdf",
    );
    const link = await lead.request("POST", `/api/check-ins/${id}/evidence`, {
      kind: "article",
      title: "Bài viết trên Báo Hải Phòng",
      url: "https://baohaiphong.vn/a",
      count: 3,
    });
    expect(link.status).toBe(201);

    const big = Buffer.alloc(5000, 65).toString("base64");
    const before = await countRows(t.platform, ["stored_files", "check_in_evidence"]);
    const tooLarge = await lead.request("POST", `/api/check-ins/${id}/evidence`, {
      filename: "lon.txt",
      contentBase64: big,
    });
    expect(tooLarge.status).toBe(413);
    expect(await countRows(t.platform, ["stored_files", "check_in_evidence"])).toEqual(before);
  });

  it("records leaders' directions (audited) and lets the secretariat edit the holiday calendar", async () => {
    const leader = (await buildSignedInUser(t.platform, admin, { roles: ["leader"] })).client;
    const d = await leader.request("POST", `/api/tasks/${taskId}/directions`, {
      text: "Đề nghị hoàn thành trước 30/6.",
    });
    expect(d.status).toBe(201);
    expect((await lead.request("POST", `/api/tasks/${taskId}/directions`, { text: "x" })).status).toBe(403);
    const holidays = await lead.request("GET", "/api/holidays");
    expect((holidays.body as { items: { date: string }[] }).items.map((h) => h.date)).toContain("2024-09-02");
    const added = await secretariat.request("POST", "/api/holidays", {
      date: "2024-12-30",
      name: "Nghỉ bù thử",
    });
    expect(added.status).toBe(201);
    expect(
      (await secretariat.request("POST", "/api/holidays", { date: "2024-12-30", name: "Trùng" })).status,
    ).toBe(409);
    expect(
      (await secretariat.request("DELETE", `/api/holidays/${(added.body as { id: string }).id}`)).status,
    ).toBe(204);
  });
});
