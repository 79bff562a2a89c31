import { describe, expect, it } from "vitest";
import { foldForMatching, foldVietnamese } from "./fold.js";
import { normalizeText } from "./text.normalize.js";

describe("normalizeText", () => {
  it("moves tone marks to the traditional position in open oa/oe/uy syllables", () => {
    expect(normalizeText("Thuỷ Nguyên hoà bình, khoẻ mạnh")).toBe("Thủy Nguyên hòa bình, khỏe mạnh");
    expect(normalizeText("HOÀ")).toBe("HÒA");
  });

  it("leaves syllables with a final consonant, qu/gi clusters and marked vowels alone", () => {
    const text = "hoàng thuyết quý giá gìn giữ người được mưa cứu khuỷu ngoài";
    expect(normalizeText(text)).toBe(text);
  });

  it("composes decomposed input (NFD) and leaves non-Vietnamese words as written", () => {
    expect(normalizeText("Ha\u0309i Pho\u0300ng")).toBe("Hải Phòng");
    expect(normalizeText("Café naïve")).toBe("Café naïve");
  });
});

describe("folding", () => {
  it("reuses the shared fold: đ/Đ, every diacritic, lower case", () => {
    expect(foldVietnamese("Đồ Sơn,  Hải Phòng")).toBe("do son, hai phong");
  });

  it("keeps the length so offsets map back to the original", () => {
    const text = "Cảng Đình Vũ — 海防市 하이퐁 Хайфон İ";
    const folded = foldForMatching(text);
    expect(folded.length).toBe(text.length);
    expect(folded.startsWith("cang dinh vu")).toBe(true);
    expect(folded).toContain("하이퐁");
  });
});
