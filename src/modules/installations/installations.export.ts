/** The installations register as a list export (CSV, XLSX) and as the sheet of a report's XLSX annex. */
import { type CellValue, type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import {
  districtName,
  type InstallationKind,
  type InstallationStatus,
} from "../../shared/api/installations.js";
import { INSTALLATION_KIND_LABELS, INSTALLATION_STATUS_LABELS, themesOf } from "./installations.presenter.js";
import type { InstallationRow } from "./installations.repository.js";

const size = (r: InstallationRow) =>
  r.width_m !== null && r.height_m !== null ? `${r.width_m} × ${r.height_m} m` : "";

export const installationColumns: ExportColumn<InstallationRow>[] = [
  { header: "Tên công trình", value: (r) => r.title, width: 40 },
  { header: "Loại", value: (r) => INSTALLATION_KIND_LABELS[r.kind as InstallationKind] ?? r.kind, width: 16 },
  { header: "Địa chỉ", value: (r) => r.address, width: 40 },
  { header: "Quận, huyện", value: (r) => districtName(r.district), width: 22 },
  { header: "Vĩ độ", value: (r) => r.latitude, width: 12 },
  { header: "Kinh độ", value: (r) => r.longitude, width: 12 },
  { header: "Kích thước", value: size, width: 14 },
  { header: "Chủ đề", value: (r) => themesOf(r), width: 40 },
  {
    header: "Trạng thái",
    value: (r) => INSTALLATION_STATUS_LABELS[r.status as InstallationStatus] ?? r.status,
    width: 14,
  },
  { header: "Ngày lắp đặt", value: (r) => r.installed_on ?? "", width: 14 },
  { header: "Đơn vị", value: (r) => r.unit_name ?? "", width: 28 },
];

export async function exportInstallations(rows: InstallationRow[], format: "csv" | "xlsx") {
  if (format === "csv")
    return { contentType: "text/csv; charset=utf-8", body: toCsv(rows, installationColumns) };
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(rows, installationColumns, { sheetName: "Công trình trực quan" }),
  };
}

export function installationSheetRows(rows: InstallationRow[]): CellValue[][] {
  return rows.map((r) =>
    installationColumns.map((c) => {
      const v = c.value(r);
      return Array.isArray(v) ? v.join("; ") : (v as CellValue);
    }),
  );
}
