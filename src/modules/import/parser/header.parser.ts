/**
 * Reads the document header: issuing body (and the body above it), Party or State system, number and symbol,
 * place and date, type, title and covered period. Works on headers laid out in two columns that copy-paste
 * flattened into `|` cells, wide gaps or one item per line.
 */
import { findDate } from "./dates.parse.js";
import { isRule, type Line } from "./layout.parser.js";
import { ORGAN_START, organisationCase } from "./organisation.casing.js";
import type { DatePeriod, ParseWarning, ProgrammeDocument } from "./parsed-programme.types.js";
import { isUpperCaseText, squeeze } from "./text.normalize.js";

interface Item {
  text: string;
  line: number;
}

const PARTY_MOTTO = /ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u;
const STATE_MOTTO = /CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM/u;
const TIEU_NGU = /Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/iu;
const NUMBER = /(?:^|\s)(?:Số|SỐ)\s*(:?)\s*(\d+[\p{L}\d/.-]*[\p{L}\d])/u;
const DATE_LINE = /(\p{Lu}[\p{L} .]*?)\s*,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}/u;

const TYPE_BY_WORDS: Record<string, string> = {
  "CHƯƠNG TRÌNH": "Chương trình",
  "KẾ HOẠCH": "Kế hoạch",
  "QUYẾT ĐỊNH": "Quyết định",
  "BÁO CÁO": "Báo cáo",
  "HƯỚNG DẪN": "Hướng dẫn",
  "NGHỊ QUYẾT": "Nghị quyết",
  "CHỈ THỊ": "Chỉ thị",
  "KẾT LUẬN": "Kết luận",
  "THÔNG BÁO": "Thông báo",
  "QUY CHẾ": "Quy chế",
  "QUY ĐỊNH": "Quy định",
  "CÔNG VĂN": "Công văn",
  "ĐỀ ÁN": "Đề án",
  "TỜ TRÌNH": "Tờ trình",
};
const TYPE_BY_CODE: Record<string, string> = {
  CTr: "Chương trình",
  KH: "Kế hoạch",
  QĐ: "Quyết định",
  BC: "Báo cáo",
  HD: "Hướng dẫn",
  NQ: "Nghị quyết",
  CT: "Chỉ thị",
  KL: "Kết luận",
  TB: "Thông báo",
  QC: "Quy chế",
  CV: "Công văn",
  ĐA: "Đề án",
  TTr: "Tờ trình",
};

