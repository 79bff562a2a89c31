/** ECharts options of the follow-up dashboard, built from the API's counts. */
import type { TFunction } from "i18next";
import { formatPercent } from "../../components/format";
import {
  type Dashboard,
  type GroupCounts,
  OVERDUE_BUCKETS,
  type StatusCounts,
  TASK_STATUSES,
  type TaskStatus,
} from "../follow-up/follow-up-api";
import { BUCKET_COLORS, bucketKey, STATUS_COLORS, statusKey } from "../follow-up/status-labels";
import type { ChartOption } from "./echarts";

const aria = { enabled: true, decal: { show: false } };
const font = { fontFamily: "inherit" };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "Đã hoàn thành: 3 (33,3%)": a slice's share with the Vietnamese decimal comma, as in the documents. */
export const pieTooltip = {
  trigger: "item" as const,
  formatter: (params: unknown) => {
    const p = (Array.isArray(params) ? params[0] : params) as {
      name?: string;
      value?: unknown;
      percent?: number;
    };
    return `${escapeHtml(p.name ?? "")}: ${escapeHtml(String(p.value ?? ""))} (${formatPercent(p.percent ?? 0)}%)`;
  },
};

/** Statuses that occur at least once, so that legends stay short. */
const present = (counts: StatusCounts[]): TaskStatus[] =>
  TASK_STATUSES.filter((s) => counts.some((c) => c.byStatus[s] > 0));

export function statusPie(d: Dashboard, t: TFunction): ChartOption {
  return {
    aria,
    textStyle: font,
    // No legend: the page lists the same statuses as links under the chart.
    tooltip: pieTooltip,
    series: [
      {
        id: "status",
        type: "pie",
        radius: ["40%", "68%"],
        center: ["50%", "50%"],
        label: { formatter: "{c}" },
        data: present([d.summary]).map((s) => ({
          id: s,
          name: t(statusKey(s)),
          value: d.summary.byStatus[s],
          itemStyle: { color: STATUS_COLORS[s] },
        })),
      },
    ],
  };
}

export function bucketBar(d: Dashboard, t: TFunction): ChartOption {
  return {
    aria,
    textStyle: font,
    tooltip: { trigger: "axis" },
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    xAxis: {
      type: "category",
      data: OVERDUE_BUCKETS.map((b) => t(bucketKey(b))),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: "value", minInterval: 1 },
    series: [
      {
        id: "bucket",
        type: "bar",
        name: t("followUp.statuses.overdue"),
        data: OVERDUE_BUCKETS.map((b) => ({
          value: d.summary.overdueByBucket[b],
          itemStyle: { color: BUCKET_COLORS[b] },
        })),
        label: { show: true, position: "top" },
      },
    ],
  };
}

/** Horizontal stacked bars: one bar per person or unit, one segment per status. */
export function groupBars(groups: GroupCounts[], t: TFunction): ChartOption {
  const shown = groups.slice(0, 15).reverse();
  return {
    aria,
    textStyle: font,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { type: "scroll", bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      data: shown.map((g) => g.name),
      axisLabel: { width: 150, overflow: "truncate" },
    },
    series: present(shown).map((s) => ({
      id: s,
      name: t(statusKey(s)),
      type: "bar" as const,
      stack: "total",
      itemStyle: { color: STATUS_COLORS[s] },
      data: shown.map((g) => g.byStatus[s]),
    })),
  };
}

export function quarterBars(d: Dashboard, t: TFunction): ChartOption {
  const quarters = d.progressByQuarter;
  const series = ["completed", "overdue", "other"] as const;
  const colors = {
    completed: STATUS_COLORS.completed_on_time,
    overdue: STATUS_COLORS.overdue,
    other: "#bfbfbf",
  };
  return {
    aria,
    textStyle: font,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: "category", data: quarters.map((q) => q.label) },
    yAxis: { type: "value", minInterval: 1 },
    series: series.map((key) => ({
      id: key,
      name: t(`dashboard.quarter.${key}`),
      type: "bar" as const,
      stack: "total",
      itemStyle: { color: colors[key] },
      data: quarters.map((q) => (key === "other" ? q.total - q.completed - q.overdue : q[key])),
    })),
  };
}
