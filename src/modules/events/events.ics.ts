/**
 * Occurrences → an iCalendar (RFC 5545) document of all-day events, for calendar apps.
 *
 * Written here rather than with ical-generator: that library spent 1.1 ms per event (3.4 s for a year of
 * 3,000 occurrences, against a 200 ms target; docs/decisions/0006-ics-writer.md). The subset we need —
 * VCALENDAR with all-day VEVENTs — is small: TEXT escaping (§3.3.11), line folding at 75 octets without
 * splitting a UTF-8 character (§3.1), CRLF line ends. Tests read the output back with ical.js.
 */
import type { Occurrence } from "../../shared/api/events.js";

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line to at most 75 octets per physical line, never inside a UTF-8 character. */
export function foldIcsLine(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
      limit = 74; // continuation lines start with a space
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const dateValue = (iso: string) => iso.replaceAll("-", "");

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `20250513T020000Z` */
const utcStamp = (at: Date) => `${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

export function occurrencesToIcs(input: {
  name: string;
  occurrences: Occurrence[];
  generatedAt: Date;
}): string {
  const stamp = utcStamp(input.generatedAt);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Hai Dang//Lich su kien//VI",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeIcsText(input.name)}`,
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
  ];
  for (const o of input.occurrences) {
    const details = [`Âm lịch: ${o.lunarLabel}`, o.unitName ? `Đơn vị chủ trì: ${o.unitName}` : null]
      .filter(Boolean)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      // Stable per occurrence, so a calendar app updates rather than duplicates on the next refresh.
      `UID:${o.eventId}-${o.startDate}@haidang`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(o.startDate)}`,
      // DTEND of an all-day event is the day after the last one (exclusive).
      `DTEND;VALUE=DATE:${dateValue(dayAfter(o.endDate))}`,
      `SUMMARY:${escapeIcsText(o.label)}`,
      `DESCRIPTION:${escapeIcsText(details)}`,
      ...(o.location ? [`LOCATION:${escapeIcsText(o.location)}`] : []),
      `CATEGORIES:${escapeIcsText(o.kind)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
