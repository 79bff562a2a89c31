/**
 * Demo delegations and foreign press visits of 2024, in the spirit of the reference programme (Hải Phòng:
 * Party, government and people-to-people delegations; reporters' groups on the port, the economic zones
 * and tourism), so that the registers and the reports' figures show something real after `npm start`.
 * Invented for the demo: names of partners are real places, the people and documents are not.
 */
import type { Services } from "../../main.js";
import type { RequestContext } from "../../platform/context.js";
import type { CreateDelegationBody, DelegationStatus } from "../../shared/api/delegations.js";
import type { CreatePressVisitBody } from "../../shared/api/press-visits.js";

type DemoDelegation = Omit<CreateDelegationBody, "informationPlan"> & {
  status: DelegationStatus;
  plan?: Partial<CreateDelegationBody["informationPlan"]>;
};

const plan = { pressRelease: true, photos: true, interviews: false, languages: ["vi", "en"] };

const DEMO_DELEGATIONS: DemoDelegation[] = [
  {
    title: "Đoàn đại biểu Thành ủy thăm và làm việc tại thành phố Kitakyushu (Nhật Bản)",
    channel: "party",
    direction: "outbound",
    countryCode: "JP",
    partner: "Thành phố Kitakyushu",
    level: "Lãnh đạo Thành ủy",
    head: { name: "Đồng chí Phó Bí thư Thành ủy (mẫu)", title: "Phó Bí thư Thường trực Thành ủy" },
    members: [
      { name: "Giám đốc Sở Ngoại vụ (mẫu)", title: "Giám đốc Sở Ngoại vụ" },
      { name: "Trưởng ban Quản lý Khu kinh tế (mẫu)", title: "Trưởng ban" },
    ],
    startDate: "2024-04-08",
    endDate: "2024-04-12",
    itinerary: [
      "8/4: Hà Nội – Fukuoka",
      "9–11/4: làm việc tại Kitakyushu, thăm cảng Hibikinada",
      "12/4: về nước",
    ],
    authorisation: { number: "1254-QĐ/TU", date: "2024-03-22", issuer: "Ban Thường vụ Thành ủy" },
    agreements: [
      {
        title: "Biên bản ghi nhớ hợp tác về môi trường và cảng biển giai đoạn 2024–2027",
        date: "2024-04-10",
        partner: "Thành phố Kitakyushu",
      },
    ],
    status: "done",
    plan: { languages: ["vi", "ja"], interviews: true },
  },
  {
    title: "Đoàn lãnh đạo UBND thành phố xúc tiến đầu tư tại Hàn Quốc",
    channel: "government",
    direction: "outbound",
    countryCode: "KR",
    partner: "Thành phố Incheon",
    level: "Lãnh đạo UBND thành phố",
    head: { name: "Phó Chủ tịch UBND thành phố (mẫu)", title: "Phó Chủ tịch UBND thành phố" },
    members: [{ name: "Giám đốc Sở Kế hoạch và Đầu tư (mẫu)", title: "Giám đốc" }],
    startDate: "2024-06-17",
    endDate: "2024-06-21",
    itinerary: [
      "17/6: Incheon",
      "18–19/6: Hội nghị xúc tiến đầu tư tại Seoul",
      "20–21/6: làm việc với doanh nghiệp",
    ],
    authorisation: { number: "2031/QĐ-UBND", date: "2024-05-30", issuer: "UBND thành phố" },
    agreements: [{ title: "Thỏa thuận hợp tác hữu nghị", date: "2024-06-18", partner: "Thành phố Incheon" }],
    status: "done",
  },
  {
    title: "Đoàn Hội hữu nghị Việt – Lào thành phố thăm tỉnh Luang Prabang (Lào)",
    channel: "people",
    direction: "outbound",
    countryCode: "LA",
    partner: "Tỉnh Luang Prabang",
    level: "Tổ chức hữu nghị",
    head: { name: "Chủ tịch Liên hiệp các tổ chức hữu nghị thành phố (mẫu)", title: "Chủ tịch" },
    members: [],
    startDate: "2024-09-09",
    endDate: "2024-09-13",
    itinerary: ["9/9: Hà Nội – Luang Prabang", "10–12/9: giao lưu hữu nghị", "13/9: về nước"],
    authorisation: null,
    agreements: [],
    status: "done",
  },
  {
    title: "Đoàn đại biểu Thành ủy dự Hội nghị hợp tác các địa phương tại Quảng Tây (Trung Quốc)",
    channel: "party",
    direction: "outbound",
    countryCode: "CN",
    partner: "Khu tự trị dân tộc Choang Quảng Tây",
    level: "Lãnh đạo Thành ủy",
    head: { name: "Ủy viên Ban Thường vụ Thành ủy (mẫu)", title: "Trưởng ban Tuyên giáo Thành ủy" },
    members: [],
    startDate: "2024-11-18",
    endDate: "2024-11-21",
    itinerary: ["18/11: Nam Ninh", "19–20/11: Hội nghị", "21/11: về nước"],
    authorisation: { number: "1502-QĐ/TU", date: "2024-10-28", issuer: "Ban Thường vụ Thành ủy" },
    agreements: [],
    status: "approved",
  },
  {
    title: "Đón đoàn Thị trưởng thành phố Kitakyushu thăm Hải Phòng",
    channel: "government",
    direction: "inbound",
    countryCode: "JP",
    partner: "Thành phố Kitakyushu",
    level: "Thị trưởng",
    head: { name: "Thị trưởng Kitakyushu (mẫu)", title: "Thị trưởng" },
    members: [],
    startDate: "2024-02-26",
    endDate: "2024-02-28",
    itinerary: [
      "26/2: đón đoàn tại Cát Bi",
      "27/2: hội đàm với Chủ tịch UBND thành phố",
      "28/2: thăm Khu kinh tế Đình Vũ – Cát Hải",
    ],
    authorisation: { number: "512/UBND-NgV", date: "2024-02-05", issuer: "UBND thành phố" },
    agreements: [],
    status: "done",
  },
  {
    title: "Đón đoàn tỉnh Gyeonggi (Hàn Quốc) thăm và làm việc",
    channel: "government",
    direction: "inbound",
    countryCode: "KR",
    partner: "Tỉnh Gyeonggi",
    level: "Phó Tỉnh trưởng",
    head: { name: "Phó Tỉnh trưởng Gyeonggi (mẫu)", title: "Phó Tỉnh trưởng" },
    members: [],
    startDate: "2024-05-14",
    endDate: "2024-05-16",
    itinerary: ["14/5: hội đàm", "15/5: thăm cảng Lạch Huyện", "16/5: kết thúc chuyến thăm"],
    authorisation: null,
    agreements: [],
    status: "done",
  },
  {
    title: "Đón đoàn Hội hữu nghị Pháp – Việt vùng Normandie",
    channel: "people",
    direction: "inbound",
    countryCode: "FR",
    partner: "Vùng Normandie",
    level: "Tổ chức hữu nghị",
    head: { name: "Chủ tịch Hội hữu nghị (mẫu)", title: "Chủ tịch" },
    members: [],
    startDate: "2024-10-07",
    endDate: "2024-10-09",
    itinerary: ["7/10: giao lưu tại Nhà Văn hóa thành phố", "8–9/10: thăm Cát Bà"],
    authorisation: null,
    agreements: [],
    status: "done",
  },
  {
    title: "Đón đoàn Đảng bộ thành phố Vientiane (Lào) trao đổi kinh nghiệm",
    channel: "party",
    direction: "inbound",
    countryCode: "LA",
    partner: "Thủ đô Viêng Chăn",
    level: "Phó Bí thư Thành ủy",
    head: { name: "Phó Bí thư Thành ủy Viêng Chăn (mẫu)", title: "Phó Bí thư" },
    members: [],
    startDate: "2024-12-09",
    endDate: "2024-12-12",
    itinerary: [
      "9/12: hội đàm",
      "10–11/12: trao đổi kinh nghiệm công tác thông tin đối ngoại",
      "12/12: tiễn đoàn",
    ],
    authorisation: null,
    agreements: [],
    status: "proposed",
  },
];

