/**
 * The one place that calls the parser: reads the bytes, checks the result against the contract and
 * returns it with the extracted text. The parser's typed errors pass through unchanged.
 */
import { draftErrors } from "./import-draft.errors.js";
import { type ParsedProgramme, ParsedProgrammeSchema } from "./parsed-programme.schema.js";

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
}): Promise<ParsedSource> {
  // Loaded on first use: the parser pulls in PDF and Word readers the server rarely needs at start.
  const { parseProgrammeFile } = await import("./parser/index.js");
  const result = await parseProgrammeFile({
    bytes: input.bytes,
    filename: input.filename,
    limits: { maxBytes: input.maxBytes },
  });
  const checked = ParsedProgrammeSchema.safeParse(result.programme);
  if (!checked.success) {
    throw draftErrors.invalidParse({
      details: checked.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  return { parsed: checked.data, extractedText: result.extractedText, sourceType: result.sourceType };
}
