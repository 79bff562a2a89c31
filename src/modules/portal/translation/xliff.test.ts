/**
 * XLIFF 2.0 round trip as a translator's CAT tool makes it: exported by us, read and rewritten by an
 * independent implementation (locize's `xliff`, which also pretty-prints inline content), read back by
 * us into a document with the source's structure, links and formatting. Files for another item or
 * revision, broken placeholders, untranslated units and DOCTYPE bombs are refused with the unit named.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.js";
import type { RichTextDoc } from "../../../shared/api/portal.js";
import { renderRichText } from "../portal-render.js";
import { applyUnits, type TranslatableText, unitsOf } from "./segments.js";
import { buildXliff, readXliff, translatedUnits } from "./xliff.js";

const require = createRequire(import.meta.url);
const { xliff2js, js2xliff } = require("xliff") as {
  xliff2js(xml: string, cb: (err: unknown, res: XliffJs) => void): void;
  js2xliff(js: XliffJs, cb: (err: unknown, res: string) => void): void;
};
type Inline = string | { Span?: { id: string; contents: Inline | Inline[] }; Standalone?: { id: string } };
interface XliffJs {
  sourceLanguage: string;
  targetLanguage: string;
  resources: Record<string, Record<string, { source: Inline | Inline[]; target?: Inline | Inline[] }>>;
}
const toJs = (xml: string) =>
  new Promise<XliffJs>((resolve, reject) => xliff2js(xml, (e, r) => (e ? reject(e) : resolve(r))));
const toXml = (js: XliffJs) =>
  new Promise<string>((resolve, reject) => js2xliff(js, (e, r) => (e ? reject(e) : resolve(r))));

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks && { marks }) });
const body: RichTextDoc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Hải Phòng – thành phố cảng")] },
    {
      type: "paragraph",
      content: [
        text("Thành phố có "),
        text("cảng Lạch Huyện", [{ type: "bold" }]),
        text(", xem "),
        text("cổng thông tin", [{ type: "link", attrs: { href: "https://haiphong.gov.vn" } }]),
        { type: "hardBreak" },
        text("và liên hệ."),
      ],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("Du lịch Cát Bà")] }] }],
    },
    { type: "image", attrs: { src: "/media/cat-ba.webp", alt: "Vịnh Lan Hạ nhìn từ trên cao" } },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [{ type: "tableCell", content: [{ type: "paragraph", content: [text("Vốn FDI")] }] }],
        },
      ],
    },
  ],
};
const source: TranslatableText = {
  title: "Hải Phòng đón nhà đầu tư",
  summary: "Tóm tắt",
  seoTitle: null,
  seoDescription: null,
  body,
};
const units = unitsOf(source);
const expected = { itemId: "item-42", sourceRevision: 3, units };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return "no error";
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.messageVi}` : String(e);
  }
};

/** What a translator does in the CAT tool: every text upper-cased, codes kept where they are. */
function translate(node: Inline | Inline[]): Inline | Inline[] {
  if (Array.isArray(node)) return node.map((n) => translate(n) as Inline);
  if (typeof node === "string") return node.toUpperCase();
  if (node.Span) return { Span: { ...node.Span, contents: translate(node.Span.contents) } };
  return node;
}

