import ExcelJS from "exceljs";
import type { ExportColumn } from "../../../platform/export/export.columns.js";
import { addTable, safeSheetName } from "../../../platform/export/export.xlsx.js";
import type { TaskStatus } from "../../follow-up/status/status.types.js";
import { TASK_STATUS_LABELS } from "../../follow-up/status/status.types.js";
import type { MonitoringReportFigures } from "../../monitoring/stats/report-figures.js";
import { addMonitoringSheet } from "./monitoring.xlsx.js";
import type { RegisterAnnexSheet } from "./report.model.js";

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
 * text wrapped, printed A4 landscape fitted to the page width with the header repeated.
 */
export async function buildTaskAnnexXlsx(model: AnnexModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Hải Đăng";
  const ws = wb.addWorksheet(safeSheetName(model.sheetName ?? "Phụ lục"), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const rows = model.tasks.map((t, i) => ({ ...t, index: i + 1 }));
  const headerRow = addTable(ws, rows, ANNEX_COLUMNS, model.titleLines);
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.eachRow((row) => {
    row.font = {
      ...row.font,
      name: "Times New Roman",
      size: row.number === headerRow ? 12 : (row.font?.size ?? 12),
    };
  });
  if (model.monitoring) addMonitoringSheet(wb, model.monitoring);
  for (const sheet of model.registerSheets ?? []) addRegisterSheet(wb, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A register's sheet: TT, then its columns; header bold and frozen, text wrapped, A4 landscape. */
function addRegisterSheet(wb: ExcelJS.Workbook, sheet: RegisterAnnexSheet): void {
  const taken = new Set(wb.worksheets.map((w) => w.name));
  let name = safeSheetName(sheet.name);
  for (let i = 2; taken.has(name); i++) name = safeSheetName(`${sheet.name.slice(0, 27)} (${i})`);
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  type Row = { index: number; cells: readonly (string | number | null)[] };
  const columns: ExportColumn<Row>[] = [
    { header: "TT", value: (r) => r.index, width: 5 },
    ...sheet.columns.map((c, i) => ({
      header: c.header,
      value: (r: Row) => r.cells[i] ?? null,
      ...(c.width !== undefined && { width: c.width }),
      ...(c.numFmt !== undefined && { numFmt: c.numFmt }),
    })),
  ];
  const headerRow = addTable(
    ws,
    sheet.rows.map((cells, i) => ({ index: i + 1, cells })),
    columns,
    [sheet.name.toUpperCase()],
  );
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}
