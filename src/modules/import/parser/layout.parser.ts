/**
 * Splits a prepared text into regions (header, title, body, closing) and turns the body into paragraphs and
 * tables. Paragraphs rejoin lines broken by layout or page breaks; every paragraph remembers its lines.
 */
import {
  endsSentence,
  isUpperCaseText,
  normaliseLine,
  squeeze,
  startsLowerCase,
  stripEmphasis,
} from "./text.normalize.js";

/** One line of the extracted text, cleaned; `no` is 1-based. */
export interface Line {
  no: number;
  text: string;
}

export interface Paragraph {
  kind: "paragraph";
  text: string;
  lineStart: number;
  lineEnd: number;
}

export interface TableBlock {
  kind: "table";
  /** Cells per row; cell paragraphs are separated by "<br>". */
  rows: Array<{ cells: string[]; line: number }>;
  lineStart: number;
  lineEnd: number;
}

export type BodyElement = Paragraph | TableBlock;

export interface Regions {
  header: Line[];
  title: Line[];
  body: Line[];
  closing: Line[];
  /** An annex after the signature ("PHỤ LỤC" with a task table), read like the body. */
  appendix: Line[];
}

const TYPE_WORDS =
  "CHƯƠNG TRÌNH|KẾ HOẠCH|QUYẾT ĐỊNH|BÁO CÁO|HƯỚNG DẪN|NGHỊ QUYẾT|CHỈ THỊ|KẾT LUẬN|THÔNG BÁO|QUY CHẾ|QUY ĐỊNH|CÔNG VĂN|ĐỀ ÁN|TỜ TRÌNH";
const TITLE_START = new RegExp(`^(?:${TYPE_WORDS})(?:\\s|$)`, "u");
const BODY_START =
  /^(?:căn cứ|thực hiện|triển khai|nhằm|để|trên cơ sở|theo|phần\s|[IVXLC]+[.)]\s|\d+[.)]\s|[-–•+]\s)/iu;
const RULE = /^[\s\-_=*~.|:]+$/;
const SUBTITLE_STOP = /^(?:căn cứ|[IVXLC]+[.)]\s|\d+[.)]\s|[-–•+]\s)/iu;
const CLOSING_START = /^\|?\s*Nơi nhận\s*:?/iu;
/** An annex heading: "PHỤ LỤC", "Phụ lục I", also as the first cell of a table row. */
export const APPENDIX_START = /^\|?\s*(?:PHỤ LỤC|Phụ lục)(?:\s|$|:)/u;

/** Splits prepared text into cleaned lines (1-based numbers). */
export function toLines(text: string): Line[] {
  return text.split("\n").map((raw, i) => ({ no: i + 1, text: normaliseLine(raw) }));
}

/** True for a line that only draws a rule ("-------", "|---|---|"). */
export function isRule(text: string): boolean {
  return text.trim() !== "" && RULE.test(text) && /[-_=~]{3,}/.test(text);
}

/**
 * Finds the title (an upper-case line opening with a document type), the header above it, the closing
 * ("Nơi nhận", signature) and the body between.
 */
export function splitRegions(lines: Line[]): Regions {
  const titleIdx = lines.findIndex((l, i) => i < 80 && isTitleLine(l.text));
  let bodyIdx: number;
  let titleEnd: number;
  if (titleIdx >= 0) {
    titleEnd = titleIdx + 1;
    let i = titleIdx + 1;
    // A subtitle follows the type line ("KẾ HOẠCH" / "Triển khai công tác … năm 2024"), maybe after a blank.
    // It is a short block that neither opens the body ("Căn cứ", "1.") nor reads as its first sentence.
    for (let taken = 0; i < lines.length && taken < 3; ) {
      const t = squeeze(lines[i]?.text ?? "");
      if (t === "" || isRule(t)) {
        i++;
        continue;
      }
      let j = i;
      while (j < lines.length && squeeze(lines[j]?.text ?? "") !== "" && j - i < 3) j++;
      const block = lines
        .slice(i, j)
        .map((l) => squeeze(l.text))
        .join(" ");
      if (SUBTITLE_STOP.test(block) || block.length > 200 || /[.:;]$/.test(block) || /như sau/iu.test(block))
        break;
      if (CLOSING_START.test(block) || block.includes("|")) break;
      titleEnd = j;
      taken += j - i;
      i = j;
    }
    bodyIdx = titleEnd;
  } else {
    const first = lines.findIndex((l) => BODY_START.test(squeeze(l.text)) && !/^\d+[.)]\s/.test(l.text));
    bodyIdx = Math.max(first, 0);
    titleEnd = bodyIdx;
  }
  const header = lines.slice(0, titleIdx >= 0 ? titleIdx : bodyIdx);
  const title = titleIdx >= 0 ? lines.slice(titleIdx, titleEnd) : [];
  const afterTitle = lines.slice(bodyIdx);
  const annexIdx = afterTitle.findIndex((l) => {
    const t = squeeze(l.text);
    return APPENDIX_START.test(t) && t.length < 80;
  });
  const rest = annexIdx >= 0 ? afterTitle.slice(0, annexIdx) : afterTitle;
  let closingIdx = rest.findIndex((l) => CLOSING_START.test(l.text.trim()));
  if (closingIdx < 0) closingIdx = findTrailingSignature(rest);
  return {
    header,
    title: title.filter((l) => l.text.trim() !== "" && !isRule(l.text)),
    body: closingIdx >= 0 ? rest.slice(0, closingIdx) : rest,
    closing: closingIdx >= 0 ? rest.slice(closingIdx) : [],
    appendix: annexIdx >= 0 ? afterTitle.slice(annexIdx) : [],
  };
}

function isTitleLine(text: string): boolean {
  const t = squeeze(text);
  return TITLE_START.test(t) && isUpperCaseText(t) && !t.includes("|");
}