/** Parses the header lines and title lines; warnings name what is missing. */
export function parseHeader(
  header: Line[],
  title: Line[],
): { document: ProgrammeDocument; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const doc: ProgrammeDocument = {
    system: null,
    type: null,
    typeCode: null,
    number: null,
    issuer: null,
    parentIssuer: null,
    place: null,
    date: null,
    title: null,
    period: null,
  };
  let hasColonNumber = false;
  const organs: Item[][] = [];
  for (const item of joinWrappedItems(flattenColumns(header))) {
    let text = item.text;
    if (PARTY_MOTTO.test(text)) doc.system = "party";
    if (STATE_MOTTO.test(text) || TIEU_NGU.test(text)) doc.system = "state";
    text = text.replace(PARTY_MOTTO, " ").replace(STATE_MOTTO, " ").replace(TIEU_NGU, " ");
    const num = NUMBER.exec(text);
    if (num?.[2] && doc.number === null) {
      doc.number = num[2];
      hasColonNumber = num[1] === ":";
      text = text.replace(num[0], " ");
    }
    const dated = DATE_LINE.exec(text);
    if (dated?.[1] && doc.date === null) {
      doc.place = dated[1].trim();
      doc.date = findDate(dated[0]);
      text = text.replace(dated[0], " ");
    }
    text = squeeze(text);
    if (text === "" || text === "*" || isRule(text) || !isUpperCaseText(text)) continue;
    const last = organs.at(-1);
    if (ORGAN_START.test(text) || !last) organs.push([{ text, line: item.line }]);
    else last.push({ text, line: item.line });
  }
  const names = organs.map((o) => organisationCase(o.map((i) => i.text).join(" ")));
  doc.issuer = names.at(-1) ?? null;
  doc.parentIssuer = names.length > 1 ? (names[0] ?? null) : null;

  if (doc.number) {
    const party = /^\d+-(\p{L}+)\//u.exec(doc.number);
    const state = /^\d+(?:\/\d{4})?\/(\p{L}+)-/u.exec(doc.number);
    doc.typeCode = party?.[1] ?? state?.[1] ?? null;
    doc.system ??= party ? "party" : state || hasColonNumber ? "state" : null;
  }
  const titleText = title
    .map((l) => squeeze(l.text))
    .join(" ")
    .trim();
  doc.title = titleText === "" ? null : titleText;
  const typeWords = Object.keys(TYPE_BY_WORDS).find((w) => titleText.startsWith(w));
  doc.type = (typeWords ? TYPE_BY_WORDS[typeWords] : undefined) ?? TYPE_BY_CODE[doc.typeCode ?? ""] ?? null;
  doc.period = periodOf(titleText);

  const firstLine = header[0]?.no ?? title[0]?.no ?? 1;
  const missing: Array<[unknown, string, string]> = [
    [doc.number, "number_missing", "Không tìm thấy số, ký hiệu văn bản"],
    [doc.date, "date_missing", "Không tìm thấy ngày ban hành"],
    [doc.issuer, "issuer_missing", "Không tìm thấy cơ quan ban hành"],
    [doc.title, "title_missing", "Không tìm thấy tên loại và trích yếu văn bản"],
    [doc.system, "system_unknown", "Không xác định được văn bản của Đảng hay Nhà nước"],
  ];
  for (const [value, code, message] of missing) {
    if (value === null) warnings.push({ code, message, line: firstLine, taskRef: null });
  }
  return { document: doc, warnings };
}

/** The period named in a title: "NĂM 2024", "GIAI ĐOẠN 2021 - 2025". */
export function periodOf(title: string): DatePeriod | null {
  const span = /giai\s+đoạn\s+((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})/iu.exec(title);
  if (span) return { start: `${span[1]}-01-01`, end: `${span[2]}-12-31` };
  const year = /năm\s+((?:19|20)\d{2})(?!\s*[-–]\s*\d)/iu.exec(title);
  return year ? { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` } : null;
}

/** A motto or date wrapped over two items in a narrow column ("… CHỦ NGHĨA" / "VIỆT NAM") is rejoined. */
function joinWrappedItems(items: Item[]): Item[] {
  const patterns = [PARTY_MOTTO, STATE_MOTTO, TIEU_NGU, DATE_LINE];
  const out: Item[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const next = items[i + 1];
    if (!item) continue;
    const joined = next ? `${item.text} ${next.text}` : "";
    if (next && patterns.some((p) => p.test(joined) && !p.test(item.text) && !p.test(next.text))) {
      out.push({ text: joined, line: item.line });
      i++;
    } else out.push(item);
  }
  return out;
}

/**
 * Header items in reading order of a two-column layout: the left column top to bottom, then the right one.
 * Cells come from `|` separators, runs of 3+ spaces or tabs, and "<br>" inside Word table cells.
 */
export function flattenColumns(lines: Line[]): Item[] {
  const columns: Item[][] = [];
  for (const line of lines) {
    const raw = line.text;
    if (raw.trim() === "" || (isRule(raw) && !/\p{L}/u.test(raw))) continue;
    const cells = raw.includes("|")
      ? raw
          .replace(/^\s*\|/, "")
          .replace(/\|\s*$/, "")
          .split("|")
      : raw.split(/\t+| {3,}/);
    cells.forEach((cell, col) => {
      for (const part of cell.split(/<br>/)) {
        const text = squeeze(part);
        if (text === "") continue;
        while (columns.length <= col) columns.push([]);
        columns[col]?.push({ text, line: line.no });
      }
    });
  }
  return columns.flat();
}
