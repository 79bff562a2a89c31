/**
 * The one place that calls the parser: reads the bytes, checks the result against the contract and
 * returns it with the extracted text. The parser's typed errors pass through unchanged.
 */
import { foldVietnamese } from "../../shared/text/fold.js";
import { draftErrors } from "./import-draft.errors.js";
import { type ParsedProgramme, ParsedProgrammeSchema } from "./parsed-programme.schema.js";
import type { PartyDirectory } from "./parser/party-kind.js";

export interface ParsedSource {
  parsed: ParsedProgramme;
  /** The text the parser read, as lines are numbered in `task.source`. */
  extractedText: string;
  sourceType: string;
}

export async function parseSource(input: {
  bytes: Uint8Array;
  filename: string;
  maxBytes: number;
  directory?: PartyDirectory;
}): Promise<ParsedSource> {
  // Loaded on first use: the parser pulls in PDF and Word readers the server rarely needs at start.
  const { parseProgrammeFile } = await import("./parser/index.js");
  const result = await parseProgrammeFile({
    bytes: input.bytes,
    filename: input.filename,
    limits: { maxBytes: input.maxBytes },
    ...(input.directory && { directory: input.directory }),
  });
  return {
    parsed: checkParsed(result.programme),
    extractedText: result.extractedText,
    sourceType: result.sourceType,
  };
}

/** Parses text already extracted (an OCR run's), as `parseSource` parses a file. */
export async function parseExtractedText(input: {
  text: string;
  sourceType: string;
  directory?: PartyDirectory;
}): Promise<ParsedSource> {
  const { parseProgrammeText } = await import("./parser/index.js");
  const programme = parseProgrammeText(input.text, input.directory ? { directory: input.directory } : {});
  return { parsed: checkParsed(programme), extractedText: input.text, sourceType: input.sourceType };
}

/** The names of the directory as the parser asks for them: person, unit, or not known. */
export function directoryOf(
  people: Array<{ folded: string[] }>,
  units: Array<{ folded: string[] }>,
): PartyDirectory {
  const persons = new Set(people.flatMap((p) => p.folded));
  const bodies = new Set(units.flatMap((u) => u.folded));
  return {
    kindOf(name) {
      const folded = foldVietnamese(name);
      if (persons.has(folded)) return "person";
      return bodies.has(folded) ? "unit" : null;
    },
  };
}

function checkParsed(programme: unknown): ParsedProgramme {
  const checked = ParsedProgrammeSchema.safeParse(programme);
  if (!checked.success) {
    throw draftErrors.invalidParse({
      details: checked.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return checked.data;
}
