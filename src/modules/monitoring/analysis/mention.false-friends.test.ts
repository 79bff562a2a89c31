import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { analyzeFile } from "./analyze-file.js";
import { type AnalysisConfig, DEFAULT_ANALYSIS_CONFIG } from "./article.analyze.js";
import { identifyLanguage, type LanguageModel, loadLanguageModel } from "./language.identify.js";
import { DEFAULT_MENTION_ALIASES } from "./mention.aliases.js";
import { detectMentions } from "./mention.detect.js";

const ids = (text: string) => [...new Set(detectMentions(text, DEFAULT_MENTION_ALIASES).map((m) => m.alias))];
const mentionsCity = (text: string) => detectMentions(text, DEFAULT_MENTION_ALIASES).length > 0;

describe("streets named after the city", () => {
  it("does not count a street of another city, whatever the street word", () => {
    for (const text of [
      "Sửa chữa mặt đường Hải Phòng, quận Thanh Khê, Đà Nẵng",
      "Nhà số 45 Hải Phòng bị nứt tường",
      "Ngập sâu trong hẻm Hải Phòng sau mưa",
      "Quán cà phê đầu ngõ Hải Phòng đông khách",
      "Cháy nhà trong kiệt 120/7 Hải Phòng",
      "Khởi công đại lộ Hải Phòng ở khu đô thị mới",
      "Ùn tắc ở ngã tư Hải Phòng – Lê Duẩn",
      "Hàng cây trên phố Hải Phòng được cắt tỉa",
      "Mat duong Hai Phong o Da Nang bi lun",
      "Police closed Hai Phong Street after the storm",
      "The shop at 12 Hai Phong Rd. reopened",
      "Traffic on Hai Phong Avenue eased by noon",
      "La rue de Haïphong sera fermée lundi",
      "Ремонт на улице Хайфон продлится месяц",
      "Die Hai-Phong-Straße wird erneuert",
      "上海海防路一家老店",
      "尖沙咀海防道的街市",
      "Shops on Haiphong Road in Tsim Sha Tsui",
    ])
      expect(mentionsCity(text), text).toBe(false);
  });

  it("still counts the city, and a street mentioned beside it", () => {
    expect(mentionsCity("thành phố Hải Phòng")).toBe(true);
    expect(mentionsCity("Thông xe đường Hải Phòng – Hạ Long mở rộng")).toBe(true);
    expect(mentionsCity("Tắc đường Hải Phòng giờ cao điểm")).toBe(true);
    expect(mentionsCity("Mở thêm tuyến Hải Phòng đi Quảng Ninh")).toBe(true);
    expect(mentionsCity("Hai Phong street food is famous for crab noodles")).toBe(true);
    const both = detectMentions(
      "UBND TP Hải Phòng thăm Đà Nẵng và đi dọc con đường Hải Phòng ở quận Thanh Khê",
      DEFAULT_MENTION_ALIASES,
    );
    expect(both.map((m) => m.reason)).toEqual(["always", "street: đường, place confirmed elsewhere"]);
  });
});

