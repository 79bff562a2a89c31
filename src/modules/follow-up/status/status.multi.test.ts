import { describe, expect, it } from "vitest";
import { DEFAULT_VIETNAM_HOLIDAYS } from "../calendar/calendar.holidays.js";
import { computeStatuses, computeStatusesAt } from "./status.engine.js";
import { reportingPeriods } from "./status.periods.js";
import { buildCheckIn, buildTask, completion } from "./status.test-helpers.js";
import type { CheckIn, FollowUpTask, OngoingTaskStatus, TaskTimeframe } from "./status.types.js";

let seed = 7;
function rand(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
const day = (offset: number) =>
  new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const keys = [2024, 2025].flatMap((year) => reportingPeriods({ year, kinds: ["quarter"] }).map((p) => p.key));

const TIMEFRAMES: TaskTimeframe[] = [
  { kind: "period", start: "2024-04-01", end: "2024-06-30" },
  {
    kind: "period",
    start: "2024-01-01",
    end: "2024-12-31",
    milestones: [{ due: "2024-06-30" }, { due: "2024-12-31" }],
  },
  { kind: "ongoing", start: "2024-01-01", end: "2025-12-31" },
  { kind: "as_directed" },
  { kind: "deadline", end: "2024-09-15" },
];

/** Random tasks whose check-ins share submission days (ties), carry milestone tags and decisions. */
function randomTasks(n: number): FollowUpTask[] {
  return Array.from({ length: n }, (_, i) => {
    const checkIns: CheckIn[] = Array.from({ length: Math.floor(rand() * 8) }, () => {
      const submitted = Math.floor(rand() * 60) * 10;
      const r = rand();
      return buildCheckIn(rand() < 0.5 ? day(submitted) : `${day(submitted)}T20:00:00Z`, {
        period: keys[Math.floor(rand() * keys.length)] as string,
        progress: Math.floor(rand() * 101),
        reportedComplete: r < 0.4,
        completedOn: r < 0.2 ? day(submitted) : null,
        milestone: r < 0.1 ? "2024-06-30" : null,
        confirmation:
          r < 0.3
            ? { state: "confirmed", at: day(submitted + 5) }
            : r < 0.4
              ? { state: "returned", at: `${day(submitted + 3)}T01:00:00Z`, reason: "Thiếu" }
              : { state: "pending" },
      });
    });
    const timeframe = TIMEFRAMES[i % TIMEFRAMES.length] as TaskTimeframe;
    const dueDates = i % 10 === 3 ? [{ due: day(200), directive: "CV 45" }] : [];
    return buildTask(timeframe, checkIns, { id: `T${i}`, dueDates });
  });
}

describe("computeStatusesAt", () => {
  const tasks = randomTasks(400);
  const cutoffs = ["2024-03-14", "2024-06-30", "2024-07-01", "2024-12-31", "2025-03-31", "2025-12-14"];

  it("gives, for every cut-off, exactly what computeStatuses gives as of that date", () => {
    const periods = [2024, 2025].flatMap((year) => reportingPeriods({ year, kinds: ["quarter"] }));
    const all = computeStatusesAt(tasks, cutoffs, { periods });
    cutoffs.forEach((asOf, k) => {
      expect(all[k]).toEqual(computeStatuses(tasks, asOf, { periods }));
    });
  });

  it("agrees with the default periods of each as-of year and with working-day counting", () => {
    const options = { dayCount: "working" as const, holidays: DEFAULT_VIETNAM_HOLIDAYS };
    const all = computeStatusesAt(tasks, cutoffs, options);
    cutoffs.forEach((asOf, k) => {
      expect(all[k]).toEqual(computeStatuses(tasks, asOf, options));
    });
  });

  it("follows an ongoing task reported late in one quarter and returned in the next", () => {
    const task = buildTask({ kind: "ongoing", start: "2024-01-01", end: "2024-12-31" }, [
      buildCheckIn("2024-07-02", { period: "2024-Q2" }),
      completion("2024-09-20", "2024-09-25", null, { period: "2024-Q3", reportedComplete: false }),
      buildCheckIn("2024-12-20", {
        period: "2024-Q4",
        confirmation: { state: "returned", at: "2024-12-22", reason: "Thiếu số liệu" },
      }),
    ]);
    const periods = reportingPeriods({ year: 2024, kinds: ["quarter"] });
    const [june, july, dec] = computeStatusesAt([task], ["2024-06-30", "2024-07-05", "2025-01-05"], {
      periods,
    }).map((r) => r[0] as OngoingTaskStatus);
    expect(june?.status).toBe("ongoing_not_reported");
    expect(july?.status).toBe("ongoing_reported");
    expect(july?.periods.find((p) => p.period === "2024-Q2")?.isReportedLate).toBe(true);
    expect(dec?.status).toBe("ongoing_not_reported");
    expect(dec?.periods.map((p) => p.state)).toEqual([
      "not_reported",
      "reported",
      "reported",
      "not_reported",
    ]);
  });
});
