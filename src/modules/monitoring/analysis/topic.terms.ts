/**
 * Default topic term lists for the programme's areas. DATA: seeded into the database and edited by admins.
 * Terms are matched as whole phrases on accent-folded, lower-cased text, so write them in their natural
 * spelling (avoid one-syllable Vietnamese terms: folded, "đảo" would match "lãnh đạo"); a weight says how strongly one occurrence signals the topic (1 weak … 3 decisive).
 */

/** Topic keys used across monitoring, reports and the UI. */
export type TopicKey =
  | "economy_investment"
  | "foreign_affairs"
  | "defence_security"
  | "culture"
  | "tourism"
  | "human_rights"
  | "sea_islands_sovereignty"
  | "people_diplomacy"
  | "overseas_vietnamese";

/** One weighted term. */
export interface TopicTerm {
  term: string;
  weight: number;
}

/** A topic with its display names and terms. */
export interface TopicDefinition {
  topic: TopicKey;
  nameVi: string;
  nameEn: string;
  terms: TopicTerm[];
}

const w = (weight: number, ...terms: string[]): TopicTerm[] => terms.map((term) => ({ term, weight }));

/** Default topic definitions (Vietnamese and English terms; a few Chinese ones for the most common cases). */
export const DEFAULT_TOPICS: TopicDefinition[] = [
  {
    topic: "economy_investment",
    nameVi: "Kinh tế, đầu tư",
    nameEn: "Economy and investment",
    terms: [
      ...w(
        3,
        "đầu tư",
        "vốn FDI",
        "FDI",
        "khu công nghiệp",
        "thu hút đầu tư",
        "foreign direct investment",
        "investment",
        "industrial park",
        "投资",
      ),
      ...w(
        2,
        "doanh nghiệp",
        "xuất khẩu",
        "nhập khẩu",
        "tăng trưởng",
        "GRDP",
        "logistics",
        "cảng biển",
        "container",
        "nhà máy",
        "investor",
        "investors",
        "export",
        "exports",
        "economic growth",
        "factory",
        "manufacturing",
        "经济",
      ),
      ...w(1, "kinh tế", "thương mại", "sản xuất", "economy", "trade", "port", "business"),
    ],
  },
  {
    topic: "foreign_affairs",
    nameVi: "Đối ngoại",
    nameEn: "Foreign affairs",
    terms: [
      ...w(
        3,
        "đối ngoại",
        "ngoại giao",
        "đại sứ",
        "tổng lãnh sự",
        "thành phố kết nghĩa",
        "foreign affairs",
        "diplomatic",
        "ambassador",
        "consul general",
        "sister city",
        "外交",
      ),
      ...w(
        2,
        "đoàn công tác",
        "hợp tác quốc tế",
        "biên bản ghi nhớ",
        "tiếp đoàn",
        "official visit",
        "memorandum of understanding",
        "delegation",
        "bilateral",
      ),
      ...w(1, "hợp tác", "quốc tế", "cooperation", "international"),
    ],
  },
  {
    topic: "defence_security",
    nameVi: "Quốc phòng, an ninh",
    nameEn: "Defence and security",
    terms: [
      ...w(
        3,
        "quốc phòng",
        "an ninh",
        "quân đội",
        "bộ đội biên phòng",
        "cảnh sát biển",
        "quân khu",
        "defence",
        "defense",
        "military",
        "national security",
        "coast guard",
        "国防",
        "海防部队",
      ),
      ...w(2, "hải quân", "biên phòng", "công an", "navy", "border guard", "police", "armed forces"),
      ...w(1, "diễn tập", "exercise", "troops"),
    ],
  },
  {
    topic: "culture",
    nameVi: "Văn hóa",
    nameEn: "Culture",
    terms: [
      ...w(
        3,
        "văn hóa",
        "lễ hội",
        "di sản",
        "nghệ thuật",
        "culture",
        "cultural",
        "festival",
        "heritage",
        "文化",
      ),
      ...w(
        2,
        "di tích",
        "bảo tàng",
        "triển lãm",
        "âm nhạc",
        "múa rối",
        "museum",
        "exhibition",
        "music",
        "art",
      ),
      ...w(1, "truyền thống", "tradition"),
    ],
  },
  {
    topic: "tourism",
    nameVi: "Du lịch",
    nameEn: "Tourism",
    terms: [
      ...w(
        3,
        "du lịch",
        "du khách",
        "lượt khách",
        "tourism",
        "tourist",
        "tourists",
        "visitors",
        "旅游",
        "観光",
        "관광",
      ),
      ...w(
        2,
        "khách sạn",
        "resort",
        "bãi biển",
        "vịnh Lan Hạ",
        "lữ hành",
        "hotel",
        "beach",
        "cruise",
        "travel",
      ),
      ...w(1, "nghỉ dưỡng", "ẩm thực", "cuisine", "holiday"),
    ],
  },
  {
    topic: "human_rights",
    nameVi: "Nhân quyền",
    nameEn: "Human rights",
    terms: [
      ...w(
        3,
        "nhân quyền",
        "quyền con người",
        "tự do tôn giáo",
        "tự do báo chí",
        "human rights",
        "religious freedom",
        "press freedom",
        "人权",
      ),
      ...w(
        2,
        "tự do ngôn luận",
        "tù nhân lương tâm",
        "freedom of expression",
        "political prisoner",
        "activist",
        "activists",
        "dissident",
      ),
      ...w(1, "bắt giữ", "xét xử", "arrest", "arrested", "trial"),
    ],
  },
  {
    topic: "sea_islands_sovereignty",
    nameVi: "Biển, đảo, chủ quyền",
    nameEn: "Sea, islands and sovereignty",
    terms: [
      ...w(
        3,
        "chủ quyền biển đảo",
        "chủ quyền",
        "Biển Đông",
        "Hoàng Sa",
        "Trường Sa",
        "South China Sea",
        "East Sea",
        "sovereignty",
        "Paracel",
        "Spratly",
        "南中国海",
        "南海争端",
        "南沙",
        "西沙",
        "主权",
      ),
      ...w(2, "biển đảo", "vùng biển", "ngư dân", "territorial waters", "fishermen", "maritime"),
      ...w(1, "hòn đảo", "bờ biển", "island", "islands", "sea"),
    ],
  },
  {
    topic: "people_diplomacy",
    nameVi: "Đối ngoại nhân dân",
    nameEn: "People-to-people diplomacy",
    terms: [
      ...w(
        3,
        "đối ngoại nhân dân",
        "hội hữu nghị",
        "liên hiệp các tổ chức hữu nghị",
        "giao lưu nhân dân",
        "people-to-people",
        "friendship association",
      ),
      ...w(
        2,
        "hữu nghị",
        "giao lưu",
        "tình nguyện viên",
        "friendship",
        "exchange programme",
        "exchange program",
        "volunteers",
      ),
      ...w(1, "kết nối", "goodwill"),
    ],
  },
  {
    topic: "overseas_vietnamese",
    nameVi: "Người Việt Nam ở nước ngoài",
    nameEn: "Overseas Vietnamese",
    terms: [
      ...w(
        3,
        "kiều bào",
        "người Việt Nam ở nước ngoài",
        "Việt kiều",
        "overseas Vietnamese",
        "Vietnamese diaspora",
        "Vietnamese community abroad",
      ),
      ...w(2, "cộng đồng người Việt", "Xuân Quê hương", "Vietnamese community", "diaspora"),
      ...w(1, "quê hương", "homeland"),
    ],
  },
];
