import { describe, expect, it } from "vitest";
import { solarToLunar } from "../../shared/calendar/lunar-calendar.js";
import { type EventTiming, occurrencesBetween } from "./event-occurrences.js";

const solarYearly = (startDate: string, originYear: number | null, endDate = startDate): EventTiming => ({
  startDate,
  endDate,
  calendar: "solar",
  lunar: null,
  recurrence: "yearly",
  originYear,
});

describe("event occurrences", () => {
  it("numbers anniversaries and marks the round ones", () => {
    const liberation = solarYearly("1955-05-13", 1955);
    expect(occurrencesBetween(liberation, "2025-01-01", "2025-12-31")).toEqual([
      { startDate: "2025-05-13", endDate: "2025-05-13", anniversary: 70, isRoundAnniversary: true },
    ]);
    expect(occurrencesBetween(liberation, "2026-05-01", "2026-05-31")[0]).toMatchObject({
      anniversary: 71,
      isRoundAnniversary: false,
    });
    // Nothing before the event itself.
    expect(occurrencesBetween(liberation, "1950-01-01", "1954-12-31")).toEqual([]);
  });

  it("keeps 29 February on 28 February in common years", () => {
    const leapDay = solarYearly("2024-02-29", null);
    expect(occurrencesBetween(leapDay, "2025-01-01", "2028-12-31").map((o) => o.startDate)).toEqual([
      "2025-02-28",
      "2026-02-28",
      "2027-02-28",
      "2028-02-29",
    ]);
  });

  it("recurs a lunar event on its lunar day (Giỗ Tổ Hùng Vương, 10/3 âm lịch)", () => {
    const gioTo: EventTiming = {
      startDate: "2024-04-18",
      endDate: "2024-04-18",
      calendar: "lunar",
      lunar: solarToLunar("2024-04-18"),
      recurrence: "yearly",
      originYear: null,
    };
    expect(occurrencesBetween(gioTo, "2024-01-01", "2026-12-31").map((o) => o.startDate)).toEqual([
      "2024-04-18",
      "2025-04-07",
      "2026-04-26",
    ]);
  });

  it("moves a leap-month date to the ordinary month in years without that leap month", () => {
    const leapSix: EventTiming = {
      startDate: "2025-07-25",
      endDate: "2025-07-25",
      calendar: "lunar",
      lunar: { year: 2025, month: 6, day: 1, leap: true },
      recurrence: "yearly",
      originYear: 2025,
    };
    const [next] = occurrencesBetween(leapSix, "2026-01-01", "2026-12-31");
    expect(next).toBeDefined();
    expect(solarToLunar(next?.startDate ?? "")).toEqual({ year: 2026, month: 6, day: 1, leap: false });
    expect(next?.anniversary).toBe(1);
  });

  it("returns a multi-day event that overlaps the range, and a one-off only in its range", () => {
    const fair = solarYearly("2023-12-30", null, "2024-01-02");
    expect(occurrencesBetween(fair, "2025-01-01", "2025-01-31")).toEqual([
      { startDate: "2024-12-30", endDate: "2025-01-02", anniversary: null, isRoundAnniversary: false },
    ]);
    const once: EventTiming = { ...fair, recurrence: "none" };
    expect(occurrencesBetween(once, "2024-01-01", "2024-01-31")).toHaveLength(1);
    expect(occurrencesBetween(once, "2025-01-01", "2025-01-31")).toHaveLength(0);
  });
});
