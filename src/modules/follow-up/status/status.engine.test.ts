import { describe, expect, it } from "vitest";
import { DEFAULT_VIETNAM_HOLIDAYS } from "../calendar/calendar.holidays.js";
import { computeStatus, computeStatuses } from "./status.engine.js";
import { reportingPeriods } from "./status.periods.js";
import { buildCheckIn, buildTask, completion } from "./status.test-helpers.js";
import type { DatedTaskStatus, OngoingTaskStatus, TaskStatusResult, TaskTimeframe } from "./status.types.js";

// Reference programme 02-CTr/BCĐ (13/3/2024), as the parser normalises its time frames.
const QUARTER_II: TaskTimeframe = {
  kind: "period",
  text: "Trong Quý II/2024.",
  start: "2024-04-01",
  end: "2024-06-30",
};
const HALF_AND_YEAR: TaskTimeframe = {
  kind: "period",
  text: "6 tháng đầu năm và năm 2024.",
  start: "2024-01-01",
  end: "2024-12-31",
  milestones: [
    { due: "2024-06-30", label: "6 tháng đầu năm" },
    { due: "2024-12-31", label: "Năm 2024" },
  ],
};
const ONGOING: TaskTimeframe = {
  kind: "ongoing",
  text: "Thường xuyên.",
  start: "2024-01-01",
  end: "2024-12-31",
};
const AS_DIRECTED: TaskTimeframe = {
  kind: "as_directed",
  text: "Theo chỉ đạo, hướng dẫn của các cơ quan Trung ương.",
};
const PER_PLAN: TaskTimeframe = {
  kind: "per_plan",
  text: "Theo Kế hoạch số 318/KH-UBND.",
  plan: "318/KH-UBND",
};
const UNSPECIFIED: TaskTimeframe = { kind: "unspecified", text: null };

function dated(r: TaskStatusResult): DatedTaskStatus {
  if (r.kind !== "dated") throw new Error(`expected dated, got ${r.kind}`);
  return r;
}

