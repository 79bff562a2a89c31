/**
 * Person or unit? A task table often names people without "Đồng chí" ("Trần Văn Bình" in the "Chủ trì"
 * column). The directory decides first (a name it holds as a person or a unit); otherwise the shape of the
 * name: a Vietnamese personal name is 2–4 capitalised syllables opening with a family name, with no word
 * that names a body (Sở, Ban, Ủy ban, Báo, Đài, Hội, Công an, Bộ Chỉ huy, Quận ủy, Huyện ủy…).
 *
 * @example
 * partyKindOf("Trần Văn Bình"); // "person"
 * partyKindOf("Sở Ngoại vụ"); // "unit"
 * partyKindOf("Lê Lợi", { kindOf: () => "unit" }); // "unit" (a school named after him, say)
 */
import { foldVietnamese } from "../../../shared/text/fold.js";

/** What the directory knows about a name: "person", "unit", or null when it does not hold it. */
export interface PartyDirectory {
  kindOf(name: string): "person" | "unit" | null;
}

/** Common Vietnamese family names (họ), about 99 % of the population; compared without tone marks. */
const FAMILY_NAMES = new Set(
  [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đào",
    "Đoàn",
    "Vương",
    "Trịnh",
    "Trương",
    "Lâm",
    "Phùng",
    "Mai",
    "Tô",
    "Hà",
    "Tạ",
    "Lương",
    "Lưu",
    "Đinh",
    "Cao",
    "Chu",
    "Châu",
    "Thái",
    "Quách",
    "Tăng",
    "Từ",
    "Kiều",
    "Khúc",
    "Lục",
    "Nông",
    "Triệu",
    "Thân",
    "Mạc",
    "Hứa",
    "Giang",
    "Diệp",
    "Lại",
    "La",
    "Âu",
    "Doãn",
    "Đàm",
    "Đồng",
    "Khổng",
    "Kim",
    "Lã",
    "Lạc",
    "Ninh",
    "Ông",
    "Phó",
    "Phí",
    "Quan",
    "Sầm",
    "Tống",
    "Thạch",
    "Tiêu",
    "Trình",
    "Ung",
    "Văn",
    "Vi",
    "Vy",
    "Viên",
    "Nghiêm",
    "Bạch",
    "Bế",
    "Cù",
    "Cung",
    "Hầu",
    "Hàn",
    "Đường",
    "Lò",
    "Lộc",
    "Hán",
    "Cấn",
    "Chử",
    "Khương",
    "Lăng",
    "Lường",
    "Quản",
    "Thiều",
    "Tôn",
    "Đậu",
    "Điêu",
    "Giáp",
    "Hoa",
    "Kha",
    "Khuất",
    "Lều",
    "Liêu",
    "Mã",
    "Mẫn",
    "Nhữ",
    "Ôn",
    "Phương",
    "Sơn",
    "Tiết",
    "Trà",
    "Vòng",
    "Y",
    "H'",
  ].map((n) => foldVietnamese(n)),
);

/** Words that name a body, not a person, wherever they stand in the name. */
const UNIT_WORDS = [
  "sở",
  "ban",
  "ủy ban",
  "uỷ ban",
  "ubnd",
  "hđnd",
  "báo",
  "đài",
  "hội",
  "công an",
  "bộ",
  "bộ chỉ huy",
  "bộ đội",
  "quận ủy",
  "huyện ủy",
  "tỉnh ủy",
  "thành ủy",
  "đảng ủy",
  "thị ủy",
  "phòng",
  "trung tâm",
  "văn phòng",
  "cục",
  "chi cục",
  "viện",
  "trường",
  "tổng",
  "liên đoàn",
  "mặt trận",
  "tòa án",
  "kho bạc",
  "ngân hàng",
  "tạp chí",
  "công ty",
  "tổ",
  "nhóm",
  "câu lạc bộ",
  "bệnh viện",
  "hợp tác xã",
  "chi nhánh",
  "đội",
  "thông tấn",
  "học viện",
  "đại học",
  "cảng vụ",
  "tập đoàn",
  "ủy",
  "uỷ",
  "thường trực",
  "lãnh đạo",
  "các",
  "thành viên",
  "đơn vị",
  "cơ quan",
  "phường",
  "xã",
  "huyện",
  "quận",
  "tỉnh",
  "thành phố",
  "thị xã",
  "thị trấn",
].map((w) => lower(w));

const SYLLABLE = /^\p{Lu}\p{Ll}*$/u;

/** Lower case with tone marks kept: "Báo" (a newspaper) is not "Bảo" (a given name). */
function lower(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/uỷ/g, "ủy").replace(/\s+/g, " ").trim();
}

/** True when `name` has the shape of a Vietnamese personal name and names no body. */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/u);
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => SYLLABLE.test(w))) return false;
  const first = foldVietnamese(words[0] ?? "");
  if (!FAMILY_NAMES.has(first)) return false;
  // A family name that is also a unit word ("Đoàn") still opens a person's name when nothing else is one.
  const rest = lower(words.slice(1).join(" "));
  return !UNIT_WORDS.some(
    (u) => rest === u || rest.startsWith(`${u} `) || rest.includes(` ${u} `) || rest.endsWith(` ${u}`),
  );
}

/** True when the first word(s) of `name` name a kind of body ("Sở …", "Ban …", "Công an …"). */
export function opensWithUnitWord(name: string): boolean {
  const text = lower(name);
  return UNIT_WORDS.some((u) => text === u || text.startsWith(`${u} `));
}

/** Person or unit: the directory's answer when it has one, else the shape of the name. */
export function partyKindOf(name: string, directory?: PartyDirectory): "person" | "unit" {
  const known = directory?.kindOf(name) ?? null;
  if (known) return known;
  return looksLikePersonName(name) ? "person" : "unit";
}
