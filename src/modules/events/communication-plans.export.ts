/** Communication plan items as a list export (CSV, XLSX). */
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import type { PlanChannel } from "../../shared/api/events.js";
import type { PlanItemRow } from "./communication-plans.repository.js";

export const PLAN_CHANNEL_LABELS: Record<PlanChannel, string> = {
  press: "Báo in, báo điện tử",
  television: "Truyền hình",
  radio: "Phát thanh",
  portal: "Cổng thông tin điện tử",
  social_media: "Mạng xã hội",
  outdoor: "Cổ động trực quan",
  publication: "Ấn phẩm",
  event: "Sự kiện, hội nghị",
  other: "Khác",
};

const columns: ExportColumn<PlanItemRow>[] = [
  { header: "Sự kiện", value: (r) => r.event_title, width: 40 },
  { header: "Sản phẩm", value: (r) => r.product, width: 40 },
  { header: "Kênh", value: (r) => PLAN_CHANNEL_LABELS[r.channel as PlanChannel] ?? r.channel, width: 20 },
  { header: "Ngôn ngữ", value: (r) => (JSON.parse(r.languages_json) as string[]).join(", "), width: 12 },
  { header: "Đơn vị thực hiện", value: (r) => r.unit_name ?? "", width: 28 },
  { header: "Hạn", value: (r) => r.deadline, width: 12 },
  { header: "Nhiệm vụ", value: (r) => r.task_ref ?? "", width: 10 },
  { header: "Hoàn thành ngày", value: (r) => r.done_on ?? "", width: 14 },
  { header: "Ghi chú", value: (r) => r.note ?? "", width: 40 },
];

export async function exportPlanItems(rows: PlanItemRow[], format: "csv" | "xlsx") {
  if (format === "csv") return { contentType: "text/csv; charset=utf-8", body: toCsv(rows, columns) };
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(rows, columns, { sheetName: "Kế hoạch truyền thông" }),
  };
}
