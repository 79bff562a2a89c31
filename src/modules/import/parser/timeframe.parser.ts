/**
 * Reads a task's time frame ("Trong Quý II/2024.", "Thường xuyên.", "Theo Kế hoạch số 318/KH-UBND.") into
 * a kind, a start/end and milestones. Only what the words say is produced; a year that has to be taken from
 * the programme itself is reported so the reviewer can check it.
 */

import { findDate, isoDate, lastDayOfMonth, monthSpan, quarterRange } from "./dates.parse.js";
import type { Milestone, Timeframe } from "./parsed-programme.types.js";

export interface TimeframeResult {
  timeframe: Timeframe;
  /** Set when the expression was not understood, or when a year was assumed. */
  doubt: "unrecognised" | "year_assumed" | null;
}

interface Span {
  start: string | null;
  end: string;
  label: string;
}

const NUMBER_IN_PLAN = /số\s+(\d+[\p{L}\d/.-]*[\p{L}\d])/u;

/**
 * Parses a time-frame phrase. `defaultYear` (the programme's year) fills in "6 tháng đầu năm" when no year
 * is written anywhere in the phrase; that is flagged as `year_assumed`.
 */
export function parseTimeframe(text: string | null, defaultYear: number | null = null): TimeframeResult {
  const base: Timeframe = { text, kind: "unspecified", start: null, end: null, milestones: [], plan: null };
  if (text === null || text.trim() === "") return { timeframe: { ...base, text: null }, doubt: null };
  const phrase = text
    .trim()
    .replace(/[.;]+$/, "")
    .trim();
  const lower = phrase.toLowerCase();

  if (/^(theo|căn cứ)\s+(sự\s+)?(chỉ đạo|hướng dẫn|yêu cầu|đề nghị)/.test(lower)) {
    return { timeframe: { ...base, kind: "as_directed" }, doubt: null };
  }
  if (/^theo\s+(các\s+)?(kế hoạch|chương trình|lộ trình|đề án)/.test(lower)) {
    const plan = NUMBER_IN_PLAN.exec(phrase)?.[1] ?? null;
    return { timeframe: { ...base, kind: "per_plan", plan }, doubt: null };
  }
  if (/^(thường xuyên|hằng năm|hàng năm|liên tục)/.test(lower)) {
    return { timeframe: { ...base, kind: "ongoing" }, doubt: null };
  }

  const years = [...phrase.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  const fallbackYear = years.at(-1) ?? defaultYear;
  const parts = phrase.split(/\s*(?:[,;]|\svà\s)\s*/u).filter((p) => p.trim() !== "");
  const spans: Span[] = [];
  for (const part of parts) {
    const span = parsePart(part, fallbackYear);
    if (!span) return { timeframe: base, doubt: "unrecognised" };
    spans.push(span);
  }
  if (spans.length === 0) return { timeframe: base, doubt: "unrecognised" };
  const doubt = years.length === 0 ? "year_assumed" : null;
  const last = spans.reduce((a, b) => (b.end > a.end ? b : a));
  const starts = spans.map((s) => s.start).filter((s): s is string => s !== null);
  const isDeadline = spans.every((s) => s.start === null);
  const milestones: Milestone[] = spans.length > 1 ? spans.map((s) => ({ due: s.end, label: s.label })) : [];
  return {
    timeframe: {
      ...base,
      kind: isDeadline ? "deadline" : "period",
      start: isDeadline ? null : (starts.sort()[0] ?? null),
      end: last.end,
      milestones,
    },
    doubt,
  };
}

/** One piece of a phrase: "6 tháng đầu năm", "năm 2024", "Quý II/2024", "trước ngày 15/6/2024"... */
function parsePart(part: string, year: number | null): Span | null {
  const label = part.trim();
  const p = label.toLowerCase().replace(/^(trong|trước hết trong|hoàn thành trong|thực hiện trong)\s+/, "");
  const ownYear = /(?<!\d)((?:19|20)\d{2})(?!\d)/.exec(p);
  const y = ownYear ? Number(ownYear[1]) : year;

  if (/^(hoàn thành\s+)?(trước|chậm nhất|không muộn hơn|hạn)\b|^ngày\s+\d/.test(p)) {
    const due = findDate(p);
    if (due) return { start: null, end: due, label };
    const month = /tháng\s+(\d{1,2})(?:\s*[/]\s*|\s+năm\s+)?(\d{4})?/.exec(p);
    if (month && y !== null) {
      const m = Number(month[1]);
      const end = isoDate(y, m, lastDayOfMonth(y, m));
      if (end) return { start: null, end, label };
    }
    return null;
  }
  if (y === null) return null;
  const quarter = /^quý\s+([ivx]+|\d)(?:\s*[/]\s*|\s+năm\s+|\s*$)/.exec(p);
  if (quarter?.[1]) {
    const range = quarterRange(quarter[1], y);
    return range ? { ...range, label } : null;
  }
  const half = /^(6|sáu)\s+tháng\s+(đầu|cuối)\s+năm/.exec(p);
  if (half) {
    const range = half[2] === "đầu" ? monthSpan(y, 1, 6) : monthSpan(y, 7, 12);
    return range ? { ...range, label } : null;
  }
  const months =
    /^(?:từ\s+)?tháng\s+(\d{1,2})(?:\s*(?:đến|-)\s*(?:tháng\s+)?(\d{1,2}))?(?:\s*[/]\s*\d{4}|\s+năm\s+\d{4})?$/.exec(
      p,
    );
  if (months) {
    const range = monthSpan(y, Number(months[1]), Number(months[2] ?? months[1]));
    return range ? { ...range, label } : null;
  }
  const span = /^(?:(?:giai đoạn|năm|các năm)\s+)?((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})$/.exec(p);
  if (span) {
    const start = isoDate(Number(span[1]), 1, 1);
    const end = isoDate(Number(span[2]), 12, 31);
    return start && end ? { start, end, label } : null;
  }
  if (/^(cả\s+)?năm(\s+(19|20)\d{2})?$/.test(p)) {
    return { start: isoDate(y, 1, 1), end: isoDate(y, 12, 31) ?? "", label };
  }
  const exact = findDate(p);
  if (exact) return { start: null, end: exact, label };
  return null;
}