describe("XLIFF 2.0", () => {
  it("cuts the text into units: fields, text blocks (lists, tables) and alt texts", () => {
    expect(units.map((u) => u.id)).toEqual([
      "title",
      "summary",
      "body/0",
      "body/1",
      "body/2.0.0",
      "body/3#alt",
      "body/4.0.0.0",
    ]);
  });

  it("round-trips through an independent XLIFF implementation, keeping structure, links and formatting", async () => {
    const xml = buildXliff("en", [{ itemId: "item-42", sourceRevision: 3, title: source.title, units }]);
    const js = await toJs(xml);
    expect(js.sourceLanguage).toBe("vi");
    expect(js.targetLanguage).toBe("en");
    const file = js.resources["item-item-42-r3"];
    expect(Object.keys(file ?? {})).toHaveLength(units.length);
    expect(JSON.stringify(file?.["body/1"]?.source)).toContain('"Span"');
    expect(JSON.stringify(file?.["body/1"]?.source)).toContain('"Standalone"');
    for (const unit of Object.values(file ?? {})) unit.target = translate(unit.source);
    const back = await toXml(js);
    // The other tool wrote the notes away: the revision is still read from the file's `original`.
    const read = readXliff(back);
    expect(read.trgLang).toBe("en");
    const done = applyUnits(source, translatedUnits(read.files[0] as never, expected));
    expect(done.title).toBe("HẢI PHÒNG ĐÓN NHÀ ĐẦU TƯ");
    const html = renderRichText(done.body);
    expect(html).toContain("<h2>HẢI PHÒNG – THÀNH PHỐ CẢNG</h2>");
    expect(html).toContain("<strong>CẢNG LẠCH HUYỆN</strong>");
    expect(html).toContain('<a href="https://haiphong.gov.vn" rel="noopener">CỔNG THÔNG TIN</a><br>');
    expect(html).toContain("<li><p>DU LỊCH CÁT BÀ</p></li>");
    expect(html).toContain('alt="VỊNH LAN HẠ NHÌN TỪ TRÊN CAO"');
    expect(html).toContain("VỐN FDI");
  });

  /** Our own export with every target filled by hand-written XLIFF fragments. */
  const withTargets = (targets: Record<string, string>, head = { item: "item-42", revision: 3 }) => {
    const xml = buildXliff("en", [{ itemId: head.item, sourceRevision: head.revision, title: "t", units }]);
    return Object.entries(targets).reduce(
      (doc, [id, target]) =>
        doc.replace(
          new RegExp(`(<unit id="${id.replace(/[.#]/g, "\\$&")}"[^>]*>.*?</source>)`),
          `$1<target>${target}</target>`,
        ),
      xml,
    );
  };
  const allTargets: Record<string, string> = {
    title: "Hai Phong welcomes investors",
    summary: "Summary",
    "body/0": "Hai Phong – a port city",
    "body/1":
      'The city has <pc id="1">Lach Huyen port</pc>, see <pc id="2">the portal</pc><ph id="3"/>and get in touch.',
    "body/2.0.0": "Cat Ba tourism",
    "body/3#alt": "Lan Ha Bay from above",
    "body/4.0.0.0": "FDI capital",
  };
  const importOf = (xml: string) => translatedUnits(readXliff(xml).files[0] as never, expected);

  it("reads a file our export wrote, with hostile text kept as text", () => {
    const xml = withTargets({
      ...allTargets,
      "body/0": "&lt;script&gt;alert(1)&lt;/script&gt; <script>x</script>Port",
    });
    const html = renderRichText(applyUnits(source, importOf(xml)).body);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("refuses broken placeholders, naming the unit", () => {
    const unknown = withTargets({
      ...allTargets,
      "body/1": 'The <pc id="9">city</pc> <pc id="1">a</pc><pc id="2">b</pc><ph id="3"/>',
    });
    expect(codeOf(() => importOf(unknown))).toMatch(
      /^xliff_broken_placeholder: Đoạn body\/1 «Thành phố có .*số 9/,
    );
    const missing = withTargets({
      ...allTargets,
      "body/1": 'The city has <pc id="1">Lach Huyen</pc>, see the portal.',
    });
    expect(codeOf(() => importOf(missing))).toMatch(/xliff_broken_placeholder: .*thiếu thẻ số 2, 3/);
    const twice = withTargets({
      ...allTargets,
      "body/1": '<pc id="1">a</pc><pc id="1">b</pc><pc id="2">c</pc><ph id="3"/>',
    });
    expect(codeOf(() => importOf(twice))).toMatch(/xliff_broken_placeholder: .*bị lặp/);
  });

  it("refuses files of another item or revision, unknown or untranslated units, and DOCTYPEs", () => {
    expect(codeOf(() => importOf(withTargets(allTargets, { item: "item-7", revision: 3 })))).toMatch(
      /^xliff_wrong_item/,
    );
    expect(codeOf(() => importOf(withTargets(allTargets, { item: "item-42", revision: 2 })))).toMatch(
      /^xliff_wrong_revision: .*phiên bản 2 .*phiên bản 3/,
    );
    const { summary: _s, ...withoutSummary } = allTargets;
    expect(codeOf(() => importOf(withTargets(withoutSummary)))).toMatch(
      /^xliff_untranslated_units: Còn 1 đoạn chưa dịch: summary «Tóm tắt»/,
    );
    const extra = withTargets(allTargets).replace(
      "</file>",
      '<unit id="body/99"><segment><source>x</source><target>y</target></segment></unit></file>',
    );
    expect(codeOf(() => importOf(extra))).toMatch(/^xliff_unknown_unit/);
    const bomb = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><xliff version="2.0">&b;</xliff>`;
    expect(codeOf(() => readXliff(bomb))).toMatch(/^xliff_doctype_refused/);
    expect(codeOf(() => readXliff("<html><body>not xliff</body></html>"))).toMatch(/^xliff_invalid/);
    expect(codeOf(() => readXliff("<xliff version='2.0'><file"))).toMatch(/^xliff_invalid/);
  });
});
