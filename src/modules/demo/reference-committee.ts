/**
 * The demo committee. Its members are the officials the reference programme (Hải Phòng, 02-CTr/BCĐ,
 * 13/3/2024) names — the head who signed it, the officials who direct tasks, the officials who lead
 * them — so that the imported programme links to them. The programme prints no positions or units:
 * those below, and the secretariat (Tổ Giúp việc) with its members, are ILLUSTRATIVE demo data, made up
 * to look like a committee of this kind, not a record of anyone's real post.
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
  { key: "dvtu", name: "Ban Dân vận Thành ủy", shortName: "BDVTU", type: "party_body", parent: "thanh-uy" },
  { key: "ubnd", name: "Ủy ban nhân dân thành phố", shortName: "UBND TP", type: "department" },
  { key: "hdnd", name: "Hội đồng nhân dân thành phố", shortName: "HĐND TP", type: "department" },
  { key: "sngv", name: "Sở Ngoại vụ", shortName: "SNgV", type: "department", parent: "ubnd" },
  {
    key: "stttt",
    name: "Sở Thông tin và Truyền thông",
    shortName: "STTTT",
    type: "department",
    parent: "ubnd",
  },
  { key: "svhtt", name: "Sở Văn hóa và Thể thao", shortName: "SVHTT", type: "department", parent: "ubnd" },
  { key: "sdl", name: "Sở Du lịch", shortName: "SDL", type: "department", parent: "ubnd" },
  { key: "sgddt", name: "Sở Giáo dục và Đào tạo", shortName: "SGDĐT", type: "department", parent: "ubnd" },
  { key: "skhdt", name: "Sở Kế hoạch và Đầu tư", shortName: "SKHĐT", type: "department", parent: "ubnd" },
  { key: "sct", name: "Sở Công Thương", shortName: "SCT", type: "department", parent: "ubnd" },
  { key: "snv", name: "Sở Nội vụ", shortName: "SNV", type: "department", parent: "ubnd" },
  {
    key: "kkt",
    name: "Ban Quản lý Khu kinh tế Hải Phòng",
    shortName: "BQL KKT",
    type: "department",
    parent: "ubnd",
  },
  { key: "baohp", name: "Báo Hải Phòng", shortName: "Báo HP", type: "press" },
  { key: "thp", name: "Đài Phát thanh và Truyền hình Hải Phòng", shortName: "THP", type: "press" },
  { key: "ca", name: "Công an thành phố", shortName: "CATP", type: "armed_forces" },
  { key: "bchqs", name: "Bộ Chỉ huy Quân sự thành phố", shortName: "BCHQS TP", type: "armed_forces" },
  {
    key: "lhhn",
    name: "Liên hiệp các tổ chức hữu nghị thành phố",
    shortName: "LHHN",
    type: "mass_organisation",
  },
] as const;

export type CommitteeRole = "head" | "deputy_head" | "member" | "secretariat_member";
export type ReferenceUnitKey = (typeof REFERENCE_UNITS)[number]["key"];

interface ReferencePerson {
  fullName: string;
  role: CommitteeRole;
  /** Illustrative post, printed in the directory. */
  position: string;
  /** Illustrative unit (key of `REFERENCE_UNITS`). */
  unit: ReferenceUnitKey;
}

const member = (fullName: string, position: string, unit: ReferenceUnitKey): ReferencePerson => ({
  fullName,
  role: "member",
  position,
  unit,
});

/**
 * Head (signer), directing officials (deputy heads), lead officials (members) in the programme's order,
 * then the secretariat (Tổ Giúp việc), which the programme does not name.
 */
