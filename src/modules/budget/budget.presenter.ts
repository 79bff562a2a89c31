/** Budget rows → API shapes. */
import type { BudgetDocument, BudgetItemDto, BudgetStatus } from "../../shared/api/budget.js";
import type { BudgetDocumentRow, BudgetItemRow } from "./budget.repository.js";

export function presentBudgetItem(row: BudgetItemRow): BudgetItemDto {
  return {
    id: row.id,
    title: row.title,
    year: row.year,
    description: row.description,
    unitId: row.unit_id,
    unitName: row.unit_name,
    status: row.status as BudgetStatus,
    proposedAmount: Number(row.proposed_amount),
    approvedAmount: row.approved_amount === null ? null : Number(row.approved_amount),
    disbursedAmount: row.disbursed_amount === null ? null : Number(row.disbursed_amount),
    proposedOn: row.proposed_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentBudgetDocument(row: BudgetDocumentRow): BudgetDocument {
  return {
    id: row.id,
    title: row.title,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    createdAt: row.created_at,
  };
}

/** Vietnamese labels of the statuses, for exports and reports. */
export const BUDGET_STATUS_LABELS: Record<BudgetStatus, string> = {
  proposed: "Đề xuất",
  approved: "Được duyệt",
  disbursed: "Đã giải ngân",
};
