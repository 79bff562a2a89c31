/** The delegations list as CSV or XLSX, in the register's own columns. */
import { type ExportColumn, toCsv, toXlsx } from "../../platform/export/index.js";
import type { DelegationDto } from "../../shared/api/delegations.js";

export const CHANNEL_LABELS_VI: Record<DelegationDto["channel"], string> = {
  party: "Đảng",
  government: "Chính quyền",
  people: "Đối ngoại nhân dân",
};
export const DIRECTION_LABELS_VI: Record<DelegationDto["direction"], string> = {
  outbound: "Đoàn ra",
  inbound: "Đoàn vào",
};
export const STATUS_LABELS_VI: Record<DelegationDto["status"], string> = {
  proposed: "Đề xuất",
  approved: "Đã duyệt",
  in_progress: "Đang thực hiện",
  done: "Hoàn thành",
  cancelled: "Hủy",
};

export const delegationColumns: ExportColumn<DelegationDto>[] = [
  { header: "Tên đoàn", value: (d) => d.title, width: 50 },
  { header: "Loại", value: (d) => DIRECTION_LABELS_VI[d.direction], width: 10 },
  { header: "Kênh", value: (d) => CHANNEL_LABELS_VI[d.channel], width: 18 },
  { header: "Mã quốc gia", value: (d) => d.countryCode, width: 8 },
  { header: "Quốc gia", value: (d) => d.countryName, width: 18 },
  { header: "Địa phương, tổ chức đối tác", value: (d) => d.partner, width: 30 },
  { header: "Cấp", value: (d) => d.level, width: 18 },
  {
    header: "Trưởng đoàn",
    value: (d) => (d.head ? [d.head.name, d.head.title].filter(Boolean).join(", ") : ""),
    width: 30,
  },
  { header: "Số thành viên", value: (d) => d.members.length + (d.head ? 1 : 0), width: 10 },
  { header: "Từ ngày", value: (d) => d.startDate, width: 12 },
  { header: "Đến ngày", value: (d) => d.endDate, width: 12 },
  { header: "Lịch trình", value: (d) => d.itinerary, width: 40 },
  { header: "Đơn vị chủ trì thông tin", value: (d) => d.informationPlan.responsibleUnitName, width: 30 },
  {
    header: "Văn bản cho phép",
    value: (d) =>
      d.authorisation
        ? `${d.authorisation.number} ngày ${d.authorisation.date} (${d.authorisation.issuer})`
        : "",
    width: 36,
  },
  { header: "Trạng thái", value: (d) => STATUS_LABELS_VI[d.status], width: 14 },
  {
    header: "Thỏa thuận đã ký",
    value: (d) => d.agreements.map((a) => `${a.title} (${a.partner}, ${a.date})`),
    width: 40,
  },
];

export async function exportDelegations(rows: DelegationDto[], format: "csv" | "xlsx") {
  if (format === "csv")
    return { contentType: "text/csv; charset=utf-8", body: toCsv(rows, delegationColumns) };
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx(rows, delegationColumns, { sheetName: "Đoàn ra, đoàn vào" }),
  };
}
