/**
 * The work-programme parser: text or file in, `ParsedProgramme` out (see
 * `shared/contracts/parsed-programme.schema.json`). Pure: no database, no network.
 *
 * @example
 * const { programme, extractedText } = await parseProgrammeFile({ bytes, filename: "ctr-02.docx" });
 * programme.tasks[0].ref; // "I.1"
 */
import { extractText } from "../extract/extract.js";
import { type ImportLimits, resolveLimits } from "../extract/import.limits.js";
import { findCitations } from "./citations.parser.js";
import { parseClosing } from "./closing.parser.js";
import { extractFootnoteBodies } from "./footnotes.parser.js";
import { parseHeader } from "./header.parser.js";
import { buildBodyElements, type Paragraph, splitRegions, toLines } from "./layout.parser.js";
import type { ParsedProgramme, ParsedTask, ParseWarning } from "./parsed-programme.types.js";
import { type PartyDirectory, partyKindOf } from "./party-kind.js";
import { finaliseTasks } from "./tasks.finalize.js";
import { readStructure } from "./tasks.parser.js";
import { prepareText } from "./text.normalize.js";

export type { ImportLimits } from "../extract/import.limits.js";
export type * from "./parsed-programme.types.js";
export type { PartyDirectory } from "./party-kind.js";

export interface ParseTextOptions {
  /** Year used when a time frame names none ("6 tháng đầu năm"); defaults to the programme's own year. */
  defaultYear?: number;
  /** Names the directory holds, to tell a person named without "Đồng chí" from a unit. */
  directory?: PartyDirectory;
}

/**
 * Parses the text of a programme (pasted, or extracted from a file). Legacy TCVN3/VNI text is converted
 * first; line numbers in `source` refer to the lines of `text`.
 */
export function parseProgrammeText(text: string, options: ParseTextOptions = {}): ParsedProgramme {
  const prepared = prepareText(text).text;
  const lines = toLines(prepared);
  const regions = splitRegions(lines);
  const header = parseHeader(regions.header, regions.title);
  const bodyLines = [...regions.body, ...regions.appendix];
  const elements = buildBodyElements(bodyLines);
  const paragraphs = elements.filter((e): e is Paragraph => e.kind === "paragraph");
  const { bodies, isFootnote } = extractFootnoteBodies(paragraphs);
  const structure = readStructure(elements.filter((e) => e.kind === "table" || !isFootnote.has(e)));
  const periodYear = header.document.period ? Number(header.document.period.start.slice(0, 4)) : null;
  const finalised = finaliseTasks(structure.tasks, bodies, options.defaultYear ?? periodYear);
  for (const task of finalised.tasks) classifyUnnamedParties(task, options.directory);
  const closing = parseClosing(regions.closing);

  const citable = [
    ...regions.title.map((l) => ({ text: l.text, line: l.no })),
    ...elements.flatMap((e) =>
      e.kind === "paragraph"
        ? [{ text: e.text, line: e.lineStart }]
        : e.rows.map((r) => ({ text: r.cells.join(" ; ").replace(/<br>/g, " "), line: r.line })),
    ),
  ];
  const warnings: ParseWarning[] = [...header.warnings, ...structure.warnings, ...finalised.warnings];
  for (const body of bodies.values()) {
    // A mark in any paragraph anchors its note (a note on the purpose section belongs to no task).
    const cited = paragraphs.some((p) => !isFootnote.has(p) && p.text.includes(body.mark));
    if (!body.used && !cited) {
      warnings.push({
        code: "footnote_unanchored",
        message: `Chú thích ${body.mark} không gắn được với nhiệm vụ nào`,
        line: body.line,
        taskRef: null,
      });
    }
  }
  if (finalised.tasks.length === 0) {
    warnings.push({
      code: "no_tasks_found",
      message: "Không tìm thấy nhiệm vụ nào trong văn bản",
      line: null,
      taskRef: null,
    });
  }
  warnings.push(...closing.warnings);
  return {
    document: header.document,
    citations: findCitations(citable),
    sections: structure.sections,
    tasks: finalised.tasks,
    signature: closing.signature,
    recipients: closing.recipients,
    warnings: capWarnings(warnings),
  };
}

/**
 * Parties read as units because no title preceded them ("Trần Văn Bình" in a table cell) are looked up in
 * the directory, then judged by the shape of the name. Groups and titled people are left as they are.
 */
function classifyUnnamedParties(task: ParsedTask, directory: PartyDirectory | undefined): void {
  for (const list of [task.directing, task.leads, task.coordinators]) {
    for (const party of list) {
      if (party.kind === "unit") party.kind = partyKindOf(party.name, directory);
    }
  }
}

const MAX_WARNINGS = 1000;

/** A broken 2,000-row table could yield thousands of warnings; the reviewer needs the first ones and a count. */
function capWarnings(warnings: ParseWarning[]): ParseWarning[] {
  if (warnings.length <= MAX_WARNINGS) return warnings;
  return [
    ...warnings.slice(0, MAX_WARNINGS),
    {
      code: "warnings_truncated",
      message: `Còn ${warnings.length - MAX_WARNINGS} cảnh báo khác không hiển thị`,
      line: null,
      taskRef: null,
    },
  ];
}

/** What `parseProgrammeFile` returns: the programme, the text it was read from, and the source format. */
export interface ParsedFile {
  programme: ParsedProgramme;
  /** Text the parser read; `source.lineStart/lineEnd` of tasks are 1-based lines of it. */
  extractedText: string;
  sourceType: "txt" | "md" | "docx" | "pdf";
}

/**
 * Reads a .txt, .md, .docx or .pdf file and parses it. Throws `AppError` (`import_*` codes) for empty,
 * too large, mislabelled, unreadable, zip-bomb, scanned (OCR needed) or uncertain legacy-encoded files.
 */
export async function parseProgrammeFile(input: {
  bytes: Uint8Array;
  filename: string;
  limits?: Partial<ImportLimits>;
  directory?: PartyDirectory;
}): Promise<ParsedFile> {
  const limits = resolveLimits(input.limits);
  const extracted = await extractText({ bytes: input.bytes, filename: input.filename, limits });
  const extractedText = prepareText(extracted.text).text;
  return {
    programme: parseProgrammeText(extractedText, input.directory ? { directory: input.directory } : {}),
    extractedText,
    sourceType: extracted.sourceType,
  };
}
