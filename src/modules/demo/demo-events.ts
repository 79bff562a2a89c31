/**
 * Demo events calendar: the political anniversaries, lunar festivals and a few one-off events a city's
 * external-information committee plans around, so that the calendar and its round anniversaries show
 * something real after `npm start`. Dates of anniversaries are historical facts; the one-off events are
 * invented for the demo.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import type { CreateEventBody } from "../../shared/api/events.js";

const DEMO_EVENTS: CreateEventBody[] = [
  {
    title: "Ngày giải phóng Hải Phòng",
    kind: "anniversary",
    startDate: "1955-05-13",
    recurrence: "yearly",
    originYear: 1955,
    location: "Hải Phòng",
  },
  {
    title: "Ngày Toàn quốc kháng chiến",
    kind: "anniversary",
    startDate: "1946-12-19",
    recurrence: "yearly",
    originYear: 1946,
  },
  {
    title: "Ngày thành lập Quân đội nhân dân Việt Nam",
    kind: "anniversary",
    startDate: "1944-12-22",
    recurrence: "yearly",
    originYear: 1944,
  },
  {
    title: "Ngày thành lập Đảng Cộng sản Việt Nam",
    kind: "anniversary",
    startDate: "1930-02-03",
    recurrence: "yearly",
    originYear: 1930,
  },
  {
    title: "Ngày Giải phóng miền Nam, thống nhất đất nước",
    kind: "anniversary",
    startDate: "1975-04-30",
    recurrence: "yearly",
    originYear: 1975,
  },
  {
    title: "Ngày Báo chí Cách mạng Việt Nam",
    kind: "anniversary",
    startDate: "1925-06-21",
    recurrence: "yearly",
    originYear: 1925,
  },
  {
    title: "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    kind: "holiday",
    startDate: "1945-09-02",
    recurrence: "yearly",
    originYear: 1945,
  },
  {
    title: "Tết Nguyên đán",
    kind: "holiday",
    lunarDate: { year: 2024, month: 1, day: 1, leap: false },
    recurrence: "yearly",
  },
  {
    title: "Giỗ Tổ Hùng Vương",
    kind: "holiday",
    lunarDate: { year: 2024, month: 3, day: 10, leap: false },
    recurrence: "yearly",
  },
  {
    title: "Tết Trung thu",
    kind: "festival",
    lunarDate: { year: 2024, month: 8, day: 15, leap: false },
    recurrence: "yearly",
  },
  {
    title: "Lễ hội Hoa Phượng Đỏ",
    kind: "festival",
    startDate: "2024-05-10",
    endDate: "2024-05-13",
    recurrence: "yearly",
    location: "Quảng trường Nhà hát Thành phố",
  },
  {
    title: "Đón đoàn phóng viên báo chí nước ngoài tìm hiểu cảng biển và khu công nghiệp",
    kind: "delegation",
    startDate: "2026-12-09",
    endDate: "2026-12-11",
    recurrence: "none",
    location: "Hải Phòng",
  },
  {
    title: "Hội nghị tổng kết công tác thông tin đối ngoại năm 2026",
    kind: "conference",
    startDate: "2026-12-23",
    recurrence: "none",
    location: "Trụ sở Thành ủy",
  },
  {
    title: "Hội chợ Xuân và tuần văn hóa các địa phương kết nghĩa",
    kind: "fair",
    startDate: "2027-01-22",
    endDate: "2027-01-26",
    recurrence: "none",
    location: "Trung tâm Hội chợ triển lãm thành phố",
  },
];

/** Adds the demo events; returns how many. */
export async function seedDemoEvents(services: Services, ctx: RequestContext): Promise<number> {
  for (const event of DEMO_EVENTS) await services.events.create(ctx, event);
  return DEMO_EVENTS.length;
}
