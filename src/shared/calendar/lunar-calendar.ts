/**
 * The Vietnamese lunisolar calendar (âm lịch), computed for Vietnam's time zone (UTC+7).
 *
 * Why our own code: the Chinese calendar is computed for UTC+8, and a new moon that falls between
 * 23:00 and 24:00 Vietnamese time starts the month a day earlier here than in China. That moves Tết
 * (1968, 1985, 2007…) and, through the winter solstice rule, sometimes the leap month. Packages built
 * on `Intl` or on Chinese tables give the Chinese dates, so they are wrong for those years.
 *
 * The astronomy (mean new moon with the main periodic terms, sun longitude to 0.01°) follows Jean Meeus,
 * "Astronomical Algorithms", in the form Hồ Ngọc Đức published for the Vietnamese calendar; the rules:
 * month 11 contains the winter solstice, and in a 13-month year the first month without a major solar
 * term (trung khí) after month 11 is the leap month.
 *
 * @example
 *   solarToLunar("2025-01-29") // { year: 2025, month: 1, day: 1, leap: false } — Tết Ất Tỵ
 *   lunarToSolar({ year: 2025, month: 6, day: 1, leap: true }) // "2025-07-25"
 */

/** A date on the Vietnamese lunar calendar. `year` is the solar year in which its month 1 starts. */
export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True for the days of a leap month (tháng nhuận). */
  leap: boolean;
}

/** ISO date `YYYY-MM-DD`, a local (Asia/Ho_Chi_Minh) calendar day. */
export type IsoDay = string;

const VIETNAM_UTC_OFFSET_HOURS = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01, the origin of the lunation count k. */
const NEW_MOON_EPOCH = 2415021.076998695;

/** The earliest and latest solar year computed: the astronomy is accurate well beyond, the checks are not. */
export const LUNAR_YEAR_RANGE = { min: 1800, max: 2199 } as const;

const STEMS = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"] as const;
const BRANCHES = [
  "Tý",
  "Sửu",
  "Dần",
  "Mão",
  "Thìn",
  "Tỵ",
  "Ngọ",
  "Mùi",
  "Thân",
  "Dậu",
  "Tuất",
  "Hợi",
] as const;

/** The sexagenary name of a lunar year (can chi), e.g. 2025 → "Ất Tỵ". */
export function lunarYearName(year: number): string {
  return `${STEMS[mod(year + 6, 10)]} ${BRANCHES[mod(year + 8, 12)]}`;
}

/** The lunar date of a solar day. Throws RangeError outside {@link LUNAR_YEAR_RANGE} or for a malformed date. */
export function solarToLunar(day: IsoDay): LunarDate {
  const { y, m, d } = parseIsoDay(day);
  const dayNumber = julianDayFromDate(d, m, y);
  // The mean lunation only estimates which new moon starts the month: step to the true one (the
  // published algorithm's single step back gives day 0 in rare months, e.g. 2054-05-07).
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);

  let a11 = lunarMonth11(y);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = y;
    a11 = lunarMonth11(y - 1);
  } else {
    lunarYear = y + 1;
    b11 = lunarMonth11(y + 1);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month: lunarMonth, day: lunarDay, leap };
}

/** Why a lunar date has no solar day. */
export type LunarDateProblem = "no_such_leap_month" | "day_out_of_month" | "out_of_range";

/**
 * The solar day of a lunar date, or the reason it does not exist: a leap month in a year that has none
 * (or a different one), day 30 of a 29-day month, a month or day out of range.
 */
