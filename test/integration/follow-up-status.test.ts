/** Statuses as of a date from stored tasks, check-ins and recorded due dates; dashboard, lists and exports. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import {
  buildCheckIn,
  buildPerson,
  buildProgramme,
  buildSignedInUser,
  buildTask,
} from "../support/factories.js";
import { type Client, signIn } from "../support/http.js";

interface Row {
  taskId: string;
  ref: string;
  status: string;
  daysOverdue: number;
}

describe.each(dialects())("follow-up statuses on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let member: Client;
  let programmeId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const person = await buildPerson(admin, { fullName: "Phạm Văn Tuấn" });
    const user = await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id });
    member = user.client;
    programmeId = (await buildProgramme(t.platform)).id;
    const lead = [
      { role: "directing" as const, name: "Hoàng Minh Cường" },
      { role: "lead" as const, name: "Phạm Văn Tuấn", personId: person.id },
    ];
    const dated = { end: "2024-06-30", parties: lead };
    ids.onTime = (await buildTask(t.platform, programmeId, { ref: "1", ...dated })).id;
    ids.late = (await buildTask(t.platform, programmeId, { ref: "2", ...dated })).id;
    ids.inTime = (
      await buildTask(t.platform, programmeId, { ref: "3", end: "2024-12-31", parties: lead })
    ).id;
    ids.overdue = (await buildTask(t.platform, programmeId, { ref: "4", ...dated })).id;
    ids.notStarted = (
      await buildTask(t.platform, programmeId, { ref: "5", end: "2024-12-31", parties: lead })
    ).id;
    ids.ongoing = (
      await buildTask(t.platform, programmeId, {
        ref: "13",
        timeframeKind: "ongoing",
        start: null,
        end: null,
        parties: lead,
      })
    ).id;
    ids.directed = (
      await buildTask(t.platform, programmeId, {
        ref: "12",
        timeframeKind: "as_directed",
        start: null,
        end: null,
        parties: lead,
      })
    ).id;
    const by = user.id;
    await buildCheckIn(t.platform, ids.onTime, {
      createdBy: by,
      completedOn: "2024-06-20",
      submittedAt: "2024-06-21T02:00:00Z",
      decidedAt: "2024-06-24T02:00:00Z",
    });
    await buildCheckIn(t.platform, ids.late, {
      createdBy: by,
      completedOn: "2024-07-10",
      submittedAt: "2024-07-10T02:00:00Z",
      decidedAt: "2024-07-11T02:00:00Z",
      period: "2024-Q3",
    });
    await buildCheckIn(t.platform, ids.inTime, {
      createdBy: by,
      progress: 50,
      reportedComplete: false,
      state: "submitted",
    });
    // A returned completion counts as not completed.
    await buildCheckIn(t.platform, ids.overdue, {
      createdBy: by,
      state: "returned",
      submittedAt: "2024-06-25T02:00:00Z",
      decidedAt: "2024-06-26T02:00:00Z",
    });
    await buildCheckIn(t.platform, ids.ongoing, {
      createdBy: by,
      period: "2024-Q1",
      reportedComplete: false,
      progress: 30,
      submittedAt: "2024-03-10T02:00:00Z",
    });
  });
  afterAll(async () => t?.close());

  async function statuses(asOf: string): Promise<Record<string, Row>> {
    const res = await member.request("GET", `/api/programmes/${programmeId}/statuses?asOf=${asOf}`);
    expect(res.status).toBe(200);
    const byId = new Map((res.body as { items: Row[] }).items.map((r) => [r.taskId, r]));
    return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, byId.get(id) as Row]));
  }

  it("classifies the 2×2, not started, ongoing per period and as-directed tasks", async () => {
    const s = await statuses("2024-08-15");
    expect(s.onTime?.status).toBe("completed_on_time");
    expect(s.late?.status).toBe("completed_late");
    expect(s.inTime?.status).toBe("in_progress_on_time");
    expect(s.overdue?.status).toBe("overdue");
    expect(s.overdue?.daysOverdue).toBe(46);
    expect(s.notStarted?.status).toBe("not_started");
    expect(s.directed?.status).toBe("awaiting_due_date");
    // Q1 reported; by mid-August the Q2 report (cut-off 14/6) is due and missing.
    expect(s.ongoing?.status).toBe("ongoing_not_reported");
    expect((await statuses("2024-05-01")).ongoing?.status).toBe("ongoing_reported");
    // As of 30/6 the late task was still within time (and not yet reported on).
    expect((await statuses("2024-06-30")).late?.status).toBe("not_started");
  });

  it("makes an as-directed task dated once the secretariat records a due date", async () => {
    expect(
      (
        await member.request("POST", `/api/tasks/${ids.directed}/due-date`, {
          dueDate: "2024-07-31",
          directive: "Công văn số 45-CV/BCĐ",
        })
      ).status,
    ).toBe(403);
    const res = await admin.request("POST", `/api/tasks/${ids.directed}/due-date`, {
      dueDate: "2024-07-31",
      directive: "Công văn số 45-CV/BCĐ ngày 02/4/2024",
    });
    expect(res.status).toBe(201);
    expect((await statuses("2024-07-15")).directed?.status).toBe("not_started");
    const after = await statuses("2024-08-15");
    expect(after.directed?.status).toBe("overdue");
    expect(after.directed?.daysOverdue).toBe(15);
  });

  it("keeps the directive document of a due date, for download by whoever follows the task up", async () => {
    const text = "CÔNG VĂN SỐ 46-CV/BCĐ\nĐề nghị hoàn thành trước ngày 30/9/2024.";
    const res = await admin.request("POST", `/api/tasks/${ids.directed}/due-date`, {
      dueDate: "2024-09-30",
      directive: "Công văn số 46-CV/BCĐ ngày 02/8/2024",
      file: { filename: "../Công văn 46.txt", contentBase64: Buffer.from(text).toString("base64") },
    });
    expect(res.status, res.text).toBe(201);
    const dueDate = res.body as { id: string; fileId: string | null };
    expect(dueDate.fileId).not.toBeNull();
    const file = await member.request("GET", `/api/due-dates/${dueDate.id}/file`);
    expect(file.status, file.text).toBe(200);
    expect(file.text).toBe(text);
    expect(file.headers["content-disposition"]).toBe(
      "attachment; filename=\"Cong van 46.txt\"; filename*=UTF-8''C%C3%B4ng%20v%C4%83n%2046.txt",
    );
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    const without = (await admin.request("GET", `/api/tasks/${ids.directed}/due-dates`)).body as {
      items: { id: string; fileId: string | null }[];
    };
    const bare = without.items.find((d) => d.fileId === null);
    expect(bare).toBeDefined();
    expect((await member.request("GET", `/api/due-dates/${bare?.id}/file`)).status).toBe(404);
  });

  it("answers 400 with the reason for a date before the programme starts, and counts after its end", async () => {
    const res = await member.request("GET", `/api/programmes/${programmeId}/dashboard?asOf=2023-12-01`);
    expect(res.status).toBe(400);
    const error = (res.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("as_of_outside_programme");
    expect(error.message).toContain("2024-01-01");
    // After the year is over the statuses are still computed: unfinished dated tasks are overdue.
    const later = await member.request("GET", `/api/programmes/${programmeId}/dashboard?asOf=2025-02-01`);
    expect(later.status).toBe(200);
  });

  it("serves the dashboard: counts, groups, overdue with age, next deadlines, progress by quarter", async () => {
    const res = await member.request("GET", `/api/programmes/${programmeId}/dashboard?asOf=2024-06-25`);
    expect(res.status).toBe(200);
    const d = res.body as {
      summary: { total: number; byStatus: Record<string, number> };
      byDirecting: { name: string; total: number }[];
      byLeadPerson: { name: string; total: number }[];
      upcoming: { date: string; taskId: string }[];
      progressByQuarter: { period: string; completed: number }[];
      overdue: unknown[];
    };
    expect(d.summary.total).toBe(7);
    expect(d.summary.byStatus.completed_on_time).toBe(1);
    expect(d.byDirecting).toEqual([expect.objectContaining({ name: "Hoàng Minh Cường", total: 7 })]);
    expect(d.byLeadPerson[0]?.name).toBe("Phạm Văn Tuấn");
    expect(d.upcoming.filter((e) => e.date === "2024-06-30").map((e) => e.taskId)).toContain(ids.overdue);
    expect(d.progressByQuarter.map((q) => q.period)).toEqual(["2024-Q1", "2024-Q2", "2024-Q3"]);
    expect(d.overdue).toEqual([]);
  });

  it("exports lists as CSV and XLSX, and lists what is due from the caller", async () => {
    const csv = await member.request(
      "GET",
      `/api/programmes/${programmeId}/overdue?asOf=2024-08-15&format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.text).toContain("Chưa hoàn thành, quá hạn");
    const xlsx = await member.request(
      "GET",
      `/api/programmes/${programmeId}/calendar?from=2024-06-01&to=2024-07-31&format=xlsx`,
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.text.slice(0, 2)).toBe("PK");
    const mine = await member.request("GET", "/api/me/tasks?asOf=2024-08-15");
    expect((mine.body as { items: Row[] }).items.map((r) => r.ref).sort()).toEqual([
      "1",
      "12",
      "13",
      "2",
      "3",
      "4",
      "5",
    ]);
    const other = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
    expect((await other.request("GET", "/api/me/tasks")).body).toMatchObject({ items: [] });
  });
});
