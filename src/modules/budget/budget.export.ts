/** The budget register as a list export (CSV, XLSX) and as the sheet of a report's XLSX annex. */
import { type CellValue, type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import type { BudgetStatus } from "../../shared/api/budget.js";
import { BUDGET_STATUS_LABELS } from "./budget.presenter.js";
import type { BudgetItemRow } from "./budget.repository.js";

const MONEY = "#,##0";

export const budgetColumns: ExportColumn<BudgetItemRow>[] = [
  { header: "Năm", value: (r) => r.year, width: 8 },
  { header: "Nội dung đề xuất", value: (r) => r.title, width: 50 },
  { header: "Đơn vị đề xuất", value: (r) => r.unit_name ?? "", width: 28 },
  { header: "Ngày đề xuất", value: (r) => r.proposed_on ?? "", width: 14 },
  {
    header: "Trạng thái",
    value: (r) => BUDGET_STATUS_LABELS[r.status as BudgetStatus] ?? r.status,
    width: 14,
  },
  { header: "Kinh phí đề xuất (đồng)", value: (r) => Number(r.proposed_amount), width: 20, numFmt: MONEY },
  {
    header: "Kinh phí được duyệt (đồng)",
    value: (r) => (r.approved_amount === null ? null : Number(r.approved_amount)),
    width: 20,
    numFmt: MONEY,
  },
  {
    header: "Đã giải ngân (đồng)",
    value: (r) => (r.disbursed_amount === null ? null : Number(r.disbursed_amount)),
    width: 20,
    numFmt: MONEY,
  },
  { header: "Ghi chú", value: (r) => r.description ?? "", width: 40 },
];

export async function exportBudget(rows: BudgetItemRow[], format: "csv" | "xlsx") {
  if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: toCsv(rows, budgetColumns) };
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(rows, budgetColumns, { sheetName: "Kinh phí" }),
  };
}

/** The rows of the register's annex sheet (same columns as the export). */
export function budgetSheetRows(rows: BudgetItemRow[]): CellValue[][] {
  return rows.map((r) =>
    budgetColumns.map((c) => {
      const v = c.value(r);
      return Array.isArray(v) ? v.join("; ") : (v as CellValue);
    }),
  );
}
