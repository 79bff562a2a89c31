/** Calendar helpers for Vietnamese date expressions. All results are ISO dates (YYYY-MM-DD). */

/** ISO date from parts, or null when the parts are not a real calendar day. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Number of days in a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First date written in `text` as "13/3/2024", "13-3-2024" or "ngày 13 tháng 3 năm 2024"; null if none. */
export function findDate(text: string): string | null {
  const numeric = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/.exec(text);
  const words = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(text);
  const pick = [numeric, words]
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index)[0];
  if (!pick) return null;
  return isoDate(Number(pick[3]), Number(pick[2]), Number(pick[1]));
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/** The months of a quarter written in Roman or Arabic figures ("II", "2"). */
export function quarterRange(quarter: string, year: number): { start: string; end: string } | null {
  const q = ROMAN[quarter.toUpperCase()] ?? Number(quarter);
  if (!Number.isInteger(q) || q < 1 || q > 4) return null;
  return monthSpan(year, q * 3 - 2, q * 3);
}

/** From the first day of `fromMonth` to the last day of `toMonth` in one year. */
export function monthSpan(
  year: number,
  fromMonth: number,
  toMonth: number,
): { start: string; end: string } | null {
  const start = isoDate(year, fromMonth, 1);
  const end = isoDate(year, toMonth, lastDayOfMonth(year, toMonth));
  return start && end ? { start, end } : null;
}

/** Converts a Roman numeral (I..XXXIX) to a number; NaN when it is not one. */
export function romanToNumber(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i] ?? ""];
    const next = values[roman[i + 1] ?? ""] ?? 0;
    if (v === undefined) return Number.NaN;
    total += v < next ? -v : v;
  }
  return total;
}
