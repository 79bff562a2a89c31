/**
 * Turns an organisation name printed in capitals ("BAN CHỈ ĐẠO CÔNG TÁC THÔNG TIN ĐỐI NGOẠI") into the
 * sentence case Vietnamese administrative writing uses ("Ban Chỉ đạo Công tác thông tin đối ngoại"): the
 * organ type keeps its conventional capitals, a place name after a Party committee or a people's council/
 * committee is title-cased, and the rest is sentence case.
 */

interface OrganPrefix {
  upper: string;
  cased: string;
  /** What follows: a place name, an administrative level then a place name, or a field in sentence case. */
  rest: "place" | "level_place" | "sentence";
}

const PREFIXES: OrganPrefix[] = [
  { upper: "BAN CHỈ ĐẠO", cased: "Ban Chỉ đạo", rest: "sentence" },
  { upper: "BAN TUYÊN GIÁO", cased: "Ban Tuyên giáo", rest: "sentence" },
  { upper: "BAN THƯỜNG VỤ", cased: "Ban Thường vụ", rest: "sentence" },
  { upper: "BAN CHẤP HÀNH", cased: "Ban Chấp hành", rest: "sentence" },
  { upper: "ỦY BAN NHÂN DÂN", cased: "Ủy ban nhân dân", rest: "level_place" },
  { upper: "UỶ BAN NHÂN DÂN", cased: "Uỷ ban nhân dân", rest: "level_place" },
  { upper: "HỘI ĐỒNG NHÂN DÂN", cased: "Hội đồng nhân dân", rest: "level_place" },
  { upper: "THÀNH ỦY", cased: "Thành ủy", rest: "place" },
  { upper: "THÀNH UỶ", cased: "Thành uỷ", rest: "place" },
  { upper: "TỈNH ỦY", cased: "Tỉnh ủy", rest: "place" },
  { upper: "TỈNH UỶ", cased: "Tỉnh uỷ", rest: "place" },
  { upper: "QUẬN ỦY", cased: "Quận ủy", rest: "place" },
  { upper: "HUYỆN ỦY", cased: "Huyện ủy", rest: "place" },
  { upper: "ĐẢNG ỦY", cased: "Đảng ủy", rest: "sentence" },
  { upper: "ĐẢNG BỘ", cased: "Đảng bộ", rest: "level_place" },
  { upper: "VĂN PHÒNG", cased: "Văn phòng", rest: "sentence" },
  { upper: "SỞ", cased: "Sở", rest: "sentence" },
  { upper: "BỘ", cased: "Bộ", rest: "sentence" },
  { upper: "BAN", cased: "Ban", rest: "sentence" },
  { upper: "BÁO", cased: "Báo", rest: "place" },
];

const LEVELS = ["thành phố", "tỉnh", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn"];

/** Upper-case words that open an organisation name; a header line starting with one starts a new organ. */
export const ORGAN_START = new RegExp(
  `^(?:${PREFIXES.map((p) => p.upper).join("|")}|UBND|HĐND|CHÍNH PHỦ|THỦ TƯỚNG|ĐẢNG ĐOÀN|BAN CÁN SỰ)(?:\\s|$)`,
  "u",
);

/** Sentence-cases an organisation name; a name not in capitals is returned as it is. */
export function organisationCase(name: string): string {
  const text = name.replace(/\s+/g, " ").trim();
  if (text !== text.toUpperCase()) return text;
  const prefix = PREFIXES.find((p) => text === p.upper || text.startsWith(`${p.upper} `));
  if (!prefix) return sentenceCase(text);
  const rest = text.slice(prefix.upper.length).trim();
  if (rest === "") return prefix.cased;
  if (prefix.rest === "place") return `${prefix.cased} ${titleCase(rest)}`;
  if (prefix.rest === "level_place") {
    const lower = rest.toLowerCase();
    const level = LEVELS.find((l) => lower === l || lower.startsWith(`${l} `));
    if (level) {
      const place = rest.slice(level.length).trim();
      return place ? `${prefix.cased} ${level} ${titleCase(place)}` : `${prefix.cased} ${level}`;
    }
    return `${prefix.cased} ${titleCase(rest)}`;
  }
  return `${prefix.cased} ${sentenceCase(rest)}`;
}

function sentenceCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(" ")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}
