import {
  type IsoDay,
  type LunarDate,
  type LunarDateProblem,
  lunarToSolar,
  lunarYearName,
  solarToLunar,
} from "../../shared/calendar/lunar-calendar.js";
import { eventErrors } from "./events.errors.js";

/** The lunar date of a solar day as the API and the CLI give it. */
export interface LunarDay {
  solar: IsoDay;
  lunar: LunarDate;
  /** Can chi of the lunar year, e.g. "Ất Tỵ". */
  yearName: string;
}

/** Solar → lunar, with a typed error for a malformed or out-of-range day. */
export function lunarDayOf(solar: string): LunarDay {
  let lunar: LunarDate;
  try {
    lunar = solarToLunar(solar);
  } catch (err) {
    throw eventErrors.invalidSolarDate({ cause: err, meta: { solar } });
  }
  return { solar, lunar, yearName: lunarYearName(lunar.year) };
}

/** Lunar → solar, with a typed error that says why the lunar date does not exist. */
export function solarDayOf(lunar: LunarDate): IsoDay {
  const result = lunarToSolar(lunar);
  if (result.ok) return result.solar;
  const { vi, en } = problemText(lunar, result.problem);
  throw eventErrors.lunarDateNotFound({ vi, en, meta: { lunar, problem: result.problem } });
}

/** "29/6 nhuận Ất Tỵ" — how an official writes a lunar date. */
export function formatLunarVi(lunar: LunarDate): string {
  return `${lunar.day}/${lunar.month}${lunar.leap ? " nhuận" : ""} năm ${lunarYearName(lunar.year)}`;
}

function problemText(lunar: LunarDate, problem: LunarDateProblem): { vi: string; en: string } {
  const name = lunarYearName(lunar.year);
  switch (problem) {
    case "no_such_leap_month":
      return {
        vi: `Năm ${name} (${lunar.year}) không có tháng ${lunar.month} nhuận`,
        en: `Lunar year ${lunar.year} (${name}) has no leap month ${lunar.month}`,
      };
    case "day_out_of_month":
      return {
        vi: `Tháng ${lunar.month}${lunar.leap ? " nhuận" : ""} năm ${name} không có ngày ${lunar.day}`,
        en: `Lunar month ${lunar.month}${lunar.leap ? " (leap)" : ""} of ${lunar.year} has no day ${lunar.day}`,
      };
    case "out_of_range":
      return {
        vi: `Ngày âm lịch ${lunar.day}/${lunar.month}/${lunar.year} nằm ngoài phạm vi (tháng 1–12, năm 1800–2199)`,
        en: `Lunar date ${lunar.day}/${lunar.month}/${lunar.year} is out of range (months 1–12, years 1800–2199)`,
      };
  }
}
