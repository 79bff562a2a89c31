import type { ExportColumn } from "../../../platform/export/export.columns.js";
import type { TaskStatus } from "../../follow-up/status/status.types.js";
import { TASK_STATUS_LABELS } from "../../follow-up/status/status.types.js";
import type { MonitoringReportFigures } from "../../monitoring/stats/report-figures.js";
import { addMonitoringSheet } from "./monitoring.xlsx.js";
import type { RegisterAnnexSheet } from "./report.model.js";
import { createStreamWorkbook, type StreamWorkbook, writeTableSheet } from "./xlsx-stream.js";

/** One task row of the annex (phụ lục) to a report. */
export interface AnnexTaskRow {
  /** "II.7" */
  ref: string;
  text: string;
  directing: readonly string[];
  leads: readonly string[];
  coordinators: readonly string[];
  /** The time frame as written: "Trong Quý II/2024". */
  timeframe: string;
  status: TaskStatus;
  /** Extra status detail, e.g. "quá hạn 36 ngày" or a recorded due date. */
  statusNote?: string | null;
  /** Results, products, evidence (one per line in the cell). */
  evidence: readonly string[];
}

/** Title and rows of an annex. */
export interface AnnexModel {
  /** "PHỤ LỤC" title lines, e.g. ["PHỤ LỤC", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ …", "(Kèm theo Báo cáo số 15-BC/BCĐ …)"]. */
  titleLines: readonly string[];
  tasks: readonly AnnexTaskRow[];
  sheetName?: string;
  /** Media-monitoring figures of the period: adds the "Theo dõi thông tin" sheet. */
  monitoring?: MonitoringReportFigures | null;
  /** A sheet per register with entries in the period (delegations, press visits, events…). */
  registerSheets?: readonly RegisterAnnexSheet[];
}

/** The annex columns, reusable for the CSV version of the same list. */
export const ANNEX_COLUMNS: readonly ExportColumn<AnnexTaskRow & { index: number }>[] = [
  { header: "TT", value: (t) => t.index, width: 5 },
  { header: "Ký hiệu", value: (t) => t.ref, width: 8 },
  { header: "Nội dung nhiệm vụ", value: (t) => t.text, width: 60 },
  { header: "Chỉ đạo thực hiện", value: (t) => t.directing, width: 18 },
  { header: "Chủ trì", value: (t) => t.leads, width: 22 },
  { header: "Phối hợp", value: (t) => t.coordinators, width: 22 },
  { header: "Thời gian", value: (t) => t.timeframe, width: 18 },
  {
    header: "Tình trạng",
    value: (t) =>
      t.statusNote ? `${TASK_STATUS_LABELS[t.status].vi} (${t.statusNote})` : TASK_STATUS_LABELS[t.status].vi,
    width: 22,
  },
  {
    header: "Kết quả, sản phẩm, minh chứng",
    value: (t) => t.evidence.map((e) => `- ${e}`).join("\n"),
    width: 45,
  },
];

/**
 * The task annex of a report as an .xlsx workbook: every task with its reference, text, directing
 * official, leads, coordinators, time frame, status and evidence; header bold and frozen, widths set,
 * text wrapped, printed A4 landscape fitted to the page width with the header repeated. Then the
 * monitoring sheet and a sheet per register, all streamed (see xlsx-stream.ts).
 */
export async function buildTaskAnnexXlsx(model: AnnexModel): Promise<Buffer> {
  const book = createStreamWorkbook();
  const { ws } = writeTableSheet(book, {
    name: model.sheetName ?? "Phụ lục",
    titleLines: model.titleLines,
    columns: ANNEX_COLUMNS,
    rows: model.tasks.map((t, i) => ({ ...t, index: i + 1 })),
    font: { name: "Times New Roman", size: 12 },
  });
  ws.commit();
  if (model.monitoring) addMonitoringSheet(book, model.monitoring);
  for (const sheet of model.registerSheets ?? []) addRegisterSheet(book, sheet);
  return book.finish();
}

type RegisterRow = { index: number; cells: readonly (string | number | null)[] };

/** A register's sheet: TT, then its columns; header bold and frozen, text wrapped, A4 landscape. */
function addRegisterSheet(book: StreamWorkbook, sheet: RegisterAnnexSheet): void {
  const columns: ExportColumn<RegisterRow>[] = [
    { header: "TT", value: (r) => r.index, width: 5 },
    ...sheet.columns.map((c, i) => ({
      header: c.header,
      value: (r: RegisterRow) => r.cells[i] ?? null,
      ...(c.width !== undefined && { width: c.width }),
      ...(c.numFmt !== undefined && { numFmt: c.numFmt }),
    })),
  ];
  const { ws } = writeTableSheet(book, {
    name: sheet.name,
    titleLines: [sheet.name.toUpperCase()],
    columns,
    rows: sheet.rows.map((cells, i) => ({ index: i + 1, cells })),
  });
  ws.commit();
}
