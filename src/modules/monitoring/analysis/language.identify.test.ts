import { describe, expect, it } from "vitest";
import { identifyLanguage, languageFromScript, loadLanguageModel } from "./language.identify.js";

describe("languageFromScript", () => {
  it("decides CJK, Hangul and Vietnamese letters without the model", () => {
    expect(languageFromScript("越南海防市吸引外资")?.language).toBe("zh");
    expect(languageFromScript("ハイフォン市の工業団地")?.language).toBe("ja");
    expect(languageFromScript("베트남 하이퐁 공장")?.language).toBe("ko");
    expect(languageFromScript("Thành phố Hải Phòng đón khách du lịch")?.language).toBe("vi");
    expect(languageFromScript("Container volumes at Haiphong rose")).toBeNull();
  });
});

describe("identifyLanguage with the bundled fastText model (offline)", () => {
  it("loads lid.176 from the package and identifies Latin and Cyrillic languages", async () => {
    const model = await loadLanguageModel();
    expect(
      identifyLanguage("The port city handled record container volumes last year.", model).language,
    ).toBe("en");
    expect(identifyLanguage("La ville accueille de nombreux investisseurs étrangers.", model).language).toBe(
      "fr",
    );
    expect(identifyLanguage("В порту открылся новый контейнерный терминал.", model).language).toBe("ru");
    expect(
      identifyLanguage("Nguoi dan Hai Phong va cac tinh lan can se thuan loi hon khi di du lich", model)
        .language,
    ).toBe("vi");
  });

  it("answers und without letters or without a model for Latin text", () => {
    expect(identifyLanguage("12345 !!!").language).toBe("und");
    expect(identifyLanguage("Hello there, general").language).toBe("und");
  });
});
