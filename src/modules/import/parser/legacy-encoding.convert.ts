/**
 * Legacy Vietnamese 8-bit encodings (TCVN3/ABC and VNI-Windows) → Unicode.
 *
 * Old files typed with .VnTime or VNI-Times fonts arrive either as raw bytes or as text already mis-decoded
 * as Latin-1/Windows-1252 ("Th¯nh phè" style). Both look like Latin-1 letters in a string, so detection works
 * on the string: convert with each table and keep the one whose words look Vietnamese. If neither does
 * convincingly, the caller refuses the file rather than guess.
 */
import { importErrors } from "../import.errors.js";

/** TCVN3 (ABC): one byte per letter. Upper-case toned vowels have no codes (they used a separate "H" font). */
const TCVN3_PAIRS: Array<[number, string]> = [
  [0xa1, "Ă"],
  [0xa2, "Â"],
  [0xa3, "Ê"],
  [0xa4, "Ô"],
  [0xa5, "Ơ"],
  [0xa6, "Ư"],
  [0xa7, "Đ"],
  [0xa8, "ă"],
  [0xa9, "â"],
  [0xaa, "ê"],
  [0xab, "ô"],
  [0xac, "ơ"],
  [0xad, "ư"],
  [0xae, "đ"],
  [0xb5, "à"],
  [0xb6, "ả"],
  [0xb7, "ã"],
  [0xb8, "á"],
  [0xb9, "ạ"],
  [0xbb, "ằ"],
  [0xbc, "ẳ"],
  [0xbd, "ẵ"],
  [0xbe, "ắ"],
  [0xc6, "ặ"],
  [0xc7, "ầ"],
  [0xc8, "ẩ"],
  [0xc9, "ẫ"],
  [0xca, "ấ"],
  [0xcb, "ậ"],
  [0xcc, "è"],
  [0xce, "ẻ"],
  [0xcf, "ẽ"],
  [0xd0, "é"],
  [0xd1, "ẹ"],
  [0xd2, "ề"],
  [0xd3, "ể"],
  [0xd4, "ễ"],
  [0xd5, "ế"],
  [0xd6, "ệ"],
  [0xd7, "ì"],
  [0xd8, "ỉ"],
  [0xdc, "ĩ"],
  [0xdd, "í"],
  [0xde, "ị"],
  [0xdf, "ò"],
  [0xe1, "ỏ"],
  [0xe2, "õ"],
  [0xe3, "ó"],
  [0xe4, "ọ"],
  [0xe5, "ồ"],
  [0xe6, "ổ"],
  [0xe7, "ỗ"],
  [0xe8, "ố"],
  [0xe9, "ộ"],
  [0xea, "ờ"],
  [0xeb, "ở"],
  [0xec, "ỡ"],
  [0xed, "ớ"],
  [0xee, "ợ"],
  [0xef, "ù"],
  [0xf1, "ủ"],
  [0xf2, "ũ"],
  [0xf3, "ú"],
  [0xf4, "ụ"],
  [0xf5, "ừ"],
  [0xf6, "ử"],
  [0xf7, "ữ"],
  [0xf8, "ứ"],
  [0xf9, "ự"],
  [0xfa, "ỳ"],
  [0xfb, "ỷ"],
  [0xfc, "ỹ"],
  [0xfd, "ý"],
  [0xfe, "ỵ"],
];

