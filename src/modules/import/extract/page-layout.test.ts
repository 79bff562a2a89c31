/**
 * Reading order from word boxes, on pages built by hand: the header table read column by column, page
 * numbers dropped, footnotes moved after the paragraph that cites them, justified lines and hyphenated
 * words rejoined, a paragraph continued across a page break; OCR confidence kept per line.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../../../../test/fixtures/programmes/expectations.js";
import { omitKeys } from "../../../../test/fixtures/programmes/fixtures.js";
import { parseProgrammeFile } from "../parser/index.js";
import { joinLines, layoutPages, type PageWords, type WordBox } from "./page-layout.js";

const H = 14;
/** Words of one line starting at x, each word 6 pt per character, 4 pt apart. */
function line(
  text: string,
  x: number,
  y: number,
  options: { h?: number; confidence?: number } = {},
): WordBox[] {
  const h = options.h ?? H;
  const out: WordBox[] = [];
  let at = x;
  for (const word of text.split(" ")) {
    const w = word.length * 6;
    out.push({
      text: word,
      x0: at,
      x1: at + w,
      y0: y,
      y1: y + h,
      ...(options.confidence !== undefined && { confidence: options.confidence }),
    });
    at += w + 4;
  }
  return out;
}
/** A justified line: words spread to fill 80–500. */
function justified(text: string, y: number, x0 = 80): WordBox[] {
  const words = text.split(" ");
  const inked = words.reduce((a, w) => a + w.length * 6, 0);
  const gap = (500 - x0 - inked) / Math.max(words.length - 1, 1);
  const out: WordBox[] = [];
  let at = x0;
  for (const word of words) {
    out.push({ text: word, x0: at, x1: at + word.length * 6, y0: y, y1: y + H });
    at += word.length * 6 + gap;
  }
  return out;
}
const page = (words: WordBox[]): PageWords => ({ width: 595, height: 842, words });

describe("page layout", () => {
  it("reads a two-column header as its table, left column first", () => {
    const { text } = layoutPages([
      page([
        ...line("TỈNH ỦY NGHỆ AN", 100, 60),
        ...line("ĐẢNG CỘNG SẢN VIỆT NAM", 340, 60),
        ...line("BAN CHỈ ĐẠO", 110, 76),
        ...line("Nghệ An, ngày 20 tháng 01 năm 2025", 330, 76),
        ...line("Số 07-CTr/BCĐ", 105, 92),
        ...line("CHƯƠNG TRÌNH", 250, 130),
        ...justified("Căn cứ Kết luận số 57-KL/TW của Bộ Chính trị về công tác thông tin", 160, 110),
        ...line("đối ngoại như sau:", 80, 178),
      ]),
    ]);
    expect(text.split("\n")).toEqual([
      "TỈNH ỦY NGHỆ AN",
      "BAN CHỈ ĐẠO",
      "Số 07-CTr/BCĐ",
      "",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Nghệ An, ngày 20 tháng 01 năm 2025",
      "",
      "CHƯƠNG TRÌNH",
      "",
      "Căn cứ Kết luận số 57-KL/TW của Bộ Chính trị về công tác thông tin đối ngoại như sau:",
    ]);
  });

  it("drops page numbers, moves footnotes after their paragraph, continues a paragraph over the page", () => {
    const first = page([
      ...justified("1. Xây dựng chuyên mục thông tin đối ngoại bằng tiếng Anh và tiếng", 100, 110),
      ...justified("Lào trên Cổng Thông tin điện tử tỉnh; cập nhật thường xuyên thông tin", 118),
      // "tỉnh" followed by a raised, smaller footnote mark, then more text filling the line.
      ...justified("về các khu công nghiệp và dự án kêu gọi đầu tư của tỉnh và của các", 136),
      { text: "1", x0: 501, x1: 505, y0: 134, y1: 143 },
      ...line("1 Danh mục ban hành kèm theo Quyết định số 2468/QĐ-UBND.", 80, 760, { h: 11 }),
      ...line("2", 290, 800),
    ]);
    const second = page([
      ...line("huyện miền núi.", 80, 60),
      ...line("- Thời gian: Trước ngày 30/6/2025.", 110, 78),
      ...line("3", 290, 800),
    ]);
    const { text } = layoutPages([first, second]);
    expect(text.split("\n")).toEqual([
      "1. Xây dựng chuyên mục thông tin đối ngoại bằng tiếng Anh và tiếng Lào trên Cổng Thông tin điện tử tỉnh; cập nhật thường xuyên thông tin về các khu công nghiệp và dự án kêu gọi đầu tư của tỉnh và của các¹ huyện miền núi.",
      "",
      "¹ Danh mục ban hành kèm theo Quyết định số 2468/QĐ-UBND.",
      "",
      "- Thời gian: Trước ngày 30/6/2025.",
    ]);
  });

  it("puts a word hyphenated at the line end back together, keeps spaced dashes", () => {
    expect(joinLines("trang web-", "site của tỉnh")).toBe("trang website của tỉnh");
    expect(joinLines("kinh tế -", "xã hội")).toBe("kinh tế - xã hội");
    expect(joinLines("Việt Nam -", "Lào")).toBe("Việt Nam - Lào");
    expect(joinLines("trang thông\u00ad", "tin")).toBe("trang thôngtin");
  });

  it("keeps the OCR confidence of each output line", () => {
    const { text, confidence } = layoutPages([
      page([
        ...justified("Tổ chức hội nghị gặp mặt phóng viên báo chí nước ngoài tại tỉnh", 100, 110).map(
          (w) => ({ ...w, confidence: 95 }),
        ),
        ...line("nhân dịp Ngày hội.", 80, 118, { confidence: 30 }),
        ...line("- Thời gian: Quý III/2025.", 110, 150, { confidence: 91 }),
      ]),
    ]);
    expect(text.split("\n")).toHaveLength(3);
    expect(confidence[0]).toEqual({ mean: expect.any(Number), min: 30 });
    expect(confidence[0]?.mean).toBeLessThan(95);
    expect(confidence[1]).toBeNull();
    expect(confidence[2]).toEqual({ mean: 91, min: 91 });
  });
});

describe("the same programme from .txt, .docx and .pdf", () => {
  const read = async (file: string) => {
    const bytes = new Uint8Array(readFileSync(`${FIXTURES_DIR}${file}`));
    return omitKeys((await parseProgrammeFile({ bytes, filename: file })).programme, ["source", "line"]);
  };
  // thu-duc-2025: its tasks are a table (TT | Nội dung | Chủ trì | Phối hợp | Thời gian) naming people.
  for (const stem of ["nghe-an-2025", "quang-tri-2025", "thu-duc-2025"]) {
    it(`${stem} parses identically from all three`, async () => {
      const fromText = await read(`${stem}.txt`);
      expect(await read(`${stem}.docx`)).toEqual(fromText);
      expect(await read(`${stem}.pdf`)).toEqual(fromText);
    });
  }
});
