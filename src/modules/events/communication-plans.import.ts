/**
 * Importing an event's communication plan from an XLSX sheet filled in by hand (the export's columns):
 * channels in words or codes, languages as codes ("vi, en"), the unit by name, the deadline as a date;
 * every row checked and reported by its Excel row number, nothing half-written.
 */
import { z } from "zod";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import { PLAN_CHANNELS, PLAN_LANGUAGES, type PlanChannel } from "../../shared/api/events.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { PLAN_CHANNEL_LABELS } from "./communication-plans.export.js";

export const PLAN_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "product", header: "Sản phẩm", required: true },
  { key: "channel", header: "Kênh", required: true },
  { key: "languages", header: "Ngôn ngữ" },
  { key: "unit", header: "Đơn vị thực hiện", aliases: ["Đơn vị"] },
  { key: "deadline", header: "Hạn", required: true },
  { key: "note", header: "Ghi chú" },
];

const CHANNELS: Record<string, PlanChannel> = Object.fromEntries(
  PLAN_CHANNELS.flatMap((c) => [
    [c, c],
    [foldVietnamese(PLAN_CHANNEL_LABELS[c]), c],
  ]),
);
const LANGUAGES = new Set<string>(PLAN_LANGUAGES);

const text = z
  .union([z.string(), z.number()])
  .nullable()
  .transform((v) => (v === null ? null : String(v).trim() || null));

export const ImportedPlanItem = z.object({
  product: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1).max(500)),
  channel: z.union([z.string(), z.number()]).transform((v, ctx) => {
    const hit = CHANNELS[foldVietnamese(String(v))];
    if (!hit) ctx.addIssue({ code: "custom", message: `Kênh không hợp lệ: "${v}"` });
    return hit as PlanChannel;
  }),
  languages: text.transform((v, ctx) => {
    const codes = (v ?? "vi")
      .toLowerCase()
      .split(/[,;\s]+/)
      .filter(Boolean);
    const bad = codes.filter((c) => !LANGUAGES.has(c));
    if (bad.length) ctx.addIssue({ code: "custom", message: `Mã ngôn ngữ không hợp lệ: ${bad.join(", ")}` });
    return [...new Set(codes)] as (typeof PLAN_LANGUAGES)[number][];
  }),
  unit: text,
  deadline: z.iso.date({ message: "Ngày không hợp lệ (yyyy-mm-dd)" }),
  note: text,
});
export type ImportedPlanItem = z.infer<typeof ImportedPlanItem>;
