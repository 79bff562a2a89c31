/**
 * Importing budget items from an XLSX sheet filled in by hand (the export's columns): amounts in whole
 * đồng ("1.234.567", "1.234.567 đ" or a number cell), statuses in words, every row checked and reported
 * by its Excel row number; only a sheet without a bad row is inserted, in one transaction.
 */
import { z } from "zod";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import type { BudgetStatus } from "../../shared/api/budget.js";
import { foldVietnamese } from "../../shared/text/fold.js";

export const BUDGET_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "year", header: "Năm", required: true },
  { key: "title", header: "Nội dung đề xuất", aliases: ["Nội dung"], required: true },
  { key: "unit", header: "Đơn vị đề xuất", aliases: ["Đơn vị"] },
  { key: "proposedOn", header: "Ngày đề xuất" },
  { key: "status", header: "Trạng thái" },
  { key: "proposedAmount", header: "Kinh phí đề xuất (đồng)", aliases: ["Kinh phí đề xuất"], required: true },
  { key: "approvedAmount", header: "Kinh phí được duyệt (đồng)", aliases: ["Kinh phí được duyệt"] },
  { key: "disbursedAmount", header: "Đã giải ngân (đồng)", aliases: ["Đã giải ngân"] },
  { key: "description", header: "Ghi chú" },
];

const AMOUNT_MESSAGE = "Số tiền phải là số nguyên đồng, không âm";

/** "1.234.567", "1.234.567 đ", "1234567" or a number cell → whole đồng; anything else is an issue. */
export function parseDong(value: string | number): number | null {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value : null;
  const s = value.replace(/\s*(đ|đồng|vnđ|vnd)\s*$/i, "").replace(/\s/g, "");
  if (!/^(\d{1,3}(\.\d{3})+|\d+)$/.test(s)) return null;
  const n = Number(s.replace(/\./g, ""));
  return Number.isSafeInteger(n) ? n : null;
}

const amount = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const n = parseDong(v);
  if (n === null) ctx.addIssue({ code: "custom", message: `${AMOUNT_MESSAGE}: "${v}"` });
  return n ?? 0;
});
const optionalAmount = amount.nullable();
const text = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v) => (v === null ? null : String(v).trim() || null));

const STATUS_WORDS: Record<string, BudgetStatus> = {
  "de xuat": "proposed",
  proposed: "proposed",
  "duoc duyet": "approved",
  "da duyet": "approved",
  approved: "approved",
  "da giai ngan": "disbursed",
  disbursed: "disbursed",
};

export const ImportedBudgetItem = z.object({
  year: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().int().min(2000).max(2100)),
  title: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(500)),
  unit: text,
  proposedOn: z.iso.date({ message: "Ngày không hợp lệ (yyyy-mm-dd)" }).nullable(),
  status: z
    .union([z.string(), z.number()])
    .nullable()
    .transform((v, ctx) => {
      if (v === null) return "proposed" as BudgetStatus;
      const hit = STATUS_WORDS[foldVietnamese(String(v))];
      if (!hit) ctx.addIssue({ code: "custom", message: `Trạng thái không hợp lệ: "${v}"` });
      return hit ?? "proposed";
    }),
  proposedAmount: amount,
  approvedAmount: optionalAmount,
  disbursedAmount: optionalAmount,
  description: text,
});
export type ImportedBudgetItem = z.infer<typeof ImportedBudgetItem>;
