/**
 * Accent folding for matching. `foldVietnamese` is the shared one (`src/shared/text/fold.ts`: lower case,
 * no marks, đ→d, whitespace collapsed); monitoring adds a length-preserving variant because mention offsets
 * found in the folded copy must point into the original text.
 */
import { foldVietnamese } from "../../../shared/text/fold.js";

export { foldVietnamese };

/** Folded UTF-16 unit per code below 0x2500 (Latin, Greek, Cyrillic...), built once on first use. */
let foldTable: Uint16Array | null = null;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x2500);
  for (let code = 0; code < table.length; code++) {
    const ch = String.fromCharCode(code);
    let folded = code < 0x80 ? ch.toLowerCase() : foldVietnamese(ch);
    // Characters whose fold would change length are kept (lower-cased when that keeps the length).
    if (folded.length !== 1) folded = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
    table[code] = folded.charCodeAt(0);
  }
  return table;
}

/**
 * Lower-cases and accent-folds text while keeping its length in UTF-16 units, so that an offset found in
 * the folded copy is also the offset in the original. Input should be NFC (see `normalizeText`).
 * Only Latin, Greek and Cyrillic letters fold; Hangul syllables would decompose into jamo (longer).
 *
 * @example foldForMatching("Cảng Đình Vũ") // "cang dinh vu"
 */
export function foldForMatching(text: string): string {
  foldTable ??= buildFoldTable();
  const table = foldTable;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += String.fromCharCode(code < 0x2500 ? (table[code] as number) : code);
  }
  return out;
}
