/** One task's status (milestones one by one, ongoing periods), and dashboards kept right after writes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInHoChiMinh } from "../../src/modules/follow-up/calendar/calendar.clock.js";
import { createDashboardService } from "../../src/modules/follow-up/dashboard.service.js";
import { createFollowUpData } from "../../src/modules/follow-up/follow-up.data.js";
import { createFollowUpRepository } from "../../src/modules/follow-up/follow-up.repository.js";
import type { RequestContext } from "../../src/platform/context.js";
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

interface TaskStatusBody {
  taskId: string;
  asOf: string;
  kind: string;
  status: string;
  statusLabel: { vi: string; en: string };
  due: string | null;
  daysOverdue: number;
  overdueBucket: string | null;
  milestones: { due: string; status: string; completedOn: string | null; daysOverdue: number }[] | null;
  periods: { period: string; label: string; state: string; isConfirmed: boolean; reportDue: string }[] | null;
  missedPeriods: number;
}

describe.each(dialects())("follow-up task status and dashboards on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let secretariat: Client;
  let lead: Client;
  let programmeId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    const person = await buildPerson(admin, { fullName: "Phạm Văn Tuấn" });
    const user = await buildSignedInUser(t.platform, admin, { roles: ["member"], personId: person.id });
    lead = user.client;
    secretariat = (await buildSignedInUser(t.platform, admin, { roles: ["secretariat"] })).client;
    programmeId = (await buildProgramme(t.platform)).id;
    const parties = [
      { role: "directing" as const, name: "Hoàng Minh Cường" },
      { role: "lead" as const, name: "Phạm Văn Tuấn", personId: person.id },
    ];
    ids.milestones = (
      await buildTask(t.platform, programmeId, {
        ref: "1",
        end: "2024-12-31",
        milestones: [
          { due: "2024-06-30", label: "6 tháng đầu năm" },
          { due: "2024-12-31", label: "Năm 2024" },
        ],
        parties,
      })
    ).id;
    ids.ongoing = (
      await buildTask(t.platform, programmeId, {
        ref: "2",
        timeframeKind: "ongoing",
        start: "2024-01-01",
        end: "2024-12-31",
        parties,
      })
    ).id;
    ids.deadline = (await buildTask(t.platform, programmeId, { ref: "3", end: "2024-03-31", parties })).id;
    await buildCheckIn(t.platform, ids.ongoing, {
      createdBy: user.id,
      period: "2024-Q1",
      reportedComplete: false,
      progress: 30,
      submittedAt: "2024-03-10T02:00:00Z",
      decidedAt: "2024-03-12T02:00:00Z",
    });
    // The first milestone reported done (tagged) through the API: submitted and confirmed today.
    const created = await lead.request("POST", `/api/tasks/${ids.milestones}/check-ins`, {
      period: "2024-H1",
      doneText: "Hoàn thành đợt tuyên truyền 6 tháng đầu năm.",
      progress: 50,
      milestone: "2024-06-30",
      reportedComplete: true,
      completedOn: "2024-06-25",
    });
    const checkInId = (created.body as { id: string }).id;
    expect((await lead.request("POST", `/api/check-ins/${checkInId}/submit`)).status).toBe(200);
    const confirmed = await secretariat.request("POST", `/api/check-ins/${checkInId}/confirm`);
    expect(confirmed.status, confirmed.text).toBe(200);
  });
  afterAll(async () => t?.close());

  const statusOf = async (taskId: string, asOf?: string) => {
    const res = await lead.request("GET", `/api/tasks/${taskId}/status${asOf ? `?asOf=${asOf}` : ""}`);
    expect(res.status).toBe(200);
    return res.body as TaskStatusBody;
  };

  it("assesses milestones one by one: a confirmation after the as-of date does not count yet", async () => {
    const before = await statusOf(ids.milestones as string, "2024-08-15");
    expect(before.status).toBe("overdue");
    expect(before.statusLabel.vi).toBe("Chưa hoàn thành, quá hạn");
    expect(before.daysOverdue).toBe(46);
    expect(before.overdueBucket).toBe("31_to_90");
    expect(before.milestones?.map((m) => [m.due, m.status])).toEqual([
      ["2024-06-30", "overdue"],
      ["2024-12-31", "not_started"],
    ]);

    // Without a date, a programme whose year is over is read at its end, where the late confirmation
    // (made today) does not count yet and the second milestone is due that very day.
    const atEnd = await statusOf(ids.milestones as string);
    expect(atEnd.asOf).toBe("2024-12-31");
    expect(atEnd.milestones?.[0]?.status).toBe("overdue");
    const dashboard = await lead.request("GET", `/api/programmes/${programmeId}/dashboard`);
    expect((dashboard.body as { asOf: string }).asOf).toBe("2024-12-31");

    const today = await statusOf(ids.milestones as string, todayInHoChiMinh());
    expect(today.asOf > "2024-12-31").toBe(true);
    expect(today.milestones?.[0]).toMatchObject({ status: "completed_on_time", completedOn: "2024-06-25" });
    expect(today.milestones?.[1]?.status).toBe("overdue");
    expect(today.due).toBe("2024-12-31");
    expect(today.overdueBucket).toBe("over_120");
  });

  it("assesses an ongoing task per reporting period: reported, not reported, not yet due", async () => {
    const s = await statusOf(ids.ongoing as string, "2024-08-15");
    expect(s.kind).toBe("ongoing");
    expect(s.status).toBe("ongoing_not_reported");
    expect(s.missedPeriods).toBe(1);
    expect(s.periods?.map((p) => [p.period, p.state])).toEqual([
      ["2024-Q1", "reported"],
      ["2024-Q2", "not_reported"],
      ["2024-Q3", "not_yet_due"],
      ["2024-Q4", "not_yet_due"],
    ]);
    expect(s.periods?.[0]).toMatchObject({ label: "Quý I/2024", isConfirmed: true, reportDue: "2024-03-14" });
  });

  it("gives an overdue task its age bucket, and refuses unknown tasks and dates before the programme", async () => {
    const s = await statusOf(ids.deadline as string, "2024-08-15");
    expect([s.status, s.daysOverdue, s.overdueBucket]).toEqual(["overdue", 137, "over_120"]);
    const unknown = await lead.request("GET", "/api/tasks/khong-co/status");
    expect(unknown.status).toBe(404);
    const early = await lead.request("GET", `/api/tasks/${ids.deadline}/status?asOf=2023-06-01`);
    expect(early.status).toBe(400);
    expect((early.body as { error: { code: string } }).error.code).toBe("as_of_outside_programme");
    expect((await lead.request("GET", `/api/tasks/${ids.deadline}/status?asOf=15/8/2024`)).status).toBe(400);
  });

  it("updates the dashboard after writes exactly as a fresh load computes it", async () => {
    const url = `/api/programmes/${programmeId}/dashboard?asOf=2024-08-15`;
    const todayDate = todayInHoChiMinh();
    const today = `/api/programmes/${programmeId}/dashboard?asOf=${todayDate}`;
    expect((await admin.request("GET", url)).status).toBe(200);
    expect((await admin.request("GET", today)).status).toBe(200);
    // Writes on one task: the next reads derive from the data loaded before.
    const created = await lead.request("POST", `/api/tasks/${ids.deadline}/check-ins`, {
      period: "2024-Q1",
      doneText: "Đã hoàn thành.",
      progress: 100,
      reportedComplete: true,
      completedOn: "2024-03-20",
    });
    const id = (created.body as { id: string }).id;
    await lead.request("POST", `/api/check-ins/${id}/submit`);
    await secretariat.request("POST", `/api/check-ins/${id}/confirm`);
    const afterWrite = (await admin.request("GET", url)).body;
    const todayAfter = (await admin.request("GET", today)).body as {
      summary: { byStatus: Record<string, number> };
    };
    expect(todayAfter.summary.byStatus.completed_on_time).toBe(1);

    const repo = createFollowUpRepository();
    const db = t.platform.services.db;
    const fresh = createDashboardService({ db, data: createFollowUpData({ db, repo }), followUp: repo });
    const ctx: RequestContext = {
      actor: { userId: "fresh", displayName: "Fresh", roles: ["admin"], personId: null },
      requestId: null,
      ip: null,
      lang: "vi",
    };
    expect(afterWrite).toEqual(
      JSON.parse(JSON.stringify(await fresh.dashboard(ctx, programmeId, "2024-08-15"))),
    );
    const freshToday = await fresh.dashboard(ctx, programmeId, todayDate);
    expect(todayAfter).toEqual(JSON.parse(JSON.stringify(freshToday)));
  });
});
