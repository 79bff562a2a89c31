import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze-file.js";
import { type AnalysisConfig, analyzeArticle, DEFAULT_ANALYSIS_CONFIG } from "./article.analyze.js";
import { loadLanguageModel } from "./language.identify.js";

const fixtures = new URL("../../../../test/fixtures/monitoring/", import.meta.url);
const articlesDir = fileURLToPath(new URL("articles/", fixtures));
interface Label {
  language: string;
  mentionsCity: boolean;
  aliases: string[];
}
const labels = JSON.parse(readFileSync(new URL("labels.json", fixtures), "utf8")) as {
  articles: Record<string, Label>;
  falseInfo: string[];
};

let config: AnalysisConfig;
beforeAll(async () => {
  config = { ...DEFAULT_ANALYSIS_CONFIG, languageModel: await loadLanguageModel() };
});

describe("analyzeFile on the hand-labelled fixtures", () => {
  it("has a label for every fixture article", () => {
    expect(readdirSync(articlesDir).sort()).toEqual(Object.keys(labels.articles).sort());
  });

  it("finds exactly the labelled mentions (rules, no model: no errors allowed)", async () => {
    const wrong: string[] = [];
    for (const [file, label] of Object.entries(labels.articles)) {
      const result = await analyzeFile(`${articlesDir}${file}`, config);
      const aliases = [...new Set(result.mentions.map((m) => m.alias))].sort();
      if (result.mentionsCity !== label.mentionsCity || aliases.join() !== label.aliases.join())
        wrong.push(`${file}: got ${aliases.join()} expected ${label.aliases.join()}`);
    }
    expect(wrong).toEqual([]);
  });

  it("identifies the language (fastText involved: at most 2 of 43 may be wrong)", async () => {
    const wrong: string[] = [];
    for (const [file, label] of Object.entries(labels.articles)) {
      const result = await analyzeFile(`${articlesDir}${file}`, config);
      if (result.language !== label.language) wrong.push(`${file}: ${result.language}`);
    }
    expect(wrong.length, wrong.join("; ")).toBeLessThanOrEqual(2);
  });

  it("flags the labelled false-information items and no other", async () => {
    const flagged: string[] = [];
    for (const file of Object.keys(labels.articles)) {
      const result = await analyzeFile(`${articlesDir}${file}`, config);
      if (result.flags.includes("check_false_info")) flagged.push(file);
    }
    expect(flagged.sort()).toEqual([...labels.falseInfo].sort());
  });
});

describe("analyzeArticle", () => {
  it("explains every label", () => {
    const result = analyzeArticle(
      {
        title: "Hải Phòng thu hút đầu tư kỷ lục",
        text: "Khu công nghiệp Đình Vũ đón nhiều nhà đầu tư. Dự án không hiệu quả sẽ bị thu hồi.",
        sourceCountry: "US",
      },
      config,
    );
    expect(result.language).toBe("vi");
    expect(result.why.language).toMatch(/Vietnamese-specific/);
    expect(result.mentions.map((m) => m.alias)).toEqual(["hai-phong", "dinh-vu"]);
    expect(result.why.mentions[0]?.reason).toBe("always");
    expect(result.topics[0]?.topic).toBe("economy_investment");
    expect(result.topics[0]?.terms).toContain("đầu tư");
    expect(result.why.tone.negated).toContain("hiệu quả");
    expect(result.flags).toEqual(["foreign_press"]);
  });

  it("reads the text from HTML when no text is given, and marks a watched source", () => {
    const result = analyzeArticle(
      {
        title: "",
        text: "",
        html: "<p>Cảng <b>Lạch Huyện</b></p><script>Hải Phòng</script>",
        sourceId: "src-9",
      },
      { ...config, falseInfo: { ...config.falseInfo, watchedSourceIds: ["src-9"] } },
    );
    expect(result.mentions).toEqual([{ alias: "lach-huyen", text: "Lạch Huyện", offset: 5 }]);
    expect(result.flags).toContain("check_false_info");
    expect(result.why.flags[0]?.reasons).toEqual(["watched source: src-9"]);
  });

  it("classifies tone from the lexicon", () => {
    expect(
      analyzeArticle({ title: "Bão gây thiệt hại, tai nạn", text: "Nhiều người tử vong." }, config).tone,
    ).toBe("negative");
    expect(analyzeArticle({ title: "Lễ hội thành công ấn tượng", text: "" }, config).tone).toBe("positive");
    expect(analyzeArticle({ title: "Thông báo lịch họp", text: "" }, config).tone).toBe("neutral");
  });
});