describe("a task due at the end of Quý II/2024", () => {
  it("is not started before any check-in and in progress after one", () => {
    expect(computeStatus(buildTask(QUARTER_II), "2024-03-20").status).toBe("not_started");
    const r = computeStatus(
      buildTask(QUARTER_II, [buildCheckIn("2024-05-02", { progress: 40 })]),
      "2024-05-10",
    );
    expect(r).toMatchObject({ status: "in_progress_on_time", progress: 40, due: "2024-06-30" });
  });

  it("is still within time on its due date and overdue the day after", () => {
    const task = buildTask(QUARTER_II, [buildCheckIn("2024-05-02")]);
    expect(computeStatus(task, "2024-06-30").status).toBe("in_progress_on_time");
    expect(dated(computeStatus(task, "2024-07-01"))).toMatchObject({
      status: "overdue",
      daysOverdue: 1,
      overdueBucket: "up_to_30",
    });
  });

  it("counts a completion only once confirmed, dated by the reported completion date", () => {
    const task = buildTask(QUARTER_II, [completion("2024-06-29", "2024-07-03", "2024-06-29")]);
    // Reported but not yet confirmed on 1/7: not completed, and overdue.
    expect(computeStatus(task, "2024-07-01")).toMatchObject({
      status: "overdue",
      hasPendingCompletion: true,
    });
    // Confirmed on 3/7: completed on 29/6, on time.
    expect(computeStatus(task, "2024-07-05")).toMatchObject({
      status: "completed_on_time",
      completedOn: "2024-06-29",
      daysLate: 0,
      hasPendingCompletion: false,
    });
  });

  it("uses the confirmation date when no completion date was reported", () => {
    const task = buildTask(QUARTER_II, [completion("2024-07-08", "2024-07-10")]);
    expect(computeStatus(task, "2024-07-31")).toMatchObject({
      status: "completed_late",
      completedOn: "2024-07-10",
      daysLate: 10,
    });
  });

  it("reads confirmation instants in Asia/Ho_Chi_Minh", () => {
    // 30/6 18:00 UTC is already 1/7 in Hải Phòng.
    const task = buildTask(QUARTER_II, [completion("2024-06-30T10:00:00+07:00", "2024-06-30T18:00:00Z")]);
    expect(computeStatus(task, "2024-07-02")).toMatchObject({
      status: "completed_late",
      completedOn: "2024-07-01",
      daysLate: 1,
    });
  });

  it("treats a returned report as not completed until a later confirmation", () => {
    const returned = buildCheckIn("2024-06-20", {
      progress: 100,
      reportedComplete: true,
      completedOn: "2024-06-20",
      confirmation: { state: "returned", at: "2024-06-22", reason: "Thiếu minh chứng" },
    });
    const first = buildTask(QUARTER_II, [buildCheckIn("2024-05-02", { progress: 60 }), returned]);
    expect(computeStatus(first, "2024-06-21")).toMatchObject({
      status: "in_progress_on_time",
      progress: 100,
      hasPendingCompletion: true,
    });
    expect(computeStatus(first, "2024-06-25")).toMatchObject({
      status: "in_progress_on_time",
      isReturned: true,
      progress: 60,
    });
    expect(computeStatus(first, "2024-07-15")).toMatchObject({
      status: "overdue",
      daysOverdue: 15,
      isReturned: true,
    });

    const fixed = buildTask(QUARTER_II, [
      ...first.checkIns,
      completion("2024-07-20", "2024-07-22", "2024-07-20"),
    ]);
    expect(computeStatus(fixed, "2024-07-31")).toMatchObject({
      status: "completed_late",
      daysLate: 20,
      isReturned: false,
    });
  });

  it("ignores check-ins submitted after the as-of date", () => {
    const task = buildTask(QUARTER_II, [buildCheckIn("2024-06-10")]);
    expect(computeStatus(task, "2024-06-09").status).toBe("not_started");
  });

  it("buckets overdue tasks by age: ≤ 30, 31–90, 91–120, > 120 days", () => {
    const task = buildTask(QUARTER_II);
    const bucket = (asOf: string) => dated(computeStatus(task, asOf));
    expect(bucket("2024-07-30")).toMatchObject({ daysOverdue: 30, overdueBucket: "up_to_30" });
    expect(bucket("2024-07-31")).toMatchObject({ daysOverdue: 31, overdueBucket: "31_to_90" });
    expect(bucket("2024-09-28")).toMatchObject({ daysOverdue: 90, overdueBucket: "31_to_90" });
    expect(bucket("2024-10-28")).toMatchObject({ daysOverdue: 120, overdueBucket: "91_to_120" });
    expect(bucket("2024-10-29")).toMatchObject({ daysOverdue: 121, overdueBucket: "over_120" });
  });

  it("can count days overdue in working days", () => {
    const task = buildTask({ kind: "deadline", text: "Trước ngày 27/4/2024", end: "2024-04-26" });
    expect(computeStatus(task, "2024-05-02")).toMatchObject({ daysOverdue: 6 });
    // 27–28/4 weekend, 29/4 swapped off, 30/4 and 1/5 holidays: only Thursday 2/5 counts.
    const r = computeStatus(task, "2024-05-02", { dayCount: "working", holidays: DEFAULT_VIETNAM_HOLIDAYS });
    expect(r).toMatchObject({ status: "overdue", daysOverdue: 1 });
  });
});

