/** Exports the audit journal as CSV or XLSX, reading it page by page. */
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import { presentAuditEntry } from "./audit.presenter.js";
import type { AuditRow } from "./audit.repository.js";
import type { AuditEntryDto } from "./audit.schemas.js";

const columns: ExportColumn<AuditEntryDto>[] = [
  { header: "Thời điểm / At", value: (e) => e.at, width: 24 },
  { header: "Người thực hiện / Actor", value: (e) => e.actorName ?? "", width: 24 },
  { header: "Đối tượng / Entity", value: (e) => e.entityType, width: 16 },
  { header: "Mã đối tượng / Entity id", value: (e) => e.entityId, width: 38 },
  { header: "Thao tác / Action", value: (e) => e.action, width: 14 },
  {
    header: "Thay đổi / Changes",
    value: (e) =>
      e.diff.map((d) => `${d.path}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}`).join("\n"),
    width: 60,
  },
  { header: "Mã yêu cầu / Request id", value: (e) => e.requestId ?? "", width: 38 },
  { header: "Địa chỉ / IP", value: (e) => e.ip ?? "", width: 16 },
];

export async function exportAudit(pages: AsyncGenerator<AuditRow[]>, format: "csv" | "xlsx") {
  const entries: AuditEntryDto[] = [];
  for await (const rows of pages) for (const r of rows) entries.push(presentAuditEntry(r));
  if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: toCsv(entries, columns) };
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(entries, columns, { sheetName: "Nhật ký" }),
  };
}