const AUTHORITY =
  /^(?:TM\.|T\/M|KT\.|K\/T|Q\.|TL\.|T\/L|TUQ\.)|CHỦ TỊCH|BÍ THƯ|TRƯỞNG BAN|GIÁM ĐỐC|THỦ TRƯỞNG/u;

/** Without "Nơi nhận", the closing is a trailing block of capitals with a signing authority, then a name. */
function findTrailingSignature(lines: Line[]): number {
  let i = lines.length - 1;
  while (i >= 0 && (lines[i]?.text.trim() ?? "") === "") i--;
  const lastText = squeeze(lines[i]?.text ?? "");
  if (i < 0 || isUpperCaseText(lastText) || lastText.length > 40 || /[.;:]$/.test(lastText)) return -1;
  let start = -1;
  for (let j = i - 1; j >= 0 && j >= i - 12; j--) {
    const t = squeeze(lines[j]?.text ?? "");
    if (t === "" || /^\(?(đã ký|ký tên|signed)/iu.test(t)) continue;
    if (isUpperCaseText(t) || t === "kiêm") {
      if (AUTHORITY.test(t)) start = j;
      continue;
    }
    break;
  }
  return start;
}

/**
 * Whether the lines of each block (lines between blank lines) are layout wraps of one paragraph: most lines
 * followed by a plain line stop mid-sentence. Text pasted one paragraph per line ends its lines with
 * punctuation instead. Returns one flag per line.
 */
export function wrappedBlocks(lines: Line[]): boolean[] {
  const flags = new Array<boolean>(lines.length).fill(false);
  let start = 0;
  const close = (end: number) => {
    let pairs = 0;
    let open = 0;
    for (let i = start; i < end - 1; i++) {
      const next = squeeze(lines[i + 1]?.text ?? "");
      if (STRUCTURAL.test(next)) continue;
      pairs++;
      if (!endsSentence(squeeze(lines[i]?.text ?? ""))) open++;
    }
    const wrapped = pairs > 0 && open / pairs >= 0.6;
    for (let i = start; i < end; i++) flags[i] = wrapped;
  };
  lines.forEach((line, i) => {
    const t = squeeze(line.text);
    if (t === "" || t.startsWith("|") || isRule(t)) {
      close(i);
      start = i + 1;
    }
  });
  close(lines.length);
  return flags;
}

/** Starts a new paragraph whatever came before: bullets, numbers, headings, labels, footnotes, tables. */
const STRUCTURAL =
  /^(?:[-–—•+]\s|\d+(?:\.\d+)*[.)]\s|[IVXLC]+[.)]\s|[a-zđ]\)\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s|\[\d+\]\s|\(\d+\)\s|\||PHỤ LỤC|Phụ lục|(?:Chỉ đạo thực hiện|Tổ chức thực hiện|Thời gian[^:]{0,20}|Cơ quan chủ trì|Cơ quan phối hợp|Sản phẩm)\s*:)/u;

/**
 * Turns body lines into paragraphs and tables. In a block of wrapped lines (see `wrappedBlocks`) the lines
 * are joined; otherwise a line is a paragraph unless it clearly continues a broken sentence. A paragraph that stops mid-sentence and is followed, after a blank
 * line or page break, by a lower-case word is rejoined with it.
 */
export function buildBodyElements(lines: Line[]): BodyElement[] {
  const wrappedFlags = wrappedBlocks(lines);
  const out: BodyElement[] = [];
  let current: Paragraph | null = null;
  let sawBlank = false;
  const flush = () => {
    if (current) out.push(current);
    current = null;
  };
  for (const [index, line] of lines.entries()) {
    const wrapped = wrappedFlags[index] ?? false;
    const text = squeeze(line.text);
    if (text === "" || (isRule(text) && !text.includes("|"))) {
      flush();
      sawBlank = true;
      continue;
    }
    if (text.startsWith("|")) {
      flush();
      const last = out.at(-1);
      const table: TableBlock =
        last?.kind === "table" && !sawBlank
          ? last
          : { kind: "table", rows: [], lineStart: line.no, lineEnd: line.no };
      if (table !== last) out.push(table);
      if (!isRule(text)) table.rows.push({ cells: splitRow(text), line: line.no });
      table.lineEnd = line.no;
      sawBlank = false;
      continue;
    }
    const prev: Paragraph | null = current ?? (sawBlank ? lastParagraph(out) : null);
    // Inside wrapped lines, "- Quần đảo" after "Vịnh Hạ Long" is the rest of a sentence, not a bullet.
    const structural =
      STRUCTURAL.test(text) &&
      !(wrapped && current !== null && /^(?:[-–]|\d+\.)\s/.test(text) && !endsSentence(current.text));
    const continues =
      prev !== null &&
      !structural &&
      (sawBlank ? !endsSentence(prev.text) && startsLowerCase(text) : wrapped || startsLowerCase(text));
    if (continues && prev) {
      prev.text = `${prev.text} ${text}`;
      prev.lineEnd = line.no;
      if (prev !== current) {
        out.pop();
        current = prev;
      }
    } else {
      flush();
      current = { kind: "paragraph", text, lineStart: line.no, lineEnd: line.no };
    }
    sawBlank = false;
  }
  flush();
  for (const el of out) if (el.kind === "paragraph") el.text = stripEmphasis(el.text);
  return out;
}

function lastParagraph(out: BodyElement[]): Paragraph | null {
  const last = out.at(-1);
  return last?.kind === "paragraph" ? last : null;
}

/** Cells of a pipe-table row; "\|" inside a cell was turned into "/" by the extractor. */
export function splitRow(text: string): string[] {
  const inner = text.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split("|").map((c) => squeeze(c));
}
