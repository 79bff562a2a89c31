import { describe, expect, it } from "vitest";
import { formatDong } from "./money.js";

describe("formatDong", () => {
  it("groups thousands with dots as Vietnamese documents do", () => {
    expect(formatDong(1234567)).toBe("1.234.567 đ");
    expect(formatDong(1_250_000_000)).toBe("1.250.000.000 đ");
    expect(formatDong(999)).toBe("999 đ");
    expect(formatDong(0)).toBe("0 đ");
  });
});
