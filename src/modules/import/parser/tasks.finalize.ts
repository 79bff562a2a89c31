/**
 * Turns task drafts into tasks: joins paragraphs, takes footnote marks out, normalises the time frame, and
 * warns about fields a task lacks while its sibling tasks state them (II.19 without "Thời gian").
 */
import { type FootnoteBody, takeFootnotes } from "./footnotes.parser.js";
import type { ParsedTask, ParseWarning } from "./parsed-programme.types.js";
import type { TaskDraft, TaskField } from "./task-attributes.parser.js";
import { parseTimeframe } from "./timeframe.parser.js";

const FIELD_LABELS: Record<TaskField, string> = {
  directing: "người chỉ đạo thực hiện",
  leads: "cơ quan/người chủ trì",
  coordinators: "cơ quan phối hợp",
  timeframe: "thời gian thực hiện",
  products: "sản phẩm",
};
const FIELD_CODES: Record<TaskField, string> = {
  directing: "directing_missing",
  leads: "leads_missing",
  coordinators: "coordinators_missing",
  timeframe: "timeframe_missing",
  products: "products_missing",
};

/** Finalises drafts in document order; `defaultYear` is the programme's year for "6 tháng đầu năm". */
export function finaliseTasks(
  drafts: TaskDraft[],
  footnotes: Map<string, FootnoteBody>,
  defaultYear: number | null,
): { tasks: ParsedTask[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const statedInSection = new Map<string, Set<TaskField>>();
  for (const d of drafts) {
    const set = statedInSection.get(d.section) ?? new Set<TaskField>();
    for (const f of d.stated) set.add(f);
    statedInSection.set(d.section, set);
  }
  const tasks = drafts.map((d): ParsedTask => {
    const paragraphs = d.paragraphs.map((p) => takeFootnotes(p, footnotes));
    for (const p of paragraphs) {
      for (const mark of p.missing) {
        warnings.push({
          code: "footnote_text_missing",
          message: `Không tìm thấy nội dung chú thích ${mark}`,
          line: d.lineStart,
          taskRef: d.ref,
        });
      }
    }
    const { timeframe, doubt } = parseTimeframe(d.timeframeText, defaultYear);
    const siblings = statedInSection.get(d.section) ?? new Set<TaskField>();
    // Products are optional even when siblings list them, so only the fields every task needs are checked.
    for (const field of ["directing", "leads", "timeframe"] as const) {
      const empty = field === "timeframe" ? d.timeframeText === null : d[field].length === 0;
      if (empty && (siblings.has(field) || d.stated.has(field))) {
        warnings.push({
          code: FIELD_CODES[field],
          message: `Nhiệm vụ ${d.ref} không ghi ${FIELD_LABELS[field]}`,
          line: d.lineStart,
          taskRef: d.ref,
        });
      }
    }
    if (doubt === "unrecognised") {
      warnings.push({
        code: "timeframe_unrecognised",
        message: `Chưa hiểu được thời gian "${d.timeframeText}"; cần nhập hạn thủ công`,
        line: d.lineStart,
        taskRef: d.ref,
      });
    } else if (doubt === "year_assumed") {
      warnings.push({
        code: "timeframe_year_assumed",
        message: `Thời gian "${d.timeframeText}" không ghi năm; đã lấy năm của chương trình (${defaultYear})`,
        line: d.lineStart,
        taskRef: d.ref,
      });
    }
    warnings.push(...d.warnings);
    return {
      ref: d.ref,
      section: d.section,
      text: paragraphs.map((p) => p.text.trim()).join("\n\n"),
      footnotes: paragraphs.flatMap((p) => p.footnotes),
      directing: d.directing,
      leads: d.leads,
      coordinators: d.coordinators,
      products: d.products,
      timeframe,
      source: { lineStart: d.lineStart, lineEnd: d.lineEnd },
    };
  });
  return { tasks, warnings };
}
