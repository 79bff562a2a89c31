/**
 * `haidang calendar lunar YYYY-MM-DD [--json]`: the Vietnamese lunar date of a solar day.
 * `haidang calendar solar YYYY-MM-DD [--leap] [--json]`: the solar day of a lunar date (exit 2 if none).
 * Pure computation: reads no configuration and touches no database.
 */
import type { Command } from "commander";

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

async function lunarCommand(day: string, opts: { json: boolean }) {
  const { lunarDayOf, formatLunarVi } = await import("../modules/events/lunar-format.js");
  const result = lunarDayOf(day);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(`${result.solar} dương lịch = ${formatLunarVi(result.lunar)} âm lịch`);
}

async function solarCommand(day: string, opts: { json: boolean; leap: boolean }) {
  const { solarDayOf, formatLunarVi } = await import("../modules/events/lunar-format.js");
  const { eventErrors } = await import("../modules/events/events.errors.js");
  const match = ISO.exec(day);
  if (!match) {
    throw eventErrors.lunarDateNotFound({
      vi: `Ngày âm lịch phải có dạng YYYY-MM-DD: ${day}`,
      en: `A lunar date is written YYYY-MM-DD: ${day}`,
    });
  }
  const lunar = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), leap: opts.leap };
  const solar = solarDayOf(lunar);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ solar })}\n`);
    return;
  }
  console.log(`${formatLunarVi(lunar)} âm lịch = ${solar} dương lịch`);
}

/** Registers `calendar lunar` and `calendar solar`. */
export function registerCalendarCommands(program: Command) {
  const calendar = program
    .command("calendar")
    .description("âm lịch Việt Nam / Vietnamese lunar calendar (UTC+7)");
  calendar
    .command("lunar <solarDate>")
    .description("đổi dương lịch → âm lịch / solar YYYY-MM-DD → lunar date")
    .option("--json", "in JSON / print JSON", false)
    .action(lunarCommand);
  calendar
    .command("solar <lunarDate>")
    .description("đổi âm lịch → dương lịch / lunar YYYY-MM-DD → solar date (exit 2 if it does not exist)")
    .option("--leap", "tháng nhuận / the date is in the leap month", false)
    .option("--json", "in JSON / print JSON", false)
    .action(solarCommand);
}
