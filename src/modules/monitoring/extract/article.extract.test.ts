import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "./article.extract.js";
import { htmlToText } from "./html.text.js";

const page = readFileSync(
  new URL("../../../../test/fixtures/monitoring/articles/vi-21-choi-trau-do-son.html", import.meta.url),
  "utf8",
);

describe("extractArticle", () => {
  it("keeps the article and drops navigation, ads, scripts and asides", () => {
    const article = extractArticle(page);
    expect(article.method).toBe("readability");
    expect(article.title).toContain("Lễ hội chọi trâu Đồ Sơn");
    expect(article.text).toContain("sân vận động Đồ Sơn, thành phố Hải Phòng");
    expect(article.text).not.toContain("Trang chủ");
    expect(article.text).not.toContain("Giá vàng hôm nay");
    expect(article.html).not.toMatch(/<script|window\.ads/);
  });

  it("falls back to the feed summary when the page has no article", () => {
    const article = extractArticle("<html><body><nav>Menu</nav></body></html>", {
      fallbackTitle: "Tin từ feed",
      fallbackSummaryHtml: '<p>Tóm tắt <img src=x onerror="alert(1)"></p>',
    });
    expect(article).toMatchObject({ method: "summary", title: "Tin từ feed", text: "Tóm tắt" });
    expect(article.html).toBe('<p>Tóm tắt <img src="x"></p>');
  });

  it("falls back to the page text without a summary", () => {
    const article = extractArticle(
      "<html><head><title>Ngắn</title></head><body><p>Một đoạn ngắn.</p></body></html>",
    );
    expect(article).toMatchObject({ method: "page", title: "Ngắn", text: "Một đoạn ngắn." });
  });
});

describe("htmlToText", () => {
  it("turns blocks into line breaks and skips scripts", () => {
    expect(htmlToText("<h1>A</h1><p>B <b>c</b></p><script>x()</script><ul><li>d</li><li>e</li></ul>")).toBe(
      "A\n\nB c\n\nd\n\ne",
    );
  });
});
