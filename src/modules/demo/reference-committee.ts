/**
 * The committee as the reference programme (Hải Phòng, 02-CTr/BCĐ, 13/3/2024) names it: the head who
 * signed it, the officials who direct tasks, and the officials who lead them. Positions are not
 * printed in the programme, so they are left empty for the secretariat to complete — nothing invented.
 */
export const REFERENCE_UNITS = [
  { key: "thanh-uy", name: "Thành ủy Hải Phòng", shortName: "Thành ủy", type: "party_body" },
  {
    key: "bcd",
    name: "Ban Chỉ đạo Công tác thông tin đối ngoại thành phố",
    shortName: "BCĐ TTĐN",
    type: "committee",
    parent: "thanh-uy",
  },
  {
    key: "tgtu",
    name: "Ban Tuyên giáo Thành ủy",
    shortName: "BTGTU",
    type: "party_body",
    parent: "thanh-uy",
  },
  { key: "vptu", name: "Văn phòng Thành ủy", shortName: "VPTU", type: "party_body", parent: "thanh-uy" },
  { key: "ubnd", name: "Ủy ban nhân dân thành phố", shortName: "UBND TP", type: "department" },
  { key: "hdnd", name: "Hội đồng nhân dân thành phố", shortName: "HĐND TP", type: "department" },
] as const;

export type CommitteeRole = "head" | "deputy_head" | "member" | "secretariat_member";

/** Head (signer), directing officials (deputy heads), and lead officials (members), in the programme's order. */
export const REFERENCE_PEOPLE: { fullName: string; role: CommitteeRole; position?: string }[] = [
  { fullName: "Đỗ Mạnh Hiến", role: "head", position: "Phó Bí thư Thành ủy, Trưởng Ban Chỉ đạo" },
  { fullName: "Đào Khánh Hà", role: "deputy_head" },
  { fullName: "Hoàng Minh Cường", role: "deputy_head" },
  ...[
    "Đào Văn Hoàn",
    "Nguyễn Thị Bích Dung",
    "Trần Huy Kiên",
    "Nguyễn Tiến Thành",
    "Phạm Văn Tuấn",
    "Bùi Thị Ngọc",
    "Nguyễn Thị Thủy",
    "Trần Thị Hoàng Mai",
    "Bùi Ngọc Hải",
    "Trần Thị Hải Yến",
    "Nguyễn Công Hân",
    "Vũ Văn Mến",
    "Kiều Mạnh Hiệp",
    "Nguyễn Ngọc Ánh",
    "Lưu Thị Thanh Hà",
    "Đỗ Tràng Thành",
    "Đặng Thị Phương Liên",
    "Hoàng Xuân Minh",
    "Vũ Huy Thường",
    "Hà Mạnh Cường",
    "Đào Quang Trường",
    "Vũ Văn Trà",
  ].map((fullName) => ({ fullName, role: "member" as const })),
];

/** The date the programme was signed: the start of the terms recorded here. */
export const REFERENCE_TERM_START = "2024-03-13";
