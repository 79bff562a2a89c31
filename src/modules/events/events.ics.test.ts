import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Occurrence } from "../../shared/api/events.js";
import { escapeIcsText, foldIcsLine, occurrencesToIcs } from "./events.ics.js";

const occurrence = (overrides: Partial<Occurrence>): Occurrence => ({
  eventId: "e1",
  title: "Ngày giải phóng Hải Phòng",
  label: "Kỷ niệm 70 năm Ngày giải phóng Hải Phòng (13/5/1955 – 13/5/2025)",
  kind: "anniversary",
  calendar: "solar",
  startDate: "2025-05-13",
  endDate: "2025-05-13",
  lunarLabel: "16/4 Ất Tỵ",
  anniversary: 70,
  isRoundAnniversary: true,
  location: "Nhà hát Thành phố, số 1; quảng trường",
  unitName: "Sở Văn hóa, Thể thao và Du lịch",
  ...overrides,
});

describe("iCalendar writer", () => {
  it("escapes TEXT values", () => {
    expect(escapeIcsText("a;b,c\\d\ne")).toBe("a\\;b\\,c\\\\d\\ne");
  });

  it("folds at 75 octets without splitting a Vietnamese character", () => {
    const line = `SUMMARY:${"Kỷ niệm ngày thành lập Đảng bộ thành phố ".repeat(4)}`;
    const physical = foldIcsLine(line).split("\r\n");
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(physical.join("")).not.toContain("\uFFFD");
  });

  it("is read back by an independent parser (ical.js) with the same values", () => {
    const text = occurrencesToIcs({
      name: "Hải Đăng — Lịch của tôi",
      occurrences: [
        occurrence({}),
        occurrence({
          eventId: "e2",
          label: "Hội chợ Xuân",
          startDate: "2025-12-30",
          endDate: "2026-01-02",
          location: null,
        }),
      ],
      generatedAt: new Date("2025-01-01T02:03:04Z"),
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Hải Đăng — Lịch của tôi");
    const events = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual([
      "Kỷ niệm 70 năm Ngày giải phóng Hải Phòng (13/5/1955 – 13/5/2025)",
      "Hội chợ Xuân",
    ]);
    const [first, second] = events;
    expect(first?.location).toBe("Nhà hát Thành phố, số 1; quảng trường");
    expect(first?.description).toBe("Âm lịch: 16/4 Ất Tỵ\nĐơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch");
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe("2025-05-13");
    expect(first?.endDate.toString()).toBe("2025-05-14");
    expect(second?.endDate.toString()).toBe("2026-01-03");
    expect(first?.uid).toBe("e1-2025-05-13@haidang");
  });
});
