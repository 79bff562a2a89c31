/** Calls of the budget register API; the shapes come from the server's own schemas (src/shared/api/budget.ts). */
import type { z } from "zod";
import type {
  BudgetDocument,
  BudgetItemDetail,
  BudgetItemDto,
  BudgetTotals,
  CreateBudgetItemBody,
  UpdateBudgetItemBody,
} from "../../../shared/api/budget";
import { api, download } from "../../api/client";

export type BudgetInput = z.input<typeof CreateBudgetItemBody>;

export const budgetApi = {
  get: (id: string, signal?: AbortSignal) =>
    api.get<BudgetItemDetail>(`/api/budget-items/${id}`, undefined, signal),
  create: (input: BudgetInput) => api.post<BudgetItemDto>("/api/budget-items", input),
  update: (id: string, input: z.input<typeof UpdateBudgetItemBody>) =>
    api.patch<BudgetItemDto>(`/api/budget-items/${id}`, input),
  remove: (id: string) => api.delete(`/api/budget-items/${id}`),
  totals: (year: number | undefined, signal?: AbortSignal) =>
    api.get<BudgetTotals>("/api/budget-items/totals", { year }, signal),
  addDocument: (id: string, input: { title?: string; filename: string; contentBase64: string }) =>
    api.post<BudgetDocument>(`/api/budget-items/${id}/documents`, input),
  removeDocument: (id: string, documentId: string) =>
    api.delete(`/api/budget-items/${id}/documents/${documentId}`),
  downloadDocument: (id: string, doc: BudgetDocument) =>
    download(`/api/budget-items/${id}/documents/${doc.id}/file`, {}, doc.fileName),
  export: (format: "csv" | "xlsx", filter: { q?: string; year?: number; status?: string }) =>
    download("/api/budget-items/export", { ...filter, format }, `kinh-phi.${format}`),
};