const reporter = (name: string, outlet: string, countryCode: string, role = "Phóng viên") => ({
  name,
  role,
  outlet,
  countryCode,
});

const DEMO_PRESS_VISITS: CreatePressVisitBody[] = [
  {
    groupName: "Đoàn phóng viên Nhật Bản tìm hiểu Khu kinh tế Đình Vũ – Cát Hải",
    startDate: "2024-03-18",
    endDate: "2024-03-21",
    approval: { number: "0815/BNG-TTBC", date: "2024-03-05", authority: "Bộ Ngoại giao" },
    programme: [
      "18/3: làm việc với Sở Ngoại vụ",
      "19/3: thăm Khu kinh tế",
      "20/3: phỏng vấn lãnh đạo thành phố",
    ],
    escorts: ["Cán bộ Sở Ngoại vụ (mẫu)"],
    topics: ["Đầu tư nước ngoài", "Công nghiệp"],
    materials: ["Ấn phẩm Hải Phòng – Thành phố Cảng (tiếng Nhật)"],
    reporters: [
      reporter("Phóng viên NHK (mẫu 1)", "NHK", "JP"),
      reporter("Phóng viên NHK (mẫu 2)", "NHK", "JP", "Quay phim"),
      reporter("Phóng viên Nikkei (mẫu)", "Nikkei Asia", "JP"),
    ],
  },
  {
    groupName: "Đoàn phóng viên Hàn Quốc đưa tin về cảng Lạch Huyện",
    startDate: "2024-05-15",
    endDate: "2024-05-17",
    approval: { number: "1402/BNG-TTBC", date: "2024-05-02", authority: "Bộ Ngoại giao" },
    programme: ["15/5: tháp tùng đoàn tỉnh Gyeonggi", "16/5: cảng Lạch Huyện"],
    escorts: ["Cán bộ Sở Ngoại vụ (mẫu)"],
    topics: ["Cảng biển", "Logistics"],
    materials: ["Tài liệu giới thiệu cảng Lạch Huyện (tiếng Hàn)"],
    reporters: [
      reporter("Phóng viên Yonhap (mẫu)", "Yonhap", "KR"),
      reporter("Phóng viên Korea Asia Business (mẫu)", "Korea Asia Business (mẫu)", "KR"),
    ],
  },
  {
    groupName: "Đoàn phóng viên ASEAN tìm hiểu du lịch Cát Bà – vịnh Lan Hạ",
    startDate: "2024-07-08",
    endDate: "2024-07-11",
    approval: { number: "2210/BNG-TTBC", date: "2024-06-25", authority: "Bộ Ngoại giao" },
    programme: ["8/7: Cát Bà", "9/7: vịnh Lan Hạ", "10/7: Đồ Sơn", "11/7: tọa đàm"],
    escorts: ["Cán bộ Sở Du lịch (mẫu)"],
    topics: ["Du lịch", "Di sản"],
    materials: ["Cẩm nang du lịch Hải Phòng (tiếng Anh)"],
    reporters: [
      reporter("Phóng viên The Straits Times (mẫu)", "The Straits Times", "SG"),
      reporter("Phóng viên Bangkok Post (mẫu)", "Bangkok Post", "TH"),
      reporter("Phóng viên The Star (mẫu)", "The Star", "MY"),
      reporter("Phóng viên Southeast Asia Economic Daily (mẫu)", "Southeast Asia Economic Daily (mẫu)", "SG"),
    ],
  },
  {
    groupName: "Đoàn phóng viên Pháp làm phim tài liệu về Hải Phòng",
    startDate: "2024-10-14",
    endDate: "2024-10-18",
    approval: { number: "3105/BNG-TTBC", date: "2024-09-30", authority: "Bộ Ngoại giao" },
    programme: ["14–18/10: ghi hình tại khu phố cổ, Nhà hát Thành phố, Cát Bà"],
    escorts: ["Cán bộ Sở Ngoại vụ (mẫu)"],
    topics: ["Văn hóa", "Kiến trúc"],
    materials: ["Tư liệu lịch sử thành phố (tiếng Pháp)"],
    reporters: [
      reporter("Phóng viên France 24 (mẫu)", "France 24", "FR"),
      reporter("Đạo diễn TV5Monde (mẫu)", "TV5Monde", "FR", "Đạo diễn"),
    ],
  },
  {
    groupName: "Đoàn phóng viên Trung Quốc dự Liên hoan du lịch biển",
    startDate: "2024-11-25",
    endDate: "2024-11-27",
    approval: { number: "3620/BNG-TTBC", date: "2024-11-12", authority: "Bộ Ngoại giao" },
    programme: ["25/11: Liên hoan du lịch biển", "26/11: phỏng vấn Sở Du lịch"],
    escorts: ["Cán bộ Sở Du lịch (mẫu)"],
    topics: ["Du lịch"],
    materials: ["Cẩm nang du lịch Hải Phòng (tiếng Trung)"],
    reporters: [
      reporter("Phóng viên Tân Hoa Xã (mẫu)", "Tân Hoa Xã", "CN"),
      reporter("Phóng viên Đài CCTV (mẫu)", "CCTV", "CN"),
    ],
  },
];

/** The statuses a demo delegation passes through to reach its own. */
const PATH: Record<DelegationStatus, DelegationStatus[]> = {
  proposed: [],
  approved: ["approved"],
  in_progress: ["approved", "in_progress"],
  done: ["approved", "in_progress", "done"],
  cancelled: ["cancelled"],
};

/** Adds the demo delegations and press visits (responsible unit: Sở Ngoại vụ); returns how many of each. */
export async function seedDemoDelegations(services: Services, ctx: RequestContext) {
  const unit = await services.db
    .selectFrom("units")
    .select("id")
    .where("name", "=", "Sở Ngoại vụ")
    .executeTakeFirst();
  for (const { status, plan: own, ...d } of DEMO_DELEGATIONS) {
    const created = await services.delegations.create(ctx, {
      ...d,
      informationPlan: { ...plan, ...own, responsibleUnitId: unit?.id ?? null },
    });
    for (const next of PATH[status]) await services.delegations.changeStatus(ctx, created.id, next);
  }
  for (const visit of DEMO_PRESS_VISITS) await services.pressVisits.create(ctx, visit);
  return { delegations: DEMO_DELEGATIONS.length, pressVisits: DEMO_PRESS_VISITS.length };
}
