import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type ISectionOptions,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";
import { formatDocumentNumber, formatPlaceAndDate, recipientLines, signatureLines } from "./docx.text.js";
import type { DocumentHead } from "./report.model.js";

/** Millimetres to twips (1/20 pt). */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);

/** Page geometry shared by Party (HD 36) and State (NĐ 30) documents: A4, margins 20/20/30/15 mm. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
} as const;

/** Width of the text block in twips (A4 minus left and right margins = 165 mm). */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Font of Vietnamese official documents (Unicode, TCVN 6909:2001). */
export const FONT = "Times New Roman";

/** Body size in half-points: 14 pt. */
export const BODY_SIZE = 28;

/** Options of one run of text. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
}

/** A run of text; `size` in points. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
    size: style.size ? style.size * 2 : undefined,
  });
}

/** A paragraph of one styled run. */
export function line(
  text: string,
  style: RunStyle & {
    align?: "center" | "left" | "right" | "justify";
    after?: number;
    before?: number;
    indent?: boolean;
  } = {},
): Paragraph {
  return new Paragraph({
    children: [run(text, style)],
    alignment: alignOf(style.align ?? "center"),
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    indent: style.indent ? { firstLine: mm(10) } : undefined,
  });
}

function alignOf(a: "center" | "left" | "right" | "justify") {
  return a === "center"
    ? AlignmentType.CENTER
    : a === "right"
      ? AlignmentType.RIGHT
      : a === "justify"
        ? AlignmentType.JUSTIFIED
        : AlignmentType.LEFT;
}

/** A justified body paragraph with a 10 mm first-line indent, 6 pt after, line spacing 1.15. */
export function bodyParagraph(
  children: string | TextRun[],
  opts: { keepNext?: boolean; before?: number } = {},
): Paragraph {
  return new Paragraph({
    children: typeof children === "string" ? [run(children)] : children,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: opts.before ?? 0, after: 120, line: 276 },
    keepNext: opts.keepNext,
  });
}

/** A bold heading in the body ("I. KẾT QUẢ THỰC HIỆN", "1. Hạn chế"), kept with what follows. */
export function heading(text: string, style: { italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, { bold: true, italics: style.italics })],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 120, after: 120, line: 276 },
    keepNext: true,
  });
}

/** A short centred rule drawn as a bottom border of an empty paragraph `widthMm` wide. */
function shortRule(columnWidthMm: number, widthMm: number, after = 60): Paragraph {
  const side = mm((columnWidthMm - widthMm) / 2);
  return new Paragraph({
    children: [],
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  });
}

