import { describe, expect, it } from "vitest";
import { foldVietnamese } from "./fold.js";
import { editDistance, similarity } from "./similarity.js";

describe("foldVietnamese", () => {
  it("removes tone marks, folds đ and case, and treats NFD like NFC", () => {
    expect(foldVietnamese("Đỗ Mạnh Hiến")).toBe("do manh hien");
    expect(foldVietnamese("Hòa".normalize("NFD"))).toBe(foldVietnamese("hoà"));
  });
});

describe("editDistance / similarity", () => {
  it("sees the one-letter slip between the lead and the signer of the reference programme", () => {
    expect(editDistance("Đỗ Mạnh Hiếu", "Đỗ Mạnh Hiến")).toBe(1);
    expect(similarity("Đỗ Mạnh Hiếu", "Đỗ Mạnh Hiến")).toBeGreaterThan(0.9);
  });
  it("counts a precomposed letter once, whatever the normalisation form", () => {
    expect(editDistance("Hiến".normalize("NFD"), "Hiến")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("folds on request", () => {
    expect(similarity("Nguyễn Thị Thủy", "nguyen thi thuy")).toBeLessThan(1);
    expect(similarity("Nguyễn Thị Thủy", "nguyen thi thuy", { fold: true })).toBe(1);
  });
});