/** VNI-Windows: a base letter followed by a mark byte, plus a few single-byte letters. */
const VNI_SINGLE: Array<[string, string]> = [
  ["ñ", "đ"],
  ["Ñ", "Đ"],
  ["ô", "ơ"],
  ["Ô", "Ơ"],
  ["ö", "ư"],
  ["Ö", "Ư"],
  ["í", "í"],
  ["ì", "ì"],
  ["æ", "ỉ"],
  ["ó", "ĩ"],
  ["ò", "ị"],
  ["î", "ỵ"],
  ["Í", "Í"],
  ["Ì", "Ì"],
  ["Æ", "Ỉ"],
  ["Ó", "Ĩ"],
  ["Ò", "Ị"],
  ["Î", "Ỵ"],
];
/** Tone marks after a vowel (lower-case / upper-case mark bytes) → combining marks. */
const VNI_TONES: Array<[string, string, string]> = [
  ["ù", "Ù", "\u0301"],
  ["ø", "Ø", "\u0300"],
  ["û", "Û", "\u0309"],
  ["õ", "Õ", "\u0303"],
  ["ï", "Ï", "\u0323"],
];
/** Vowel-shape marks after a/e/o: circumflex series and breve series (breve only after a). */
const VNI_CIRCUMFLEX: Array<[string, string, string]> = [
  ["â", "Â", ""],
  ["á", "Á", "\u0301"],
  ["à", "À", "\u0300"],
  ["å", "Å", "\u0309"],
  ["ã", "Ã", "\u0303"],
  ["ä", "Ä", "\u0323"],
];
const VNI_BREVE: Array<[string, string, string]> = [
  ["ê", "Ê", ""],
  ["é", "É", "\u0301"],
  ["è", "È", "\u0300"],
  ["ú", "Ú", "\u0309"],
  ["ü", "Ü", "\u0303"],
  ["ë", "Ë", "\u0323"],
];

const tcvn3Decode = new Map(TCVN3_PAIRS.map(([code, ch]) => [String.fromCharCode(code), ch]));
const tcvn3Encode = new Map(TCVN3_PAIRS.map(([code, ch]) => [ch, String.fromCharCode(code)]));

/** Converts TCVN3 text (bytes read as Latin-1) to Unicode NFC. */
export function tcvn3ToUnicode(input: string): string {
  let out = "";
  for (const ch of input) out += tcvn3Decode.get(ch) ?? ch;
  return restoreUpperCaseWords(out).normalize("NFC");
}

/** Converts VNI-Windows text (bytes read as Latin-1) to Unicode NFC. */
export function vniToUnicode(input: string): string {
  const chars = Array.from(input);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const next = chars[i + 1] ?? "";
    const lowerBase = ch.toLowerCase();
    if (/[aeo]/i.test(ch)) {
      const circ = VNI_CIRCUMFLEX.find(([l, u]) => next === l || next === u);
      if (circ) {
        out += `${ch}\u0302${circ[2]}`;
        i++;
        continue;
      }
      const breve = lowerBase === "a" ? VNI_BREVE.find(([l, u]) => next === l || next === u) : undefined;
      if (breve) {
        out += `${ch}\u0306${breve[2]}`;
        i++;
        continue;
      }
    }
    const single = VNI_SINGLE.find(([from]) => from === ch)?.[1];
    const base = single ?? ch;
    const tone = /[aeiouyơư]/i.test(base) ? VNI_TONES.find(([l, u]) => next === l || next === u) : undefined;
    if (tone) {
      out += base + tone[2];
      i++;
      continue;
    }
    out += base;
  }
  return out.normalize("NFC");
}

/**
 * Encodes Unicode text as TCVN3 (Latin-1 string), as a TCVN3 typist would have: "Ủy" is written "Uỷ" (the
 * only way to capitalise it in one font); other upper-case toned vowels fall back to lower-case codes.
 */
