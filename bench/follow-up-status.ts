/**
 * Bench: the follow-up status engine on 10,000 tasks assessed against 12 reporting periods.
 * Targets: one `computeStatuses` call < 200 ms; statuses as of all 12 period cut-offs
 * (`computeStatusesAt`, one pass sharing each task's prepared check-ins) < 200 ms.
 * Appends results to bench/RESULTS.md.
 *
 *   node --import ./scripts/ts-loader.mjs bench/follow-up-status.ts [--no-record]
 */
import { execSync } from "node:child_process";
import { appendFileSync, existsSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import {
  computePreparedStatuses,
  computeStatuses,
  computeStatusesAt,
} from "../src/modules/follow-up/status/status.engine.js";
import { reportingPeriods } from "../src/modules/follow-up/status/status.periods.js";
import { prepareTasks } from "../src/modules/follow-up/status/status.prepared.js";
import { summarizeStatuses } from "../src/modules/follow-up/status/status.summary.js";
import type { CheckIn, FollowUpTask, TaskTimeframe } from "../src/modules/follow-up/status/status.types.js";

const TASKS = 10_000;
const RUNS = 15;
// 12 reporting periods: the quarters of 2024–2026.
const periods = [2024, 2025, 2026].flatMap((year) => reportingPeriods({ year, kinds: ["quarter"] }));
const periodKeys = periods.map((p) => p.key);

let seed = 42;
function rand(): number {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
}
function pick<T>(list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}
function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function timeframeFor(i: number): TaskTimeframe {
  switch (i % 6) {
    case 0:
      return { kind: "period", start: "2024-04-01", end: day(90 + Math.floor(rand() * 700)) };
    case 1:
      return {
        kind: "period",
        start: "2024-01-01",
        end: "2024-12-31",
        milestones: [{ due: "2024-06-30" }, { due: "2024-12-31" }],
      };
    case 2:
      return { kind: "ongoing", start: "2024-01-01", end: "2026-12-31" };
    case 3:
      return { kind: "as_directed" };
    case 4:
      return { kind: "per_plan", plan: "318/KH-UBND" };
    default:
      return { kind: "deadline", end: day(Math.floor(rand() * 900)) };
  }
}

function checkInsFor(): CheckIn[] {
  const n = 2 + Math.floor(rand() * 10); // 2–11 check-ins, about one per reporting period
  const list: CheckIn[] = [];
  for (let k = 0; k < n; k++) {
    const submitted = Math.floor(rand() * 1000);
    const r = rand();
    list.push({
      period: pick(periodKeys),
      submittedAt: rand() < 0.5 ? day(submitted) : `${day(submitted)}T09:15:00+07:00`,
      progress: Math.floor(rand() * 101),
      reportedComplete: r < 0.3,
      completedOn: r < 0.15 ? day(submitted) : null,
      milestone: r < 0.05 ? "2024-06-30" : null,
      confirmation:
        r < 0.2
          ? { state: "confirmed", at: day(submitted + 2) }
          : r < 0.25
            ? { state: "returned", at: `${day(submitted + 1)}T02:00:00Z`, reason: "Thiếu minh chứng" }
            : { state: "pending" },
    });
  }
  return list;
}

const tasks: FollowUpTask[] = [];
for (let i = 0; i < TASKS; i++) {
  const timeframe = timeframeFor(i);
  tasks.push({
    id: `T${i}`,
    timeframe,
    dueDates:
      timeframe.kind === "as_directed" && rand() < 0.6
        ? [{ due: day(Math.floor(rand() * 900)), directive: "CV số 45-CV/BCĐ" }]
        : [],
    checkIns: checkInsFor(),
  });
}
const checkInCount = tasks.reduce((n, t) => n + t.checkIns.length, 0);

function measure(fn: () => void): { median: number; p90: number; min: number } {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(RUNS / 2)] as number,
    p90: times[Math.floor(RUNS * 0.9)] as number,
    min: times[0] as number,
  };
}

const asOf = "2025-06-14";
const one = measure(() => computeStatuses(tasks, asOf, { periods }));
const each = measure(() => {
  for (const p of periods) computeStatuses(tasks, p.end, { periods });
});
const cutoffs = periods.map((p) => p.end);
const multi = measure(() => computeStatusesAt(tasks, cutoffs, { periods }));
// What the platform pays once its data is loaded: tasks are prepared once per load.
const prep = measure(() => prepareTasks(tasks));
const prepared = prepareTasks(tasks);
const onePrepared = measure(() => computePreparedStatuses(prepared, asOf, { periods }));
const multiPrepared = measure(() => computeStatusesAt(prepared, cutoffs, { periods }));
const results = computeStatuses(tasks, asOf, { periods });
const summary = measure(() => summarizeStatuses(results, { groupBy: { kind: (r) => r.kind } }));
const counts = summarizeStatuses(results).byStatus;

const fmt = (m: { median: number; p90: number; min: number }) =>
  `median ${m.median.toFixed(1)} ms, p90 ${m.p90.toFixed(1)} ms, min ${m.min.toFixed(1)} ms`;
const sh = (cmd: string) => {
  try {
    return execSync(cmd, { encoding: "utf8" }).trim();
  } catch {
    return "n/a";
  }
};
const lines = [
  "",
  "## Follow-up — status engine (run)",
  "",
  `- Date: ${new Date().toISOString()}`,
  `- Machine: nproc ${sh("nproc")} (${cpus()[0]?.model ?? "?"}), node ${process.version}`,
  `- free -h: \`${sh("free -h | sed -n 2p").replace(/\s+/g, " ")}\``,
  `- Workload: ${TASKS} tasks (period, milestones, ongoing, as_directed ±recorded due, per_plan, deadline), ${checkInCount} check-ins, ${periods.length} reporting periods (quarters 2024–2026), ${RUNS} timed runs after 5 warm-ups`,
  `- \`computeStatuses\` once (as of ${asOf}): ${fmt(one)} — target < 200 ms: ${one.median < 200 ? "PASS" : "FAIL"}`,
  `- \`computeStatuses\` as of each of the 12 period cut-offs (12 calls): ${fmt(each)}`,
  `- \`computeStatusesAt\` all 12 cut-offs in one pass: ${fmt(multi)} — target < 200 ms: ${multi.median < 200 ? "PASS" : "FAIL"}`,
  `- of which \`prepareTasks\` (once per loaded programme in the platform): ${fmt(prep)}; on tasks already prepared: one cut-off ${fmt(onePrepared)}, all 12 cut-offs ${fmt(multiPrepared)}`,
  `- Load: \`${sh("uptime")}\``,
  `- \`summarizeStatuses\` with one grouping: ${fmt(summary)}`,
  `- Status counts as of ${asOf}: ${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}`,
];
const out = lines.join("\n");
console.log(out);
if (!process.argv.includes("--no-record")) {
  const file = new URL("./RESULTS.md", import.meta.url);
  if (!existsSync(file)) appendFileSync(file, "# Benchmark results\n");
  appendFileSync(file, `${out}\n`);
}
