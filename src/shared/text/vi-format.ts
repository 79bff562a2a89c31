/**
 * Number, quarter and title formats shared by the server (documents, exports) and the web app, so the
 * screen and the printed report read the same: "33,3%" with a decimal comma, "Quý II/2024" in Roman
 * numerals, titles shortened only between words.
 */

const ROMAN = ["I", "II", "III", "IV"] as const;

/** "I"…"IV" for quarters 1–4. */
export function romanQuarter(quarter: number): string {
  const roman = ROMAN[quarter - 1];
  if (!roman) throw new RangeError(`quarter ${quarter} is not 1–4`);
  return roman;
}

/**
 * "Quý II/2024" — the one quarter label of the app (Vietnamese officials write quarters in Roman numerals).
 * @example formatQuarter(2024, 2) // "Quý II/2024"
 */
export function formatQuarter(year: number | string, quarter: number): string {
  return `Quý ${romanQuarter(quarter)}/${year}`;
}

/**
 * A percentage with at most one decimal and the Vietnamese decimal comma, without the sign.
 * @example formatPercent(33.333) // "33,3"; formatPercent(50) // "50"
 */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded.toString().replace(".", ",");
}

/**
 * A long title shortened to at most `max` characters, cut only between words and marked with "…";
 * short titles are returned whole.
 * @example clipAtWord("Tổ chức tuyên truyền kỷ niệm", 20) // "Tổ chức tuyên truyền…"
 */
export function clipAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max + 1);
  const cut = head.lastIndexOf(" ");
  const kept = (cut > 0 ? head.slice(0, cut) : clean.slice(0, max)).replace(/[\s,;:.\-–]+$/, "");
  return `${kept}…`;
}

/**
 * A period as officials read it on an axis: "11/03" for a day (with the year when the range spans two),
 * "Tuần 11/2024" for an ISO week, "03/2024" for a month — never the ISO key.
 */
export function periodAxisLabel(period: string, options: { weekWord: string; withYear: boolean }): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (day) return options.withYear ? `${day[3]}/${day[2]}/${day[1]}` : `${day[3]}/${day[2]}`;
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) return `${options.weekWord} ${Number(week[2])}/${week[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[2]}/${month[1]}`;
  return period;
}
