/** Occurrences → an iCalendar (RFC 5545) document of all-day events, for calendar apps. */
import ical from "ical-generator";
import type { z } from "zod";
import type { OccurrenceSchema } from "../../shared/api/events.js";

type OccurrenceDto = z.infer<typeof OccurrenceSchema>;

/** UTC midnight: ical-generator writes all-day dates from the UTC fields when no calendar time zone is set. */
const utcDay = (iso: string, plusDays = 0) =>
  new Date(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + plusDays),
  );

export function occurrencesToIcs(input: {
  name: string;
  occurrences: OccurrenceDto[];
  generatedAt: Date;
}): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: "Hai Dang", product: "Lich su kien", language: "VI" },
  });
  for (const o of input.occurrences) {
    const details = [`Âm lịch: ${o.lunarLabel}`, o.unitName ? `Đơn vị chủ trì: ${o.unitName}` : null]
      .filter(Boolean)
      .join("\n");
    calendar.createEvent({
      // Stable per occurrence, so a calendar app updates rather than duplicates on the next refresh.
      id: `${o.eventId}-${o.startDate}@haidang`,
      start: utcDay(o.startDate),
      // DTEND of an all-day event is the day after the last one (exclusive).
      end: utcDay(o.endDate, 1),
      allDay: true,
      summary: o.label,
      description: details,
      location: o.location,
      stamp: input.generatedAt,
      categories: [{ name: o.kind }],
    });
  }
  return calendar.toString();
}
