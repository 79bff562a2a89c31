/** The media-monitoring section of a report in Word: heading, paragraphs, case bullets, coverage table. */
import type { Paragraph, Table } from "docx";
import { bodyParagraph, dataTable, heading, run } from "./docx.layout.js";
import { formatPercent } from "./docx.text.js";
import type { MonitoringSection } from "./report.model.js";

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * The section's blocks; `title` is its numbered heading ("2. Công tác theo dõi thông tin…").
 * The table groups categories under roman-numbered dimension rows, with shares of all items.
 */
export function monitoringBlocks(title: string, s: MonitoringSection): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(title)];
  for (const p of s.paragraphs) out.push(bodyParagraph(p));
  for (const b of s.bullets ?? []) out.push(bodyParagraph(`- ${b}`));
  if (!s.table) return out;
  const { total } = s.table;
  const rows: string[][] = [];
  const groupRows = new Set<number>();
  let group = 0;
  let item = 0;
  for (const r of s.table.rows) {
    if (r.count === null) {
      groupRows.add(rows.length);
      rows.push([ROMAN[group++] ?? String(group), r.label, "", ""]);
      item = 0;
    } else {
      rows.push([
        String(++item),
        r.label,
        String(r.count),
        total > 0 ? formatPercent((r.count / total) * 100) : "",
      ]);
    }
  }
  groupRows.add(rows.length);
  rows.push(["", "Tổng số tin, bài đề cập đến thành phố", String(total), "100"]);
  out.push(
    bodyParagraph([run("Số tin, bài đề cập đến thành phố trong kỳ:", { italics: true })], { keepNext: true }),
    dataTable(["TT", "Nội dung", "Số tin, bài", "Tỷ lệ (%)"], rows, [12, 95, 28, 30], false, groupRows),
  );
  return out;
}
