/**
 * The registers' part of a report: each register's sentences for the period under its heading
 * ("Đoàn ra, đoàn vào", "Phóng viên nước ngoài"…), its sheet for the annex, and, under each task, the
 * entries attached to it as evidence ("Đoàn ra, đoàn vào: Đoàn … (12/03/2024)").
 */
import type { CellValue } from "../../platform/export/index.js";
import { clipAtWord } from "../../shared/text/vi-format.js";
import type { RegisterFigures } from "../registers/register-kinds.js";
import type { ReportTaskEntry } from "../registers/registers.service.js";
import { formatShortDate } from "./docx/docx.text.js";
import type { RegistersSection } from "./docx/report.model.js";

/** The longest paragraph a stored draft accepts (`Line` in the reports API). */
const PARAGRAPH_MAX = 5000;

export const REGISTERS_HEADING =
  "Kết quả các mặt công tác đối ngoại, thông tin đối ngoại (theo các sổ theo dõi)";

/** A cell as the stored draft keeps it (JSON): dates as dd/mm/yyyy, booleans as "x". */
function storedCell(v: CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return formatShortDate(v.toISOString().slice(0, 10));
  if (typeof v === "boolean") return v ? "x" : "";
  return v;
}

/** The section, or null when no register has anything for the period. */
export function registersSection(figures: readonly RegisterFigures[]): RegistersSection | null {
  const kept = figures.filter((f) => f.sentences.length > 0 || f.sheet.rows.length > 0);
  if (kept.length === 0) return null;
  return {
    heading: REGISTERS_HEADING,
    groups: kept.map((f) => ({
      kind: f.kind,
      heading: f.heading,
      // A draft's paragraph holds at most 5,000 characters (it must stay savable); the registers' sentences
      // are short, and this keeps a runaway one within the limit.
      paragraphs:
        f.sentences.length > 0
          ? f.sentences.map((p) => clipAtWord(p, PARAGRAPH_MAX - 1))
          : ["Trong kỳ, sổ theo dõi chưa ghi nhận số liệu."],
    })),
    sheets: kept
      .filter((f) => f.sheet.rows.length > 0)
      .map((f) => ({
        name: f.sheet.name,
        columns: f.sheet.columns.map((c) => ({ header: c.header, width: c.width, numFmt: c.numFmt })),
        rows: f.sheet.rows.map((r) => r.map(storedCell)),
      })),
  };
}

/** Lines naming a task's attached entries, for its evidence in the document and the annex. */
export function taskRegisterLines(entries: readonly ReportTaskEntry[] | undefined): string[] {
  return (entries ?? []).map((e) => `${e.label}: ${e.title}${e.date ? ` (${formatShortDate(e.date)})` : ""}`);
}
