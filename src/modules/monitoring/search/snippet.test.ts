import { describe, expect, it } from "vitest";
import { parseQuery } from "./query-parser.js";
import { positiveTerms, snippet } from "./snippet.js";

describe("search snippets", () => {
  it("takes the words and phrases a query looks for, not the excluded ones", () => {
    expect(positiveTerms(parseQuery('"cảng container" hải phòng -bóng lang:vi').ast)).toEqual([
      "cảng container",
      "hải",
      "phòng",
    ]);
    expect(positiveTerms(parseQuery("NEAR(cảng đầu tư, 5)").ast)).toEqual(["cảng", "đầu", "tư"]);
    expect(positiveTerms(null)).toEqual([]);
  });

  it("cuts around the first match, ignoring accents and đ/d, at word boundaries", () => {
    const text = `${"Mở đầu bài viết dài. ".repeat(20)}Cảng Lạch Huyện đón tàu lớn nhất. ${"Phần kết. ".repeat(30)}`;
    const s = snippet(text, ["lach huyen"], 60);
    expect(s).toMatch(/^… /);
    expect(s).toMatch(/ …$/);
    expect(s).toContain("Cảng Lạch Huyện đón tàu");
    expect(s.length).toBeLessThan(140);
    expect(snippet("Đồ Sơn mùa hè.", ["do son"])).toBe("Đồ Sơn mùa hè.");
  });

  it("starts at the beginning when nothing matches", () => {
    expect(snippet(`Tin ngắn. ${"x ".repeat(200)}`, ["không có"], 20)).toMatch(/^Tin ngắn\. x/);
  });
});
