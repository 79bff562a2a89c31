/** Event rows and occurrences → API shapes, with the labels an official reads. */
import type { z } from "zod";
import type { EventKind, EventSchema, OccurrenceSchema } from "../../shared/api/events.js";
import { type LunarDate, lunarYearName, solarToLunar } from "../../shared/calendar/lunar-calendar.js";
import type { EventTiming, Occurrence } from "./event-occurrences.js";
import type { EventRow } from "./events.repository.js";

/** The stored lunar date of a lunar event. */
export function lunarDateOf(row: EventRow): LunarDate | null {
  if (
    row.calendar !== "lunar" ||
    row.lunar_year === null ||
    row.lunar_month === null ||
    row.lunar_day === null
  ) {
    return null;
  }
  return { year: row.lunar_year, month: row.lunar_month, day: row.lunar_day, leap: row.lunar_leap === 1 };
}

/** "13/5/2025": day and month without leading zeros, as Vietnamese documents write dates. */
/** What the occurrence rules need of a stored event (shared by the calendar views and report figures). */
export function timingOf(row: EventRow): EventTiming {
  return {
    startDate: row.start_date,
    endDate: row.end_date,
    calendar: row.calendar === "lunar" ? "lunar" : "solar",
    lunar: lunarDateOf(row),
    recurrence: row.recurrence === "yearly" ? "yearly" : "none",
    originYear: row.origin_year,
  };
}

export function formatDayVi(iso: string): string {
  return `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;
}

/** "10/3 Ất Tỵ", "1/6 nhuận Ất Tỵ". */
export function lunarLabel(date: LunarDate): string {
  return `${date.day}/${date.month}${date.leap ? " nhuận" : ""} ${lunarYearName(date.year)}`;
}

export function presentEvent(row: EventRow): z.infer<typeof EventSchema> {
  const lunar = lunarDateOf(row);
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as EventKind,
    description: row.description,
    location: row.location,
    calendar: row.calendar === "lunar" ? "lunar" : "solar",
    startDate: row.start_date,
    endDate: row.end_date,
    lunarDate: lunar,
    lunarLabel: lunar ? `${lunar.day}/${lunar.month}${lunar.leap ? " nhuận" : ""} âm lịch` : null,
    recurrence: row.recurrence === "yearly" ? "yearly" : "none",
    originYear: row.origin_year,
    unitId: row.unit_id,
    unitName: row.unit_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The title of one occurrence: an anniversary reads "Kỷ niệm 70 năm Ngày giải phóng Hải Phòng
 * (13/5/1955 – 13/5/2025)"; a lunar anniversary names its lunar day instead of the origin's solar one.
 */
export function occurrenceLabel(row: EventRow, occurrence: Occurrence): string {
  if (occurrence.anniversary === null || row.origin_year === null) return row.title;
  const lunar = lunarDateOf(row);
  const since = lunar
    ? `${lunar.day}/${lunar.month} âm lịch năm ${row.origin_year} – ${formatDayVi(occurrence.startDate)}`
    : `${Number(row.start_date.slice(8, 10))}/${Number(row.start_date.slice(5, 7))}/${row.origin_year} – ${formatDayVi(occurrence.startDate)}`;
  return `Kỷ niệm ${occurrence.anniversary} năm ${row.title} (${since})`;
}

export function presentOccurrence(row: EventRow, occurrence: Occurrence): z.infer<typeof OccurrenceSchema> {
  return {
    eventId: row.id,
    title: row.title,
    label: occurrenceLabel(row, occurrence),
    kind: row.kind as EventKind,
    calendar: row.calendar === "lunar" ? "lunar" : "solar",
    startDate: occurrence.startDate,
    endDate: occurrence.endDate,
    lunarLabel: lunarLabel(solarToLunar(occurrence.startDate)),
    anniversary: occurrence.anniversary,
    isRoundAnniversary: occurrence.isRoundAnniversary,
    location: row.location,
    unitName: row.unit_name,
  };
}
