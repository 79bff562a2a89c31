/**
 * Days in Viet Nam (Asia/Ho_Chi_Minh, UTC+07:00 without daylight saving since 1975) of stored timestamps, for
 * the server and the web app alike: an official's "today" and a report's period are Vietnamese days, while
 * timestamps are stored in UTC.
 */

const OFFSET_MS = 7 * 3_600_000;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The Asia/Ho_Chi_Minh date of an ISO date or timestamp. Dates pass through; timestamps written
 * with `+07:00` or without an offset (taken as local time) are cut; any other offset is converted.
 *
 * @example hoChiMinhDateOf("2024-06-14T20:00:00Z") // "2024-06-15"
 */
export function hoChiMinhDateOf(value: string): string {
  if (value.length === 10) return value;
  if (value.endsWith("+07:00") || !HAS_OFFSET.test(value)) return value.slice(0, 10);
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`Invalid date or timestamp: "${value}"`);
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}
