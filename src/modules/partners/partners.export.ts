/** The partners list as CSV or XLSX, and the same columns read back by the import. */
import { z } from "zod";
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import { PARTNER_KINDS, type PartnerKind } from "../../shared/api/partners.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { PARTNER_KIND_LABELS } from "./partners.presenter.js";
import type { PartnerListRow } from "./partners.repository.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const columns: ExportColumn<PartnerListRow>[] = [
  {
    header: "Loại / Kind",
    value: (p) => PARTNER_KIND_LABELS[p.kind as PartnerKind]?.vi ?? p.kind,
    width: 30,
  },
  { header: "Quốc gia / Country", value: (p) => p.country, width: 18 },
  { header: "Tên tiếng Việt / Vietnamese name", value: (p) => p.name_vi, width: 40 },
  { header: "Tên nguyên gốc / Original name", value: (p) => p.name_original ?? "", width: 30 },
  { header: "Thiết lập quan hệ / Since", value: (p) => p.since_date ?? "", width: 14 },
  { header: "Mô tả / Description", value: (p) => p.description ?? "", width: 50 },
  { header: "Số thỏa thuận / Agreements", value: (p) => Number(p.agreement_count ?? 0), width: 12 },
  { header: "Lượt trao đổi thông tin / Exchanges", value: (p) => Number(p.exchange_count ?? 0), width: 12 },
  { header: "Trao đổi gần nhất / Last exchange", value: (p) => p.last_exchange_on ?? "", width: 14 },
];

export async function exportPartners(rows: readonly PartnerListRow[], format: "csv" | "xlsx") {
  if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: toCsv(rows, columns) };
  return { contentType: XLSX_TYPE, body: await toXlsx(rows, columns, { sheetName: "Đối tác" }) };
}

/** Import columns: the first six of the export (the export's bilingual header, or either half of it). */
export const PARTNER_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "kind", header: "Loại / Kind", aliases: ["Loại", "Kind"], required: true },
  { key: "country", header: "Quốc gia / Country", aliases: ["Quốc gia", "Country", "Nước"], required: true },
  {
    key: "nameVi",
    header: "Tên tiếng Việt / Vietnamese name",
    aliases: ["Tên tiếng Việt", "Tên", "Vietnamese name"],
    required: true,
  },
  {
    key: "nameOriginal",
    header: "Tên nguyên gốc / Original name",
    aliases: ["Tên nguyên gốc", "Original name"],
  },
  { key: "sinceDate", header: "Thiết lập quan hệ / Since", aliases: ["Thiết lập quan hệ", "Since"] },
  { key: "description", header: "Mô tả / Description", aliases: ["Mô tả", "Description"] },
];

/** A kind written as its code or its Vietnamese or English label (accents optional). */
export function partnerKindOf(text: string): string {
  const folded = foldVietnamese(text);
  for (const kind of PARTNER_KINDS) {
    const label = PARTNER_KIND_LABELS[kind];
    if (kind === text.trim() || foldVietnamese(label.vi) === folded || foldVietnamese(label.en) === folded)
      return kind;
  }
  return text;
}

const CellText = (max: number) => z.string().trim().max(max);

/** One imported row: cells are text (empty cells null); the kind may be written as its label. */
export const ImportedPartner = z.object({
  kind: z.string().transform(partnerKindOf).pipe(z.enum(PARTNER_KINDS)),
  country: CellText(100).min(1),
  nameVi: CellText(300).min(1),
  nameOriginal: CellText(300).nullable(),
  sinceDate: z.iso.date().nullable(),
  description: CellText(5000).nullable(),
});
