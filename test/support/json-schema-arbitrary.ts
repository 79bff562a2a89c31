/**
 * fast-check arbitraries built from the JSON schemas of the OpenAPI document: values the schema
 * accepts, values it should refuse (one field broken at a time), and hostile text that a careless
 * edge lets through to the database (NUL, lone surrogates, right-to-left marks, 1 MB strings, deep
 * nesting, numbers at and past their limits).
 */
import fc from "fast-check";

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

const ONE_MB = "é".repeat(512 * 1024);

/** Text that has broken servers before. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "\u202Eevil\u202C",
    "\u200F\u061C\u2067 RTL",
    "Ha\u0300\u0309i",
    "%",
    "_",
    "\\",
    "' OR 1=1 --",
    '"; DROP TABLE users; --',
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "NEAR/0 AND (",
    '"unterminated',
    "-1",
    "1e309",
    "9007199254740993",
    "0x10",
    "NaN",
    "null",
    "",
    " ",
    "\t\r\n",
    "😀".repeat(300),
    ONE_MB,
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

/** A JSON value nested `depth` levels deep (objects and arrays alternately). */
export function deeplyNested(depth: number): unknown {
  let value: unknown = "đáy";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

const dateArb = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

function stringArb(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, Math.max(min, 40));
  if (schema.format === "date") return dateArb.map((s) => s.slice(0, 10));
  if (schema.format === "date-time") return dateArb;
  if (schema.format === "email") return fc.emailAddress();
  if (schema.format === "uri" || schema.format === "url") return fc.webUrl();
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((s) => s.length >= min && (schema.maxLength === undefined || s.length <= schema.maxLength));
  }
  return fc.string({ unit: "grapheme", minLength: min, maxLength: max });
}

function numberArb(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6);
  const edges = fc.constantFrom(min, max);
  if (isInteger) return fc.oneof(edges, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
  return fc.oneof(edges, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** Short hostile text that still fits most free-text fields: it passes the schema and reaches the services. */
const HOSTILE_FITTING = [
  "a\u0000b",
  "\u0000",
  "x\uD800",
  "\uDC00y",
  "\u202Eevil\u202C",
  "\u200F\u061C RTL",
  "Ha\u0300\u0309i",
  "%_\\",
  "' OR 1=1 --",
  '"(NEAR/0',
  "😀",
];

/**
 * Values the schema accepts (as far as JSON schema says; the service may still refuse them). With
 * `hostile`, free-text strings are often hostile text that fits the schema.
 */
export function validArb(schema: JsonSchema | undefined, depth = 0, hostile = false): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArb(s, depth + 1, hostile)));
  if (schema.allOf) return validArb(Object.assign({}, ...schema.allOf) as JsonSchema, depth + 1, hostile);
  const types = typesOf(schema);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => validOfType(schema, type, depth, hostile)));
}

function validOfType(
  schema: JsonSchema,
  type: string,
  depth: number,
  hostile: boolean,
): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      if (hostile && !schema.format && !schema.pattern) {
        const fits = HOSTILE_FITTING.filter(
          (h) =>
            h.length >= (schema.minLength ?? 0) && h.length <= (schema.maxLength ?? Number.MAX_SAFE_INTEGER),
        );
        if (fits.length > 0)
          return fc.oneof(
            { weight: 2, arbitrary: fc.constantFrom(...fits) },
            { weight: 1, arbitrary: stringArb(schema) },
          );
      }
      return stringArb(schema);
    case "integer":
      return numberArb(schema, true);
    case "number":
      return numberArb(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(validArb(schema.items, depth + 1, hostile), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, child] of Object.entries(properties))
        record[name] = validArb(child, depth + 1, hostile);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in properties) });
    }
    default:
      return fc.constant(null);
  }
}

/** A value of the wrong kind, or of the right kind past its limits, or hostile text. */
export function invalidArb(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const types = schema ? typesOf(schema) : [];
  const options: fc.Arbitrary<unknown>[] = [
    hostileString,
    fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53 + 1, -(2 ** 63), 1e308, [], {}, ["x"], { $ne: 1 }),
    fc.constant(deeplyNested(2000)),
  ];
  if (schema && (types.includes("integer") || types.includes("number"))) {
    const limits = [schema.minimum, schema.maximum].filter((n): n is number => n !== undefined);
    options.push(fc.constantFrom(...limits.flatMap((n) => [n - 1, n + 1, n + 0.5]), -0));
  }
  if (schema && types.includes("string")) {
    // One past the limit, for limits a request body can carry; above 1 MB (uploads: up to 200 M characters)
    // the route's body limit answers first, and a string that long only exhausts the test process's memory
    // (the OCR upload's once did, 4 GB, when the seed's stream happened to pick it).
    if (schema.maxLength !== undefined && schema.maxLength < 1_000_000)
      options.push(fc.constant("ư".repeat(schema.maxLength + 1)));
    if (schema.minLength) options.push(fc.constant(""));
    if (schema.format === "date") options.push(fc.constantFrom("2024-02-30", "2024-13-01", "0000-00-00"));
  }
  if (schema?.enum) options.push(fc.constant("khong_co_trong_danh_sach"));
  return fc.oneof(...options);
}

/** An object for the schema with one property broken, one required property dropped, or one unknown. */
export function brokenObjectArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = Object.keys(schema.properties ?? {});
  const valid = validArb(schema) as fc.Arbitrary<Record<string, unknown>>;
  const options: fc.Arbitrary<unknown>[] = [
    fc
      .tuple(valid, fc.constantFrom("__proto__", "constructor", "khongCo", "\u0000"), hostileString)
      .map(([value, key, junk]) => ({ ...(typeof value === "object" && value ? value : {}), [key]: junk })),
    invalidArb(schema),
  ];
  if (properties.length > 0) {
    options.push(
      fc
        .constantFrom(...properties)
        .chain((p) => fc.tuple(valid, fc.constant(p), invalidArb(schema.properties?.[p])))
        .map(([value, key, junk]) => ({ ...(typeof value === "object" && value ? value : {}), [key]: junk })),
    );
  }
  for (const name of schema.required ?? []) {
    options.push(
      valid.map((value) => {
        const copy = { ...(typeof value === "object" && value ? value : {}) };
        delete copy[name];
        return copy;
      }),
    );
  }
  return fc.oneof(...options);
}
