/**
 * Tasks placed by quarter of the programme's year, from their start/end dates and milestones.
 * Tasks without dates keep their own lanes: ongoing, as directed, per another plan, unspecified;
 * dated tasks falling outside the year go to `outside`.
 */
import type { TimeframeKind } from "../../shared/api/programmes.js";
import type { TaskTable } from "./programmes.tables.js";

export type Lane = "ongoing" | "as_directed" | "per_plan" | "unspecified" | "outside";

export interface TimelineTask {
  id: string;
  ref: string;
  timeframeKind: TimeframeKind;
  timeframeText: string | null;
  start: string | null;
  end: string | null;
  milestones: string[];
}

const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** Quarters (1–4) of `year` the task touches. */
function quartersOf(task: TaskTable, milestones: string[], year: number): number[] {
  const inYear = (d: string) => Number(d.slice(0, 4)) === year;
  const out = new Set<number>();
  // Milestones are the due points ("6 tháng đầu năm và năm 2024" → Q2 and Q4), whatever the span.
  if (milestones.length) {
    for (const m of milestones) if (inYear(m)) out.add(quarterOf(m));
    return [...out].sort();
  }
  const start = task.start_date;
  const end = task.end_date;
  if (end || start) {
    const from = start && Number(start.slice(0, 4)) >= year ? (inYear(start) ? quarterOf(start) : 5) : 1;
    const to = end && Number(end.slice(0, 4)) <= year ? (inYear(end) ? quarterOf(end) : 0) : 4;
    // A deadline alone marks its quarter only.
    const first = start ? from : to;
    for (let q = first; q <= to; q++) out.add(q);
  }
  return [...out].sort();
}

export function buildTimeline(tasks: TaskTable[], year: number) {
  const quarters = [1, 2, 3, 4].map((quarter) => ({
    quarter,
    start: `${year}-${String((quarter - 1) * 3 + 1).padStart(2, "0")}-01`,
    end: `${year}-${["03-31", "06-30", "09-30", "12-31"][quarter - 1]}`,
    tasks: [] as TimelineTask[],
  }));
  const lanes: Record<Lane, TimelineTask[]> = {
    ongoing: [],
    as_directed: [],
    per_plan: [],
    unspecified: [],
    outside: [],
  };
  for (const t of tasks) {
    const milestones = (JSON.parse(t.milestones_json) as { due: string }[]).map((m) => m.due);
    const item: TimelineTask = {
      id: t.id,
      ref: t.ref,
      timeframeKind: t.timeframe_kind as TimeframeKind,
      timeframeText: t.timeframe_text,
      start: t.start_date,
      end: t.end_date,
      milestones,
    };
    const hasDates = !!(t.start_date || t.end_date || milestones.length);
    if (!hasDates) {
      const lane = (["ongoing", "as_directed", "per_plan"] as const).find((l) => l === t.timeframe_kind);
      lanes[lane ?? "unspecified"].push(item);
      continue;
    }
    const qs = quartersOf(t, milestones, year);
    if (qs.length === 0) lanes.outside.push(item);
    for (const q of qs) quarters[q - 1]?.tasks.push(item);
  }
  return { year, quarters, lanes };
}
