/**
 * When an event happens in a range of days, and which anniversary each occurrence is.
 *
 * A yearly event recurs on its solar day, or on its lunar day for lunar events (Giỗ Tổ 10/3 âm lịch):
 * - 29 February falls on 28 February in common years;
 * - a lunar event fixed in a leap month recurs in the ordinary month of that number in years without
 *   that leap month, and day 30 of a month falls on day 29 when the month has 29 days (the custom for
 *   anniversaries, giỗ, that fall on a missing day).
 * The anniversary number counts years since `originYear` (the commemorated year); every fifth is a
 * round anniversary (năm tròn), the ones that need a communication plan.
 */
import {
  type IsoDay,
  type LunarDate,
  lunarToSolar,
  solarToLunar,
} from "../../shared/calendar/lunar-calendar.js";

/** What the expansion needs of an event. */
export interface EventTiming {
  /** First (or only) day of the event, solar. */
  startDate: IsoDay;
  /** Last day, solar; equal to startDate for a one-day event. */
  endDate: IsoDay;
  calendar: "solar" | "lunar";
  /** The lunar date of startDate, for lunar events. */
  lunar: LunarDate | null;
  recurrence: "none" | "yearly";
  /** Year of the commemorated event (e.g. 1955 for 13/5/1955), for anniversary numbers. */
  originYear: number | null;
}

export interface Occurrence {
  startDate: IsoDay;
  endDate: IsoDay;
  /** Years since originYear (null without one, or before it). */
  anniversary: number | null;
  /** A multiple of 5 years. */
  isRoundAnniversary: boolean;
}

/** Occurrences of an event that overlap [from, to] (inclusive, solar), in date order. */
export function occurrencesBetween(event: EventTiming, from: IsoDay, to: IsoDay): Occurrence[] {
  const length = daysBetween(event.startDate, event.endDate);
  if (event.recurrence === "none") {
    return overlaps(event.startDate, event.endDate, from, to)
      ? [occurrence(event, event.startDate, length)]
      : [];
  }
  const out: Occurrence[] = [];
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  // A lunar year's days can fall in the next solar year (a December lunar date in January), and a long
  // event started the year before can still run into the range.
  for (let year = fromYear - 1; year <= toYear; year++) {
    const start =
      event.calendar === "lunar" && event.lunar
        ? lunarDayIn(event.lunar, year)
        : solarDayIn(event.startDate, year);
    if (!start || start < event.startDate) continue;
    const end = addDays(start, length);
    if (overlaps(start, end, from, to)) out.push(occurrence(event, start, length));
  }
  return out;
}

/** The solar day of a yearly event's month and day in `year` (29/2 → 28/2 in common years). */
function solarDayIn(origin: IsoDay, year: number): IsoDay {
  const monthDay = origin.slice(5);
  if (monthDay === "02-29" && !isLeapYear(year)) return `${pad4(year)}-02-28`;
  return `${pad4(year)}-${monthDay}`;
}

/** The solar day of a lunar month and day in lunar year `year`, falling back as the custom does. */
function lunarDayIn(origin: LunarDate, year: number): IsoDay | null {
  const tries: LunarDate[] = [
    { year, month: origin.month, day: origin.day, leap: origin.leap },
    { year, month: origin.month, day: origin.day, leap: false },
    { year, month: origin.month, day: Math.min(origin.day, 29), leap: false },
  ];
  for (const date of tries) {
    const result = lunarToSolar(date);
    if (result.ok) return result.solar;
  }
  return null;
}

function occurrence(event: EventTiming, start: IsoDay, length: number): Occurrence {
  const year =
    event.calendar === "lunar" && event.lunar ? solarToLunar(start).year : Number(start.slice(0, 4));
  const anniversary = event.originYear !== null && year > event.originYear ? year - event.originYear : null;
  return {
    startDate: start,
    endDate: addDays(start, length),
    anniversary,
    isRoundAnniversary: anniversary !== null && anniversary % 5 === 0,
  };
}

const overlaps = (start: IsoDay, end: IsoDay, from: IsoDay, to: IsoDay) => start <= to && end >= from;

const DAY_MS = 86_400_000;
const utc = (day: IsoDay) => Date.parse(`${day}T00:00:00Z`);

/** Whole days from a to b. */
export function daysBetween(a: IsoDay, b: IsoDay): number {
  return Math.round((utc(b) - utc(a)) / DAY_MS);
}

/** The day n days after (or before, for negative n) a day. */
export function addDays(day: IsoDay, n: number): IsoDay {
  return new Date(utc(day) + n * DAY_MS).toISOString().slice(0, 10);
}

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad4 = (n: number) => String(n).padStart(4, "0");