describe("people whose name holds the city's name", () => {
  it("does not count a personal name, by title, family name, age or Western order", () => {
    for (const text of [
      "anh Hải Phòng sửa xe ở đầu làng",
      "Chị Hải Phòng bán rau ở chợ Bến Thành",
      "bà Hải Phòng năm nay đã 90 tuổi",
      "thầy Hải Phòng dạy toán",
      "Nguyễn Hải Phòng đoạt giải nhất",
      "Lê Thị Hải Phòng, giáo viên ở Nghệ An",
      "Chuc mung anh Hai Phong nhe",
      "Mr Hai Phong runs a tailor shop in Saigon",
      "Hai Phong Nguyen, an engineer in Melbourne, said",
      "M. Nguyen Hai Phong, ingénieur à Lyon",
      "Đại úy Hải Phòng chỉ huy tổ tuần tra",
      "đồng chí Hải Phòng phát biểu",
      "Hải Phòng (32 tuổi) bị bắt quả tang",
    ])
      expect(mentionsCity(text), text).toBe(false);
  });

  it("follows the person through the text, but counts the city named beside them", () => {
    expect(mentionsCity("Em Vũ Hải Phòng đỗ thủ khoa. Nhà nghèo, Hải Phòng vừa học vừa bán rau.")).toBe(
      false,
    );
    expect(mentionsCity("Ông Trần Hải Phòng (45 tuổi) cho biết. Hải Phòng cho biết thêm")).toBe(false);
    expect(ids("Kỹ sư Trần Hải Phòng về làm việc ở Hải Phòng")).toEqual(["hai-phong"]);
    expect(ids("anh em Hải Phòng đốt pháo sáng")).toEqual(["hai-phong"]);
    expect(ids("Bà con Hải Phòng chằng chống nhà cửa")).toEqual(["hai-phong"]);
    // District names that end with a family name are places: "An Dương Hải Phòng" has no comma here.
    expect(ids("huyện An Dương Hải Phòng")).toEqual(["an-duong", "hai-phong"]);
    // Provinces and company names that end with a family-name word are not people.
    expect(ids("các tỉnh Quảng Ninh Hải Dương Hải Phòng")).toEqual(["hai-phong"]);
    expect(ids("Khách sạn Hoa Mai Hải Phòng")).toEqual(["hai-phong"]);
    expect(ids("Hội Nhà Văn Hải Phòng")).toEqual(["hai-phong"]);
  });
});

describe("Vietnamese written without diacritics", () => {
  let model: LanguageModel;
  beforeAll(async () => {
    model = await loadLanguageModel();
  });

  it("is Vietnamese with a confidence and the reason, where the model says Portuguese or English", () => {
    for (const text of [
      "Chi em oi quan bun ca nay ngon lam, gia lai re nua, moi nguoi ghe thu nhe",
      "Ngay mai minh ve que an tet roi, vui qua di mat",
      "Tin nong: chay lon o cho Sat, nguoi dan hoang so, luc luong cuu hoa da co mat",
    ]) {
      const guess = identifyLanguage(text, model);
      expect(guess.language, text).toBe("vi");
      expect(guess.confidence).toBeGreaterThan(0.6);
      expect(guess.reason).toMatch(/^unaccented Vietnamese: \d+% Vietnamese syllables/);
    }
  });

  it("leaves Portuguese, Spanish, Indonesian and English with Vietnamese names alone", () => {
    expect(
      identifyLanguage("O porto de Hai Phong recebeu um novo navio de carga ontem", model).language,
    ).toBe("pt");
    expect(
      identifyLanguage("Coach Kim named Nguyen Van Toan and Tran Dinh Trong in the squad on Friday", model)
        .language,
    ).toBe("en");
    expect(
      identifyLanguage("Hujan deras yang turun sejak pagi membuat beberapa kawasan terendam banjir", model)
        .language,
    ).toBe("id");
  });
});

describe("the false-friend fixtures (written for issue 10 §3)", () => {
  const fixtures = new URL("../../../../test/fixtures/monitoring/false-friends/", import.meta.url);
  const labels = JSON.parse(readFileSync(new URL("labels.json", fixtures), "utf8")) as {
    articles: Record<string, { language: string; mentionsCity: boolean }>;
  };
  let config: AnalysisConfig;
  beforeAll(async () => {
    config = { ...DEFAULT_ANALYSIS_CONFIG, languageModel: await loadLanguageModel() };
  });

  it.each(Object.entries(labels.articles))("%s", async (file, label) => {
    const result = await analyzeFile(fileURLToPath(new URL(file, fixtures)), config);
    expect({ language: result.language, mentionsCity: result.mentionsCity }).toEqual({
      language: label.language,
      mentionsCity: label.mentionsCity,
    });
  });
});
