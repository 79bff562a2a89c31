import { describe, expect, it } from "vitest";
import {
  leapMonthOf,
  lunarMonthLength,
  lunarToSolar,
  lunarYearName,
  solarToLunar,
} from "../../shared/calendar/lunar-calendar.js";

// Checked against the published Vietnamese calendars (lịch Vạn niên of the Vietnamese almanacs, the
// government's holiday announcements) — NOT the Chinese calendar, which differs in the years marked.
describe("Vietnamese lunar calendar (UTC+7)", () => {
  it.each([
    ["1968-01-29", "Mậu Thân", "Tết 1968 — Chinese calendar: 1968-01-30"],
    ["1985-01-21", "Ất Sửu", "Tết 1985 — Chinese calendar: 1985-02-20, a whole month later"],
    ["2007-02-17", "Đinh Hợi", "Tết 2007 — Chinese calendar: 2007-02-18"],
    ["2023-01-22", "Quý Mão", "Tết 2023"],
    ["2024-02-10", "Giáp Thìn", "Tết 2024"],
    ["2025-01-29", "Ất Tỵ", "Tết 2025"],
    ["2026-02-17", "Bính Ngọ", "Tết 2026"],
  ])("%s is Tết (1/1) of %s (%s)", (solar, yearName) => {
    const lunar = solarToLunar(solar);
    expect(lunar).toMatchObject({ month: 1, day: 1, leap: false });
    expect(lunarYearName(lunar.year)).toBe(yearName);
    expect(lunarToSolar(lunar)).toEqual({ ok: true, solar });
  });

  it("puts the day before the Vietnamese Tết in the old year, where the Chinese calendar already has Tết", () => {
    expect(solarToLunar("2007-02-16")).toEqual({ year: 2006, month: 12, day: 29, leap: false });
    expect(solarToLunar("1968-01-28")).toMatchObject({ year: 1967, month: 12 });
  });

  it.each([
    [1985, 2, "Vietnam: tháng 2 nhuận Ất Sửu (China: leap 10 of 1984)"],
    [2017, 6, ""],
    [2020, 4, ""],
    [2023, 2, ""],
    [2025, 6, ""],
    [2028, 5, ""],
    [2033, 11, "the 2033 problem: leap month 11"],
  ])("year %i has leap month %i %s", (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it("knows years without a leap month", () => {
    for (const year of [1984, 2018, 2019, 2021, 2022, 2024, 2026]) expect(leapMonthOf(year)).toBeNull();
  });

  it.each([
    ["2023-03-22", { year: 2023, month: 2, day: 1, leap: true }],
    ["2025-07-25", { year: 2025, month: 6, day: 1, leap: true }],
    ["2025-08-22", { year: 2025, month: 6, day: 29, leap: true }],
    ["2025-08-23", { year: 2025, month: 7, day: 1, leap: false }],
  ])("%s is in the leap month", (solar, lunar) => {
    expect(solarToLunar(solar)).toEqual(lunar);
    expect(lunarToSolar(lunar)).toEqual({ ok: true, solar });
  });

  it("matches the holidays announced on lunar dates (Giỗ Tổ 10/3, Trung thu 15/8)", () => {
    const gioTo = [2024, 2025, 2026].map((year) => lunarToSolar({ year, month: 3, day: 10, leap: false }));
    expect(gioTo).toEqual([
      { ok: true, solar: "2024-04-18" },
      { ok: true, solar: "2025-04-07" },
      { ok: true, solar: "2026-04-26" },
    ]);
    expect(lunarToSolar({ year: 2024, month: 8, day: 15, leap: false })).toEqual({
      ok: true,
      solar: "2024-09-17",
    });
    expect(lunarToSolar({ year: 2025, month: 8, day: 15, leap: false })).toEqual({
      ok: true,
      solar: "2025-10-06",
    });
  });

  it("refuses lunar dates that do not exist", () => {
    expect(lunarToSolar({ year: 2024, month: 6, day: 1, leap: true })).toEqual({
      ok: false,
      problem: "no_such_leap_month",
    });
    expect(lunarToSolar({ year: 2025, month: 5, day: 1, leap: true })).toEqual({
      ok: false,
      problem: "no_such_leap_month",
    });
    const shortMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find(
      (m) => lunarMonthLength(2025, m, false) === 29,
    );
    expect(shortMonth).toBeDefined();
    expect(lunarToSolar({ year: 2025, month: shortMonth as number, day: 30, leap: false })).toEqual({
      ok: false,
      problem: "day_out_of_month",
    });
    expect(lunarToSolar({ year: 2025, month: 13, day: 1, leap: false }).ok).toBe(false);
    expect(lunarToSolar({ year: 2025, month: 1, day: 0, leap: false }).ok).toBe(false);
    expect(() => solarToLunar("2025-02-30")).toThrow(RangeError);
  });

  it("round-trips every day from 1900 to 2100 and months are 29 or 30 days", () => {
    let t = Date.UTC(1900, 0, 1);
    const end = Date.UTC(2100, 11, 31);
    let previous = solarToLunar("1899-12-31");
    for (; t <= end; t += 86_400_000) {
      const solar = new Date(t).toISOString().slice(0, 10);
      const lunar = solarToLunar(solar);
      const back = lunarToSolar(lunar);
      if (!back.ok || back.solar !== solar)
        throw new Error(`${solar} → ${JSON.stringify(lunar)} → ${JSON.stringify(back)}`);
      if (lunar.day === 1 && !(previous.day === 29 || previous.day === 30)) {
        throw new Error(`month before ${solar} had ${previous.day} days`);
      }
      if (lunar.day !== 1 && lunar.day !== previous.day + 1) throw new Error(`day skipped at ${solar}`);
      previous = lunar;
    }
  });
});