describe("a task with milestones: 6 tháng đầu năm và năm 2024", () => {
  const h1Done = completion("2024-06-28", "2024-07-02", "2024-06-28", {
    milestone: "2024-06-30",
    period: "2024-H1",
  });

  it("assesses each milestone and stays within time while the open one is", () => {
    const r = dated(computeStatus(buildTask(HALF_AND_YEAR, [h1Done]), "2024-09-01"));
    expect(r.status).toBe("in_progress_on_time");
    expect(r.due).toBe("2024-12-31");
    expect(r.milestones?.map((m) => [m.label, m.status])).toEqual([
      ["6 tháng đầu năm", "completed_on_time"],
      ["Năm 2024", "not_started"],
    ]);
  });

  it("is overdue when the first milestone was missed", () => {
    const r = dated(
      computeStatus(
        buildTask(HALF_AND_YEAR, [buildCheckIn("2024-05-10", { milestone: "2024-06-30" })]),
        "2024-09-01",
      ),
    );
    expect(r).toMatchObject({
      status: "overdue",
      due: "2024-06-30",
      daysOverdue: 63,
      overdueBucket: "31_to_90",
    });
    expect(r.milestones?.map((m) => m.status)).toEqual(["overdue", "not_started"]);
  });

  it("is completed late when every milestone is done and one was late", () => {
    const yearLate = completion("2025-01-08", "2025-01-10", "2025-01-05");
    const r = dated(computeStatus(buildTask(HALF_AND_YEAR, [h1Done, yearLate]), "2025-01-15"));
    expect(r).toMatchObject({
      status: "completed_late",
      completedOn: "2025-01-05",
      daysLate: 5,
      due: "2024-12-31",
    });
    const onTime = completion("2024-12-20", "2024-12-24", "2024-12-20");
    expect(computeStatus(buildTask(HALF_AND_YEAR, [h1Done, onTime]), "2025-01-15").status).toBe(
      "completed_on_time",
    );
  });

  it("counts an untagged completion for the last milestone only", () => {
    const r = dated(
      computeStatus(
        buildTask(HALF_AND_YEAR, [completion("2024-06-25", "2024-06-27", "2024-06-25")]),
        "2024-07-10",
      ),
    );
    expect(r.milestones?.map((m) => m.status)).toEqual(["overdue", "completed_on_time"]);
    expect(r.status).toBe("overdue");
  });
});

describe("an ongoing task (Thường xuyên), per reporting period", () => {
  const periods = reportingPeriods({ year: 2024, kinds: ["quarter"] });
  const q1 = buildCheckIn("2024-03-10", { period: "2024-Q1" });

  function ongoing(r: TaskStatusResult): OngoingTaskStatus {
    if (r.kind !== "ongoing") throw new Error(`expected ongoing, got ${r.kind}`);
    return r;
  }

  it("marks each period reported, not reported or not yet due", () => {
    const r = ongoing(computeStatus(buildTask(ONGOING, [q1]), "2024-07-01", { periods }));
    expect(r.periods.map((p) => [p.period, p.state])).toEqual([
      ["2024-Q1", "reported"],
      ["2024-Q2", "not_reported"],
      ["2024-Q3", "not_yet_due"],
      ["2024-Q4", "not_yet_due"],
    ]);
    expect(r).toMatchObject({ status: "ongoing_not_reported", missedPeriods: 1 });
  });

  it("takes the state of the latest period whose report is due", () => {
    const q2 = buildCheckIn("2024-06-12", {
      period: "2024-Q2",
      confirmation: { state: "confirmed", at: "2024-06-13" },
    });
    const r = ongoing(computeStatus(buildTask(ONGOING, [q1, q2]), "2024-07-01", { periods }));
    expect(r.status).toBe("ongoing_reported");
    expect(r.periods[1]).toMatchObject({
      state: "reported",
      reportedOn: "2024-06-12",
      isConfirmed: true,
      isReportedLate: false,
    });
    // A Q1 report submitted late still counts, flagged late.
    const lateQ1 = ongoing(
      computeStatus(buildTask(ONGOING, [buildCheckIn("2024-03-20", { period: "2024-Q1" })]), "2024-04-01", {
        periods,
      }),
    );
    expect(lateQ1.periods[0]).toMatchObject({ state: "reported", isReportedLate: true });
  });

  it("does not count a returned period report", () => {
    const returned = buildCheckIn("2024-03-10", {
      period: "2024-Q1",
      confirmation: { state: "returned", at: "2024-03-12", reason: "Sơ sài" },
    });
    const r = ongoing(computeStatus(buildTask(ONGOING, [returned]), "2024-04-01", { periods }));
    expect(r.periods[0]?.state).toBe("not_reported");
    expect(r.status).toBe("ongoing_not_reported");
  });

  it("is not started before the first report is due, and skips periods outside the task", () => {
    expect(computeStatus(buildTask(ONGOING), "2024-03-01", { periods }).status).toBe("not_started");
    const h2Only = ongoing(
      computeStatus(buildTask({ ...ONGOING, start: "2024-07-01" }), "2024-07-01", { periods }),
    );
    expect(h2Only.periods.map((p) => p.period)).toEqual(["2024-Q3", "2024-Q4"]);
  });
});

