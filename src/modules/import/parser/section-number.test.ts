/** A section number OCR misread as the previous one ("III." read "II.") is corrected, with a warning. */
import { describe, expect, it } from "vitest";
import { parseProgrammeText } from "./index.js";

const text = [
  "KẾ HOẠCH",
  "Tuyên truyền năm 2025",
  "",
  "I. MỤC ĐÍCH, YÊU CẦU",
  "",
  "Bảo đảm thông tin kịp thời.",
  "",
  "II. NHIỆM VỤ CỤ THỂ",
  "",
  "1. Tổ chức hội nghị báo chí.",
  "",
  "- Cơ quan chủ trì: Sở Ngoại vụ.",
  "",
  "II. TỔ CHỨC THỰC HIỆN",
  "",
  "Các cơ quan báo cáo kết quả trước ngày 10/12/2025.",
].join("\n");

describe("repeated section numbers", () => {
  it("reads the repeated number as the next one and says so", () => {
    const parsed = parseProgrammeText(text);
    expect(parsed.sections.map((s) => s.ref)).toEqual(["I", "II", "III"]);
    expect(parsed.sections[2]?.kind).toBe("implementation");
    expect(parsed.tasks.map((t) => t.ref)).toEqual(["II.1"]);
    expect(parsed.warnings.map((w) => w.code)).toContain("section_number_repeated");
  });
});
