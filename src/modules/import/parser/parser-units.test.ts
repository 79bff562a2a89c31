/**
 * Unit checks of the parser's pieces: time frames, parties, legacy encodings, footnotes and layout quirks.
 */
import { describe, expect, it } from "vitest";
import { parseProgrammeText } from "./index.js";
import {
  convertLegacyEncoding,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from "./legacy-encoding.convert.js";
import { parseParties, parseRoleSegments } from "./parties.parser.js";
import { parseTimeframe } from "./timeframe.parser.js";

describe("parseTimeframe", () => {
  const tf = (text: string | null, year: number | null = 2024) => parseTimeframe(text, year);
  it("reads periods, deadlines and milestones", () => {
    expect(tf("Trong Quý II/2024.").timeframe).toMatchObject({
      kind: "period",
      start: "2024-04-01",
      end: "2024-06-30",
    });
    expect(tf("6 tháng đầu năm và năm 2024.").timeframe.milestones).toEqual([
      { due: "2024-06-30", label: "6 tháng đầu năm" },
      { due: "2024-12-31", label: "năm 2024" },
    ]);
    expect(tf("Trước ngày 15/6/2024").timeframe).toMatchObject({
      kind: "deadline",
      start: null,
      end: "2024-06-15",
    });
    expect(tf("Tháng 5/2024").timeframe).toMatchObject({ start: "2024-05-01", end: "2024-05-31" });
    expect(tf("Giai đoạn 2021 - 2025").timeframe).toMatchObject({ start: "2021-01-01", end: "2025-12-31" });
    expect(tf("Quý IV năm 2024").timeframe.end).toBe("2024-12-31");
  });
  it("reads ongoing, as-directed and per-plan time frames", () => {
    expect(tf("Thường xuyên.").timeframe.kind).toBe("ongoing");
    expect(tf("Theo chỉ đạo, hướng dẫn của các cơ quan Trung ương.").timeframe.kind).toBe("as_directed");
    expect(tf("Theo Kế hoạch số 318/KH-UBND.").timeframe).toMatchObject({
      kind: "per_plan",
      plan: "318/KH-UBND",
    });
    expect(tf("Theo chương trình, kế hoạch của Thành ủy năm 2024.").timeframe).toMatchObject({
      kind: "per_plan",
      plan: null,
    });
  });
  it("says when it assumed the year or did not understand", () => {
    expect(tf("6 tháng cuối năm").doubt).toBe("year_assumed");
    expect(tf("6 tháng cuối năm", null)).toMatchObject({
      doubt: "unrecognised",
      timeframe: { kind: "unspecified" },
    });
    expect(tf("Khi có điều kiện").doubt).toBe("unrecognised");
    expect(tf(null)).toEqual({
      timeframe: expect.objectContaining({ text: null, kind: "unspecified" }),
      doubt: null,
    });
  });
});

describe("parties", () => {
  it("splits a list of comrades into persons and keeps unit names with commas whole", () => {
    expect(
      parseParties("Đồng chí Nguyễn Thị Bích Dung, Trần Huy Kiên, Nguyễn Tiến Thành").map((p) => p.name),
    ).toEqual(["Nguyễn Thị Bích Dung", "Trần Huy Kiên", "Nguyễn Tiến Thành"]);
    expect(parseParties("UBND các quận, huyện; Sở Ngoại vụ")).toEqual([
      { name: "UBND các quận, huyện", kind: "unit" },
      { name: "Sở Ngoại vụ", kind: "unit" },
    ]);
  });
  it("reads roles from a 'Tổ chức thực hiện' line", () => {
    const segments = parseRoleSegments("Sở Ngoại vụ chủ trì, phối hợp với Báo Hải Phòng, Sở Du lịch.");
    expect(segments.map((s) => [s.role, s.parties.map((p) => p.name)])).toEqual([
      ["leads", ["Sở Ngoại vụ"]],
      ["coordinators", ["Báo Hải Phòng", "Sở Du lịch"]],
    ]);
  });
});

describe("legacy encodings", () => {
  const sample = "Căn cứ Nghị quyết của Ban Thường vụ Thành ủy về công tác thông tin đối ngoại năm 2024.";
  it("round-trips TCVN3 and VNI", () => {
    expect(tcvn3ToUnicode(unicodeToTcvn3(sample))).toBe(sample);
    expect(vniToUnicode(unicodeToVni(sample))).toBe(sample);
    expect(vniToUnicode(unicodeToVni("ĐẢNG CỘNG SẢN VIỆT NAM"))).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
  });
  it("detects which table a mis-decoded string uses and leaves Unicode alone", () => {
    expect(convertLegacyEncoding(unicodeToTcvn3(sample))).toEqual({ text: sample, encoding: "tcvn3" });
    expect(convertLegacyEncoding(unicodeToVni(sample))).toEqual({ text: sample, encoding: "vni" });
    expect(convertLegacyEncoding(sample)).toEqual({ text: sample, encoding: "unicode" });
    expect(convertLegacyEncoding("Café à la crème, déjà vu, naïve façade").encoding).toBe("unicode");
  });
});

describe("layout quirks", () => {
  const programme = (body: string) =>
    parseProgrammeText(
      `KẾ HOẠCH\nThử nghiệm năm 2024\n\nCăn cứ tình hình thực tế.\n\nI. NHIỆM VỤ CỤ THỂ\n\n${body}`,
    );

  it("reads bracketed and parenthesised footnote marks when a body carries them", () => {
    const parsed = programme(
      "1. Tuyên truyền về biển, đảo(1) trên báo chí.\n\n- Thời gian: Thường xuyên.\n\n(1) Theo Chỉ thị số 25-CT/TW.\n",
    );
    expect(parsed.tasks[0]?.footnotes).toEqual([
      { mark: "(1)", anchor: "đảo", text: "Theo Chỉ thị số 25-CT/TW." },
    ]);
    expect(parsed.tasks[0]?.text).toBe("Tuyên truyền về biển, đảo trên báo chí.");
    expect(parsed.citations.map((c) => c.number)).toEqual(["25-CT/TW"]);
  });

  it("keeps a parenthesised number that no footnote explains", () => {
    const parsed = programme(
      "1. Hội nghị lần thứ 32 (12/23) và (1) mục tiêu.\n\n- Thời gian: Thường xuyên.\n",
    );
    expect(parsed.tasks[0]?.text).toBe("Hội nghị lần thứ 32 (12/23) và (1) mục tiêu.");
  });

  it("reads a pipe table with a header row and a Markdown rule as tasks", () => {
    const parsed = programme(
      "| TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n| 1 | Làm phim | Báo Hải Phòng | Quý III/2024 |\n",
    );
    expect(parsed.tasks.map((t) => [t.ref, t.text, t.leads[0]?.name, t.timeframe.end])).toEqual([
      ["I.1", "Làm phim", "Báo Hải Phòng", "2024-09-30"],
    ]);
  });

  it("reads numbered tasks of a plan without Roman sections into an unnamed section, with a warning", () => {
    const parsed = parseProgrammeText(
      "KẾ HOẠCH\nHọp báo quý II\n\nCăn cứ tình hình thực tế.\n\n1. Chuẩn bị tài liệu.\n\n- Cơ quan chủ trì: Sở Ngoại vụ.\n\n- Thời gian: Tháng 4/2024.\n",
    );
    expect(parsed.tasks.map((t) => [t.ref, t.section, t.leads[0]?.name, t.timeframe.end])).toEqual([
      ["0.1", "0", "Sở Ngoại vụ", "2024-04-30"],
    ]);
    expect(parsed.warnings.map((w) => w.code)).toContain("section_missing");
  });

  it("reads '1.1.' items with their own attributes as tasks under a group heading", () => {
    const parsed = programme(
      "1. Công tác tuyên truyền\n\n1.1. Viết bài về biển, đảo.\n\n- Cơ quan chủ trì: Báo Hải Phòng.\n\n- Thời gian: Quý I/2024.\n\n1.2. Làm phóng sự.\n\n- Cơ quan chủ trì: Đài Phát thanh và Truyền hình Hải Phòng.\n\n- Thời gian: Quý II/2024.\n\n2. Tổng kết năm.\n\n- Cơ quan chủ trì: Sở Ngoại vụ.\n\n- Thời gian: Tháng 12/2024.\n",
    );
    expect(parsed.sections.map((s) => s.ref)).toEqual(["I", "I.1"]);
    expect(parsed.tasks.map((t) => [t.ref, t.section, t.timeframe.end])).toEqual([
      ["I.1.1", "I.1", "2024-03-31"],
      ["I.1.2", "I.1", "2024-06-30"],
      ["I.2", "I", "2024-12-31"],
    ]);
  });

  it("keeps '1.1.' sub-points without attributes inside their task", () => {
    const parsed = programme(
      "1. Tuyên truyền.\n\n1.1. Trên báo in.\n\n1.2. Trên mạng xã hội.\n\n- Thời gian: Thường xuyên.\n",
    );
    expect(parsed.tasks.map((t) => [t.ref, t.text])).toEqual([
      ["I.1", "Tuyên truyền.\n\n1.1. Trên báo in.\n\n1.2. Trên mạng xã hội."],
    ]);
  });
});