describe("tasks timed by directives and plans", () => {
  it("awaits a due date instead of becoming overdue (Theo chỉ đạo…, Theo Kế hoạch số 318/KH-UBND, unspecified)", () => {
    for (const tf of [AS_DIRECTED, PER_PLAN, UNSPECIFIED]) {
      expect(computeStatus(buildTask(tf, [buildCheckIn("2024-05-01")]), "2024-12-31")).toMatchObject({
        kind: "undated",
        status: "awaiting_due_date",
        basis: tf.kind,
      });
    }
  });

  it("uses the due date the secretariat recorded, with its directive", () => {
    const task = buildTask(AS_DIRECTED, [], {
      dueDates: [{ due: "2024-05-15", directive: "Công văn số 45-CV/BCĐ ngày 02/5/2024" }],
    });
    expect(computeStatus(task, "2024-05-20")).toMatchObject({
      kind: "dated",
      status: "overdue",
      daysOverdue: 5,
      dueSource: "recorded",
      directive: "Công văn số 45-CV/BCĐ ngày 02/5/2024",
    });
  });

  it("treats several recorded due dates as milestones", () => {
    const task = buildTask(
      PER_PLAN,
      [completion("2024-04-01", "2024-04-02", null, { milestone: "2024-04-10" })],
      {
        dueDates: [
          { due: "2024-09-30", directive: "318/KH-UBND, mục III.2" },
          { due: "2024-04-10", directive: "318/KH-UBND, mục III.1" },
        ],
      },
    );
    const r = dated(computeStatus(task, "2024-05-01"));
    expect(r.milestones?.map((m) => [m.due, m.status, m.directive])).toEqual([
      ["2024-04-10", "completed_on_time", "318/KH-UBND, mục III.1"],
      ["2024-09-30", "not_started", "318/KH-UBND, mục III.2"],
    ]);
    expect(r).toMatchObject({ status: "in_progress_on_time", due: "2024-09-30" });
  });

  it("counts a confirmed completion of an undated task as on time", () => {
    const r = computeStatus(
      buildTask(PER_PLAN, [completion("2024-08-01", "2024-08-03", "2024-07-30")]),
      "2024-08-05",
    );
    expect(r).toMatchObject({ kind: "undated", status: "completed_on_time", completedOn: "2024-07-30" });
  });
});

describe("computeStatuses", () => {
  it("returns results in input order", () => {
    const tasks = [
      buildTask(QUARTER_II, [], { id: "a" }),
      buildTask(AS_DIRECTED, [], { id: "b" }),
      buildTask(ONGOING, [], { id: "c" }),
    ];
    expect(computeStatuses(tasks, "2024-07-01").map((r) => [r.taskId, r.status])).toEqual([
      ["a", "overdue"],
      ["b", "awaiting_due_date"],
      ["c", "ongoing_not_reported"],
    ]);
  });

  it("rejects an invalid as-of date", () => {
    expect(() => computeStatuses([], "2024-6-1")).toThrow(RangeError);
  });
});
