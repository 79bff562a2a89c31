/**
 * The events calendar as the secretariat uses it: anniversaries counted and labelled, lunar events that
 * recur on their lunar day, bad dates refused with clear codes, ICS export and personal subscriptions
 * that stop working once revoked; members read but do not edit; every change audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser } from "../support/factories.js";
import { type Client, rawRequest, signIn } from "../support/http.js";

interface OccurrenceDto {
  eventId: string;
  label: string;
  startDate: string;
  endDate: string;
  lunarLabel: string;
  anniversary: number | null;
  isRoundAnniversary: boolean;
}

/** Unfolds and splits an iCalendar document into its VEVENTs' properties (RFC 5545 §3.1). */
function icsEvents(text: string): Record<string, string>[] {
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT" && current) {
      out.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return out;
}

describe.each(dialects())("events calendar on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  let member: Client;
  let liberationId: string;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    member = (await buildSignedInUser(t.platform, admin, { roles: ["member"] })).client;
  });
  afterAll(async () => t?.close());

  it("labels a round anniversary and counts years from the commemorated one", async () => {
    const created = await admin.request("POST", "/api/events", {
      title: "Ngày giải phóng Hải Phòng",
      kind: "anniversary",
      startDate: "1955-05-13",
      recurrence: "yearly",
      originYear: 1955,
    });
    expect(created.status, created.text).toBe(201);
    liberationId = (created.body as { id: string }).id;

    const res = await member.request("GET", "/api/events?from=2025-05-01&to=2025-05-31");
    expect(res.status, res.text).toBe(200);
    const items = (res.body as { items: OccurrenceDto[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      label: "Kỷ niệm 70 năm Ngày giải phóng Hải Phòng (13/5/1955 – 13/5/2025)",
      anniversary: 70,
      isRoundAnniversary: true,
      lunarLabel: "16/4 Ất Tỵ",
    });
    const next = await member.request("GET", "/api/events?from=2026-01-01&to=2026-12-31&roundOnly=true");
    expect((next.body as { items: unknown[] }).items).toHaveLength(0);
  });

  it("recurs a lunar event on its lunar day and finds it by accent-free search", async () => {
    const created = await admin.request("POST", "/api/events", {
      title: "Giỗ Tổ Hùng Vương",
      kind: "holiday",
      lunarDate: { year: 2024, month: 3, day: 10 },
      recurrence: "yearly",
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      calendar: "lunar",
      startDate: "2024-04-18",
      lunarLabel: "10/3 âm lịch",
    });
    const res = await member.request("GET", "/api/events?from=2026-01-01&to=2026-12-31&q=gio%20to");
    const items = (res.body as { items: OccurrenceDto[] }).items;
    expect(items.map((o) => o.startDate)).toEqual(["2026-04-26"]);
  });

  it.each([
    ["an end before the start", { startDate: "2025-05-13", endDate: "2025-05-12" }, "event_end_before_start"],
    [
      "a leap month the year does not have",
      { lunarDate: { year: 2024, month: 6, day: 1, leap: true } },
      "calendar_lunar_date_not_found",
    ],
    [
      "day 30 of a 29-day month",
      { lunarDate: { year: 2025, month: 6, day: 30, leap: true } },
      "calendar_lunar_date_not_found",
    ],
    [
      "both a solar and a lunar date",
      { startDate: "2025-01-01", lunarDate: { year: 2025, month: 1, day: 1 } },
      "event_date_required",
    ],
    ["no date", {}, "event_date_required"],
    [
      "a commemorated year after the event",
      { startDate: "2025-01-01", originYear: 2030 },
      "event_origin_after_start",
    ],
  ])("refuses %s with 400 and a message in both languages", async (_label, dates, code) => {
    const before = await member.request("GET", "/api/events?from=2020-01-01&to=2020-12-31");
    const res = await admin.request("POST", "/api/events", { title: "Sự kiện thử", kind: "other", ...dates });
    expect(res.status, res.text).toBe(400);
    expect(res.body).toMatchObject({ error: { code } });
    const vi = await admin.request(
      "POST",
      "/api/events",
      { title: "x", kind: "other", ...dates },
      { "accept-language": "vi" },
    );
    const en = await admin.request(
      "POST",
      "/api/events",
      { title: "x", kind: "other", ...dates },
      { "accept-language": "en" },
    );
    expect((vi.body as { error: { message: string } }).error.message).not.toBe(
      (en.body as { error: { message: string } }).error.message,
    );
    const after = await member.request("GET", "/api/events?from=2020-01-01&to=2020-12-31");
    expect(after.body).toEqual(before.body);
  });

  it("refuses a range that is reversed or longer than 400 days", async () => {
    expect((await member.request("GET", "/api/events?from=2025-02-01&to=2025-01-01")).status).toBe(400);
    expect((await member.request("GET", "/api/events?from=2020-01-01&to=2025-01-01")).status).toBe(400);
  });

  it("lets members read but not edit, and audits every change", async () => {
    const denied = await member.request("POST", "/api/events", {
      title: "x",
      kind: "other",
      startDate: "2025-01-01",
    });
    expect(denied.status).toBe(403);
    const moved = await admin.request("PATCH", `/api/events/${liberationId}`, {
      location: "Nhà hát Thành phố",
    });
    expect(moved.status, moved.text).toBe(200);
    const audit = await admin.request("GET", `/api/audit?entityType=event&entityId=${liberationId}`);
    expect(audit.status, audit.text).toBe(200);
    const actions = (audit.body as { items: { action: string }[] }).items.map((e) => e.action).sort();
    expect(actions).toEqual(["create", "update"]);
  });

  it("exports a range as iCalendar all-day events", async () => {
    const res = await member.request("GET", "/api/events/export.ics?from=2025-01-01&to=2025-12-31");
    expect(res.status).toBe(200);
    expect(String(res.headers["content-type"])).toContain("text/calendar");
    const events = icsEvents(res.text);
    const liberation = events.find((e) => e.SUMMARY?.startsWith("Kỷ niệm 70 năm"));
    expect(liberation).toMatchObject({ "DTSTART;VALUE=DATE": "20250513", "DTEND;VALUE=DATE": "20250514" });
    expect(liberation?.LOCATION).toBe("Nhà hát Thành phố");
    expect(events.find((e) => e.SUMMARY === "Giỗ Tổ Hùng Vương")?.["DTSTART;VALUE=DATE"]).toBe("20250407");
  });

  it("pages a year's list with the total, in the whole list's order, and keeps the ICS export whole", async () => {
    for (let i = 1; i <= 7; i++) {
      const res = await admin.request("POST", "/api/events", {
        title: `Hội nghị xúc tiến đầu tư số ${i}`,
        kind: "conference",
        // Two on the same day: the page boundary falls between titles of one day.
        startDate: `2023-0${1 + Math.floor(i / 2)}-15`,
      });
      expect(res.status, res.text).toBe(201);
    }
    const range = "from=2023-01-01&to=2023-12-31&q=xuc%20tien";
    const whole = (await member.request("GET", `/api/events?${range}`)).body as {
      items: OccurrenceDto[];
      total: number;
      page?: number;
    };
    expect(whole.items).toHaveLength(7);
    expect(whole).toMatchObject({ total: 7 });
    expect(whole.page).toBeUndefined();
    const pages: OccurrenceDto[] = [];
    for (const page of [1, 2, 3]) {
      const res = await member.request("GET", `/api/events?${range}&page=${page}&pageSize=3`);
      expect(res.status, res.text).toBe(200);
      const body = res.body as { items: OccurrenceDto[]; total: number; page: number; pageSize: number };
      expect(body).toMatchObject({ total: 7, page, pageSize: 3 });
      expect(body.items).toHaveLength(page < 3 ? 3 : 1);
      pages.push(...body.items);
    }
    expect(pages).toEqual(whole.items);
    const beyond = (await member.request("GET", `/api/events?${range}&page=9&pageSize=3`)).body as {
      items: unknown[];
      total: number;
    };
    expect(beyond).toMatchObject({ items: [], total: 7 });
    expect((await member.request("GET", `/api/events?${range}&pageSize=500`)).status).toBe(400);
    const ics = await member.request("GET", `/api/events/export.ics?${range}&page=1&pageSize=3`);
    expect(ics.status).toBe(200);
    expect(icsEvents(ics.text).filter((e) => e.SUMMARY?.startsWith("Hội nghị xúc tiến"))).toHaveLength(7);
  });

  it("serves a personal subscription without a session until it is revoked", async () => {
    const created = await member.request("POST", "/api/calendar/feeds", { label: "Lịch điện thoại" });
    expect(created.status, created.text).toBe(201);
    const { id, path } = created.body as { id: string; path: string };
    const year = new Date().getUTCFullYear();
    const ok = await rawRequest(t.platform.app, "GET", path);
    expect(ok.status).toBe(200);
    expect(icsEvents(ok.text).some((e) => e["DTSTART;VALUE=DATE"] === `${year}0513`)).toBe(true);

    // Another account cannot revoke it.
    expect((await admin.request("DELETE", `/api/calendar/feeds/${id}`)).status).toBe(404);
    expect((await member.request("DELETE", `/api/calendar/feeds/${id}`)).status).toBe(200);
    const revoked = await rawRequest(t.platform.app, "GET", path);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ error: { code: "calendar_feed_revoked" } });
    const unknown = await rawRequest(t.platform.app, "GET", "/api/calendar/ics/not-a-token");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: "calendar_feed_not_found" } });
  });

  it("converts a solar day to its lunar date", async () => {
    const res = await member.request("GET", "/api/calendar/lunar?date=2025-08-22");
    expect(res.body).toEqual({
      solar: "2025-08-22",
      lunar: { year: 2025, month: 6, day: 29, leap: true },
      yearName: "Ất Tỵ",
    });
  });
});
