/**
 * Demo media-monitoring content: a few outlets and items about the city in 2024 (the reference
 * programme's year) in several languages, two rumours the analysis flags for checking, and a few
 * items of the last days so the live screens are not empty. Invented for the demo: no real article
 * is quoted and no address is given, so nothing points at a real page.
 */

/** Outlets filed as manual sources: they are never polled. */
export const DEMO_SOURCES = [
  { key: "baohp", name: "Báo Hải Phòng (mẫu)", country: "VN", language: "vi", outletType: "domestic_press" },
  {
    key: "vnint",
    name: "Vietnam News Weekly (mẫu)",
    country: "VN",
    language: "en",
    outletType: "domestic_press",
  },
  {
    key: "asia",
    name: "Asia Business Review (mẫu)",
    country: "JP",
    language: "en",
    outletType: "foreign_press",
  },
  {
    key: "cn",
    name: "Southeast Asia Economic Daily (mẫu)",
    country: "CN",
    language: "zh",
    outletType: "foreign_press",
  },
  {
    key: "kr",
    name: "Korea Asia Business (mẫu)",
    country: "KR",
    language: "ko",
    outletType: "foreign_press",
  },
] as const;

export type DemoSourceKey = (typeof DEMO_SOURCES)[number]["key"];

export interface DemoItem {
  /** A demo source, or a pasted social-media post (filed under the built-in manual source). */
  source: DemoSourceKey | "social";
  title: string;
  text: string;
  /** ISO instant; null: a few hours ago (relative to the first start). */
  publishedAt: string | null;
  /** Days before the first start, for the recent items. */
  daysAgo?: number;
  author?: string;
  /** Opens a response case on this item (see `DEMO_CASES`). */
  caseKey?: "land" | "ban";
}

export const DEMO_ITEMS: DemoItem[] = [
  {
    source: "baohp",
    title: "Hải Phòng đón nhận danh hiệu Di sản thiên nhiên thế giới Vịnh Hạ Long - Quần đảo Cát Bà",
    text: "Thành phố Hải Phòng long trọng tổ chức lễ đón nhận danh hiệu Di sản thiên nhiên thế giới Vịnh Hạ Long - Quần đảo Cát Bà. Lễ đón nhận diễn ra thành công, ấn tượng, mở ra cơ hội phát triển du lịch bền vững, quảng bá hình ảnh thành phố với du khách quốc tế.",
    publishedAt: "2024-01-20T02:00:00Z",
  },
  {
    source: "vnint",
    title: "Hai Phong's Lach Huyen port welcomes its largest container ship",
    text: "Lach Huyen international gateway port in Hai Phong city received the largest container ship in its history, a record and a success for the northern port city as it attracts investment and expands logistics services.",
    publishedAt: "2024-02-15T03:00:00Z",
  },
  {
    source: "asia",
    title: "Japanese manufacturers expand in Hai Phong industrial parks",
    text: "Japanese electronics makers are expanding production in Hai Phong, Vietnam, citing the city's deep-water port, improved infrastructure and a supportive investment environment for foreign investors.",
    publishedAt: "2024-03-12T01:00:00Z",
  },
  {
    source: "kr",
    title: "베트남 하이퐁시, 한국 기업 투자 유치 확대",
    text: "베트남 북부 항구도시 하이퐁시가 한국 기업의 투자 유치를 확대하고 있다. 하이퐁시는 산업단지와 항만 인프라를 확충하며 외국인 투자 환경을 개선하고 있다.",
    publishedAt: "2024-04-08T02:00:00Z",
  },
  {
    source: "cn",
    title: "越南海防市举办红凤凰花节",
    text: "越南海防市举办2024年红凤凰花节，吸引大量国内外游客。海防市希望借此推广旅游和文化，加强与各国地方的友好交流。",
    publishedAt: "2024-05-10T02:00:00Z",
  },
  {
    source: "baohp",
    title: "Kỷ niệm 69 năm Ngày giải phóng Hải Phòng",
    text: "Nhiều hoạt động văn hóa, nghệ thuật được tổ chức tại thành phố Hải Phòng nhân kỷ niệm 69 năm Ngày giải phóng Hải Phòng (13/5/1955 - 13/5/2024) và Lễ hội Hoa Phượng Đỏ, sôi động, ấn tượng, thu hút đông đảo người dân và du khách.",
    publishedAt: "2024-05-13T01:00:00Z",
  },
  {
    source: "social",
    title: "Bài đăng về thu hồi đất ở Hải Phòng",
    author: "Tài khoản ẩn danh",
    text: "Lan truyền trên mạng bài viết cho rằng chính quyền Hải Phòng cướp đất của người dân để làm dự án, gây bức xúc và lo ngại; thông tin chưa được kiểm chứng và không nêu nguồn.",
    publishedAt: "2024-05-28T12:00:00Z",
    caseKey: "land",
  },
  {
    source: "social",
    title: "Tin đồn cấm xe máy ở Hải Phòng",
    author: "Nhóm tin nhanh",
    text: "Tin đồn lan truyền trên mạng rằng thành phố Hải Phòng sẽ cấm hoàn toàn xe máy trong nội thành từ tháng sau, khiến nhiều người dân lo lắng.",
    publishedAt: "2024-06-05T09:00:00Z",
    caseKey: "ban",
  },
  {
    source: "baohp",
    title: "Hải Phòng thu hút thêm dự án đầu tư nước ngoài",
    text: "Thành phố Hải Phòng tiếp tục thu hút các dự án đầu tư nước ngoài vào các khu công nghiệp, khu kinh tế, góp phần tăng trưởng kinh tế của thành phố.",
    publishedAt: null,
    daysAgo: 1,
  },
  {
    source: "vnint",
    title: "Cat Ba tourism draws more international visitors to Hai Phong",
    text: "Cat Ba island in Hai Phong city welcomed more international visitors this season as new tourism services and heritage tours opened.",
    publishedAt: null,
    daysAgo: 2,
  },
  {
    source: "asia",
    title: "Hai Phong logistics hub plans new rail link to the port",
    text: "Hai Phong, Vietnam's major northern port city, plans a new rail link to the port to cut logistics costs for exporters and foreign investors.",
    publishedAt: null,
    daysAgo: 3,
  },
];

/** Response cases opened on the rumours; the first counts for specific task 14 (rebutting false information). */
export const DEMO_CASES = {
  land: {
    title: "Thông tin sai sự thật về thu hồi đất",
    assessment: "false",
    linkTask: "II.14",
    openedAt: "2024-05-29T02:00:00Z",
    closedAt: "2024-06-03T08:00:00Z",
    actions: [
      {
        kind: "press_informed",
        note: "Cung cấp thông tin chính thức cho Báo Hải Phòng",
        at: "2024-05-30T02:00:00Z",
      },
      { kind: "article_published", note: "Báo Hải Phòng đăng bài làm rõ", at: "2024-06-01T02:00:00Z" },
    ],
    outcome: "Thông tin đã được làm rõ; bài đăng sai sự thật đã bị gỡ bỏ.",
  },
  ban: {
    title: "Tin đồn cấm xe máy trong nội thành",
    assessment: "misleading",
    linkTask: "II.14",
    openedAt: "2024-06-06T02:00:00Z",
    closedAt: null,
    actions: [
      {
        kind: "press_informed",
        note: "Đề nghị Sở Giao thông vận tải cung cấp thông tin",
        at: "2024-06-07T02:00:00Z",
      },
    ],
    outcome: null,
  },
} as const;
