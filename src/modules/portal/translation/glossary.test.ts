/** The glossary check and translation-memory ranking on the committee's own vocabulary. */
import { describe, expect, it } from "vitest";
import { checkGlossary, type GlossaryTerm } from "./glossary.js";
import { rankMatches, tmKey } from "./translation-memory.js";

const term = (
  id: string,
  source: string,
  target: string,
  extra: Partial<GlossaryTerm> = {},
): GlossaryTerm => ({
  id,
  source,
  target,
  variants: [],
  forbidden: [],
  ...extra,
});

const EN = [
  term(
    "bcd",
    "Ban Chỉ đạo Công tác thông tin đối ngoại",
    "Steering Committee for External Information Work",
    {
      forbidden: ["Foreign Propaganda Committee"],
    },
  ),
  term("ttdn", "thông tin đối ngoại", "external information"),
  term("cang", "cảng Lạch Huyện", "Lach Huyen Port", { variants: ["Lach Huyen port area"] }),
];

describe("glossary check", () => {
  it("asks for the approved rendering of each term the source uses, longest first", () => {
    const source = "Ban Chỉ đạo Công tác thông tin đối ngoại thành phố họp về cảng Lạch Huyện.";
    expect(
      checkGlossary(
        source,
        "The city's Steering Committee for External Information Work met on Lach Huyen port.",
        "en",
        EN,
      ),
    ).toEqual([]);
    const warnings = checkGlossary(
      source,
      "The city's external information steering board met on the Lach Huyen harbour.",
      "en",
      EN,
    );
    expect(warnings.map((w) => [w.termId, w.kind])).toEqual([
      ["bcd", "missing"],
      ["cang", "missing"],
    ]);
  });

  it("flags a forbidden rendering, and ignores a term's words inside other words or with other tones", () => {
    const w = checkGlossary(
      "Ban Chỉ đạo Công tác thông tin đối ngoại",
      "Foreign Propaganda Committee of the city",
      "en",
      EN,
    );
    expect(w).toEqual([
      expect.objectContaining({ termId: "bcd", kind: "forbidden", found: "Foreign Propaganda Committee" }),
    ]);
    // "thông tín" (another tone) is not the term.
    expect(checkGlossary("Bản tin thông tín đối ngoại", "A bulletin", "en", EN)).toEqual([]);
  });

  it("finds renderings in Chinese and Japanese, which do not separate words", () => {
    const zh = [term("ttdn", "thông tin đối ngoại", "对外信息")];
    expect(checkGlossary("Công tác thông tin đối ngoại năm 2024", "2024年对外信息工作", "zh", zh)).toEqual(
      [],
    );
    expect(
      checkGlossary("Công tác thông tin đối ngoại năm 2024", "2024年对外宣传工作", "zh", zh),
    ).toHaveLength(1);
  });
});

describe("translation memory", () => {
  const memory = [
    {
      id: "1",
      sourceText: "Hải Phòng là thành phố cảng lớn nhất miền Bắc.",
      targetText: "Hai Phong is the largest port city in the North.",
    },
    {
      id: "2",
      sourceText: "Hải Phòng là thành phố cảng quốc tế.",
      targetText: "Hai Phong is an international port city.",
    },
    {
      id: "3",
      sourceText: "Lễ hội Hoa Phượng Đỏ năm 2024.",
      targetText: "The 2024 Red Flamboyant Festival.",
    },
  ];

  it("offers the exact sentence at 100% whatever its case and punctuation", () => {
    const [best] = rankMatches("hải phòng là thành phố cảng lớn nhất miền Bắc", memory);
    expect(best).toMatchObject({ id: "1", score: 100 });
    expect(tmKey("Hải Phòng, là thành phố!")).toBe(tmKey("hải phòng là thành phố"));
  });

  it("ranks similar sentences and says which words changed; unrelated ones are not offered", () => {
    const matches = rankMatches("Hải Phòng là thành phố cảng lớn nhất miền Trung.", memory);
    expect(matches.map((m) => m.id)).toEqual(["1"]);
    expect(
      rankMatches("Hải Phòng là thành phố cảng lớn nhất miền Trung.", memory, 60).map((m) => m.id),
    ).toEqual(["1", "2"]);
    expect(matches[0]).toMatchObject({ id: "1", score: 90, removed: ["bắc"], added: ["trung"] });
    expect(rankMatches("Ngày giải phóng Hải Phòng", memory)).toEqual([]);
    // A tone is a different word: "cáng" is not "cảng".
    expect(rankMatches("Hải Phòng là thành phố cáng quốc tế.", memory)[0]?.score).toBeLessThan(100);
  });
});
