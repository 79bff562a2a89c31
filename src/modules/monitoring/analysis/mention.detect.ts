/**
 * Mention detection: finds places of Hải Phòng in a text using the editable alias table and the context
 * rules it carries (see `MentionAlias`).
 */
import { foldForMatching } from "./fold.js";
import type { MentionAlias, MentionKind } from "./mention.aliases.js";
import {
  type MatchTexts,
  personNamed,
  personVerbAfter,
  placeMarked,
  streetNamed,
} from "./mention.false-friends.js";
import { normalizeText } from "./text.normalize.js";

/** One detected mention; `offset` is in UTF-16 units of the input text (when it was NFC). */
export interface Mention {
  /** Alias id ("hai-phong", "cat-ba"). */
  alias: string;
  /** The text as written. */
  text: string;
  offset: number;
  kind: MentionKind;
  /** Why it counted: "always", "prefix: huyện", "suffix: 市", "context: 越南", "city mentioned". */
  reason: string;
}

type Script = "latin" | "cyrillic" | "other";

interface PreparedTerm {
  alias: MentionAlias;
  folded: string;
  /** All written forms of this alias that fold to the same key, lower-cased, for the diacritics check. */
  accentedForms: Set<string>;
  script: Script;
}

interface Candidate {
  term: PreparedTerm;
  offset: number;
  length: number;
  reason: string | null;
  /** Set when the city's name names a street here: counts only when the city is confirmed elsewhere. */
  street?: string;
  /** A city match with no sign of the place around it ("Hải Phòng" alone), see `placeMarked`. */
  isBare?: boolean;
}

type Texts = MatchTexts;