export const REFERENCE_PEOPLE: ReferencePerson[] = [
  {
    fullName: "Đỗ Mạnh Hiến",
    role: "head",
    position: "Phó Bí thư Thành ủy, Trưởng Ban Chỉ đạo",
    unit: "thanh-uy",
  },
  {
    fullName: "Đào Khánh Hà",
    role: "deputy_head",
    position: "Trưởng Ban Tuyên giáo Thành ủy, Phó Trưởng Ban Thường trực",
    unit: "tgtu",
  },
  {
    fullName: "Hoàng Minh Cường",
    role: "deputy_head",
    position: "Phó Chủ tịch Ủy ban nhân dân thành phố, Phó Trưởng Ban",
    unit: "ubnd",
  },
  member("Đào Văn Hoàn", "Phó Trưởng Ban Tuyên giáo Thành ủy", "tgtu"),
  member("Nguyễn Thị Bích Dung", "Giám đốc Sở Ngoại vụ", "sngv"),
  member("Trần Huy Kiên", "Giám đốc Sở Thông tin và Truyền thông", "stttt"),
  member("Nguyễn Tiến Thành", "Giám đốc Sở Du lịch", "sdl"),
  member("Phạm Văn Tuấn", "Phó Giám đốc Sở Ngoại vụ", "sngv"),
  member("Bùi Thị Ngọc", "Phó Giám đốc Sở Văn hóa và Thể thao", "svhtt"),
  member("Nguyễn Thị Thủy", "Phó Giám đốc Sở Giáo dục và Đào tạo", "sgddt"),
  member("Trần Thị Hoàng Mai", "Phó Giám đốc Sở Kế hoạch và Đầu tư", "skhdt"),
  member("Bùi Ngọc Hải", "Tổng Biên tập Báo Hải Phòng", "baohp"),
  member("Trần Thị Hải Yến", "Giám đốc Đài Phát thanh và Truyền hình Hải Phòng", "thp"),
  member("Nguyễn Công Hân", "Phó Giám đốc Công an thành phố", "ca"),
  member("Vũ Văn Mến", "Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự thành phố", "bchqs"),
  member("Kiều Mạnh Hiệp", "Phó Chánh Văn phòng Thành ủy", "vptu"),
  member("Nguyễn Ngọc Ánh", "Phó Chánh Văn phòng Ủy ban nhân dân thành phố", "ubnd"),
  member("Lưu Thị Thanh Hà", "Chủ tịch Liên hiệp các tổ chức hữu nghị thành phố", "lhhn"),
  member("Đỗ Tràng Thành", "Phó Giám đốc Sở Thông tin và Truyền thông", "stttt"),
  member("Đặng Thị Phương Liên", "Phó Giám đốc Sở Du lịch", "sdl"),
  member("Hoàng Xuân Minh", "Phó Giám đốc Sở Công Thương", "sct"),
  member("Vũ Huy Thường", "Phó Trưởng Ban Quản lý Khu kinh tế Hải Phòng", "kkt"),
  member("Hà Mạnh Cường", "Phó Chánh Văn phòng Hội đồng nhân dân thành phố", "hdnd"),
  member("Đào Quang Trường", "Phó Giám đốc Sở Nội vụ", "snv"),
  member("Vũ Văn Trà", "Phó Trưởng Ban Dân vận Thành ủy", "dvtu"),
  {
    fullName: "Nguyễn Thị Thu Trang",
    role: "secretariat_member",
    position: "Trưởng phòng Thông tin đối ngoại, Ban Tuyên giáo Thành ủy; Tổ trưởng Tổ Giúp việc",
    unit: "tgtu",
  },
  {
    fullName: "Lê Minh Đức",
    role: "secretariat_member",
    position: "Chuyên viên Phòng Thông tin đối ngoại, Ban Tuyên giáo Thành ủy",
    unit: "tgtu",
  },
  {
    fullName: "Phạm Thị Hồng Nhung",
    role: "secretariat_member",
    position: "Trưởng phòng Lãnh sự và Thông tin đối ngoại, Sở Ngoại vụ",
    unit: "sngv",
  },
  {
    fullName: "Vũ Quang Huy",
    role: "secretariat_member",
    position: "Phó Trưởng phòng Thông tin điện tử, Sở Thông tin và Truyền thông",
    unit: "stttt",
  },
];

/** The date the programme was signed: the start of the terms recorded here. */
export const REFERENCE_TERM_START = "2024-03-13";
