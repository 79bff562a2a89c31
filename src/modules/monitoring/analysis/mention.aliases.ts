/**
 * Default alias table for detecting mentions of Hải Phòng. This is DATA: it is seeded into the database and
 * edited by administrators; code must not assume any particular entry exists.
 */

/** What kind of place an alias names. */
export type MentionKind = "city" | "district" | "island" | "landmark" | "port" | "airport";

/**
 * One place and the ways it is written.
 * - `terms`: surface forms. Latin and Cyrillic forms match whole words, accent-insensitively when the text is
 *   written without diacritics, but with exact diacritics when it has them ("An Dương" ≠ "an dưỡng").
 *   Cyrillic forms also accept case endings (Хайфона, Хайфоне). CJK and Hangul forms match as substrings.
 * - `rule`: "always" counts every match; "context" needs confirmation (see below).
 * - `contextTerms`: confirm a match when found within `window` characters before or after it.
 * - `confirmingPrefixes` / `confirmingSuffixes`: confirm when immediately before/after (spaces allowed),
 *   e.g. administrative words "huyện", "quận", or 市 after 海防.
 * - `vetoPrefixes` / `vetoSuffixes`: cancel a match when immediately before/after (海防部队, An Dương Vương).
 * - `vetoContextTerms`: cancel a context-rule match when found within `window` characters (another province
 *   named next to a commune that shares the name: "xã Hải An, tỉnh Quảng Trị").
 * - `confirmedByCityMention`: a context-rule match also counts when the text has a confirmed city-level mention.
 * - `caseSensitive`: Latin forms must be capitalised as written (proper noun), lower-case text is ignored.
 */
export interface MentionAlias {
  /** Stable key ("hai-phong", "kien-an"); what `detectMentions` reports. */
  id: string;
  /** Display name in Vietnamese. */
  name: string;
  kind: MentionKind;
  terms: string[];
  rule: "always" | "context";
  contextTerms?: string[];
  confirmingPrefixes?: string[];
  confirmingSuffixes?: string[];
  vetoPrefixes?: string[];
  vetoSuffixes?: string[];
  vetoContextTerms?: string[];
  confirmedByCityMention?: boolean;
  caseSensitive?: boolean;
  /** Characters either side searched for `contextTerms`; default 40. */
  window?: number;
}

/** Administrative words that, written just before a name, make it a place (Vietnamese and English). */
export const ADMINISTRATIVE_PREFIXES = [
  "quận",
  "huyện",
  "thị xã",
  "thành phố",
  "tp.",
  "tp",
  "phường",
  "xã",
  "thị trấn",
  "đảo",
  "quần đảo",
  "khu vực",
  "địa bàn",
];
/** Administrative words written after a name (English and French word order). */
export const ADMINISTRATIVE_SUFFIXES = ["district", "county", "ward", "island", "islands", "commune"];

/** Other provinces and cities whose places share names with Hải Phòng's districts. */
export const OTHER_PROVINCES = [
  "Quảng Trị",
  "Quảng Ngãi",
  "Bình Định",
  "Hồ Chí Minh",
  "TP.HCM",
  "Sài Gòn",
  "Đà Nẵng",
  "Thanh Hóa",
  "Nghệ An",
  "Hải Lăng",
];

/** Context words that make a bare Chinese 海防 the city. */
const HAN_CITY_CONTEXT = [
  "越南",
  "胡志明",
  "河内",
  "港口",
  "海港",
  "口岸",
  "工业区",
  "市长",
  "市委",
  "北部湾",
  "吉婆",
  "广宁",
  "下龙",
];
/** 海防 followed by these is the ordinary word "coastal defence" (海防部队, 海防建设, 海防意识...). */
const HAN_DEFENCE_SUFFIXES = [
  "部队",
  "建设",
  "力量",
  "意识",
  "工作",
  "前线",
  "哨所",
  "要塞",
  "战略",
  "体系",
  "能力",
  "安全",
  "官兵",
  "警察",
  "事业",
  "巡逻",
  "线",
  "林",
];

