/** Working-day calendar for follow-up deadlines (Asia/Ho_Chi_Minh, Vietnamese public holidays). */
export * from "./calendar.clock.js";
export * from "./calendar.dates.js";
export * from "./calendar.holidays.js";
export * from "./calendar.working-days.js";
