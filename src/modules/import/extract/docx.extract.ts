/**
 * .docx → text for the parser. Paragraphs are separated by blank lines; tables become `| a | b |` rows
 * (paragraphs inside a cell joined by "<br>", merged cells padded so columns stay aligned); automatic
 * list numbers are written out ("1.", "-"); footnotes become superscript marks with their text placed
 * right after the paragraph that cites them, as in a pasted document.
 */

import { importErrors } from "../import.errors.js";
import { digitsToSuperscript } from "../parser/footnotes.parser.js";
import { attr, XmlChunkReader, type XmlEvent } from "./docx-xml.reader.js";
import type { ImportLimits } from "./import.limits.js";
import { openZip, streamEntry } from "./zip.reader.js";

const DOCUMENT = "word/document.xml";
const FOOTNOTES = "word/footnotes.xml";
const NUMBERING = "word/numbering.xml";

/** Extracts the text of a .docx held in memory, within the given limits. */
export async function extractDocx(bytes: Uint8Array, limits: ImportLimits): Promise<string> {
  const parts = await openZip(bytes, [DOCUMENT, FOOTNOTES, NUMBERING], limits);
  try {
    if (!parts.entries.has(DOCUMENT)) {
      throw importErrors.unsupportedType({ meta: { reason: "zip_without_word_document" } });
    }
    const budget = { remaining: limits.maxUncompressedBytes };
    const numbering = new Numbering();
    await streamEntry(
      parts,
      NUMBERING,
      budget,
      feed((e) => numbering.read(e)),
    );
    const footnotes = new Map<string, string>();
    const notes = new BodyWriter(numbering, new Map(), limits.maxTextChars);
    let noteId: string | null = null;
    await streamEntry(
      parts,
      FOOTNOTES,
      budget,
      feed((e) => {
        if ("tag" in e && e.tag.name === "w:footnote" && !e.tag.closing) {
          noteId = attr(e.tag.attrs, "w:id");
          notes.reset();
        } else if ("tag" in e && e.tag.name === "w:footnote" && e.tag.closing && noteId) {
          footnotes.set(noteId, notes.text().replace(/\s+/g, " ").trim());
          noteId = null;
        } else notes.read(e);
      }),
    );
    const body = new BodyWriter(numbering, footnotes, limits.maxTextChars);
    await streamEntry(
      parts,
      DOCUMENT,
      budget,
      feed((e) => body.read(e)),
    );
    return body.text();
  } finally {
    parts.zip.close();
  }
}

function feed(onEvent: (e: XmlEvent) => void): (chunk: string) => void {
  const reader = new XmlChunkReader(onEvent);
  return (chunk) => reader.push(chunk);
}

/** List numbering definitions: numId → level → format and text pattern. */
class Numbering {
  private readonly abstract = new Map<string, Map<number, { fmt: string; text: string; start: number }>>();
  private readonly numToAbstract = new Map<string, string>();
  private readonly counters = new Map<string, number[]>();
  private currentAbstract: string | null = null;
  private currentLevel: { ilvl: number; fmt: string; text: string; start: number } | null = null;
  private currentNum: string | null = null;

  read(e: XmlEvent): void {
    if (!("tag" in e)) return;
    const { name, attrs, closing } = e.tag;
    if (name === "w:abstractNum" && !closing) this.currentAbstract = attr(attrs, "w:abstractNumId");
    else if (name === "w:lvl" && !closing) {
      this.currentLevel = { ilvl: Number(attr(attrs, "w:ilvl") ?? 0), fmt: "decimal", text: "%1.", start: 1 };
    } else if (name === "w:lvl" && closing && this.currentLevel && this.currentAbstract !== null) {
      const levels = this.abstract.get(this.currentAbstract) ?? new Map();
      levels.set(this.currentLevel.ilvl, this.currentLevel);
      this.abstract.set(this.currentAbstract, levels);
      this.currentLevel = null;
    } else if (this.currentLevel && name === "w:numFmt")
      this.currentLevel.fmt = attr(attrs, "w:val") ?? "decimal";
    else if (this.currentLevel && name === "w:lvlText") this.currentLevel.text = attr(attrs, "w:val") ?? "";
    else if (this.currentLevel && name === "w:start")
      this.currentLevel.start = Number(attr(attrs, "w:val") ?? 1);
    else if (name === "w:num" && !closing) this.currentNum = attr(attrs, "w:numId");
    else if (name === "w:abstractNumId" && this.currentNum !== null) {
      this.numToAbstract.set(this.currentNum, attr(attrs, "w:val") ?? "");
    }
  }

  /** The label of the next item of list `numId` at level `ilvl` ("3.", "-", "a)"). */
  next(numId: string, ilvl: number): string {
    const levels = this.abstract.get(this.numToAbstract.get(numId) ?? "");
    const level = levels?.get(ilvl);
    if (!levels || !level || numId === "0") return "";
    if (level.fmt === "bullet") return "-";
    const counters = this.counters.get(numId) ?? [];
    counters[ilvl] = (counters[ilvl] ?? level.start - 1) + 1;
    counters.length = ilvl + 1;
    this.counters.set(numId, counters);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return format(counters[i] ?? l?.start ?? 1, l?.fmt ?? "decimal");
    });
  }
}

