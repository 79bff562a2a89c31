/**
 * A small evaluator for the Python expressions in feedparser's `Expect:` lines (comparisons, `and`/`or`/`not`,
 * indexing, literals of str/int/tuple/dict/list): enough to check the project's fields against them.
 * Names are resolved by the caller's `Env`; a name the project does not map throws `Unmapped`.
 */
export type Py = string | number | boolean | null | Py[] | PyTuple | PyDict | Special;
export interface PyDict {
  kind: "dict";
  entries: Map<string, Py>;
}
export interface PyTuple {
  kind: "tuple";
  items: Py[];
}
/** A value from the project that compares the way the mapping says (text, instant, format, charset). */
export interface Special {
  kind: "special";
  compare: (other: Py) => boolean;
  value: unknown;
}
export class Unmapped extends Error {}

export type Token =
  | { t: "str"; v: string }
  | { t: "num"; v: number }
  | { t: "name"; v: string }
  | { t: "op"; v: string };

export function unescapePython(body: string): string {
  return body.replace(
    /\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\\'"nrt0]|\n)/g,
    (_, e: string) => {
      if (e[0] === "x" || e[0] === "u" || e[0] === "U")
        return String.fromCodePoint(Number.parseInt(e.slice(1), 16));
      return { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t", "0": "\0", "\n": "" }[e] ?? e;
    },
  );
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const str = /^[uUbBrR]?(['"])/.exec(src.slice(i, i + 2));
    if (str && (c === "'" || c === '"' || /['"]/.test(src[i + 1] ?? ""))) {
      const quote = str[1] as string;
      const isRaw = /[rR]/.test(c);
      let j = i + str[0].length;
      let body = "";
      while (j < src.length && src[j] !== quote) {
        if (src[j] === "\\") {
          body += src.slice(j, j + 2);
          j += 2;
        } else body += src[j++];
      }
      tokens.push({ t: "str", v: isRaw ? body : unescapePython(body) });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num && (c !== "-" || tokens.length === 0 || tokens[tokens.length - 1]?.t === "op")) {
      tokens.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      tokens.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = /^(==|!=|<=|>=|[[\](){}.,:<>%+-])/.exec(src.slice(i));
    if (!op) throw new Error(`cannot read ${src.slice(i, i + 10)}`);
    tokens.push({ t: "op", v: op[0] });
    i += op[0].length;
  }
  return tokens;
}

export type Env = (name: string) => Py;

export class Evaluator {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly env: Env,
  ) {}
  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
  private isOp(v: string) {
    const t = this.peek();
    return t !== undefined && (t.t === "op" || t.t === "name") && String(t.v) === v;
  }
  private expect(v: string) {
    if (!this.isOp(v)) throw new Error(`expected ${v}`);
    this.pos++;
  }
  parseAll(): Py {
    const value = this.or();
    if (this.pos < this.tokens.length) throw new Error("trailing tokens");
    return value;
  }
  or(): Py {
    let left = this.and();
    while (this.isOp("or")) {
      this.pos++;
      const right = this.and();
      left = truthy(left) ? left : right;
    }
    return left;
  }
  and(): Py {
    let left = this.not();
    while (this.isOp("and")) {
      this.pos++;
      const right = this.not();
      left = truthy(left) ? right : left;
    }
    return left;
  }
  not(): Py {
    if (this.isOp("not")) {
      this.pos++;
      return !truthy(this.not());
    }
    return this.comparison();
  }
  comparison(): Py {
    let left = this.primary();
    let result: boolean | null = null;
    for (;;) {
      const t = this.peek();
      if (
        !t ||
        t.t === "str" ||
        t.t === "num" ||
        !["==", "!=", "in", "not", "<", ">", "<=", ">="].includes(t.v)
      )
        break;
      let op: string = t.v;
      this.pos++;
      if (op === "not") {
        this.expect("in");
        op = "not in";
      }
      const right = this.primary();
      const ok = compare(op, left, right);
      result = result === null ? ok : result && ok;
      left = right;
    }
    return result === null ? left : result;
  }
  primary(): Py {
    const t = this.peek();
    if (!t) throw new Error("unexpected end");
    let value: Py;
    if (t.t === "str") {
      this.pos++;
      value = t.v;
      while (this.peek()?.t === "str") value += (this.tokens[this.pos++] as { v: string }).v;
    } else if (t.t === "num") {
      this.pos++;
      value = t.v;
    } else if (t.t === "op" && t.v === "(") {
      this.pos++;
      const items: Py[] = [];
      let isTuple = false;
      while (!this.isOp(")")) {
        items.push(this.or());
        if (this.isOp(",")) {
          isTuple = true;
          this.pos++;
        }
      }
      this.pos++;
      value = isTuple || items.length === 0 ? { kind: "tuple", items } : (items[0] as Py);
    } else if (t.t === "op" && t.v === "[") {
      this.pos++;
      const items: Py[] = [];
      while (!this.isOp("]")) {
        items.push(this.or());
        if (this.isOp(",")) this.pos++;
      }
      this.pos++;
      value = items;
    } else if (t.t === "op" && t.v === "{") {
      this.pos++;
      const entries = new Map<string, Py>();
      while (!this.isOp("}")) {
        const key = this.or();
        this.expect(":");
        entries.set(String(key), this.or());
        if (this.isOp(",")) this.pos++;
      }
      this.pos++;
      value = { kind: "dict", entries };
    } else if (t.t === "name") {
      this.pos++;
      if (t.v === "True" || t.v === "False") value = t.v === "True";
      else if (t.v === "None") value = null;
      else if (t.v === "time" && this.isOp(".")) {
        this.pos += 2; // time.struct_time(...)
        this.expect("(");
        value = this.or();
        this.expect(")");
      } else if (["len", "ord", "isinstance", "int", "float", "str", "repr", "type"].includes(t.v)) {
        throw new Unmapped(t.v);
      } else value = this.env(t.v);
    } else throw new Error(`unexpected ${t.v}`);
    // Subscripts, attributes and method calls.
    for (;;) {
      if (this.isOp("[")) {
        this.pos++;
        const key = this.or();
        this.expect("]");
        value = index(value, key);
      } else if (this.isOp(".") && this.tokens[this.pos + 1]?.t === "name") {
        const name = (this.tokens[this.pos + 1] as { v: string }).v;
        this.pos += 2;
        if (this.isOp("(")) {
          if (name !== "get") throw new Unmapped(name);
          this.pos++;
          const key = this.or();
          let fallback: Py = null;
          if (this.isOp(",")) {
            this.pos++;
            fallback = this.or();
          }
          this.expect(")");
          try {
            value = index(value, key);
          } catch (err) {
            if (err instanceof Unmapped) throw err;
            value = fallback;
          }
        } else value = index(value, name);
      } else break;
    }
    return value;
  }
}

export function truthy(v: Py): boolean {
  if (v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object" && v.kind === "tuple") return v.items.length > 0;
  if (typeof v === "object" && v.kind === "dict") return v.entries.size > 0;
  if (typeof v === "object" && v.kind === "special") return Boolean(v.value);
  return true;
}

export function index(v: Py, key: Py): Py {
  if (Array.isArray(v) && typeof key === "number") {
    const item = v[key < 0 ? v.length + key : key];
    if (item === undefined) throw new Error("index out of range");
    return item;
  }
  if (v !== null && typeof v === "object" && !Array.isArray(v) && v.kind === "dict") {
    const k = String(key);
    if (!v.entries.has(k)) throw new Unmapped(k);
    return v.entries.get(k) as Py;
  }
  throw new Unmapped(String(key));
}

export function equal(a: Py, b: Py): boolean {
  if (a !== null && typeof a === "object" && !Array.isArray(a) && a.kind === "special") return a.compare(b);
  if (b !== null && typeof b === "object" && !Array.isArray(b) && b.kind === "special") return b.compare(a);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => equal(x, b[i] as Py));
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const ta = a as PyTuple;
    const tb = b as PyTuple;
    if (ta.kind === "tuple" && tb.kind === "tuple")
      return ta.items.length === tb.items.length && ta.items.every((x, i) => equal(x, tb.items[i] as Py));
    return false;
  }
  return a === b;
}

export function compare(op: string, a: Py, b: Py): boolean {
  switch (op) {
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "in":
    case "not in": {
      let found: boolean;
      if (typeof b === "string" && typeof a === "string") found = b.includes(a);
      else if (b !== null && typeof b === "object" && !Array.isArray(b) && b.kind === "special")
        found = b.compare({ kind: "tuple", items: [a] });
      else if (Array.isArray(b)) found = b.some((x) => equal(a, x));
      else throw new Unmapped("in");
      return op === "in" ? found : !found;
    }
    default:
      throw new Unmapped(op);
  }
}
