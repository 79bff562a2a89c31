import { describe, expect, it } from "vitest";
import { DEFAULT_VIETNAM_HOLIDAYS } from "../calendar/calendar.holidays.js";
import { overdueBucket } from "./status.buckets.js";
import { computeStatuses } from "./status.engine.js";
import {
  CALENDAR_REPORTING_RULES,
  ND09_REPORTING_RULES,
  reportingPeriod,
  reportingPeriods,
} from "./status.periods.js";
import { statusRows, summarizeStatuses, updateSummary } from "./status.summary.js";
import { buildCheckIn, buildTask, completion } from "./status.test-helpers.js";

describe("overdueBucket", () => {
  it("classes days overdue", () => {
    expect([1, 30, 31, 90, 91, 120, 121, 400].map(overdueBucket)).toEqual([
      "up_to_30",
      "up_to_30",
      "31_to_90",
      "31_to_90",
      "91_to_120",
      "91_to_120",
      "over_120",
      "over_120",
    ]);
    expect(() => overdueBucket(0)).toThrow(RangeError);
  });
});

describe("reporting periods (NĐ 09/2019 cut-offs)", () => {
  it("cuts six months at 15/12 of the previous year – 14/6 and the year at 15/12 – 14/12", () => {
    expect(reportingPeriod("2024-H1")).toMatchObject({
      start: "2023-12-15",
      end: "2024-06-14",
      label: "6 tháng đầu năm 2024",
    });
    expect(reportingPeriod("2024")).toMatchObject({
      start: "2023-12-15",
      end: "2024-12-14",
      label: "Năm 2024",
    });
    expect(reportingPeriod("2024-H2")).toMatchObject({ start: "2024-06-15", end: "2024-12-14" });
    expect(reportingPeriod("2024-Q1")).toMatchObject({
      start: "2023-12-15",
      end: "2024-03-14",
      label: "Quý I/2024",
    });
    expect(reportingPeriod("2024-Q2")).toMatchObject({
      start: "2024-03-15",
      end: "2024-06-14",
      label: "Quý II/2024",
    });
  });

  it("is configurable: calendar quarters, report due N working days after the cut-off", () => {
    expect(reportingPeriod("2024-Q2", CALENDAR_REPORTING_RULES)).toMatchObject({
      start: "2024-04-01",
      end: "2024-06-30",
    });
    const rules = { ...ND09_REPORTING_RULES, reportDueWorkingDays: 3 };
    // H1/2025 is cut on Saturday 14/6/2025; 3 working days later is Wednesday 18/6.
    expect(reportingPeriod("2025-H1", rules, DEFAULT_VIETNAM_HOLIDAYS).reportDue).toBe("2025-06-18");
    expect(() => reportingPeriod("2024-Q5")).toThrow(RangeError);
  });

  it("lists a year's periods in order of cut-off", () => {
    expect(reportingPeriods({ year: 2024 }).map((p) => p.key)).toEqual([
      "2024-Q1",
      "2024-Q2",
      "2024-H1",
      "2024-Q3",
      "2024-Q4",
      "2024-H2",
      "2024",
    ]);
    expect(reportingPeriods({ year: 2024, kinds: ["half", "year"] }).map((p) => p.key)).toEqual([
      "2024-H1",
      "2024-H2",
      "2024",
    ]);
  });
});

describe("summarizeStatuses", () => {
  const tasks = [
    {
      lead: ["Phạm Văn Tuấn", "Đào Văn Hoàn"],
      directing: "Đào Khánh Hà",
      task: buildTask({ kind: "period", end: "2024-03-31" }, [], { id: "1" }),
    },
    {
      lead: ["Phạm Văn Tuấn"],
      directing: "Hoàng Minh Cường",
      task: buildTask({ kind: "period", end: "2024-06-30" }, [buildCheckIn("2024-05-01")], { id: "2" }),
    },
    {
      lead: ["Trần Thị Hoàng Mai"],
      directing: "Hoàng Minh Cường",
      task: buildTask({ kind: "period", end: "2024-06-30" }, [completion("2024-06-01", "2024-06-03")], {
        id: "3",
      }),
    },
    { lead: [], directing: "Đào Khánh Hà", task: buildTask({ kind: "as_directed" }, [], { id: "4" }) },
  ];
  const results = computeStatuses(
    tasks.map((t) => t.task),
    "2024-08-15",
  );

  it("counts by status, overdue age and any grouping key", () => {
    const s = summarizeStatuses(results, {
      groupBy: { lead: (_, i) => tasks[i]?.lead, directing: (_, i) => tasks[i]?.directing },
    });
    expect(s.total).toBe(4);
    expect(s.byStatus).toMatchObject({
      overdue: 2,
      completed_on_time: 1,
      awaiting_due_date: 1,
      completed_late: 0,
    });
    expect(s.overdueByBucket).toEqual({ up_to_30: 0, "31_to_90": 1, "91_to_120": 0, over_120: 1 });
    expect(s.groups.lead?.["Phạm Văn Tuấn"]?.byStatus.overdue).toBe(2);
    expect(s.groups.lead?.["Đào Văn Hoàn"]?.total).toBe(1);
    expect(s.groups.directing?.["Hoàng Minh Cường"]).toMatchObject({ total: 2 });
  });

  it("gives statistics-table rows with percentages", () => {
    const rows = statusRows(summarizeStatuses(results));
    expect(rows).toEqual([
      { status: "completed_on_time", label: "Đã hoàn thành đúng hạn", count: 1, percent: 25 },
      { status: "overdue", label: "Chưa hoàn thành, quá hạn", count: 2, percent: 50 },
      {
        status: "awaiting_due_date",
        label: "Chờ xác định thời hạn (theo chỉ đạo, kế hoạch)",
        count: 1,
        percent: 25,
      },
    ]);
    expect(statusRows(summarizeStatuses([]), { includeEmpty: true })).toHaveLength(8);
  });
});

describe("updateSummary", () => {
  const tasks = [
    buildTask({ kind: "deadline", end: "2024-03-31" }, [], { id: "a" }),
    buildTask({ kind: "deadline", end: "2024-03-31" }, [], { id: "b" }),
    buildTask({ kind: "as_directed" }, [], { id: "c" }),
  ];
  const leads = [["Sở Ngoại vụ"], ["Sở Ngoại vụ", "Sở Ngoại vụ"], ["Công an thành phố"]];
  const groupBy = { lead: (_: unknown, i: number) => leads[i] };

  it("gives what summarizing the new results afresh gives, leaving the input untouched", () => {
    const before = computeStatuses(tasks, "2024-06-14");
    const done = completion("2024-03-20", "2024-03-25", "2024-03-20");
    const changed = [
      buildTask({ kind: "deadline", end: "2024-03-31" }, [done], { id: "a" }),
      tasks[1],
      buildTask({ kind: "as_directed" }, [done], { id: "c" }),
    ] as typeof tasks;
    const after = computeStatuses(changed, "2024-06-14");
    const summary = summarizeStatuses(before, { groupBy });
    const updated = updateSummary(
      summary,
      {
        indices: [0, 2],
        before: [before[0], before[2]] as typeof before,
        after: [after[0], after[2]] as typeof after,
      },
      { groupBy },
    );
    expect(updated).toEqual(summarizeStatuses(after, { groupBy }));
    expect(updated.byStatus.completed_on_time).toBe(2);
    expect(summary.byStatus.completed_on_time).toBe(0);

    // A task named twice under one key counts once there.
    expect(updated.groups.lead?.["Sở Ngoại vụ"]?.total).toBe(2);
  });
});
