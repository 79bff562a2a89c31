/**
 * The glossary check: where the Vietnamese source uses a glossary term ("Ban Chỉ đạo Công tác thông tin
 * đối ngoại"), the translation must use its approved rendering ("Steering Committee for External
 * Information Work") or an accepted variant, and never a rendering the glossary marks as wrong.
 *
 * Terms are found in the source as whole words, with their tones (Vietnamese words that differ only by
 * a tone are different words), case ignored; longer terms win over the shorter ones they contain, so
 * "thông tin đối ngoại" is not asked for again inside "Ban Chỉ đạo Công tác thông tin đối ngoại".
 * Renderings are found in the translation case-insensitively; for Chinese, Japanese and Korean, which
 * do not separate words, as substrings.
 */

export interface GlossaryTerm {
  id: string;
  /** The Vietnamese term. */
  source: string;
  /** The approved rendering in the target language. */
  target: string;
  /** Other accepted renderings (an abbreviation, a plural). */
  variants: readonly string[];
  /** Renderings that must not be used (a literal translation the committee rejected). */
  forbidden: readonly string[];
}

export interface GlossaryWarning {
  termId: string;
  kind: "missing" | "forbidden";
  source: string;
  expected: string;
  /** For `forbidden`: the wrong rendering found. */
  found: string | null;
}

const WORDLESS = new Set(["zh", "ja", "ko"]);

const norm = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Positions of `term` in `text` as a whole word sequence (both already normalised). */
function wordMatches(text: string, term: string): [number, number][] {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, "gu");
  return [...text.matchAll(re)].map((m) => [m.index, m.index + term.length]);
}

function contains(text: string, rendering: string, lang: string): boolean {
  const r = norm(rendering);
  if (r === "") return false;
  return WORDLESS.has(lang) ? text.includes(r) : wordMatches(text, r).length > 0;
}

/**
 * The glossary terms a source text uses (longest first; a term inside a longer one found is not listed
 * again): what a translator is shown beside the segment.
 */
export function termsIn(sourceText: string, terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  const source = norm(sourceText);
  const claimed: [number, number][] = [];
  const found: GlossaryTerm[] = [];
  for (const term of [...terms].sort((a, b) => norm(b.source).length - norm(a.source).length)) {
    const key = norm(term.source);
    if (key === "") continue;
    const spans = wordMatches(source, key).filter(([s, e]) => !claimed.some(([cs, ce]) => s < ce && e > cs));
    if (spans.length === 0) continue;
    claimed.push(...spans);
    found.push(term);
  }
  return found;
}

/** Warnings for one source text and its translation into `lang`. */
export function checkGlossary(
  sourceText: string,
  targetText: string,
  lang: string,
  terms: readonly GlossaryTerm[],
): GlossaryWarning[] {
  const source = norm(sourceText);
  const target = norm(targetText);
  const claimed: [number, number][] = [];
  const warnings: GlossaryWarning[] = [];
  const byLength = [...terms].sort((a, b) => norm(b.source).length - norm(a.source).length);
  for (const term of byLength) {
    const key = norm(term.source);
    if (key === "") continue;
    const spans = wordMatches(source, key).filter(([s, e]) => !claimed.some(([cs, ce]) => s < ce && e > cs));
    if (spans.length === 0) continue;
    claimed.push(...spans);
    const wrong = term.forbidden.find((f) => contains(target, f, lang));
    if (wrong)
      warnings.push({
        termId: term.id,
        kind: "forbidden",
        source: term.source,
        expected: term.target,
        found: wrong,
      });
    else if (![term.target, ...term.variants].some((r) => contains(target, r, lang)))
      warnings.push({
        termId: term.id,
        kind: "missing",
        source: term.source,
        expected: term.target,
        found: null,
      });
  }
  return warnings;
}
