/**
 * The budget register as the rest of the platform sees it: entries on task pages, and the report's
 * sentence "Đề xuất 12 khoản kinh phí, tổng 1.250.000.000 đ; đã duyệt 8 khoản, 900.000.000 đ; đã giải
 * ngân 600.000.000 đ" with its annex sheet.
 */
import { formatDong } from "../../shared/text/money.js";
import { hoChiMinhDateOf } from "../follow-up/calendar/calendar.clock.js";
import {
  listedRegisterKind,
  type RegisterEntrySummary,
  type RegisterKind,
} from "../registers/register-kinds.js";
import { budgetColumns, budgetSheetRows } from "./budget.export.js";
import { type BudgetItemRow, createBudgetRepository } from "./budget.repository.js";

const repository = createBudgetRepository();

const summary = (r: BudgetItemRow): RegisterEntrySummary => ({
  id: r.id,
  title: `${r.title} (${formatDong(Number(r.approved_amount ?? r.proposed_amount))})`,
  date: r.proposed_on ?? hoChiMinhDateOf(r.created_at),
  path: `/budget/${r.id}`,
});

/** The report sentence of a period's items. */
export function budgetSentence(rows: BudgetItemRow[]): string {
  if (rows.length === 0) return "Trong kỳ, chưa có đề xuất kinh phí.";
  const proposed = rows.reduce((s, r) => s + Number(r.proposed_amount), 0);
  const approvedRows = rows.filter((r) => r.status === "approved" || r.status === "disbursed");
  const approved = approvedRows.reduce((s, r) => s + Number(r.approved_amount ?? 0), 0);
  const disbursedRows = rows.filter((r) => r.disbursed_amount !== null && Number(r.disbursed_amount) > 0);
  const disbursed = disbursedRows.reduce((s, r) => s + Number(r.disbursed_amount ?? 0), 0);
  return (
    `Đề xuất ${rows.length} khoản kinh phí, tổng ${formatDong(proposed)}; ` +
    `đã duyệt ${approvedRows.length} khoản, ${formatDong(approved)}; ` +
    `đã giải ngân ${formatDong(disbursed)}.`
  );
}

export const budgetKind: RegisterKind = listedRegisterKind({
  kind: "budget_item",
  label: { vi: "Đề xuất kinh phí", en: "Budget proposals" },
  heading: "Kinh phí",
  sheetName: "Kinh phí",
  repository,
  summary,
  sentence: budgetSentence,
  columns: budgetColumns,
  sheetRows: budgetSheetRows,
});
