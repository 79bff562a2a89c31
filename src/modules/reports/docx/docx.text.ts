import type { IsoDate } from "../../follow-up/calendar/calendar.dates.js";
import type { DocumentFormat, DocumentNumber, SignatureBlock } from "./report.model.js";

/**
 * "Số 15-BC/BCĐ" (Party) or "Số: 15/BC-UBND" (State).
 *
 * @example formatDocumentNumber("party", { seq: 15, typeCode: "BC", issuerCode: "BCĐ" }) // "Số 15-BC/BCĐ"
 */
export function formatDocumentNumber(format: DocumentFormat, n: DocumentNumber): string {
  const seq = String(n.seq).trim();
  const pad = seq === "" ? "      " : seq;
  return format === "party"
    ? `Số ${pad}-${n.typeCode}/${n.issuerCode}`
    : `Số: ${pad}/${n.typeCode}-${n.issuerCode}`;
}

/**
 * "Hải Phòng, ngày 05 tháng 7 năm 2024": days below 10 and months 1 and 2 get a leading zero
 * (NĐ 30/2020, HD 36-HD/VPTW).
 */
export function formatPlaceAndDate(place: string, date: IsoDate): string {
  return `${place}, ${formatVietnameseDate(date)}`;
}

/** "ngày 05 tháng 01 năm 2025" */
export function formatVietnameseDate(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = d < 10 ? `0${d}` : String(d);
  const month = m <= 2 ? `0${m}` : String(m);
  return `ngày ${day} tháng ${month} năm ${y}`;
}

/** "30/6/2024" — short dates in tables and text. */
export function formatShortDate(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d < 10 ? `0${d}` : d}/${m < 10 ? `0${m}` : m}/${y}`;
}

/**
 * Authority lines of a signature: ["T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN"] or ["TM. ỦY BAN NHÂN DÂN",
 * "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. Bodies after a prefix are upper-cased; title lines are printed as
 * given, so that "PHÓ BÍ THƯ / kiêm / TRƯỞNG BAN CHỈ ĐẠO" keeps its lower-case "kiêm".
 */
export function signatureLines(format: DocumentFormat, s: SignatureBlock): string[] {
  const lines: string[] = [];
  if (s.onBehalfOf)
    lines.push(`${format === "party" ? "T/M" : "TM."} ${s.onBehalfOf.toLocaleUpperCase("vi")}`);
  if (s.signFor) lines.push(`${format === "party" ? "K/T" : "KT."} ${s.signFor.toLocaleUpperCase("vi")}`);
  for (const l of s.titleLines) lines.push(l);
  return lines;
}

/** "- Ban Tuyên giáo Trung ương (để báo cáo)," — the last entry ends with "." as clerks write it. */
export function recipientLines(recipients: readonly { name: string; purpose?: string | null }[]): string[] {
  return recipients.map((r, i) => {
    const text = r.purpose ? `${r.name} (${r.purpose})` : r.name;
    return `- ${text}${i === recipients.length - 1 ? "." : ","}`;
  });
}

/** "33,3" — Vietnamese decimal comma (the same formatter as the web app's). */
export { formatPercent } from "../../../shared/text/vi-format.js";

/** Said once per section, after the tasks that have something to report. */
export const NO_CONFIRMED_RESULTS = "Trong kỳ chưa có báo cáo kết quả được xác nhận";

/** Names that keep their capitals when a heading written in capitals is set into a sentence. */
const PROPER_NAMES = [
  "Việt Nam",
  "Đảng",
  "Nhà nước",
  "Trung ương",
  "Thành ủy",
  "Tỉnh ủy",
  "Quận ủy",
  "Huyện ủy",
  "Ban Chỉ đạo",
  "Ban Thường vụ",
  "Hồ Chí Minh",
  "Ủy ban nhân dân",
  "Hội đồng nhân dân",
  "Mặt trận Tổ quốc",
  "Quốc hội",
  "Chính phủ",
];

/**
 * A title or body name as it reads inside a sentence: a text written wholly in capitals ("CHƯƠNG TRÌNH
 * CÔNG TÁC NĂM 2024", as headings are printed) is lowered, keeping the capitals of proper names (the
 * place, "Việt Nam", "Ban Chỉ đạo"…); text already in mixed case is kept as written.
 *
 * @example inSentenceCase("CÔNG TÁC THÔNG TIN ĐỐI NGOẠI THÀNH PHỐ HẢI PHÒNG", ["Hải Phòng"])
 * // "công tác thông tin đối ngoại thành phố Hải Phòng"
 */
export function inSentenceCase(text: string, properNames: readonly string[] = []): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.toLocaleUpperCase("vi") !== clean || !/\p{L}/u.test(clean)) return clean;
  let out = clean.toLocaleLowerCase("vi");
  for (const name of [...properNames, ...PROPER_NAMES].sort((a, b) => b.length - a.length)) {
    const lower = name.toLocaleLowerCase("vi");
    out = out.replace(new RegExp(`(?<!\\p{L})${escapeRegExp(lower)}(?!\\p{L})`, "gu"), name);
  }
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
