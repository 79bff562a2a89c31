/** The press visits list as CSV or XLSX: groups, counts, outlets and countries — no reporters' names. */
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import { countryNameVi } from "../../shared/api/countries.js";
import type { PressVisitListItem } from "../../shared/api/press-visits.js";

export const pressVisitColumns: ExportColumn<PressVisitListItem>[] = [
  { header: "Đoàn phóng viên", value: (v) => v.groupName, width: 45 },
  { header: "Từ ngày", value: (v) => v.startDate, width: 12 },
  { header: "Đến ngày", value: (v) => v.endDate, width: 12 },
  { header: "Số phóng viên", value: (v) => v.peopleCount, width: 12 },
  { header: "Cơ quan báo chí", value: (v) => v.outlets, width: 45 },
  { header: "Quốc gia", value: (v) => v.countries.map(countryNameVi), width: 25 },
  { header: "Tin, bài đã xác nhận", value: (v) => v.articleCount, width: 12 },
];

export async function exportPressVisits(rows: PressVisitListItem[], format: "csv" | "xlsx") {
  if (format === "csv")
    return { contentType: "text/csv; charset=utf-8", body: toCsv(rows, pressVisitColumns) };
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(rows, pressVisitColumns, { sheetName: "Đoàn phóng viên nước ngoài" }),
  };
}
