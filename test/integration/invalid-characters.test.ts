/**
 * A NUL character or a lone UTF-16 surrogate in any string a client sends is refused at the edge
 * with 400 `invalid_characters`, on every route, before anything reaches the database (PostgreSQL
 * cannot store NUL in text; SQLite's search choked on it). The routes and their string fields are
 * read from the published API description, so a new route is covered without touching this file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/platform/policy/roles.js";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { dialects } from "../support/db.js";
import { buildSignedInUser, countRows, WRITE_TABLES } from "../support/factories.js";
import { type Client, type InjectResult, rawRequest, signIn } from "../support/http.js";

const DUMMY_ID = "00000000-0000-0000-0000-000000000000";
const NUL = "\u0000";
const LONE_SURROGATE = "\ud800";
/** The bytes a lone surrogate would have if UTF-8 allowed it: not a valid URL component. */
const LONE_SURROGATE_IN_URL = "%ED%A0%80";

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  minItems?: number;
  default?: unknown;
}
interface Parameter {
  in: "path" | "query" | "header";
  name: string;
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface ApiDocument {
  paths: Record<string, Record<string, Operation>>;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const first = (s: JsonSchema): JsonSchema => s.anyOf?.[0] ?? s.oneOf?.[0] ?? s;

/** A plausible value for a schema: valid enough that, without the guard, the text would reach the handler. */
function sample(raw: JsonSchema): unknown {
  const s = first(raw);
  if (s.enum?.length) return s.enum[0];
  const types = typesOf(s).filter((t) => t !== "null");
  const type = types[0] ?? (s.properties ? "object" : "string");
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(s.properties ?? {})) out[key] = sample(inner);
      return out;
    }
    case "array":
      return s.items ? [sample(s.items)] : [];
    case "integer":
    case "number":
      return typeof s.default === "number" ? s.default : Math.max(s.minimum ?? 1, 1);
    case "boolean":
      return false;
    default:
      if (s.format === "email") return "nguoi-dung@haiphong.gov.vn";
      if (s.format === "date") return "2024-06-30";
      if (s.format === "date-time") return "2024-06-30T08:00:00.000Z";
      if (s.format === "uuid") return DUMMY_ID;
      if (s.format === "uri") return "https://example.org/a";
      return "Văn bản thử";
  }
}

