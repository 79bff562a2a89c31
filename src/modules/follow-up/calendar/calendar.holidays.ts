import type { IsoDate } from "./calendar.dates.js";

/**
 * A day that changes the normal Monday–Friday working week.
 *
 * - `holiday` (default): a day off (public holiday or a day swapped off), even on a weekday.
 * - `makeup_working_day`: a Saturday or Sunday that the government makes a working day in exchange
 *   (*ngày làm bù*), e.g. Saturday 2024-05-04 in exchange for Monday 2024-04-29.
 */
export interface CalendarDay {
  /** ISO date, Asia/Ho_Chi_Minh. */
  date: IsoDate;
  /** Vietnamese name shown to users, e.g. "Tết Nguyên đán". */
  name: string;
  /** Defaults to `holiday`. */
  kind?: "holiday" | "makeup_working_day";
}

/**
 * Default days off for state agencies (cán bộ, công chức, viên chức) in Vietnam, 2024–2026.
 *
 * THIS IS EDITABLE SEED DATA, not a rule: the government (Thủ tướng Chính phủ / Bộ Nội vụ) announces
 * the exact days every year — Tết Nguyên đán and Giỗ Tổ Hùng Vương (10/3 âm lịch) follow the lunar
 * calendar, and days are often swapped with a make-up Saturday. Administrators edit this list in the
 * platform; a day wrongly listed here shifts every "N working days" deadline, so check each year's
 * announcement. Weekend days inside a holiday span are listed too, for display; they change nothing.
 * Legal basis: Bộ luật Lao động 2019, Điều 112; Nghị định 145/2020/NĐ-CP.
 */
export const DEFAULT_VIETNAM_HOLIDAYS: readonly CalendarDay[] = [
  // 2024
  { date: "2024-01-01", name: "Tết Dương lịch" },
  ...span("2024-02-08", "2024-02-14", "Tết Nguyên đán Giáp Thìn"),
  { date: "2024-04-18", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
  { date: "2024-04-29", name: "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 04/5/2024)" },
  { date: "2024-04-30", name: "Ngày Chiến thắng (30/4)" },
  { date: "2024-05-01", name: "Ngày Quốc tế Lao động (1/5)" },
  { date: "2024-05-04", name: "Làm bù cho ngày 29/4/2024", kind: "makeup_working_day" },
  { date: "2024-09-02", name: "Quốc khánh (2/9)" },
  { date: "2024-09-03", name: "Quốc khánh (ngày liền kề)" },
  // 2025
  { date: "2025-01-01", name: "Tết Dương lịch" },
  ...span("2025-01-25", "2025-02-02", "Tết Nguyên đán Ất Tỵ"),
  { date: "2025-02-08", name: "Làm bù cho ngày 27/01/2025", kind: "makeup_working_day" },
  { date: "2025-04-07", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)" },
  { date: "2025-04-26", name: "Làm bù cho ngày 02/5/2025", kind: "makeup_working_day" },
  { date: "2025-04-30", name: "Ngày Chiến thắng (30/4)" },
  { date: "2025-05-01", name: "Ngày Quốc tế Lao động (1/5)" },
  { date: "2025-05-02", name: "Nghỉ hoán đổi dịp 30/4 – 1/5 (làm bù thứ Bảy 26/4/2025)" },
  { date: "2025-09-01", name: "Quốc khánh (ngày liền kề)" },
  { date: "2025-09-02", name: "Quốc khánh (2/9)" },
  // 2026 — check against the announcement for 2026 before relying on these.
  { date: "2026-01-01", name: "Tết Dương lịch" },
  ...span("2026-02-14", "2026-02-22", "Tết Nguyên đán Bính Ngọ"),
  { date: "2026-04-27", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch, Chủ nhật 26/4) – nghỉ bù" },
  { date: "2026-04-30", name: "Ngày Chiến thắng (30/4)" },
  { date: "2026-05-01", name: "Ngày Quốc tế Lao động (1/5)" },
  { date: "2026-09-01", name: "Quốc khánh (ngày liền kề)" },
  { date: "2026-09-02", name: "Quốc khánh (2/9)" },
];

function span(from: IsoDate, to: IsoDate, name: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = start.getTime(); t <= end; t += 86_400_000) {
    days.push({ date: new Date(t).toISOString().slice(0, 10), name });
  }
  return days;
}
