import { describe, expect, it } from "vitest";
import { renderRichText } from "../../modules/portal/portal-render.js";
import { LocalizationBody, type RichTextDoc } from "../api/portal.js";
import { type EditorNode, isEmptyDoc, toEditorDoc, toStoredDoc } from "./portal-rich-text.js";

const text = (t: string, marks?: EditorNode["marks"]): EditorNode => ({
  type: "text",
  text: t,
  ...(marks && { marks }),
});

/** What TipTap 3 (StarterKit, Link, Image, TableKit) gives from `editor.getJSON()`. */
const EDITOR_JSON: EditorNode = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1, textAlign: null }, content: [text("Cảng Lạch Huyện")] },
    {
      type: "paragraph",
      content: [
        text("Xem "),
        text("cổng", [
          { type: "bold" },
          {
            type: "link",
            attrs: {
              href: "https://haiphong.gov.vn",
              target: "_blank",
              rel: "noopener noreferrer nofollow",
              class: null,
            },
          },
        ]),
        { type: "hardBreak" },
        text("gạch", [{ type: "strike" }, { type: "italic" }]),
      ],
    },
    { type: "codeBlock", attrs: { language: null }, content: [text("mã nguồn")] },
    { type: "horizontalRule" },
    {
      type: "image",
      attrs: { src: "/media/a.webp", alt: "Bến cảng", title: "t", width: null, height: null },
    },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            {
              type: "tableHeader",
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: "paragraph", content: [text("Năm")] }],
            },
          ],
        },
      ],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("Một")] }] }],
    },
    { type: "paragraph" },
  ],
};

describe("portal rich text between the editor and the server", () => {
  it("stores the editor's document in exactly the server's shape", () => {
    const stored = toStoredDoc(EDITOR_JSON);
    expect(stored.content).toEqual([
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Cảng Lạch Huyện" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Xem " },
          {
            type: "text",
            text: "cổng",
            marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://haiphong.gov.vn" } }],
          },
          { type: "hardBreak" },
          { type: "text", text: "gạch", marks: [{ type: "italic" }] },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: "mã nguồn" }] },
      { type: "image", attrs: { src: "/media/a.webp", alt: "Bến cảng" } },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              {
                type: "tableHeader",
                content: [{ type: "paragraph", content: [{ type: "text", text: "Năm" }] }],
              },
            ],
          },
        ],
      },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Một" }] }] },
        ],
      },
    ]);
    // The server accepts it and renders it as the public site will show it.
    expect(LocalizationBody.safeParse({ title: "T", body: stored }).success).toBe(true);
    expect(renderRichText(stored)).toBe(
      '<h2>Cảng Lạch Huyện</h2><p>Xem <a href="https://haiphong.gov.vn" rel="noopener"><strong>cổng</strong></a><br>' +
        "<em>gạch</em></p><p>mã nguồn</p>" +
        '<img src="/media/a.webp" alt="Bến cảng" loading="lazy">' +
        "<table><tbody><tr><th><p>Năm</p></th></tr></tbody></table><ul><li><p>Một</p></li></ul>",
    );
  });

  it("round-trips a stored document unchanged", () => {
    const stored: RichTextDoc = toStoredDoc(EDITOR_JSON);
    expect(toStoredDoc(toEditorDoc(stored))).toEqual(stored);
  });

  it("drops links with no address and never stores an empty text node", () => {
    const stored = toStoredDoc({
      type: "doc",
      content: [
        { type: "paragraph", content: [text(""), text("x", [{ type: "link", attrs: { href: " " } }])] },
      ],
    });
    expect(stored.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "x" }] }]);
  });

  it("gives the editor one empty paragraph for an empty document, and knows it is empty", () => {
    expect(toEditorDoc({ type: "doc", content: [] })).toEqual({
      type: "doc",
      content: [{ type: "paragraph" }],
    });
    expect(toEditorDoc(null)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(isEmptyDoc(toStoredDoc({ type: "doc", content: [{ type: "paragraph" }] }))).toBe(true);
    expect(isEmptyDoc(toStoredDoc(EDITOR_JSON))).toBe(false);
  });
});
