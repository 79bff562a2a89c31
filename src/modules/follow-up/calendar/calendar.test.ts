import { describe, expect, it } from "vitest";
import {
  fixedClock,
  hoChiMinhDateOf,
  hoChiMinhDayStart,
  nowInHoChiMinh,
  todayInHoChiMinh,
} from "./calendar.clock.js";
import { addDays, daysBetween, fromDayNumber, isIsoDate, toDayNumber } from "./calendar.dates.js";
import { type CalendarDay, DEFAULT_VIETNAM_HOLIDAYS } from "./calendar.holidays.js";
import {
  addWorkingDays,
  isWorkingDay,
  workingCalendar,
  workingDaysBetween,
} from "./calendar.working-days.js";

const VN = DEFAULT_VIETNAM_HOLIDAYS;

describe("ISO dates", () => {
  it("round-trips day numbers across leap years and centuries", () => {
    for (const d of ["1970-01-01", "2000-02-29", "2024-02-29", "2024-12-31", "2100-03-01", "1969-12-31"]) {
      expect(fromDayNumber(toDayNumber(d))).toBe(d);
    }
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(daysBetween("2024-06-30", "2024-12-31")).toBe(184);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
  });

  it("validates real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-13-01")).toBe(false);
    expect(isIsoDate("13/3/2024")).toBe(false);
  });
});

describe("working days", () => {
  it("skips weekends and Vietnamese public holidays", () => {
    expect(isWorkingDay("2024-06-14", VN)).toBe(true); // Friday
    expect(isWorkingDay("2024-06-15", VN)).toBe(false); // Saturday
    expect(isWorkingDay("2024-04-30", VN)).toBe(false); // 30/4
    expect(isWorkingDay("2024-04-18", VN)).toBe(false); // Giỗ Tổ Hùng Vương 2024
    expect(isWorkingDay("2024-02-12", VN)).toBe(false); // Tết Giáp Thìn, Monday
    expect(isWorkingDay("2024-09-03", VN)).toBe(false); // Quốc khánh, adjacent day
    expect(isWorkingDay("2025-01-01", VN)).toBe(false);
  });

  it("treats make-up Saturdays as working days", () => {
    expect(isWorkingDay("2024-05-04", VN)).toBe(true);
    expect(isWorkingDay("2024-05-04", [])).toBe(false);
    expect(isWorkingDay("2024-04-29", VN)).toBe(false); // the Monday swapped off
  });

  it("adds working days forward across the 30/4 – 1/5 break", () => {
    // Fri 26/4/2024 + 1 → Mon 29/4 off, Tue 30/4 and Wed 1/5 holidays → Thu 2/5.
    expect(addWorkingDays("2024-04-26", 1, VN)).toBe("2024-05-02");
    expect(addWorkingDays("2024-04-26", 1, [])).toBe("2024-04-29");
    expect(addWorkingDays("2024-06-14", 5, VN)).toBe("2024-06-21");
    expect(addWorkingDays("2024-06-14", 0, VN)).toBe("2024-06-14");
  });

  it("counts N working days before a date (negative n)", () => {
    expect(addWorkingDays("2024-06-17", -1, VN)).toBe("2024-06-14"); // Monday → previous Friday
    expect(addWorkingDays("2024-02-15", -1, VN)).toBe("2024-02-07"); // before Tết Giáp Thìn
    expect(addWorkingDays("2024-05-06", -2, VN)).toBe("2024-05-03"); // Sat 4/5 is a make-up day
  });

  it("counts working days between two dates, exclusive of the start", () => {
    expect(workingDaysBetween("2024-06-14", "2024-06-17", VN)).toBe(1);
    expect(workingDaysBetween("2024-06-17", "2024-06-14", VN)).toBe(-1);
    expect(workingDaysBetween("2024-06-14", "2024-06-14", VN)).toBe(0);
    // June 2024 has 20 weekdays and no holidays.
    expect(workingDaysBetween("2024-05-31", "2024-06-30", VN)).toBe(20);
    // 8/2 – 14/2/2024 Tết: Feb 2024 has 21 weekdays, 5 of them Tết.
    expect(workingDaysBetween("2024-01-31", "2024-02-29", VN)).toBe(16);
    // Agrees with addWorkingDays over a long span with holidays and a make-up day.
    const end = addWorkingDays("2024-01-02", 250, VN);
    expect(workingDaysBetween("2024-01-02", end, VN)).toBe(250);
  });

  it("uses holidays as editable data", () => {
    const custom: CalendarDay[] = [{ date: "2024-06-17", name: "Nghỉ đột xuất" }];
    expect(addWorkingDays("2024-06-14", 1, custom)).toBe("2024-06-18");
    expect(addWorkingDays("2024-06-14", 1, workingCalendar(custom))).toBe("2024-06-18");
    expect(() => workingCalendar([{ date: "2024-02-30", name: "x" }])).toThrow(RangeError);
  });

  it("ships a default list covering 2024–2026 with names", () => {
    const years = new Set(VN.map((d) => d.date.slice(0, 4)));
    expect([...years].sort()).toEqual(["2024", "2025", "2026"]);
    for (const y of ["2024", "2025", "2026"]) {
      const names = VN.filter((d) => d.date.startsWith(y)).map((d) => d.name);
      for (const n of [
        "Tết Dương lịch",
        "Tết Nguyên đán",
        "Giỗ Tổ Hùng Vương",
        "30/4",
        "1/5",
        "Quốc khánh",
      ]) {
        expect(
          names.some((x) => x.includes(n)),
          `${y}: ${n}`,
        ).toBe(true);
      }
    }
  });
});

describe("Asia/Ho_Chi_Minh clock", () => {
  it("gives the local date from an injected clock", () => {
    expect(todayInHoChiMinh(fixedClock("2024-06-14T16:59:59Z"))).toBe("2024-06-14");
    expect(todayInHoChiMinh(fixedClock("2024-06-14T17:00:00Z"))).toBe("2024-06-15");
    expect(nowInHoChiMinh(fixedClock("2024-06-14T02:30:00Z"))).toEqual({
      date: "2024-06-14",
      time: "09:30:00",
      iso: "2024-06-14T09:30:00+07:00",
    });
  });

  it("reads dates from timestamps in any offset", () => {
    expect(hoChiMinhDateOf("2024-06-14")).toBe("2024-06-14");
    expect(hoChiMinhDateOf("2024-06-14T23:00:00+07:00")).toBe("2024-06-14");
    expect(hoChiMinhDateOf("2024-06-14T20:00:00Z")).toBe("2024-06-15");
    expect(hoChiMinhDateOf("2024-06-14T10:00:00")).toBe("2024-06-14");
  });

  it("gives the UTC instant at which a day in Viet Nam begins, the inverse of reading a day", () => {
    expect(hoChiMinhDayStart("2024-06-15")).toBe("2024-06-14T17:00:00.000Z");
    expect(hoChiMinhDateOf(hoChiMinhDayStart("2024-01-01"))).toBe("2024-01-01");
    expect(hoChiMinhDateOf(new Date(Date.parse(hoChiMinhDayStart("2024-01-01")) - 1).toISOString())).toBe(
      "2023-12-31",
    );
    expect(() => hoChiMinhDayStart("15/06/2024")).toThrow(RangeError);
  });
});
