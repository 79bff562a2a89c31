/**
 * Accent folding for matching. `foldVietnamese` is the shared one (`src/shared/text/fold.ts`: lower case,
 * no marks, đ→d, whitespace collapsed); monitoring adds a length-preserving variant because mention offsets
 * found in the folded copy must point into the original text.
 */
import { foldVietnamese } from "../../../shared/text/fold.js";

export { foldVietnamese };

const foldCache = new Map<string, string>();

/** Folds one UTF-16 unit to one lower-case unit; characters whose fold would change length are kept. */
function foldUnit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return ch.toLowerCase();
  // Only Latin, Greek and Cyrillic letters fold; Hangul syllables would decompose into jamo (longer).
  if (code > 0x24ff) return ch;
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let folded = foldVietnamese(ch);
  if (folded.length !== 1) folded = ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch;
  foldCache.set(ch, folded);
  return folded;
}

/**
 * Lower-cases and accent-folds text while keeping its length in UTF-16 units, so that an offset found in
 * the folded copy is also the offset in the original. Input should be NFC (see `normalizeText`).
 *
 * @example foldForMatching("Cảng Đình Vũ") // "cang dinh vu"
 */
export function foldForMatching(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i] as string);
  return out;
}