export function unicodeToTcvn3(input: string): string {
  let out = "";
  for (const ch of input.normalize("NFC").replace(/Ủy/g, "Uỷ")) {
    out += tcvn3Encode.get(ch) ?? tcvn3Encode.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

/** Encodes Unicode text as VNI-Windows (Latin-1 string). Used to build test fixtures. */
export function unicodeToVni(input: string): string {
  let out = "";
  for (const ch of input.normalize("NFC")) {
    const single = VNI_SINGLE.find(([, to]) => to === ch);
    if (single) {
      out += single[0];
      continue;
    }
    const parts = Array.from(ch.normalize("NFD"));
    const base = parts[0] ?? ch;
    const isUpper = base !== base.toLowerCase();
    const marks = parts.slice(1);
    const tone = marks.find((m) => VNI_TONES.some(([, , c]) => c === m));
    if (marks.includes("\u0302") || marks.includes("\u0306")) {
      const series = marks.includes("\u0302") ? VNI_CIRCUMFLEX : VNI_BREVE;
      const entry = series.find(([, , c]) => c === (tone ?? ""));
      out += base + (entry ? (isUpper ? entry[1] : entry[0]) : "");
      continue;
    }
    let letter = base;
    if (marks.includes("\u031b")) letter = base === "o" ? "ô" : base === "O" ? "Ô" : base === "u" ? "ö" : "Ö";
    const toneEntry = VNI_TONES.find(([, , c]) => c === tone);
    out += letter + (toneEntry ? (isUpper ? toneEntry[1] : toneEntry[0]) : "");
  }
  return out;
}

/**
 * TCVN3 has no upper-case toned vowels (headings used a separate capitals font), so "THÀNH" comes back as
 * "THàNH". A line typed mostly in capitals is upper-cased whole; elsewhere a word is upper-cased when a
 * capital follows a lower-case accented letter ("ủY") — never "Hà", which is a normal capitalised word.
 */
function restoreUpperCaseWords(text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const ascii = line.replace(/[^A-Za-z]/g, "");
      const upper = ascii.replace(/[^A-Z]/g, "").length;
      if (ascii.length >= 4 && upper / ascii.length >= 0.8) return line.toUpperCase();
      return line.replace(/\p{L}+/gu, (word) =>
        /[^\p{ASCII}][A-Z]/u.test(word) ? word.toUpperCase() : word,
      );
    })
    .join("\n");
}

const VIETNAMESE_WORD = /^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]+$/u;

/** Share of the words carrying non-ASCII letters that are well-formed Vietnamese (letters and at most one tone). */
function vietnameseScore(text: string): { score: number; words: number } {
  const words = text
    .toLowerCase()
    .split(/[\s.,;:!?()"'“”/-]+/)
    .filter((w) => /[^\p{ASCII}]/u.test(w));
  if (words.length === 0) return { score: 1, words: 0 };
  let good = 0;
  for (const w of words) {
    const tones = (w.normalize("NFD").match(/[\u0300\u0301\u0303\u0309\u0323]/g) ?? []).length;
    if (VIETNAMESE_WORD.test(w) && tones <= 1) good++;
  }
  return { score: good / words.length, words: words.length };
}

export type TextEncoding = "unicode" | "tcvn3" | "vni";

/**
 * Detects TCVN3/VNI text (bytes read as Latin-1, or a mis-decoded string) and converts it to Unicode.
 * Unicode text is returned unchanged. Throws `import_legacy_encoding_uncertain` when the text is clearly not
 * Unicode Vietnamese but neither table reads it convincingly.
 */
export function convertLegacyEncoding(text: string): { text: string; encoding: TextEncoding } {
  // Unicode Vietnamese uses the Latin Extended Additional block; legacy text never does.
  const hasUnicodeVietnamese = /[\u1ea0-\u1ef9]/.test(text);
  const latin1Letters = (text.match(/[\u00a1-\u00ff]/g) ?? []).length;
  if (hasUnicodeVietnamese || latin1Letters < 8) return { text, encoding: "unicode" };
  const original = vietnameseScore(text);
  if (original.score >= 0.9) return { text, encoding: "unicode" };
  const candidates: Array<{ text: string; encoding: TextEncoding; score: number }> = [
    { text: tcvn3ToUnicode(text), encoding: "tcvn3", score: 0 },
    { text: vniToUnicode(text), encoding: "vni", score: 0 },
  ];
  for (const c of candidates) c.score = vietnameseScore(c.text).score;
  candidates.sort((a, b) => b.score - a.score);
  const [best, second] = candidates;
  if (best && best.score >= 0.9 && best.score - (second?.score ?? 0) >= 0.15) {
    return { text: best.text, encoding: best.encoding };
  }
  throw importErrors.legacyEncodingUncertain({
    meta: { scores: Object.fromEntries(candidates.map((c) => [c.encoding, Number(c.score.toFixed(2))])) },
  });
}
