import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { RichTextDoc } from "../../shared/api/portal.js";
import { isSafeHref, renderRichText, richTextToPlain } from "./portal-render.js";

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks && { marks }) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: Record<string, unknown>[]): RichTextDoc => ({ type: "doc", content });

describe("rich text → sanitised HTML", () => {
  it("renders the allowed node set", () => {
    const html = renderRichText(
      doc(
        { type: "heading", attrs: { level: 3 }, content: [text("Cát Bà")] },
        para(text("Đảo "), text("ngọc", [{ type: "bold" }]), text(" của ", [{ type: "italic" }])),
        para(text("Xem thêm", [{ type: "link", attrs: { href: "https://haiphong.gov.vn/a?b=1&c=2" } }])),
        { type: "bulletList", content: [{ type: "listItem", content: [para(text("Một"))] }] },
        { type: "orderedList", content: [{ type: "listItem", content: [para(text("Hai"))] }] },
        { type: "blockquote", content: [para(text("Trích"))] },
        { type: "image", attrs: { src: "https://img.test/cat-ba.jpg", alt: "Vịnh Lan Hạ" } },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", content: [para(text("Năm"))] }] },
            { type: "tableRow", content: [{ type: "tableCell", content: [para(text("2025"))] }] },
          ],
        },
      ),
    );
    expect(html).toBe(
      '<h3>Cát Bà</h3><p>Đảo <strong>ngọc</strong><em> của </em></p><p><a href="https://haiphong.gov.vn/a?b=1&amp;c=2" rel="noopener">Xem thêm</a></p><ul><li><p>Một</p></li></ul><ol><li><p>Hai</p></li></ol><blockquote><p>Trích</p></blockquote><img src="https://img.test/cat-ba.jpg" alt="Vịnh Lan Hạ" loading="lazy"><table><tbody><tr><th><p>Năm</p></th></tr><tr><td><p>2025</p></td></tr></tbody></table>',
    );
  });

  it.each([
    ["script in text", para(text("<script>alert(1)</script>"))],
    ["handler in text", para(text('<img src=x onerror="alert(1)">'))],
    ["javascript: link", para(text("x", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))],
    ["obfuscated scheme", para(text("x", [{ type: "link", attrs: { href: " JaVaScRiPt:alert(1)" } }]))],
    ["tab in scheme", para(text("x", [{ type: "link", attrs: { href: "java\tscript:alert(1)" } }]))],
    [
      "data: link",
      para(text("x", [{ type: "link", attrs: { href: "data:text/html,<script>alert(1)</script>" } }])),
    ],
    ["javascript: image", { type: "image", attrs: { src: "javascript:alert(1)", alt: "x" } }],
    [
      "quote breaking alt",
      { type: "image", attrs: { src: "https://a.test/x.png", alt: '"><script>alert(1)</script>' } },
    ],
    [
      "handler attribute",
      { type: "heading", attrs: { level: 2, onclick: "alert(1)" }, content: [text("T")] },
    ],
    ["unknown script node", { type: "script", content: [text("alert(1)")] }],
    ["raw html node", { type: "html", attrs: { html: "<iframe src=//evil>" }, content: [text("ok")] }],
    ["protocol-relative link", para(text("x", [{ type: "link", attrs: { href: "//evil.test/x" } }]))],
  ])("neutralises %s", (_name, node) => {
    const html = renderRichText(doc(node as Record<string, unknown>));
    // Parsed as a browser would: no active element, no handler, no dangerous or foreign URL.
    const found: string[] = [];
    new Parser({
      onopentag(name, attributes) {
        if (["script", "iframe", "object", "embed", "svg", "style"].includes(name)) found.push(name);
        for (const [attr, value] of Object.entries(attributes)) {
          if (attr.startsWith("on")) found.push(`${name}.${attr}`);
          if ((attr === "href" || attr === "src") && !/^(https?:\/\/[^/]|mailto:|\/[^/])/i.test(value))
            found.push(`${name}.${attr}=${value}`);
        }
      },
    }).end(html);
    expect(found).toEqual([]);
  });

  it("accepts web, mail and site-relative links only", () => {
    expect(isSafeHref("https://a.test")).toBe(true);
    expect(isSafeHref("mailto:ban@haiphong.gov.vn")).toBe(true);
    expect(isSafeHref("/vi/cat-ba")).toBe(true);
    expect(isSafeHref("vbscript:x")).toBe(false);
    expect(isSafeHref("//evil.test")).toBe(false);
  });

  it("gives the plain text of blocks, one a line", () => {
    expect(
      richTextToPlain(
        doc(para(text("Một")), {
          type: "bulletList",
          content: [{ type: "listItem", content: [para(text("Hai"))] }],
        }),
      ),
    ).toBe("Một\nHai");
  });
});
