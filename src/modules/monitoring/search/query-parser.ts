/**
 * The monitoring search language, parsed into an AST that the index implementations compile with bound
 * parameters (user text never becomes SQL or FTS syntax).
 *
 * Syntax: words (implicit AND), `AND`, `OR`, `NOT` / `-word`, parentheses, "exact phrases",
 * `NEAR(cảng hải phòng, 5)` or `a NEAR/5 b` (terms at most N words apart), and field filters
 * `lang:en`, `country:VN`, `source:<id or name>`, `topic:tourism`, `tone:negative`,
 * `date:2024-01-01..2024-06-30` (either end may be left open). Filters apply to the whole query.
 *
 * @example parseQuery('"cảng Lạch Huyện" OR NEAR(hải phòng đầu tư, 5) -xổ lang:vi date:2024-01-01..')
 */
import { monitoringServiceErrors } from "../monitoring.errors.js";

/** One node of a parsed query. */
export type QueryNode =
  | { kind: "term"; text: string }
  | { kind: "phrase"; text: string }
  | { kind: "near"; terms: string[]; distance: number }
  | { kind: "and"; children: QueryNode[] }
  | { kind: "or"; children: QueryNode[] }
  | { kind: "not"; child: QueryNode };

/** Field filters found in the query. */
export interface QueryFilters {
  lang?: string[];
  country?: string[];
  source?: string[];
  topic?: string[];
  tone?: string[];
  dateFrom?: string;
  dateTo?: string;
}

export interface ParsedQuery {
  /** null when the query has only filters. */
  ast: QueryNode | null;
  filters: QueryFilters;
}

export const MAX_QUERY_LENGTH = 1000;
const MAX_TERMS = 64;
const MAX_DEPTH = 16;
export const DEFAULT_NEAR_DISTANCE = 10;
export const MAX_NEAR_DISTANCE = 50;
const FIELDS = new Set(["lang", "country", "source", "topic", "tone", "date"]);

type Token =
  | { t: "word"; v: string; pos: number }
  | { t: "phrase"; v: string; pos: number }
  | { t: "field"; name: string; v: string; pos: number }
  | { t: "lparen" | "rparen" | "comma" | "and" | "or" | "not" | "minus"; pos: number }
  | { t: "near"; distance: number | null; pos: number };

