/**
 * The installations register as the rest of the platform sees it: entries on task pages, and the
 * report's sentence "Lắp đặt 14 pano, màn hình LED tại 6 quận, huyện" with its annex sheet.
 */
import { districtName } from "../../shared/api/installations.js";
import { hoChiMinhDateOf } from "../follow-up/calendar/calendar.clock.js";
import {
  listedRegisterKind,
  type RegisterEntrySummary,
  type RegisterKind,
} from "../registers/register-kinds.js";
import { installationColumns, installationSheetRows } from "./installations.export.js";
import { createInstallationsRepository, type InstallationRow } from "./installations.repository.js";

const repository = createInstallationsRepository();

/** The kinds as a report sentence names them. */
const KIND_NOUNS: Record<string, string> = {
  billboard: "pano",
  led_screen: "màn hình LED",
  panel: "bảng tin",
};

const summary = (r: InstallationRow): RegisterEntrySummary => ({
  id: r.id,
  title: `${r.title} (${districtName(r.district)})`,
  date: r.installed_on ?? hoChiMinhDateOf(r.created_at),
  path: `/installations/${r.id}`,
});

/** "Lắp đặt 14 pano, màn hình LED tại 6 quận, huyện; 3 công trình đã được duyệt, 2 đề xuất." */
export function installationSentence(rows: InstallationRow[]): string {
  const installed = rows.filter((r) => r.status === "installed");
  const pending = rows.filter((r) => r.status !== "installed");
  const parts: string[] = [];
  if (installed.length > 0) {
    const kinds = [...new Set(installed.map((r) => r.kind))].sort().map((k) => KIND_NOUNS[k] ?? k);
    const districts = new Set(installed.map((r) => r.district)).size;
    parts.push(`lắp đặt ${installed.length} ${kinds.join(", ")} tại ${districts} quận, huyện`);
  }
  const approved = pending.filter((r) => r.status === "approved").length;
  const proposed = pending.filter((r) => r.status === "proposed").length;
  if (approved > 0) parts.push(`${approved} công trình đã được duyệt, chờ lắp đặt`);
  if (proposed > 0) parts.push(`${proposed} công trình đang đề xuất`);
  if (parts.length === 0) return "Trong kỳ, chưa có công trình trực quan mới.";
  return `Trong kỳ, ${parts.join("; ")}.`;
}

export const installationsKind: RegisterKind = listedRegisterKind({
  kind: "installation",
  label: { vi: "Công trình trực quan", en: "Visual installations" },
  heading: "Công trình trực quan (pano, màn hình LED)",
  sheetName: "Công trình trực quan",
  repository,
  summary,
  sentence: installationSentence,
  columns: installationColumns,
  sheetRows: installationSheetRows,
});
