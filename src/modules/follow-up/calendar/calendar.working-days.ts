import { assertIsoDate, dayOfWeekOf, fromDayNumber, type IsoDate, toDayNumber } from "./calendar.dates.js";
import type { CalendarDay } from "./calendar.holidays.js";

/**
 * The holiday list prepared for fast look-ups. Build it once (`workingCalendar(list)`) and pass it
 * to the functions below; passing the raw list also works but re-indexes it on every call.
 */
export interface WorkingCalendar {
  /** Day numbers of days off (weekdays or weekend days). */
  readonly daysOff: ReadonlySet<number>;
  /** Day numbers of weekend days that are working days (ngày làm bù). */
  readonly makeupDays: ReadonlySet<number>;
}

/** What the working-day functions accept: a prepared calendar or the editable list itself. */
export type HolidaysInput = WorkingCalendar | readonly CalendarDay[];

const prepared = new WeakMap<readonly CalendarDay[], WorkingCalendar>();

/** Indexes a holiday list; validates every date. */
export function workingCalendar(days: readonly CalendarDay[]): WorkingCalendar {
  const daysOff = new Set<number>();
  const makeupDays = new Set<number>();
  for (const d of days) {
    assertIsoDate(d.date, `holiday date (${d.name})`);
    (d.kind === "makeup_working_day" ? makeupDays : daysOff).add(toDayNumber(d.date));
  }
  return { daysOff, makeupDays };
}

function resolve(holidays: HolidaysInput): WorkingCalendar {
  if (!Array.isArray(holidays)) return holidays as WorkingCalendar;
  const list = holidays as readonly CalendarDay[];
  let cal = prepared.get(list);
  if (!cal) {
    cal = workingCalendar(list);
    prepared.set(list, cal);
  }
  return cal;
}

/** Whether a day number is a working day under a prepared calendar (allocation-free). */
export function isWorkingDayNumber(dayNumber: number, cal: WorkingCalendar): boolean {
  if (cal.daysOff.has(dayNumber)) return false;
  const dow = dayOfWeekOf(dayNumber);
  if (dow === 0 || dow === 6) return cal.makeupDays.has(dayNumber);
  return true;
}

/**
 * Whether `date` is a working day: Monday–Friday and not a holiday, or a make-up Saturday/Sunday.
 *
 * @example isWorkingDay("2024-04-30", DEFAULT_VIETNAM_HOLIDAYS) // false — Ngày Chiến thắng
 */
export function isWorkingDay(date: IsoDate, holidays: HolidaysInput): boolean {
  assertIsoDate(date);
  return isWorkingDayNumber(toDayNumber(date), resolve(holidays));
}

/**
 * The date `n` working days after `date` (`n < 0`: before). The start date itself is never counted,
 * so "5 working days after Friday" skips the weekend; `n = 0` returns `date` unchanged.
 *
 * @example addWorkingDays("2024-04-26", 1, DEFAULT_VIETNAM_HOLIDAYS) // "2024-05-02"
 * @example addWorkingDays("2024-06-14", -3, []) // "2024-06-11" — "3 ngày làm việc trước"
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: HolidaysInput): IsoDate {
  assertIsoDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer, got ${n}`);
  const cal = resolve(holidays);
  let day = toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  while (remaining > 0) {
    day += step;
    if (isWorkingDayNumber(day, cal)) remaining--;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `from` up to and including `to` (negative when `to` is earlier), i.e. the `n`
 * for which `addWorkingDays(from, n)` reaches `to` when `to` is itself a working day.
 *
 * @example workingDaysBetween("2024-06-14", "2024-06-17", []) // 1 (Fri → Mon)
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: HolidaysInput): number {
  assertIsoDate(from);
  assertIsoDate(to);
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (a === b) return 0;
  return b > a
    ? countWorkingDays(a + 1, b, resolve(holidays))
    : -countWorkingDays(b + 1, a, resolve(holidays));
}

/** Working days in the inclusive day-number range [first, last]. */
export function countWorkingDays(first: number, last: number, cal: WorkingCalendar): number {
  if (last < first) return 0;
  const total = last - first + 1;
  // Whole weeks hold exactly five Monday–Friday days; only the remainder needs a walk.
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  for (let d = first + weeks * 7; d <= last; d++) {
    const dow = dayOfWeekOf(d);
    if (dow !== 0 && dow !== 6) count++;
  }
  for (const off of cal.daysOff) {
    if (off >= first && off <= last) {
      const dow = dayOfWeekOf(off);
      if (dow !== 0 && dow !== 6) count--;
    }
  }
  for (const extra of cal.makeupDays) {
    if (extra >= first && extra <= last && !cal.daysOff.has(extra)) {
      const dow = dayOfWeekOf(extra);
      if (dow === 0 || dow === 6) count++;
    }
  }
  return count;
}
