/**
 * The media-monitoring sheet of a report's annex: coverage of the city by every dimension (all
 * categories, not only the five the document prints), the outlets that wrote most, and the response
 * cases of the period with assessment, state, actions, outcome.
 */
import type ExcelJS from "exceljs";
import type { MonitoringReportFigures } from "../../monitoring/stats/report-figures.js";
import { MONITORING_LABELS as L } from "../report-monitoring.js";
import { formatShortDate } from "./docx.text.js";
import { type StreamWorkbook, styleRow, writeTableSheet } from "./xlsx-stream.js";

interface CoverageRow {
  group: string;
  label: string;
  count: number;
  percent: number | null;
}

const CASE_STATES: Record<string, string> = {
  open: "Mới mở",
  in_progress: "Đang xử lý",
  resolved: "Đã xử lý",
  closed: "Đã đóng",
};

function coverageRows(f: MonitoringReportFigures): CoverageRow[] {
  const share = (n: number) => (f.total > 0 ? Math.round((n / f.total) * 1000) / 10 : null);
  const rows: CoverageRow[] = [
    { group: "Tổng số", label: "Tin, bài đề cập đến thành phố", count: f.total, percent: share(f.total) },
    { group: "Tổng số", label: "Nguồn tin", count: f.outlets, percent: null },
    {
      group: "Tổng số",
      label: "Tin, bài có dấu hiệu sai lệch (cần kiểm tra)",
      count: f.flaggedFalse,
      percent: null,
    },
  ];
  const dims: [string, Record<string, number>, (k: string) => string][] = [
    ["Ngôn ngữ", f.byLanguage, (k) => L.languages[k] ?? k],
    ["Quốc gia", f.byCountry, (k) => L.countries[k] ?? k],
    ["Loại nguồn tin", f.byOutletType, (k) => L.outletTypes[k] ?? k],
    ["Sắc thái", f.byTone, (k) => L.tones[k] ?? k],
    ["Chủ đề", f.byTopic, (k) => f.topicNames[k] ?? k],
  ];
  const capitalize = (t: string) => t.charAt(0).toLocaleUpperCase("vi") + t.slice(1);
  for (const [group, counts, name] of dims)
    for (const [k, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]))
      rows.push({ group, label: capitalize(name(k)), count: n, percent: share(n) });
  for (const o of f.topOutlets)
    rows.push({
      group: "Nguồn đưa tin nhiều nhất",
      label: `${o.name} (${L.outletTypes[o.outletType] ?? o.outletType}, ${o.country})`,
      count: o.count,
      percent: share(o.count),
    });
  return rows;
}

/** Adds the "Theo dõi thông tin" sheet to an annex workbook. */
export function addMonitoringSheet(book: StreamWorkbook, f: MonitoringReportFigures): void {
  const font: Partial<ExcelJS.Font> = { name: "Times New Roman" };
  const { ws } = writeTableSheet(book, {
    name: "Theo dõi thông tin",
    titleLines: [
      "SỐ LIỆU THEO DÕI THÔNG TIN VỀ THÀNH PHỐ TRÊN BÁO CHÍ, MẠNG XÃ HỘI",
      `(Từ ngày ${formatShortDate(f.from)} đến ngày ${formatShortDate(f.to)})`,
    ],
    columns: [
      { header: "Nhóm", value: (r: CoverageRow) => r.group, width: 26 },
      { header: "Phân loại", value: (r: CoverageRow) => r.label, width: 50 },
      { header: "Số tin, bài", value: (r: CoverageRow) => r.count, width: 12 },
      { header: "Tỷ lệ (%)", value: (r: CoverageRow) => r.percent, width: 12, numFmt: "0.0" },
    ],
    rows: coverageRows(f),
    font,
    moreWidths: [40, 40],
  });
  const plain: Partial<ExcelJS.Style> = { font };
  const bold: Partial<ExcelJS.Style> = { font: { ...font, bold: true } };
  const wrapped: Partial<ExcelJS.Style> = { font, alignment: { vertical: "top", wrapText: true } };
  const add = (values: (string | null)[], style: Partial<ExcelJS.Style>) => {
    const r = ws.addRow(values);
    styleRow(r, values.length, () => style);
    r.commit();
  };
  ws.addRow([]).commit();
  add(["HỒ SƠ XỬ LÝ THÔNG TIN TRONG KỲ"], bold);
  add(["Mở ngày", "Hồ sơ", "Đánh giá", "Tình trạng", "Biện pháp", "Kết quả"], bold);
  if (f.cases.length === 0) add(["", "Không có hồ sơ xử lý trong kỳ"], plain);
  for (const c of f.cases) {
    // As at the end of the period: a case closed later is still in progress, without its outcome.
    const isDone = c.closedOn !== null && c.closedOn <= f.to;
    add(
      [
        formatShortDate(c.openedOn),
        c.title,
        L.assessments[c.assessment] ?? c.assessment,
        isDone
          ? `${CASE_STATES[c.state] ?? c.state} (${formatShortDate(c.closedOn as string)})`
          : "Đang xử lý",
        c.actions.map((a) => `- ${L.actions[a.kind] ?? a.kind}${a.note ? `: ${a.note}` : ""}`).join("\n"),
        isDone ? (c.outcome ?? "") : "",
      ],
      wrapped,
    );
  }
  ws.commit();
}