function district(
  id: string,
  name: string,
  extraVetoPrefixes: string[] = [],
  extraVetoSuffixes: string[] = [],
) {
  return {
    id,
    name,
    kind: "district" as const,
    terms: [name],
    rule: "context" as const,
    confirmingPrefixes: ADMINISTRATIVE_PREFIXES,
    confirmingSuffixes: ADMINISTRATIVE_SUFFIXES,
    vetoPrefixes: [
      "đường",
      "phố",
      "vua",
      "nữ tướng",
      "tướng",
      "đại học",
      "trường",
      "street",
      "king",
      ...extraVetoPrefixes,
    ],
    vetoSuffixes: ["street", "road", ...extraVetoSuffixes],
    vetoContextTerms: OTHER_PROVINCES,
    window: 60,
    confirmedByCityMention: true,
    caseSensitive: true,
  };
}

/** The default alias table: the city in many scripts, its districts, islands, ports and landmarks. */
export const DEFAULT_MENTION_ALIASES: MentionAlias[] = [
  {
    id: "hai-phong",
    name: "Hải Phòng",
    kind: "city",
    terms: ["Hải Phòng", "Haiphong", "Haïphong", "Hai Phong", "Хайфон", "ハイフォン", "하이퐁"],
    rule: "always",
  },
  {
    // 海防 alone is the ordinary word for "coastal defence": count it only with city context.
    id: "hai-phong",
    name: "Hải Phòng",
    kind: "city",
    terms: ["海防"],
    rule: "context",
    confirmingSuffixes: ["市", "港", "国际", "大学", "人", "机场", "工业", "经济"],
    contextTerms: HAN_CITY_CONTEXT,
    vetoSuffixes: HAN_DEFENCE_SUFFIXES,
    vetoPrefixes: ["加强", "巩固", "国防和", "边防", "边防和"],
    window: 20,
  },
  {
    id: "cat-ba",
    name: "Cát Bà",
    kind: "island",
    terms: ["Cát Bà", "Cat Ba", "Catba", "吉婆", "カットバ", "깟바", "Катба"],
    rule: "always",
    caseSensitive: true,
  },
  // Not "ドーソン" (Dawson) nor "도선" (ferry, wire): both are ordinary words.
  {
    id: "do-son",
    name: "Đồ Sơn",
    kind: "landmark",
    terms: ["Đồ Sơn", "Do Son", "Doson", "Дошон"],
    rule: "always",
    caseSensitive: true,
  },
  {
    id: "bach-long-vi",
    name: "Bạch Long Vĩ",
    kind: "island",
    terms: ["Bạch Long Vĩ", "Bach Long Vi", "白龙尾"],
    rule: "always",
    caseSensitive: true,
  },
  {
    id: "lach-huyen",
    name: "Lạch Huyện",
    kind: "port",
    terms: ["Lạch Huyện", "Lach Huyen"],
    rule: "always",
    caseSensitive: true,
  },
  {
    id: "dinh-vu",
    name: "Đình Vũ",
    kind: "port",
    terms: ["Đình Vũ", "Dinh Vu", "ディンブー"],
    rule: "always",
    caseSensitive: true,
  },
  {
    id: "cat-bi",
    name: "Cát Bi",
    kind: "airport",
    terms: ["Cát Bi", "Cat Bi", "吉碑"],
    rule: "always",
    caseSensitive: true,
  },
  {
    id: "cat-hai",
    name: "Cát Hải",
    kind: "district",
    terms: ["Cát Hải", "Cat Hai"],
    rule: "always",
    caseSensitive: true,
  },
  {
    id: "thuy-nguyen",
    name: "Thủy Nguyên",
    kind: "district",
    terms: ["Thủy Nguyên", "Thuy Nguyen"],
    rule: "always",
    caseSensitive: true,
  },
  district("kien-an", "Kiến An", ["cung", "hội quán"]),
  district("an-duong", "An Dương", ["thục phán"], ["vương", "vuong"]),
  district("hong-bang", "Hồng Bàng", ["thời", "họ", "nhà", "kỷ", "triều"]),
  district("le-chan", "Lê Chân", ["bà", "nữ anh hùng"]),
  district("ngo-quyen", "Ngô Quyền", ["bà", "ông", "lăng", "đền"]),
  district("hai-an", "Hải An"),
  district("duong-kinh", "Dương Kinh", ["kinh đô"]),
  district("an-lao", "An Lão"),
  district("tien-lang", "Tiên Lãng"),
  district("vinh-bao", "Vĩnh Bảo"),
];
