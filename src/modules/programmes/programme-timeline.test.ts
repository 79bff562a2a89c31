import { describe, expect, it } from "vitest";
import { buildTimeline } from "./programme-timeline.js";
import type { TaskTable } from "./programmes.tables.js";

const task = (ref: string, t: Partial<TaskTable>): TaskTable => ({
  id: ref,
  lineage_id: ref,
  programme_id: "p",
  ref,
  section_ref: "II",
  position: 0,
  kind: "specific",
  text: "",
  folded_text: "",
  footnotes_json: "[]",
  products_json: "[]",
  timeframe_text: null,
  timeframe_kind: "period",
  start_date: null,
  end_date: null,
  milestones_json: "[]",
  plan_ref: null,
  due_date: null,
  source_line_start: null,
  source_line_end: null,
  created_at: "",
  updated_at: "",
  ...t,
});

describe("buildTimeline", () => {
  const tl = buildTimeline(
    [
      task("year", { start_date: "2024-01-01", end_date: "2024-12-31" }),
      task("q2", { start_date: "2024-04-01", end_date: "2024-06-30" }),
      task("deadline", { timeframe_kind: "deadline", end_date: "2024-08-15" }),
      task("halves", {
        start_date: "2024-01-01",
        end_date: "2024-12-31",
        milestones_json: '[{"due":"2024-06-30"},{"due":"2024-12-31"}]',
      }),
      task("ongoing", { timeframe_kind: "ongoing" }),
      task("directed", { timeframe_kind: "as_directed" }),
      task("later", { start_date: "2025-01-01", end_date: "2025-03-31" }),
    ],
    2024,
  );
  const refs = (q: number) => tl.quarters[q - 1]?.tasks.map((t) => t.ref);

  it("places dated tasks in the quarters they touch, milestones at their due quarter", () => {
    expect(refs(1)).toEqual(["year"]);
    expect(refs(2)).toEqual(["year", "q2", "halves"]);
    expect(refs(3)).toEqual(["year", "deadline"]);
    expect(refs(4)).toEqual(["year", "halves"]);
  });

  it("keeps undated tasks in their own lanes and other years outside", () => {
    expect(tl.lanes.ongoing.map((t) => t.ref)).toEqual(["ongoing"]);
    expect(tl.lanes.as_directed.map((t) => t.ref)).toEqual(["directed"]);
    expect(tl.lanes.outside.map((t) => t.ref)).toEqual(["later"]);
  });
});