function fail(message: string, pos: number): never {
  throw monitoringServiceErrors.queryInvalid({
    meta: { position: pos, reason: message },
    details: [{ path: "q", message: `${message} (position ${pos + 1})` }],
  });
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (start: number): string => {
    const end = input.indexOf('"', start + 1);
    if (end < 0) fail("unclosed quote", start);
    return input.slice(start + 1, end);
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const pos = i;
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ t: ch === "(" ? "lparen" : ch === ")" ? "rparen" : "comma", pos });
      i++;
      continue;
    }
    if (ch === '"') {
      const v = readQuoted(i);
      tokens.push({ t: "phrase", v, pos });
      i += v.length + 2;
      continue;
    }
    if (ch === "-" && i + 1 < input.length && !/[\s)]/.test(input[i + 1] as string)) {
      tokens.push({ t: "minus", pos });
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && !/[\s(),"]/.test(input[j] as string)) j++;
    const word = input.slice(i, j);
    i = j;
    const field = /^([a-z]+):(.*)$/.exec(word);
    if (field && FIELDS.has(field[1] as string)) {
      let value = field[2] as string;
      if (value === "" && input[i] === '"') {
        value = readQuoted(i);
        i += value.length + 2;
      }
      if (!value.trim()) fail(`empty value for ${field[1]}:`, pos);
      tokens.push({ t: "field", name: field[1] as string, v: value.trim(), pos });
      continue;
    }
    if (word === "AND" || word === "OR" || word === "NOT") {
      tokens.push({ t: word === "AND" ? "and" : word === "OR" ? "or" : "not", pos });
      continue;
    }
    const near = /^NEAR(?:\/(\d+))?$/.exec(word);
    if (near) {
      tokens.push({ t: "near", distance: near[1] ? Number(near[1]) : null, pos });
      continue;
    }
    tokens.push({ t: "word", v: word, pos });
  }
  return tokens;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function addFilter(filters: QueryFilters, name: string, value: string, pos: number): void {
  if (name === "date") {
    const [from, to, extra] = value.includes("..") ? value.split("..") : [value, value];
    if (extra !== undefined) fail("date range must be FROM..TO", pos);
    if (from && !ISO_DATE.test(from)) fail("dates are written YYYY-MM-DD", pos);
    if (to && !ISO_DATE.test(to)) fail("dates are written YYYY-MM-DD", pos);
    if (!from && !to) fail("empty date range", pos);
    if (from) filters.dateFrom = from;
    if (to) filters.dateTo = to;
    return;
  }
  const key = name as Exclude<keyof QueryFilters, "dateFrom" | "dateTo">;
  const normalised =
    name === "country" ? value.toUpperCase() : name === "source" ? value : value.toLowerCase();
  filters[key] = [...(filters[key] ?? []), normalised];
}

/** Parses a query; throws `monitoring_query_invalid` with the position of the problem. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY_LENGTH) fail(`query longer than ${MAX_QUERY_LENGTH} characters`, 0);
  const tokens = tokenize(input);
  const filters: QueryFilters = {};
  let k = 0;
  let termCount = 0;
  const peek = () => tokens[k];
  const countTerm = (pos: number) => {
    if (++termCount > MAX_TERMS) fail(`more than ${MAX_TERMS} terms`, pos);
  };

  function parseOr(depth: number): QueryNode | null {
    if (depth > MAX_DEPTH) fail("too deeply nested", peek()?.pos ?? input.length);
    const children: QueryNode[] = [];
    for (;;) {
      const node = parseAnd(depth);
      if (node) children.push(node);
      else if (peek()?.t === "or") fail("OR needs a term on both sides", peek()?.pos ?? 0);
      if (peek()?.t !== "or") break;
      const orPos = peek()?.pos ?? 0;
      k++;
      if (!peek() || peek()?.t === "rparen" || peek()?.t === "or")
        fail("OR needs a term on both sides", orPos);
    }
    if (children.length > 1 && children.some(isNegativeOnly))
      fail("NOT inside OR needs a positive term beside it", 0);
    return children.length === 0
      ? null
      : children.length === 1
        ? (children[0] as QueryNode)
        : { kind: "or", children };
  }

  function parseAnd(depth: number): QueryNode | null {
    const children: QueryNode[] = [];
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === "or" || tok.t === "rparen" || tok.t === "comma") break;
      if (tok.t === "and") {
        k++;
        continue;
      }
      const node = parseUnary(depth);
      if (node) children.push(node);
    }
    return children.length === 0
      ? null
      : children.length === 1
        ? (children[0] as QueryNode)
        : { kind: "and", children };
  }

  function parseUnary(depth: number): QueryNode | null {
    const tok = peek() as Token;
    if (tok.t === "not" || tok.t === "minus") {
      k++;
      const next = peek();
      if (!next || next.t === "rparen" || next.t === "or") fail("NOT needs a term after it", tok.pos);
      if (next.t === "field") fail("field filters cannot be negated", next.pos);
      const child = parseUnary(depth + 1);
      if (!child) fail("NOT needs a term after it", tok.pos);
      return child.kind === "not" ? child.child : { kind: "not", child };
    }
    let node = parsePrimary(depth);
    // `a NEAR/5 b NEAR/5 c`: one proximity group, the smallest distance wins.
    while (node && peek()?.t === "near" && tokens[k + 1]?.t !== "lparen") {
      const nearTok = peek() as Extract<Token, { t: "near" }>;
      if (node.kind !== "term" && node.kind !== "phrase" && node.kind !== "near")
        fail("NEAR joins words or phrases", nearTok.pos);
      k++;
      const right = parsePrimary(depth);
      if (!right || (right.kind !== "term" && right.kind !== "phrase"))
        fail("NEAR needs a word after it", nearTok.pos);
      const distance = clampDistance(nearTok.distance ?? DEFAULT_NEAR_DISTANCE, nearTok.pos);
      node =
        node.kind === "near"
          ? { kind: "near", terms: [...node.terms, right.text], distance: Math.min(node.distance, distance) }
          : { kind: "near", terms: [node.text, right.text], distance };
    }
    return node;
  }

  function parsePrimary(depth: number): QueryNode | null {
    const tok = peek();
    if (!tok) return null;
    k++;
    switch (tok.t) {
      case "word":
        countTerm(tok.pos);
        return { kind: "term", text: tok.v };
      case "phrase":
        if (!tok.v.trim()) return null;
        countTerm(tok.pos);
        return { kind: "phrase", text: tok.v.trim() };
      case "field":
        addFilter(filters, tok.name, tok.v, tok.pos);
        return null;
      case "lparen": {
        const inner = parseOr(depth + 1);
        if (peek()?.t !== "rparen") fail("missing closing parenthesis", tok.pos);
        k++;
        return inner;
      }
      case "near":
        return parseNearCall(tok);
      case "rparen":
        return fail("unexpected closing parenthesis", tok.pos);
      default:
        return fail("unexpected operator", tok.pos);
    }
  }

  function parseNearCall(tok: Extract<Token, { t: "near" }>): QueryNode {
    if (peek()?.t !== "lparen") fail("NEAR is written NEAR(word word, N) or a NEAR/N b", tok.pos);
    k++;
    const terms: string[] = [];
    let distance = tok.distance ?? DEFAULT_NEAR_DISTANCE;
    for (;;) {
      const t = peek();
      if (!t) fail("missing closing parenthesis after NEAR(", tok.pos);
      k++;
      if (t.t === "rparen") break;
      if (t.t === "word" || t.t === "phrase") {
        countTerm(t.pos);
        if (t.v.trim()) terms.push(t.v.trim());
      } else if (t.t === "comma") {
        const n = peek();
        if (n?.t !== "word" || !/^\d+$/.test(n.v)) fail("NEAR distance must be a number", t.pos);
        distance = clampDistance(Number(n.v), n.pos);
        k++;
      } else fail("NEAR( ) takes words, phrases and a distance", t.pos);
    }
    if (terms.length < 2) fail("NEAR needs at least two terms", tok.pos);
    return { kind: "near", terms, distance };
  }

  const ast = parseOr(0);
  if (k < tokens.length) fail("unexpected text", (tokens[k] as Token).pos);
  return { ast, filters };
}

function clampDistance(n: number, pos: number): number {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NEAR_DISTANCE)
    fail(`NEAR distance must be 0–${MAX_NEAR_DISTANCE}`, pos);
  return n;
}

/** True when a node matches only by excluding (`NOT a`, `-a -b`). */
export function isNegativeOnly(node: QueryNode): boolean {
  if (node.kind === "not") return true;
  if (node.kind === "and") return node.children.every(isNegativeOnly);
  return false;
}

/** Help text for the syntax endpoint (vi and en). */
export const QUERY_SYNTAX_HELP = [
  {
    syntax: "cảng hải phòng",
    vi: "Tất cả các từ (không phân biệt dấu, đ/d)",
    en: "All words (accent- and đ/d-insensitive)",
  },
  { syntax: '"cảng Lạch Huyện"', vi: "Cụm từ chính xác", en: "Exact phrase" },
  { syntax: "du lịch OR tourism", vi: "Một trong các từ", en: "Either term" },
  { syntax: "hải phòng NOT bóng đá / -bóng", vi: "Loại trừ", en: "Exclude" },
  { syntax: "(a OR b) AND c", vi: "Nhóm điều kiện", en: "Grouping" },
  {
    syntax: "NEAR(cảng hải phòng, 5) / cảng NEAR/5 container",
    vi: "Các từ cách nhau tối đa N từ",
    en: "Terms at most N words apart",
  },
  {
    syntax: "lang:en country:VN source:<id|tên> topic:tourism tone:negative",
    vi: "Lọc theo trường",
    en: "Field filters",
  },
  {
    syntax: "date:2024-01-01..2024-06-30",
    vi: "Khoảng ngày đăng (có thể bỏ trống một đầu)",
    en: "Published date range (either end optional)",
  },
] as const;