/** Paths (as key lists) of every string inside a sampled value. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [at];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...at, i]));
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...at, k]));
  return [];
}

function withValue(value: unknown, path: (string | number)[], replacement: string): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let cursor = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  cursor[last] = replacement;
  return copy;
}

const fillPath = (template: string, values: Record<string, string> = {}) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? DUMMY_ID);

describe.each(dialects())("invalid characters on %s", (dialect) => {
  let t: TestPlatform;
  let admin: Client;
  /** One account with every role, so no route answers 403 before its input is read. */
  let everyone: Client;
  let doc: ApiDocument;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect });
    admin = await signIn(t.platform.app, t.adminEmail, t.adminPassword);
    everyone = (await buildSignedInUser(t.platform, admin, { roles: [...ROLES] })).client;
    doc = (await rawRequest(t.platform.app, "GET", "/api/openapi.json")).body as ApiDocument;
  });
  afterAll(async () => t?.close());

  function expectRefused(res: InjectResult, what: string, field: string) {
    expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(400);
    const { error } = res.body as ErrorBody;
    expect(error.code, what).toBe("invalid_characters");
    expect(error.message, what).toMatch(/ký tự không hợp lệ/);
    expect(
      error.details?.map((d) => d.path),
      what,
    ).toContain(field);
  }

  it("refuses them in the sign-in form before authentication, in Vietnamese or English", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ email: `admin${NUL}@test.local`, password: "x" }, "email"],
      [{ email: t.adminEmail, password: `Admin-password${NUL}2024` }, "password"],
      [{ email: `admin${LONE_SURROGATE}@test.local`, password: "x" }, "email"],
      [{ email: t.adminEmail, password: `pass${LONE_SURROGATE}word-2024` }, "password"],
    ];
    for (const [body, field] of cases) {
      const res = await rawRequest(t.platform.app, "POST", "/api/auth/login", { body });
      expectRefused(res, `login ${field}`, field);
    }
    const en = await rawRequest(t.platform.app, "POST", "/api/auth/login", {
      body: { email: `a${NUL}@b.vn`, password: "x" },
      headers: { "accept-language": "en" },
    });
    expect((en.body as ErrorBody).error).toMatchObject({
      code: "invalid_characters",
      message: "Input contains an invalid character (NUL or broken Unicode); remove it and send again",
    });
  });

  it("refuses them in a monitoring search and a directory search", async () => {
    for (const url of ["/api/monitoring/items", "/api/units", "/api/people"]) {
      for (const q of [NUL, `cảng${NUL}`, `đường${NUL}phố`]) {
        const res = await everyone.request("GET", `${url}?q=${encodeURIComponent(q)}`);
        expectRefused(res, `${url}?q`, "querystring.q");
      }
    }
  });

  it("describes every /api route with parameters in the API document", () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    const withParams = t.platform.routes.filter((r) => r.url.startsWith("/api/") && r.url.includes(":"));
    expect(withParams.length).toBeGreaterThan(20);
    for (const r of withParams) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url}`);
  });

  it("refuses them in every path parameter, query parameter and body field of every route", async () => {
    const before = await countRows(t.platform, WRITE_TABLES);
    const wrong: string[] = [];
    let checked = 0;
    const check = (res: InjectResult, what: string, field: string) => {
      checked++;
      const error = (res.body as ErrorBody | null)?.error;
      const fine =
        res.status === 400 &&
        error?.code === "invalid_characters" &&
        (error.details ?? []).some((d) => d.path === field);
      if (!fine) wrong.push(`${what} → ${res.status} ${res.text.slice(0, 160)}`);
    };

    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const verb = method.toUpperCase() as "GET";
        if (!template.startsWith("/api/") || verb === ("HEAD" as string)) continue;
        const bodySchema = op.requestBody?.content["application/json"]?.schema;
        const body = bodySchema ? sample(bodySchema) : undefined;
        const params = op.parameters ?? [];
        const label = `${verb} ${template}`;

        for (const p of params.filter((x) => x.in === "path")) {
          for (const bad of [encodeURIComponent(`a${NUL}b`), LONE_SURROGATE_IN_URL]) {
            const url = fillPath(template, { [p.name]: bad });
            const res = await everyone.request(verb, url, body);
            check(
              res,
              `${label} path ${p.name}=${bad}`,
              bad === LONE_SURROGATE_IN_URL ? "url" : `params.${p.name}`,
            );
          }
        }
        for (const p of params.filter((x) => x.in === "query")) {
          const url = `${fillPath(template)}?${p.name}=${encodeURIComponent(`a${NUL}b`)}`;
          const res = await everyone.request(verb, url, body);
          check(res, `${label} query ${p.name}`, `querystring.${p.name}`);
          // Query strings arrive as UTF-8: a lone surrogate's bytes must not break anything either.
          const odd = await everyone.request(
            verb,
            `${fillPath(template)}?${p.name}=${LONE_SURROGATE_IN_URL}`,
            body,
          );
          if (odd.status >= 500) wrong.push(`${label} query ${p.name}=%ED%A0%80 → ${odd.status}`);
        }
        if (body !== undefined) {
          for (const path of stringPaths(body)) {
            for (const bad of [`Nội dung${NUL}`, `Nội dung${LONE_SURROGATE}`]) {
              const res = await everyone.request(verb, fillPath(template), withValue(body, path, bad));
              check(res, `${label} body ${path.join(".") || "(root)"}`, path.join(".") || "body");
            }
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(150);
    expect(await countRows(t.platform, WRITE_TABLES)).toEqual(before);
  });

  it("refuses a NUL hidden in an object key and in an array element", async () => {
    const key = await everyone.request("POST", "/api/units", { [`name${NUL}`]: "x", type: "department" });
    expect(key.status).toBe(400);
    expect((key.body as ErrorBody).error.code).toBe("invalid_characters");
    const item = await everyone.request("POST", "/api/users", {
      email: "moi@haiphong.gov.vn",
      displayName: "Mới",
      roles: ["viewer", `admin${NUL}`],
    });
    expectRefused(item, "roles[1]", "roles.1");
  });
});
