/**
 * The "false friends" of the city's name: the same words used for something that is not the city.
 * - a street or road named after the city, usually in another city ("đường Hải Phòng" in Đà Nẵng,
 *   "Hai Phong Street", "rue de Haiphong");
 * - a person whose name contains it ("anh Nguyễn Hải Phòng", "Mr Hai Phong", "Hai Phong Nguyen, 34,").
 * These are language rules, not data: they apply to every city-level alias of the table whatever an
 * administrator writes in it, because the words around a name decide, not the name.
 */
import { foldForMatching } from "./fold.js";

/** The text in the three aligned forms mention detection compares (same length, same offsets). */
export interface MatchTexts {
  original: string;
  lower: string;
  folded: string;
}

/** A word near a match. */
interface NearWord {
  original: string;
  lower: string;
  folded: string;
  isAscii: boolean;
  isCapitalised: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}.'’/]/u;
const NON_ASCII = /[^\p{ASCII}]/u;

function toWord(texts: MatchTexts, start: number, end: number): NearWord {
  const original = texts.original.slice(start, end);
  const first = original[0] ?? "";
  return {
    original,
    lower: texts.lower.slice(start, end),
    folded: texts.folded.slice(start, end),
    isAscii: !NON_ASCII.test(original),
    isCapitalised: first !== first.toLowerCase(),
  };
}

/** Up to `n` words right before `at`, nearest first, separated by spaces only (a comma or dash stops). */
export function wordsBefore(texts: MatchTexts, at: number, n: number): NearWord[] {
  const words: NearWord[] = [];
  let end = at;
  while (words.length < n) {
    let i = end;
    while (i > 0 && /[ \t\u00a0]/.test(texts.original[i - 1] as string)) i--;
    if (i === end && words.length > 0) break;
    let start = i;
    while (start > 0 && WORD.test(texts.original[start - 1] as string)) start--;
    if (start === i) break;
    words.push(toWord(texts, start, i));
    end = start;
  }
  return words;
}

/** Up to `n` words right after `end`, nearest first, separated by spaces only (hyphens allowed once). */
export function wordsAfter(texts: MatchTexts, end: number, n: number): NearWord[] {
  const words: NearWord[] = [];
  let from = end;
  while (words.length < n) {
    let i = from;
    while (i < texts.original.length && /[ \t\u00a0]/.test(texts.original[i] as string)) i++;
    // German compounds: "Hai-Phong-Straße".
    if (words.length === 0 && i === from && texts.original[i] === "-") i++;
    if (i === from && words.length > 0) break;
    let stop = i;
    while (stop < texts.original.length && WORD.test(texts.original[stop] as string)) stop++;
    if (stop === i) break;
    // A sentence-final full stop is not part of the word ("Hai Phong Road." keeps "Road").
    const raw = texts.original.slice(i, stop);
    const trimmed = raw.endsWith(".") && !/^(st|rd|ave|str|blvd|bd|ul|mr|mrs|ms|dr|m)\.$/i.test(raw);
    words.push(toWord(texts, i, trimmed ? stop - 1 : stop));
    from = stop;
  }
  return words;
}

/** Which of `phrases` ends right before `at` (spaces skipped), as a whole word; folded for unaccented text. */
function phraseBefore(texts: MatchTexts, at: number, phrases: string[]): string | null {
  const from = Math.max(0, at - 28);
  const lead = texts.lower.slice(from, at).trimEnd();
  const leadFolded = texts.folded.slice(from, at).trimEnd();
  const isAscii = !NON_ASCII.test(texts.original.slice(from, at));
  let best: string | null = null;
  for (const phrase of phrases) {
    const p = phrase.toLowerCase();
    const hay = lead.endsWith(p)
      ? lead
      : isAscii && leadFolded.endsWith(foldForMatching(p))
        ? leadFolded
        : null;
    if (hay === null) continue;
    const before = hay[hay.length - p.length - 1];
    if (before !== undefined && /[\p{L}\p{N}]/u.test(before)) continue;
    if (!best || p.length > best.length) best = phrase;
  }
  return best;
}