function format(n: number, fmt: string): string {
  if (fmt === "upperRoman" || fmt === "lowerRoman") {
    const pairs: Array<[number, string]> = [
      [10, "X"],
      [9, "IX"],
      [5, "V"],
      [4, "IV"],
      [1, "I"],
    ];
    let rest = n;
    let out = "";
    for (const [v, s] of pairs) {
      while (rest >= v) {
        out += s;
        rest -= v;
      }
    }
    return fmt === "lowerRoman" ? out.toLowerCase() : out;
  }
  if (fmt === "lowerLetter" || fmt === "upperLetter") {
    const ch = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return fmt === "upperLetter" ? ch.toUpperCase() : ch;
  }
  return String(n);
}

/** Writes paragraphs and tables of a WordprocessingML body as parser-friendly text. */
class BodyWriter {
  private out: string[] = [];
  private size = 0;
  private para = "";
  private inText = false;
  private superscript = false;
  private numId: string | null = null;
  private ilvl = 0;
  private pendingNotes: string[] = [];
  private noteCount = 0;
  /** One entry per open table: rows of cells; the cell being written collects its paragraphs. */
  private tables: Array<{ rows: string[][]; cell: string[] | null; span: number }> = [];

  constructor(
    private readonly numbering: Numbering,
    private readonly footnotes: Map<string, string>,
    private readonly maxChars: number,
  ) {}

  reset(): void {
    this.out = [];
    this.size = 0;
    this.para = "";
  }

  text(): string {
    return this.out.join("");
  }

  read(e: XmlEvent): void {
    if ("text" in e) {
      if (this.inText)
        this.para += this.superscript && /^\d+$/.test(e.text) ? digitsToSuperscript(Number(e.text)) : e.text;
      return;
    }
    const { name, attrs, closing, selfClosing } = e.tag;
    const table = this.tables.at(-1);
    switch (name) {
      case "w:t":
        this.inText = !closing && !selfClosing;
        break;
      case "w:tab":
        if (!closing) this.para += " ";
        break;
      case "w:br":
      case "w:cr":
        this.para += table ? "<br>" : "\n";
        break;
      case "w:vertAlign":
        this.superscript = attr(attrs, "w:val") === "superscript";
        break;
      case "w:r":
        if (!closing) this.superscript = false;
        break;
      case "w:numId":
        this.numId = attr(attrs, "w:val");
        break;
      case "w:ilvl":
        this.ilvl = Number(attr(attrs, "w:val") ?? 0);
        break;
      case "w:footnoteReference": {
        const note = this.footnotes.get(attr(attrs, "w:id") ?? "");
        if (note === undefined) break;
        this.noteCount++;
        const mark = digitsToSuperscript(this.noteCount);
        this.para += mark;
        this.pendingNotes.push(`${mark} ${note}`);
        break;
      }
      case "w:p":
        if (!closing && !selfClosing) {
          this.para = "";
          this.numId = null;
          this.ilvl = 0;
        } else this.endParagraph();
        break;
      case "w:tbl":
        if (!closing) this.tables.push({ rows: [], cell: null, span: 1 });
        else this.endTable();
        break;
      case "w:tr":
        if (table && !closing) table.rows.push([]);
        break;
      case "w:tc":
        if (table && !closing) {
          table.cell = [];
          table.span = 1;
        } else if (table?.cell) {
          const row = table.rows.at(-1);
          row?.push(table.cell.join("<br>").replace(/\|/g, "/"));
          for (let i = 1; i < table.span; i++) row?.push("");
          table.cell = null;
        }
        break;
      case "w:gridSpan":
        if (table) table.span = Math.max(1, Number(attr(attrs, "w:val") ?? 1));
        break;
    }
  }

  private endParagraph(): void {
    const label = this.numId ? this.numbering.next(this.numId, this.ilvl) : "";
    const text = `${label ? `${label} ` : ""}${this.para}`.replace(/[ \t]+/g, " ").trim();
    this.para = "";
    const table = this.tables.at(-1);
    if (table?.cell) {
      if (text !== "") table.cell.push(text.replace(/\n/g, "<br>"));
      return;
    }
    if (text !== "") this.write(`${text}\n\n`);
    for (const note of this.pendingNotes) this.write(`${note}\n\n`);
    this.pendingNotes = [];
  }

  private endTable(): void {
    const table = this.tables.pop();
    if (!table) return;
    const lines = table.rows.filter((r) => r.some((c) => c !== "")).map((r) => `| ${r.join(" | ")} |`);
    const outer = this.tables.at(-1);
    if (outer?.cell) {
      outer.cell.push(...lines.map((l) => l.replace(/^\| | \|$/g, "").replace(/ \| /g, "; ")));
      return;
    }
    if (lines.length > 0) this.write(`${lines.join("\n")}\n\n`);
    for (const note of this.pendingNotes) this.write(`${note}\n\n`);
    this.pendingNotes = [];
  }

  private write(text: string): void {
    this.size += text.length;
    if (this.size > this.maxChars) {
      throw importErrors.fileTooLarge({ meta: { reason: "text_too_long", maxTextChars: this.maxChars } });
    }
    this.out.push(text);
  }
}
