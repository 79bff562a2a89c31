/**
 * Importing foreign press visits from an XLSX sheet: one row per reporter, the rows of one group (same
 * group name and start date) making one visit. Every row is checked and reported by its Excel row
 * number; only a sheet without a bad row is inserted, in one transaction.
 */
import { z } from "zod";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import { isKnownCountry } from "../../shared/api/countries.js";
import type { CreatePressVisitBody } from "../../shared/api/press-visits.js";
import { importedDay } from "../delegations/delegations.import.js";

export const PRESS_VISIT_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "groupName", header: "Đoàn phóng viên", aliases: ["Tên đoàn"], required: true },
  { key: "startDate", header: "Từ ngày", required: true },
  { key: "endDate", header: "Đến ngày", required: true },
  { key: "approvalNumber", header: "Số văn bản chấp thuận" },
  { key: "approvalDate", header: "Ngày chấp thuận" },
  { key: "name", header: "Họ tên phóng viên", aliases: ["Phóng viên"] },
  { key: "role", header: "Vai trò" },
  { key: "outlet", header: "Cơ quan báo chí" },
  { key: "countryCode", header: "Mã quốc gia" },
];

const text = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v) => (v === null ? null : String(v).trim() || null));
const day = importedDay;

export const ImportedReporterRow = z
  .object({
    groupName: z
      .union([z.string(), z.number()])
      .transform((v) => String(v).trim())
      .pipe(z.string().min(1).max(300)),
    startDate: day,
    endDate: day,
    approvalNumber: text,
    approvalDate: day.nullable(),
    name: text,
    role: text,
    outlet: text,
    countryCode: text,
  })
  .superRefine((row, ctx) => {
    if (row.endDate < row.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "Ngày kết thúc trước ngày bắt đầu" });
    if (row.name || row.outlet || row.countryCode) {
      if (!row.name) ctx.addIssue({ code: "custom", path: ["name"], message: "Thiếu họ tên phóng viên" });
      if (!row.outlet) ctx.addIssue({ code: "custom", path: ["outlet"], message: "Thiếu cơ quan báo chí" });
      if (!row.countryCode || !isKnownCountry(row.countryCode.toUpperCase()))
        ctx.addIssue({
          code: "custom",
          path: ["countryCode"],
          message: `Mã quốc gia không có trong danh mục: "${row.countryCode ?? ""}"`,
        });
    }
  });
export type ImportedReporterRow = z.infer<typeof ImportedReporterRow>;

/** Rows of one group (same name and start date) → one visit, in sheet order. */
export function visitsOfRows(rows: readonly ImportedReporterRow[]): CreatePressVisitBody[] {
  const visits = new Map<string, CreatePressVisitBody>();
  for (const r of rows) {
    const key = `${r.groupName}\u0000${r.startDate}`;
    let visit = visits.get(key);
    if (!visit) {
      visit = {
        groupName: r.groupName,
        startDate: r.startDate,
        endDate: r.endDate,
        approval:
          r.approvalNumber && r.approvalDate ? { number: r.approvalNumber, date: r.approvalDate } : null,
        programme: [],
        escorts: [],
        topics: [],
        materials: [],
        reporters: [],
      };
      visits.set(key, visit);
    }
    if (r.name && r.outlet && r.countryCode)
      visit.reporters.push({
        name: r.name,
        role: r.role,
        outlet: r.outlet,
        countryCode: r.countryCode.toUpperCase(),
      });
  }
  return [...visits.values()];
}