/** Prepared alias table plus the folded place names the false-friend rules must not mistake for names. */
interface PreparedTable {
  terms: PreparedTerm[];
  knownPlaces: Set<string>;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
const NON_ASCII = /[^\p{ASCII}]/u;

function scriptOf(term: string): Script {
  if (/\p{Script=Latin}/u.test(term)) return "latin";
  if (/\p{Script=Cyrillic}/u.test(term)) return "cyrillic";
  return "other";
}

// The alias table changes rarely and is used for every item: prepare each table once.
const preparedTables = new WeakMap<MentionAlias[], PreparedTable>();

function prepare(aliases: MentionAlias[]): PreparedTable {
  const cached = preparedTables.get(aliases);
  if (cached) return cached;
  const prepared: PreparedTerm[] = [];
  for (const alias of aliases) {
    const normalized = alias.terms.map((t) => normalizeText(t));
    const byFold = new Map<string, Set<string>>();
    for (const t of normalized) {
      const f = foldForMatching(t);
      const forms = byFold.get(f) ?? new Set<string>();
      forms.add(t.toLowerCase());
      byFold.set(f, forms);
    }
    for (const [folded, accentedForms] of byFold) {
      prepared.push({ alias, folded, accentedForms, script: scriptOf(folded) });
    }
  }
  const table = { terms: prepared, knownPlaces: new Set(prepared.map((t) => t.folded)) };
  preparedTables.set(aliases, table);
  return table;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** Length of the match including a Cyrillic case ending, or -1 when the boundaries do not hold. */
function matchLength(texts: Texts, term: PreparedTerm, at: number): number {
  const { folded } = texts;
  let end = at + term.folded.length;
  if (term.script === "other") return term.folded.length;
  if (isWordChar(folded[at - 1])) return -1;
  if (term.script === "cyrillic") {
    let extra = 0;
    while (extra < 3 && CYRILLIC_LETTER.test(folded[end] ?? "")) {
      end++;
      extra++;
    }
  }
  if (isWordChar(folded[end])) return -1;
  return end - at;
}

function diacriticsAgree(texts: Texts, term: PreparedTerm, at: number): boolean {
  if (term.script !== "latin") return true;
  const written = texts.original.slice(at, at + term.folded.length);
  // Unaccented writing ("Hai Phong", "An Duong") is accepted; accented writing must match a known form.
  if (!NON_ASCII.test(written)) return true;
  return term.accentedForms.has(texts.lower.slice(at, at + term.folded.length));
}

function isCapitalised(written: string): boolean {
  return written
    .split(/\s+/)
    .every((w) => w.length === 0 || w[0] !== w[0]?.toLowerCase() || !/\p{L}/u.test(w[0]));
}

/** Which of `words` is written right before `at` (spaces skipped), compared with diacritics when present. */
function adjacentBefore(
  texts: Texts,
  at: number,
  words: string[] | undefined,
  script: Script,
): string | null {
  if (!words) return null;
  let end = at;
  while (end > 0 && /\s/.test(texts.original[end - 1] as string)) end--;
  for (const word of words) {
    const w = normalizeText(word).toLowerCase();
    const start = end - w.length;
    if (start < 0) continue;
    const region = texts.lower.slice(start, end);
    const matches =
      region === w || (!NON_ASCII.test(texts.original.slice(start, end)) && region === foldForMatching(w));
    if (matches && (script === "other" || !isWordChar(texts.folded[start - 1]))) return word;
  }
  return null;
}

/** Which of `words` is written right after `end` (spaces skipped). */
function adjacentAfter(
  texts: Texts,
  end: number,
  words: string[] | undefined,
  script: Script,
): string | null {
  if (!words) return null;
  let start = end;
  while (start < texts.original.length && /\s/.test(texts.original[start] as string)) start++;
  for (const word of words) {
    const w = normalizeText(word).toLowerCase();
    const stop = start + w.length;
    const region = texts.lower.slice(start, stop);
    const matches =
      region === w || (!NON_ASCII.test(texts.original.slice(start, stop)) && region === foldForMatching(w));
    if (matches && (script === "other" || /^[\p{Script=Han}]/u.test(w) || !isWordChar(texts.folded[stop])))
      return word;
  }
  return null;
}

function contextNearby(
  texts: Texts,
  at: number,
  length: number,
  alias: MentionAlias,
  terms: string[] | undefined,
): string | null {
  if (!terms) return null;
  const window = alias.window ?? 40;
  const from = Math.max(0, at - window);
  const to = Math.min(texts.original.length, at + length + window);
  const lowerWindow = `${texts.lower.slice(from, at)} ${texts.lower.slice(at + length, to)}`;
  const foldedWindow = `${texts.folded.slice(from, at)} ${texts.folded.slice(at + length, to)}`;
  for (const term of terms) {
    const n = normalizeText(term).toLowerCase();
    if (lowerWindow.includes(n) || foldedWindow.includes(foldForMatching(n))) return term;
  }
  return null;
}

type Verdict = string | null | "pending" | { person: string } | { street: string };

/**
 * Decides one candidate: a reason when it counts, "pending" when it waits for a city mention, null when
 * vetoed; for the city, the false friends (a person or a street named after it) are told apart first.
 */
function judge(
  texts: Texts,
  term: PreparedTerm,
  at: number,
  length: number,
  knownPlaces: Set<string>,
): Verdict {
  const { alias, script } = term;
  const written = texts.original.slice(at, at + length);
  if (alias.caseSensitive && script === "latin" && !isCapitalised(written)) return null;
  if (
    adjacentBefore(texts, at, alias.vetoPrefixes, script) ||
    adjacentAfter(texts, at + length, alias.vetoSuffixes, script)
  )
    return null;
  if (alias.kind === "city") {
    const person = personNamed(texts, at, length, knownPlaces);
    if (person) return { person };
    const street = streetNamed(texts, at, length, knownPlaces);
    if (street) return { street };
  }
  if (alias.rule === "always") return "always";
  if (contextNearby(texts, at, length, alias, alias.vetoContextTerms)) return null;
  const prefix = adjacentBefore(texts, at, alias.confirmingPrefixes, script);
  if (prefix) return `prefix: ${prefix}`;
  const suffix = adjacentAfter(texts, at + length, alias.confirmingSuffixes, script);
  if (suffix) return `suffix: ${suffix}`;
  const context = contextNearby(texts, at, length, alias, alias.contextTerms);
  if (context) return `context: ${context}`;
  return alias.confirmedByCityMention ? "pending" : null;
}

/**
 * Finds mentions of the city and its places in `text`. Overlapping matches keep the longest.
 *
 * @example detectMentions("Cảng Lạch Huyện, Hải Phòng", DEFAULT_MENTION_ALIASES)
 *   // [{ alias: "lach-huyen", text: "Lạch Huyện", offset: 5, ... }, { alias: "hai-phong", offset: 17, ... }]
 */
export function detectMentions(text: string, aliases: MentionAlias[]): Mention[] {
  const normalized = normalizeText(text);
  const original = normalized.length === text.length ? text : normalized;
  const texts: Texts = { original, lower: normalized.toLowerCase(), folded: foldForMatching(normalized) };
  // toLowerCase can change length for rare letters (İ); fall back to the folded text for comparisons then.
  if (texts.lower.length !== texts.folded.length) texts.lower = texts.folded;
  const candidates: Candidate[] = [];
  const table = prepare(aliases);
  /** Aliases seen here as part of a personal name: later "… Hải Phòng cho biết" is that person too. */
  const personAliases = new Set<string>();
  /** Aliases seen here as the name of a street ("đường Hải Phòng" in Đà Nẵng). */
  const streetAliases = new Set<string>();
  for (const term of table.terms) {
    if (!term.folded) continue;
    for (
      let at = texts.folded.indexOf(term.folded);
      at >= 0;
      at = texts.folded.indexOf(term.folded, at + 1)
    ) {
      const length = matchLength(texts, term, at);
      if (length < 0 || !diacriticsAgree(texts, term, at)) continue;
      const verdict = judge(texts, term, at, length, table.knownPlaces);
      if (verdict === null) continue;
      if (typeof verdict === "object" && "person" in verdict) {
        personAliases.add(term.alias.id);
        continue;
      }
      if (typeof verdict === "object") {
        streetAliases.add(term.alias.id);
        candidates.push({ term, offset: at, length, reason: null, street: verdict.street });
        continue;
      }
      const isBare = verdict === "always" && term.alias.kind === "city" && !placeMarked(texts, at, length);
      candidates.push({ term, offset: at, length, reason: verdict === "pending" ? null : verdict, isBare });
    }
  }
  // Once a text shows a person or a street named after the city, a bare "Hải Phòng" may be them again:
  // it then counts only when the place is confirmed elsewhere (by a marked mention or another place).
  const confirmed: Candidate[] = [];
  for (const c of candidates) {
    const id = c.term.alias.id;
    if (personAliases.has(id) && c.reason !== null && personVerbAfter(texts, c.offset + c.length)) continue;
    if (c.isBare && (personAliases.has(id) || streetAliases.has(id))) c.reason = null;
    confirmed.push(c);
  }
  const hasCity = confirmed.some((c) => c.reason !== null && c.term.alias.kind === "city");
  const hasPlace = confirmed.some((c) => c.reason !== null);
  const kept: Candidate[] = [];
  confirmed.sort((a, b) => a.offset - b.offset || b.length - a.length);
  for (const c of confirmed) {
    if (c.reason === null) {
      const isNamesake = c.street !== undefined || c.isBare === true;
      if (!(isNamesake ? hasPlace : hasCity)) continue;
      c.reason = c.street ? `${c.street}, place confirmed elsewhere` : "city mentioned";
    }
    const last = kept[kept.length - 1];
    if (last && c.offset < last.offset + last.length) continue;
    kept.push(c);
  }
  return kept.map((c) => ({
    alias: c.term.alias.id,
    text: original.slice(c.offset, c.offset + c.length),
    offset: c.offset,
    kind: c.term.alias.kind,
    reason: c.reason ?? "city mentioned",
  }));
}