function cell(children: Paragraph[], widthTwips: number, padding: number): TableCell {
  return new TableCell({
    children,
    width: { size: widthTwips, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    borders: TableBorders.NONE,
    margins: { left: padding, right: padding, top: 0, bottom: 0 },
  });
}

/**
 * A borderless two-column table, widths in millimetres. `outdentMm` pulls it into the left margin:
 * official headers (issuer | quốc hiệu) are wider than the text block, as in the agencies' templates.
 */
export function layoutTable(rows: [Paragraph[], Paragraph[]][], leftMm: number, outdentMm = 0): Table {
  const total = TEXT_WIDTH + mm(outdentMm);
  const left = mm(leftMm);
  const right = total - left;
  const padding = outdentMm > 0 ? 0 : 108;
  return new Table({
    rows: rows.map(([l, r]) => new TableRow({ children: [cell(l, left, padding), cell(r, right, padding)] })),
    width: { size: total, type: WidthType.DXA },
    columnWidths: [left, right],
    indent: outdentMm > 0 ? { size: -mm(outdentMm), type: WidthType.DXA } : undefined,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/**
 * The document header as a borderless two-column table.
 * Party (HD 36): parent body, issuer in bold, "*", number | "ĐẢNG CỘNG SẢN VIỆT NAM" underlined, date in italics.
 * State (NĐ 30): parent body, issuer in bold over a short rule, "Số: …" | quốc hiệu, tiêu ngữ underlined, date.
 * `subject` (công văn) is printed under the number.
 */
export function documentHeader(head: DocumentHead, subject?: string): Table {
  const isParty = head.format === "party";
  // Left column fits "CÔNG TÁC THÔNG TIN ĐỐI NGOẠI" (Party, 14 pt bold); right fits the quốc hiệu (State, 13 pt bold).
  const leftMm = isParty ? 93 : 72;
  const issuerSize = isParty ? 14 : 13;
  const left: Paragraph[] = [];
  if (head.issuer.parent) left.push(line(head.issuer.parent.toLocaleUpperCase("vi"), { size: issuerSize }));
  for (const l of head.issuer.lines)
    left.push(line(l.toLocaleUpperCase("vi"), { bold: true, size: issuerSize }));
  if (isParty) left.push(line("*", { size: 14 }));
  else left.push(shortRule(leftMm, 24));

  const right: Paragraph[] = isParty
    ? [line("ĐẢNG CỘNG SẢN VIỆT NAM", { bold: true, underline: true, size: 15 })]
    : [
        line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 13 }),
        line("Độc lập - Tự do - Hạnh phúc", { bold: true, underline: true, size: 14 }),
      ];

  const numberCell = [
    line(formatDocumentNumber(head.format, head.number), { size: isParty ? 14 : 13, before: 60 }),
  ];
  if (subject) numberCell.push(line(subject, { size: 12, italics: isParty, before: 40 }));
  const dateCell = [
    line(formatPlaceAndDate(head.place, head.date), {
      italics: true,
      size: 14,
      before: 60,
      align: isParty ? "right" : "center",
    }),
  ];
  return layoutTable(
    [
      [left, right],
      [numberCell, dateCell],
    ],
    leftMm,
    10,
  );
}

/** The type and title block: "BÁO CÁO" / summary line(s) / "-----" (Party) or a short rule (State). */
export function titleBlock(format: DocumentHead["format"], type: string, summary: string): Paragraph[] {
  return [
    line(type.toLocaleUpperCase("vi"), { bold: true, size: 16, before: 360 }),
    ...summary.split("\n").map((s) => line(s, { bold: true, size: 14 })),
    format === "party" ? line("-----", { size: 14, after: 240 }) : shortRule(165, 30, 240),
  ];
}

/** "Nơi nhận" on the left and the signature on the right, side by side. */
export function closingBlock(head: DocumentHead): Table {
  const isParty = head.format === "party";
  const recipients: Paragraph[] = [
    line(
      "Nơi nhận:",
      isParty
        ? { underline: true, size: 14, align: "left" }
        : { bold: true, italics: true, size: 12, align: "left" },
    ),
    ...recipientLines(head.recipients).map((t) => line(t, { size: isParty ? 12 : 11, align: "left" })),
  ];
  const authority = signatureLines(head.format, head.signature).map((t) => line(t, { bold: true, size: 14 }));
  const sign: Paragraph[] = [
    ...authority,
    ...[0, 1, 2, 3].map(() => line("", { size: 14 })),
    line(head.signature.name, { bold: true, size: 14 }),
  ];
  return layoutTable([[recipients, sign]], 80);
}

/**
 * A bordered data table; `widthsMm` per column, header row bold and repeated on each page; the last
 * row bold when `boldLast`, and any row whose index is in `boldRows` (group headings).
 */
export function dataTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  widthsMm: readonly number[],
  boldLast = false,
  boldRows: ReadonlySet<number> = new Set(),
): Table {
  const scale = TEXT_WIDTH / widthsMm.reduce((a, b) => a + mm(b), 0);
  const widths = widthsMm.map((w) => Math.floor(mm(w) * scale));
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const borders = { top: border, bottom: border, left: border, right: border };
  const mk = (cells: readonly string[], bold: boolean, isHeader: boolean) =>
    new TableRow({
      tableHeader: isHeader,
      cantSplit: true,
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            borders,
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 80, right: 80, top: 40, bottom: 40 },
            children: text
              .split("\n")
              .map((t) => line(t, { bold, size: 13, align: isHeader || i !== 1 ? "center" : "left" })),
          }),
      ),
    });
  return new Table({
    rows: [
      mk(header, true, true),
      ...rows.map((r, i) => mk(r, (boldLast && i === rows.length - 1) || boldRows.has(i), false)),
    ],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
  });
}

/** A Word document in official layout: A4, Times New Roman 14 pt, page numbers top centre from page 2. */
export function officialDocument(
  meta: { title: string; description?: string },
  children: ISectionOptions["children"],
): Document {
  return new Document({
    creator: "Hải Đăng",
    title: meta.title,
    description: meta.description,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...PAGE.margin, header: mm(10), footer: mm(10) },
          },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 28 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}
