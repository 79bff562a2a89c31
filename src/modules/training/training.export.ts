/** Courses and award entries as CSV or XLSX; the award columns read back by the import. */
import { z } from "zod";
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import type { ImportColumn } from "../../platform/import-rows/import-rows.js";
import {
  AWARD_CATEGORIES,
  AWARD_RESULTS,
  type AwardCategory,
  type AwardResult,
} from "../../shared/api/training.js";
import { foldVietnamese } from "../../shared/text/fold.js";
import { AWARD_CATEGORY_LABELS, AWARD_RESULT_LABELS, splitLines } from "./training.presenter.js";
import type { CourseRow } from "./training.repository.js";
import type { AwardEntryTable } from "./training.tables.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const courseColumns: ExportColumn<CourseRow>[] = [
  { header: "Lớp bồi dưỡng / Course", value: (c) => c.title, width: 44 },
  { header: "Từ ngày / From", value: (c) => c.start_date, width: 12 },
  { header: "Đến ngày / To", value: (c) => c.end_date, width: 12 },
  { header: "Địa điểm / Place", value: (c) => c.location ?? "", width: 24 },
  { header: "Chuyên đề / Topics", value: (c) => splitLines(c.topics), width: 50 },
  { header: "Báo cáo viên / Trainers", value: (c) => splitLines(c.trainers), width: 30 },
  { header: "Học viên / Participants", value: (c) => Number(c.participant_count ?? 0), width: 12 },
  { header: "Có mặt / Attended", value: (c) => Number(c.attended_count ?? 0), width: 12 },
];

export const awardColumns: ExportColumn<AwardEntryTable>[] = [
  { header: "Tác phẩm / Entry", value: (a) => a.title, width: 50 },
  { header: "Tác giả / Authors", value: (a) => a.authors, width: 30 },
  {
    header: "Thể loại / Category",
    value: (a) => AWARD_CATEGORY_LABELS[a.category as AwardCategory] ?? a.category,
    width: 16,
  },
  { header: "Lần / Round", value: (a) => a.round, width: 12 },
  { header: "Năm / Year", value: (a) => Number(a.year), width: 8 },
  { header: "Ngày gửi / Submitted", value: (a) => a.submitted_on ?? "", width: 12 },
  {
    header: "Kết quả / Result",
    value: (a) => AWARD_RESULT_LABELS[a.result as AwardResult] ?? a.result,
    width: 18,
  },
];

async function exportRows<Row>(
  rows: readonly Row[],
  columns: ExportColumn<Row>[],
  format: "csv" | "xlsx",
  sheetName: string,
) {
  if (format === "csv")
    return { contentType: "text/csv; charset=utf-8", body: Buffer.from(toCsv(rows, columns), "utf8") };
  return { contentType: XLSX_TYPE, body: await toXlsx(rows, columns, { sheetName }) };
}

export const exportCourses = (rows: readonly CourseRow[], format: "csv" | "xlsx") =>
  exportRows(rows, courseColumns, format, "Lớp bồi dưỡng");
export const exportAwards = (rows: readonly AwardEntryTable[], format: "csv" | "xlsx") =>
  exportRows(rows, awardColumns, format, "Giải thông tin đối ngoại");

const aliases = (header: string) => header.split(" / ");

/** Import columns of award entries: the export's, by its bilingual header or either half. */
export const AWARD_IMPORT_COLUMNS: ImportColumn[] = [
  { key: "title", header: "Tác phẩm / Entry", aliases: aliases("Tác phẩm / Entry"), required: true },
  { key: "authors", header: "Tác giả / Authors", aliases: aliases("Tác giả / Authors"), required: true },
  { key: "category", header: "Thể loại / Category", aliases: aliases("Thể loại / Category"), required: true },
  { key: "round", header: "Lần / Round", aliases: aliases("Lần / Round"), required: true },
  { key: "year", header: "Năm / Year", aliases: aliases("Năm / Year"), required: true },
  { key: "submittedOn", header: "Ngày gửi / Submitted", aliases: aliases("Ngày gửi / Submitted") },
  { key: "result", header: "Kết quả / Result", aliases: aliases("Kết quả / Result") },
];

/** A code written as itself or as its Vietnamese label (accents optional). */
function codeOf<K extends string>(labels: Record<K, string>, codes: readonly K[]) {
  return (text: string) => {
    const folded = foldVietnamese(text);
    return codes.find((c) => c === text.trim() || foldVietnamese(labels[c]) === folded) ?? text;
  };
}

export const ImportedAwardEntry = z.object({
  title: z.string().trim().min(1).max(500),
  authors: z.string().trim().min(1).max(500),
  category: z
    .string()
    .transform(codeOf(AWARD_CATEGORY_LABELS, AWARD_CATEGORIES))
    .pipe(z.enum(AWARD_CATEGORIES)),
  round: z.string().trim().min(1).max(100),
  year: z.coerce.number().int().min(2000).max(2100),
  submittedOn: z.iso.date().nullable(),
  result: z
    .string()
    .nullable()
    .transform((v) => (v === null ? "pending" : codeOf(AWARD_RESULT_LABELS, AWARD_RESULTS)(v)))
    .pipe(z.enum(AWARD_RESULTS)),
});
