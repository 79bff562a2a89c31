import { formatQuarter } from "../../../shared/text/vi-format.js";
import { endOfMonth, type IsoDate, isoDateOf } from "../calendar/calendar.dates.js";
import type { CalendarDay } from "../calendar/calendar.holidays.js";
import { addWorkingDays, type HolidaysInput } from "../calendar/calendar.working-days.js";

/** Kinds of reporting period in which follow-up results are published. */
export type PeriodKind = "quarter" | "half" | "year";

/** One reporting period: the window of facts it counts and when its report is due. */
export interface ReportingPeriod {
  /** "2024-Q2", "2024-H1", "2024". */
  key: string;
  kind: PeriodKind;
  year: number;
  /** Vietnamese label: "Quý II/2024", "6 tháng đầu năm 2024", "Năm 2024". */
  label: string;
  /** First day counted (the day after the previous cut-off). */
  start: IsoDate;
  /** Cut-off: last day counted (*ngày chốt số liệu*). */
  end: IsoDate;
  /** From the day after this date, an ongoing task without a report for the period is "not reported". */
  reportDue: IsoDate;
}

/** How periods are cut. */
export interface ReportingPeriodRules {
  /**
   * Day of the month on which each kind's data is cut (*chốt số liệu*): the window runs from the day
   * after the cut-off day of the month before the period to the cut-off day of its last month.
   * `null` uses calendar periods (1/4 – 30/6).
   */
  cutoffDay: Readonly<Record<PeriodKind, number | null>>;
  /** Working days after the cut-off by which a period's report is due (0: on the cut-off day). */
  reportDueWorkingDays: number;
}

/**
 * Defaults from Nghị định 09/2019/NĐ-CP, Điều 12: quarter Q2 = 15/3 – 14/6; six months = 15/12 of
 * the previous year – 14/6; year = 15/12 of the previous year – 14/12. Configurable per committee.
 */
export const ND09_REPORTING_RULES: ReportingPeriodRules = {
  cutoffDay: { quarter: 14, half: 14, year: 14 },
  reportDueWorkingDays: 0,
};

/** Calendar periods without cut-offs (quarters end 31/3, 30/6…). */
export const CALENDAR_REPORTING_RULES: ReportingPeriodRules = {
  cutoffDay: { quarter: null, half: null, year: null },
  reportDueWorkingDays: 0,
};

const KEY = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/;

/**
 * The period named by a key: "2024-Q2", "2024-H1", "2024-H2" or "2024".
 *
 * @example reportingPeriod("2024-H1").start // "2023-12-15" under NĐ 09 rules
 */
export function reportingPeriod(
  key: string,
  rules: ReportingPeriodRules = ND09_REPORTING_RULES,
  holidays: HolidaysInput = [] as readonly CalendarDay[],
): ReportingPeriod {
  const m = KEY.exec(key);
  if (!m) throw new RangeError(`Unknown reporting period "${key}" (expected 2024-Q2, 2024-H1 or 2024)`);
  const year = Number(m[1]);
  const part = m[2];
  if (!part) return build(key, "year", year, 1, 12, `Năm ${year}`, rules, holidays);
  const n = Number(part.slice(1));
  if (part[0] === "Q") {
    return build(key, "quarter", year, n * 3 - 2, n * 3, formatQuarter(year, n), rules, holidays);
  }
  const label = n === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  return build(key, "half", year, n * 6 - 5, n * 6, label, rules, holidays);
}

/**
 * The periods of a year, in order of cut-off: Q1, Q2, H1, Q3, Q4, H2, year (filtered by `kinds`).
 */
export function reportingPeriods(options: {
  year: number;
  kinds?: readonly PeriodKind[];
  rules?: ReportingPeriodRules;
  holidays?: HolidaysInput;
}): ReportingPeriod[] {
  const kinds = options.kinds ?? ["quarter", "half", "year"];
  const keys = ["Q1", "Q2", "H1", "Q3", "Q4", "H2", ""];
  return keys
    .filter((k) => kinds.includes(k === "" ? "year" : k[0] === "Q" ? "quarter" : "half"))
    .map((k) =>
      reportingPeriod(k ? `${options.year}-${k}` : String(options.year), options.rules, options.holidays),
    );
}

function build(
  key: string,
  kind: PeriodKind,
  year: number,
  firstMonth: number,
  lastMonth: number,
  label: string,
  rules: ReportingPeriodRules,
  holidays: HolidaysInput,
): ReportingPeriod {
  const cutoff = rules.cutoffDay[kind];
  let start: IsoDate;
  let end: IsoDate;
  if (cutoff === null) {
    start = isoDateOf(year, firstMonth, 1);
    end = endOfMonth(year, lastMonth);
  } else {
    // Windows of a half-year and a year both open after the previous December's cut-off (NĐ 09).
    const openMonth = kind === "quarter" ? firstMonth - 1 : kind === "half" ? firstMonth - 1 : 0;
    start =
      openMonth <= 0
        ? isoDateOf(year - 1, 12 + openMonth, cutoff + 1)
        : isoDateOf(year, openMonth, cutoff + 1);
    end = isoDateOf(year, lastMonth, cutoff);
  }
  const reportDue =
    rules.reportDueWorkingDays > 0 ? addWorkingDays(end, rules.reportDueWorkingDays, holidays) : end;
  return { key, kind, year, label, start, end, reportDue };
}