/** Compares a word with a list entry: exact (lower case) when the word has diacritics, folded otherwise. */
function wordIs(
  word: NearWord | undefined,
  entries: ReadonlySet<string>,
  foldedEntries: ReadonlySet<string>,
) {
  if (!word) return false;
  const lower = word.lower.replace(/[’']/g, "");
  return entries.has(lower) || (word.isAscii && foldedEntries.has(foldForMatching(lower)));
}

function wordSet(words: string[]): { exact: Set<string>; folded: Set<string> } {
  const exact = new Set(words.map((w) => w.normalize("NFC").toLowerCase()));
  return { exact, folded: new Set([...exact].map((w) => foldForMatching(w))) };
}

/** Vietnamese street words written before a name; "phố" also ends "thành phố" (city), handled below. */
const STREET_BEFORE = wordSet([
  "đường",
  "phố",
  "ngõ",
  "ngách",
  "hẻm",
  "kiệt",
  "lộ", // đại lộ, quốc lộ, tỉnh lộ
  "rue", // French
  "avenue",
  "boulevard",
  "bd",
  "calle", // Spanish
  "avenida",
  "rua", // Portuguese
]);
/** Russian street words decline ("на улице Хайфон"): compared by stem. */
const STREET_BEFORE_STEMS = ["улиц", "ул.", "проспект", "пр.", "переул", "бульвар", "шоссе"];
/** Words that name something after the city ("một con phố mang tên Hải Phòng", "a street named Haiphong"). */
const NAMED_BEFORE = ["mang tên", "có tên", "tên là", "đặt tên", "named", "called", "baptisée", "nommée"];
/** A junction or corner names two streets: "nút giao Hải Phòng – Nguyễn Huệ", "corner of Hai Phong and …". */
const JUNCTION_BEFORE = [
  "nút giao",
  "nút giao giữa",
  "ngã tư",
  "ngã ba",
  "ngã năm",
  "ngã sáu",
  "giao lộ",
  "góc",
  "góc đường",
  "góc phố",
  "hai tuyến",
  "các tuyến",
  "junction of",
  "corner of",
  "intersection of",
  "carrefour",
  "angle de la rue",
  "перекрёсток",
  "перекресток",
];
/** "tuyến Hải Phòng" is a street unless a route follows ("tuyến Hải Phòng – Hạ Long"). */
const LINE_BEFORE = ["tuyến", "tuyến phố", "tuyến đường"];
/** Words that, before a house number, make "12 Hải Phòng" an address: "số 12 Hải Phòng", "kiệt 83 Hải Phòng". */
const ADDRESS_BEFORE_NUMBER = wordSet(["số", "nhà", "kiệt", "hẻm", "ngõ", "ngách", "no.", "n°", "at"]);
const HOUSE_NUMBER = /^\d{1,4}[a-z]?(?:\/\d{1,4}[a-z]?)*$/i;
/** Little words between a French/Spanish/Portuguese street word and the name ("rue de Haiphong"). */
const STREET_LINKS = wordSet(["de", "du", "d’", "da", "do"]);
/** Words before "đường" that make it an ordinary noun or verb phrase, not a street (tắc đường, lên đường). */
const NOT_A_STREET_BEFORE_DUONG = wordSet([
  "tắc",
  "kẹt",
  "ùn",
  "mở",
  "làm",
  "dẫn",
  "chỉ",
  "lên",
  "xuống",
  "ra",
  "về",
  "đi",
  "hỏi",
  "lạc",
  "dọc",
  "nửa",
  "giữa",
  "cung",
  "quãng",
  "chặng",
]);
/** Street words written after a name (English, German, Dutch...). */
const STREET_AFTER = wordSet([
  "street",
  "st",
  "st.",
  "road",
  "rd",
  "rd.",
  "avenue",
  "ave",
  "ave.",
  "boulevard",
  "blvd",
  "lane",
  "drive",
  "straße",
  "strasse",
  "str.",
  "straat",
  "улица",
]);
/** After "Hai Phong Street": the street of "street food" and friends, not a street name. */
const STREET_COMPOUNDS = wordSet([
  "food",
  "foods",
  "vendor",
  "vendors",
  "market",
  "art",
  "style",
  "kids",
  "life",
]);
/** Street suffixes in scripts written without spaces. */
const STREET_SUFFIX_CJK = ["通り", "通", "路", "街", "大道", "道", "거리"];

/**
 * When the city's name is the name of a street, the reason ("street: đường"); null otherwise.
 * `knownPlaces` are folded alias terms ("an duong"): "huyện An Dương Hải Phòng" is not a street.
 */
export function streetNamed(
  texts: MatchTexts,
  at: number,
  length: number,
  knownPlaces: ReadonlySet<string>,
): string | null {
  const end = at + length;
  // A route between two places is about the city: "đường Hải Phòng – Hạ Long", "Hai Phong-Hanoi road".
  const after = texts.original.slice(end, end + 3);
  const isRoute =
    /^\s?[-–—]\s?\p{Lu}/u.test(after) ||
    /^\s?[-–—]\s?\p{Lu}/u.test(texts.original.slice(end, end + 4)) ||
    // "tuyến Hải Phòng đi Quảng Ninh", "the road from Hai Phong to Ha Long"
    /^\s+(?:đi|to|tới|đến)\s+\p{Lu}/u.test(texts.original.slice(end, end + 12));
  if (
    /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(texts.original[at] ?? "")
  ) {
    const rest = texts.original.slice(end, end + 3).trimStart();
    const suffix = STREET_SUFFIX_CJK.find((s) => rest.startsWith(s));
    return suffix ? `street: ${suffix}` : null;
  }
  const before = wordsBefore(texts, at, 3);
  // "rue de Haiphong": skip the little word between the street word and the name.
  if (before[0] && before[1] && wordIs(before[0], STREET_LINKS.exact, STREET_LINKS.folded)) before.shift();
  const [w1, w2] = before;
  if (
    w1 &&
    HOUSE_NUMBER.test(w1.original) &&
    (w1.original.includes("/") || wordIs(w2, ADDRESS_BEFORE_NUMBER.exact, ADDRESS_BEFORE_NUMBER.folded))
  )
    return `street: address ${w2 ? `${w2.original} ` : ""}${w1.original}`;
  if (w1 && STREET_BEFORE_STEMS.some((stem) => w1.lower.startsWith(stem))) return `street: ${w1.lower}`;
  const junction = phraseBefore(texts, at, JUNCTION_BEFORE);
  if (junction) return `street: ${junction}`;
  const named = phraseBefore(texts, at, NAMED_BEFORE);
  if (named && !isRoute) return `name of a street or place: ${named}`;
  const line = phraseBefore(texts, at, LINE_BEFORE);
  if (line && !isRoute) return `street: ${line}`;
  if (!isRoute && w1 && wordIs(w1, STREET_BEFORE.exact, STREET_BEFORE.folded)) {
    const first = foldForMatching(w1.lower);
    const second = w2 ? foldForMatching(w2.lower) : "";
    const isCityWord = first === "pho" && (second === "thanh" || second === "tp");
    const isPlace = w2 !== undefined && knownPlaces.has(`${second} ${first}`);
    const isPhrase =
      first === "duong" &&
      w2 !== undefined &&
      wordIs(w2, NOT_A_STREET_BEFORE_DUONG.exact, NOT_A_STREET_BEFORE_DUONG.folded);
    const isLo = first === "lo" && !(second === "dai" || second === "quoc" || second === "tinh");
    if (!isCityWord && !isPlace && !isPhrase && !isLo) {
      const written = first === "lo" && w2 ? `${w2.original} ${w1.original}` : w1.original;
      return `street: ${written.toLowerCase()}`;
    }
  }
  const [a1, a2] = wordsAfter(texts, end, 2);
  if (a1 && wordIs(a1, STREET_AFTER.exact, STREET_AFTER.folded)) {
    // Lower-case "street" after the name is English for "of the street" (Hai Phong street food).
    const isCapitalised = a1.isCapitalised || !a1.isAscii;
    if (isCapitalised && !wordIs(a2, STREET_COMPOUNDS.exact, STREET_COMPOUNDS.folded))
      return `street: ${a1.original}`;
  }
  return null;
}

/** Titles of other languages: the same with or without diacritics (señor / senor). */
const FOREIGN_TITLES = [
  "mr",
  "mr.",
  "mrs",
  "mrs.",
  "ms",
  "ms.",
  "miss",
  "dr",
  "dr.",
  "m.",
  "mme",
  "monsieur",
  "madame",
  "herr",
  "frau",
  "sr.",
  "sra.",
  "señor",
  "señora",
  "господин",
  "госпожа",
];
/** Titles for people; written without diacritics only the unambiguous ones count (see UNACCENTED_TITLES). */
const TITLES = wordSet([
  "úy", // đại úy, thượng úy, trung úy, thiếu úy
  "tá", // đại tá, thượng tá, trung tá, thiếu tá
  "đ/c",
  "anh",
  "chị",
  "ông",
  "bà",
  "thầy",
  "cô",
  "em",
  "bé",
  "cháu",
  "bác",
  "chú",
  "cụ",
  "cậu",
  ...FOREIGN_TITLES,
]);
/** Without diacritics "co", "ba", "em", "chu", "bac", "cu", "be" are also "có", "ba", "bắc"... */
const UNACCENTED_TITLES = new Set([
  "uy",
  "d/c",
  "anh",
  "chi",
  "ong",
  "thay",
  ...FOREIGN_TITLES.map((t) => foldForMatching(t)),
]);
/** "em" and "cô" often end other phrases before a city: "anh em Hải Phòng", "cô gái" is not before it. */
const NOT_A_TITLE_BEFORE = wordSet(["anh", "chị", "ông", "bà"]);

/** Common Vietnamese family names (capitalised before a name, they make it a person). */
const FAMILY_NAMES = wordSet([
  "nguyễn",
  "trần",
  "lê",
  "phạm",
  "hoàng",
  "huỳnh",
  "phan",
  "vũ",
  "võ",
  "đặng",
  "bùi",
  "đỗ",
  "hồ",
  "ngô",
  "dương",
  "lý",
  "đinh",
  "đoàn",
  "lâm",
  "lưu",
  "mai",
  "cao",
  "trịnh",
  "trương",
  "quách",
  "tạ",
  "tống",
  "chu",
  "lại",
  "hà",
  "vương",
  "thái",
  "triệu",
  "mạc",
  "kiều",
  "khúc",
  "lương",
  "phùng",
  "tô",
  "từ",
  "nghiêm",
  "đào",
  "đàm",
  "tăng",
  "thân",
  "lục",
  "lã",
  "doãn",
  "giang",
  "hứa",
  "khổng",
  "la",
  "âu",
]);
/** Two-word places whose last word is also a family name ("Hải Dương Hải Phòng" is two provinces). */
const PLACES_ENDING_IN_A_NAME = new Set(
  [
    "hải dương",
    "bình dương",
    "bắc giang",
    "hà giang",
    "tiền giang",
    "hậu giang",
    "kiên giang",
    "an giang",
    "gia lai",
    "long an",
    "nghệ an",
    "thanh hóa",
  ].map((p) => foldForMatching(p)),
);
/** Middle names that mark a personal name ("Nguyễn Văn Hải Phòng", "Lê Thị Hải Phòng"). */
const MIDDLE_NAMES = wordSet([
  "văn",
  "thị",
  "hữu",
  "đức",
  "công",
  "ngọc",
  "xuân",
  "bá",
  "trọng",
  "duy",
  "tiến",
  "mạnh",
]);
/** Verbs that follow a person, not a city, once the text has shown the person ("… Hải Phòng cho biết"). */
const PERSON_VERBS = [
  "cho biết",
  "chia sẻ",
  "kể",
  "nói",
  "tâm sự",
  "bày tỏ",
  "said",
  "says",
  "told",
  "added",
  "explained",
];
const AGE_AFTER =
  /^\s*(?:,\s*\d{1,3}\s*(?:tuổi|,|years?\b|ans\b|jahre\b|лет\b)|\(\s*(?:\d{1,3}\s*tuổi|sn\b|sinh năm|\d{1,3}\s*\)|\d{1,3}\s*(?:years?|ans)\b)|,\s*sinh năm|,\s*sn\b)/iu;

/**
 * When the city's name is (part of) a personal name, the reason ("person: title anh"); null otherwise.
 * `knownPlaces` are folded alias terms: "An Dương Hải Phòng" is a district, not "Mr Dương".
 */
export function personNamed(
  texts: MatchTexts,
  at: number,
  length: number,
  knownPlaces: ReadonlySet<string>,
): string | null {
  const end = at + length;
  const [w1, w2] = wordsBefore(texts, at, 2);
  if (w1) {
    const folded = foldForMatching(w1.lower.replace(/[’']/g, ""));
    const isTitle = TITLES.exact.has(w1.lower) || (w1.isAscii && UNACCENTED_TITLES.has(folded));
    // "anh em Hải Phòng" (the lads of Hải Phòng) and "ông bà" are not titles of a name.
    const isTitlePhrase =
      w2 !== undefined &&
      (folded === "em" || folded === "ba") &&
      wordIs(w2, NOT_A_TITLE_BEFORE.exact, NOT_A_TITLE_BEFORE.folded);
    if (isTitle && !isTitlePhrase) return `person: title ${w1.original}`;
    const pair = w2 ? `${foldForMatching(w2.lower)} ${folded}` : "";
    const isPlace = w2 !== undefined && (knownPlaces.has(pair) || PLACES_ENDING_IN_A_NAME.has(pair));
    const isFamily = wordIs(w1, FAMILY_NAMES.exact, FAMILY_NAMES.folded);
    const isMiddle = wordIs(w1, MIDDLE_NAMES.exact, MIDDLE_NAMES.folded);
    // The word before a name is a title, lower case or another name; "Khách sạn Hoa Mai Hải Phòng" is not
    // a person, and a middle name counts after a family name ("Nguyễn Văn"), "Thị" on its own.
    const w2IsName =
      w2 !== undefined &&
      (wordIs(w2, FAMILY_NAMES.exact, FAMILY_NAMES.folded) ||
        wordIs(w2, MIDDLE_NAMES.exact, MIDDLE_NAMES.folded));
    const w2Allows = !w2?.isCapitalised || w2IsName || wordIs(w2, TITLES.exact, TITLES.folded);
    const isNamed =
      (isFamily && w2Allows) ||
      (isMiddle &&
        (foldForMatching(w1.lower) === "thi" ||
          (w2 !== undefined && wordIs(w2, FAMILY_NAMES.exact, FAMILY_NAMES.folded))));
    if (w1.isCapitalised && !isPlace && isNamed)
      return `person: name ${w2IsName ? `${w2?.original} ` : ""}${w1.original} …`;
  }
  const comrade = phraseBefore(texts, at, ["đồng chí"]);
  if (comrade) return `person: title ${comrade}`;
  const [a1, a2] = wordsAfter(texts, end, 2);
  // Western order: "Hai Phong Nguyen".
  if (
    a1?.isCapitalised &&
    wordIs(a1, FAMILY_NAMES.exact, FAMILY_NAMES.folded) &&
    !(a2 && knownPlaces.has(`${foldForMatching(a1.lower)} ${foldForMatching(a2.lower)}`))
  )
    return `person: name … ${a1.original}`;
  if (AGE_AFTER.test(texts.original.slice(end, end + 24))) return "person: age after the name";
  return null;
}

/** True when a person verb follows the match ("Hải Phòng cho biết"); used once a person is established. */
export function personVerbAfter(texts: MatchTexts, end: number): string | null {
  const rest = texts.lower.slice(end, end + 16).trimStart();
  const isAscii = !NON_ASCII.test(texts.original.slice(end, end + 16));
  for (const verb of PERSON_VERBS) {
    if (rest.startsWith(verb) || (isAscii && rest.startsWith(foldForMatching(verb)))) {
      const next = rest[verb.length];
      if (next === undefined || !/\p{L}/u.test(next)) return verb;
    }
  }
  return null;
}

/** Words before the name that make it the place: a preposition of place or an administrative word. */
const PLACE_BEFORE = wordSet([
  "ở",
  "tại",
  "về",
  "đến",
  "tới",
  "từ",
  "khắp",
  "quê",
  "người",
  "dân",
  "tp",
  "tp.",
  "cảng",
  "tỉnh",
  "in",
  "at",
  "to",
  "from",
  "of",
  "near",
  "à",
  "au",
  "en",
  "de",
  "в",
  "во",
  "из",
]);
const PLACE_AFTER = wordSet(["city", "port", "province", "harbour", "harbor", "市"]);

/**
 * Where a text already shows a person or a street named after the city, a bare name counts only with a
 * sign of the place itself; this is that sign ("before: ở", "after: city", "one word: Haiphong"), or null.
 */
export function placeMarked(texts: MatchTexts, at: number, length: number): string | null {
  const written = texts.original.slice(at, at + length);
  if (/^\p{Script=Latin}+$/u.test(written)) return `one word: ${written}`;
  const [w1, w2] = wordsBefore(texts, at, 2);
  if (w1 && foldForMatching(w1.lower) === "pho" && w2 && foldForMatching(w2.lower) === "thanh")
    return "before: thành phố";
  if (w1 && wordIs(w1, PLACE_BEFORE.exact, PLACE_BEFORE.folded)) return `before: ${w1.original}`;
  const [a1] = wordsAfter(texts, at + length, 1);
  if (a1 && wordIs(a1, PLACE_AFTER.exact, PLACE_AFTER.folded)) return `after: ${a1.original}`;
  return null;
}
