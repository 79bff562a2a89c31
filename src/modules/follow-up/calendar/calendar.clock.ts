import type { IsoDate } from "./calendar.dates.js";

/** The day in Viet Nam of a stored timestamp; shared with the web app, which must read days the same way. */
export { hoChiMinhDateOf } from "../../../shared/calendar/vietnam-day.js";

/** Source of the current instant; inject a fixed clock in tests. */
export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `instant` (an ISO timestamp or a Date), for tests and replays. */
export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return { now: () => new Date(at.getTime()) };
}

/** The platform's time zone. */
export const HO_CHI_MINH_TIME_ZONE = "Asia/Ho_Chi_Minh";

// Vietnam has kept UTC+07:00 without daylight saving since 1975, so a fixed offset is exact for
// every date the platform handles and avoids Intl on hot paths.
const OFFSET_MS = 7 * 3_600_000;

/** Civil date-time in Asia/Ho_Chi_Minh. */
export interface HoChiMinhNow {
  /** `YYYY-MM-DD` */
  date: IsoDate;
  /** `HH:mm:ss` */
  time: string;
  /** ISO 8601 with offset, e.g. `2024-06-14T09:30:00+07:00`. */
  iso: string;
}

/** The current date and time in Asia/Ho_Chi_Minh. */
export function nowInHoChiMinh(clock: Clock = systemClock): HoChiMinhNow {
  return toHoChiMinh(clock.now());
}

/** Today's date in Asia/Ho_Chi_Minh, e.g. at 2024-06-14T18:00:00Z it is already `2024-06-15`. */
export function todayInHoChiMinh(clock: Clock = systemClock): IsoDate {
  return toHoChiMinh(clock.now()).date;
}

/** Converts an instant to Asia/Ho_Chi_Minh civil date and time. */
export function toHoChiMinh(instant: Date): HoChiMinhNow {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("Invalid instant");
  const local = new Date(t + OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ" shifted to +07
  const date = local.slice(0, 10);
  const time = local.slice(11, 19);
  return { date, time, iso: `${date}T${time}+07:00` };
}

/**
 * The instant (a UTC ISO timestamp, as stored) at which the Asia/Ho_Chi_Minh day `date` begins, for
 * comparing stored timestamps with a period of Vietnamese days: the day `[start(d), start(d + 1))`.
 *
 * @example hoChiMinhDayStart("2024-06-15") // "2024-06-14T17:00:00.000Z"
 */
export function hoChiMinhDayStart(date: IsoDate): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`Invalid date: "${date}"`);
  return new Date(t - OFFSET_MS).toISOString();
}