export function lunarToSolar(
  date: LunarDate,
): { ok: true; solar: IsoDay } | { ok: false; problem: LunarDateProblem } {
  const { year, month, day, leap } = date;
  if (!Number.isInteger(year) || year < LUNAR_YEAR_RANGE.min || year > LUNAR_YEAR_RANGE.max) {
    return { ok: false, problem: "out_of_range" };
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) return { ok: false, problem: "out_of_range" };
  if (!Number.isInteger(day) || day < 1 || day > 30) return { ok: false, problem: "day_out_of_month" };

  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let offset = mod(month - 11, 12);
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    const leapMonth = mod(leapOffset - 2, 12);
    if (leap && month !== leapMonth) return { ok: false, problem: "no_such_leap_month" };
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return { ok: false, problem: "no_such_leap_month" };
  }
  const monthStart = newMoonDay(k + offset);
  const monthLength = newMoonDay(k + offset + 1) - monthStart;
  if (day > monthLength) return { ok: false, problem: "day_out_of_month" };
  return { ok: true, solar: isoFromJulianDay(monthStart + day - 1) };
}

/** Number of days in a lunar month (29 or 30), or null if that month does not exist. */
export function lunarMonthLength(year: number, month: number, leap: boolean): 29 | 30 | null {
  const first = lunarToSolar({ year, month, day: 1, leap });
  if (!first.ok) return null;
  return lunarToSolar({ year, month, day: 30, leap }).ok ? 30 : 29;
}

/** The leap month of a lunar year (1–12), or null in a 12-month year. */
export function leapMonthOf(year: number): number | null {
  for (let month = 1; month <= 12; month++) {
    if (lunarToSolar({ year, month, day: 1, leap: true }).ok) return month;
  }
  return null;
}

// --- astronomy ------------------------------------------------------------------------------

function julianDayFromDate(dd: number, mm: number, yy: number): number {
  const a = Math.floor((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  let jd = dd + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100);
  jd += Math.floor(y / 400) - 32045;
  if (jd < 2299161) jd = dd + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
  return jd;
}

function isoFromJulianDay(jd: number): IsoDay {
  // Gregorian only: every date we compute is after 1582.
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = b * 100 + d - 4800 + Math.floor(m / 10);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** Julian day (with fraction, UT) of the k-th new moon after 1900-01-01 (Meeus, ch. 49, main terms). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The local (UTC+7) day number on which the k-th new moon falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + VIETNAM_UTC_OFFSET_HOURS / 24);
}

/** Sun's apparent longitude in radians, 0..2π, at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= Math.PI * 2 * Math.floor(L / (Math.PI * 2));
  return L;
}

/** Which 30° sector (0–11) of the ecliptic the sun is in at the start of local day `dayNumber`. */
function sunSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - VIETNAM_UTC_OFFSET_HOURS / 24) / Math.PI) * 6);
}

// Both depend only on a year: calendar views ask for the same few years thousands of times.
const month11Cache = new Map<number, number>();
const leapOffsetCache = new Map<number, number>();

/** Day number on which month 11 (the month of the winter solstice) of solar year `yy` begins. */
function lunarMonth11(yy: number): number {
  let day = month11Cache.get(yy);
  if (day === undefined) {
    day = computeLunarMonth11(yy);
    month11Cache.set(yy, day);
  }
  return day;
}

function computeLunarMonth11(yy: number): number {
  const off = julianDayFromDate(31, 12, yy) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** Offset, counted in months from month 11 starting at `a11`, of the leap month of a 13-month year. */
function leapMonthOffset(a11: number): number {
  let offset = leapOffsetCache.get(a11);
  if (offset === undefined) {
    offset = computeLeapMonthOffset(a11);
    leapOffsetCache.set(a11, offset);
  }
  return offset;
}

function computeLeapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

// --- small helpers --------------------------------------------------------------------------

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDay(day: IsoDay): { y: number; m: number; d: number } {
  const match = ISO_DAY.exec(day);
  if (!match) throw new RangeError(`not an ISO date: ${day}`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError(`no such day: ${day}`);
  }
  if (y < LUNAR_YEAR_RANGE.min || y > LUNAR_YEAR_RANGE.max) throw new RangeError(`year out of range: ${day}`);
  return { y, m, d };
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
