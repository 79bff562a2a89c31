/** ECharts options of the coverage statistics (the dashboard's tree-shaken ECharts: bar and pie on canvas). */
import { periodAxisLabel } from "../../components/format";
import { pieTooltip } from "../dashboard/dashboard-charts";
import type { ChartOption } from "../dashboard/echarts";
import type { Coverage } from "./monitoring-api";

/** ECharts writes its own (English) description into aria-label unless it is given one. */
const aria = (description: string) => ({ enabled: true, decal: { show: false }, label: { description } });
const font = { fontFamily: "inherit" };
const PALETTE = [
  "#1677ff",
  "#52c41a",
  "#fa8c16",
  "#eb2f96",
  "#722ed1",
  "#13c2c2",
  "#faad14",
  "#2f54eb",
  "#a0d911",
];

/** ISO week ("2024-W11") of a calendar day, as the server names weeks. */
function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3); // the Thursday decides the year
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = 1 + Math.floor((d.getTime() - yearStart.getTime()) / 86_400_000 / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Every period of the range, so that days or weeks without items show as gaps, not vanish. */
export function periodsOf(coverage: Coverage): string[] {
  const periods = new Set<string>();
  const end = new Date(`${coverage.to}T00:00:00Z`);
  for (let d = new Date(`${coverage.from}T00:00:00Z`); d <= end && periods.size < 1000; ) {
    const day = d.toISOString().slice(0, 10);
    periods.add(
      coverage.granularity === "day"
        ? day
        : coverage.granularity === "month"
          ? day.slice(0, 7)
          : isoWeek(day),
    );
    d.setUTCDate(d.getUTCDate() + 1);
  }
  for (const r of coverage.rows) periods.add(r.period);
  return [...periods].sort();
}

/** Keys of a coverage series, largest total first. */
export function keysByTotal(coverage: Coverage): { key: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const r of coverage.rows) totals.set(r.key, (totals.get(r.key) ?? 0) + r.count);
  return [...totals].map(([key, total]) => ({ key, total })).sort((a, b) => b.total - a.total);
}

/** Stacked bars: one bar per period, one segment per value of the dimension. */
export function coverageBars(
  coverage: Coverage,
  label: (key: string) => string,
  description: string,
  /** "Tuần" / "Week", for week labels. */
  weekWord = "Tuần",
): ChartOption {
  const periods = periodsOf(coverage);
  const withYear = coverage.from.slice(0, 4) !== coverage.to.slice(0, 4);
  const keys = keysByTotal(coverage).map((k) => k.key);
  const count = new Map(coverage.rows.map((r) => [`${r.period}\u0000${r.key}`, r.count]));
  return {
    aria: aria(description),
    textStyle: font,
    color: PALETTE,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 56 },
    xAxis: { type: "category", data: periods.map((p) => periodAxisLabel(p, { weekWord, withYear })) },
    yAxis: { type: "value", minInterval: 1 },
    series: keys.map((key) => ({
      id: key,
      name: label(key),
      type: "bar" as const,
      stack: "total",
      barMaxWidth: 48,
      data: periods.map((p) => count.get(`${p}\u0000${key}`) ?? 0),
    })),
  };
}

/** Share of each value of the dimension over the whole range. */
export function coveragePie(
  coverage: Coverage,
  label: (key: string) => string,
  description: string,
): ChartOption {
  return {
    aria: aria(description),
    textStyle: font,
    color: PALETTE,
    tooltip: pieTooltip,
    legend: { type: "scroll", bottom: 0 },
    series: [
      {
        id: "share",
        type: "pie",
        radius: ["35%", "62%"],
        center: ["50%", "45%"],
        label: { position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" },
        data: keysByTotal(coverage).map(({ key, total }) => ({ id: key, name: label(key), value: total })),
      },
    ],
  };
}
