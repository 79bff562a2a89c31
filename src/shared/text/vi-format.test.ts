import { describe, expect, it } from "vitest";
import { clipAtWord, formatPercent, formatQuarter, periodAxisLabel } from "./vi-format.js";

describe("Vietnamese formats shared by screen and documents", () => {
  it("writes percentages with a decimal comma", () => {
    expect(formatPercent(100 / 3)).toBe("33,3");
    expect(formatPercent(12.5)).toBe("12,5");
    expect(formatPercent(50)).toBe("50");
  });

  it("writes quarters in Roman numerals", () => {
    expect([1, 2, 3, 4].map((q) => formatQuarter(2024, q))).toEqual([
      "Quý I/2024",
      "Quý II/2024",
      "Quý III/2024",
      "Quý IV/2024",
    ]);
    expect(() => formatQuarter(2024, 5)).toThrow(RangeError);
  });

  it("never cuts a word in half", () => {
    const text = "Tổ chức các hoạt động tuyên truyền kỷ niệm 70 năm Ngày Giải phóng thành phố";
    expect(clipAtWord(text, 200)).toBe(text);
    const short = clipAtWord(text, 30);
    expect(short).toBe("Tổ chức các hoạt động tuyên…");
    expect(text.startsWith(short.slice(0, -1))).toBe(true);
    expect(text.split(" ")).toContain(short.slice(0, -1).split(" ").at(-1));
  });

  it("labels chart periods as officials read them, not as ISO keys", () => {
    const opts = { weekWord: "Tuần", withYear: false };
    expect(periodAxisLabel("2024-03-05", opts)).toBe("05/03");
    expect(periodAxisLabel("2024-03-05", { ...opts, withYear: true })).toBe("05/03/2024");
    expect(periodAxisLabel("2024-W09", opts)).toBe("Tuần 9/2024");
    expect(periodAxisLabel("2024-03", opts)).toBe("03/2024");
  });
});
