/**
 * Response bodies. A route that declares a response schema is serialised by fast-json-stringify,
 * compiled from that schema on first use (Fastify's own serializer; about 30 % less time than
 * JSON.stringify for a 50-row page, bench/RESULTS.md "Platform"). It writes only the declared
 * fields, so a presenter cannot leak a column by accident. Schemas it would not write exactly
 * (unions other than "X or null", references) keep JSON.stringify.
 *
 * With `check` on (the test suites), every body is also written with JSON.stringify and both must
 * read back as the same value: a presenter and its schema cannot drift apart unnoticed.
 */
import { isDeepStrictEqual } from "node:util";
import fastJson from "fast-json-stringify";
import { z } from "zod";

type JsonSchema = Record<string, unknown>;
type Serialize = (data: unknown) => string;

const UNSUPPORTED = ["anyOf", "oneOf", "allOf", "not", "if", "$ref", "patternProperties"];

/**
 * The schema fast-json-stringify should compile, or null when it would not write the data exactly
 * as JSON.stringify does. "X or null" (Zod's `.nullable()`) becomes `type: [X, "null"]`.
 */
export function serializableSchema(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, {
      target: "draft-7",
      io: "output",
      unrepresentable: "throw",
    }) as JsonSchema;
  } catch {
    return null;
  }
  delete json.$schema;
  return normalise(json);
}

function normalise(node: unknown): JsonSchema | null {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return null;
  const out: JsonSchema = { ...(node as JsonSchema) };
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nullIndex = anyOf.findIndex((s) => isDeepStrictEqual(s, { type: "null" }));
    const other = anyOf[1 - nullIndex] as JsonSchema | undefined;
    if (nullIndex !== -1 && other && typeof other.type === "string" && !("anyOf" in other)) {
      delete out.anyOf;
      Object.assign(out, other, { type: [other.type, "null"] });
    }
  }
  if (UNSUPPORTED.some((k) => k in out)) return null;
  if (out.properties) {
    const properties: JsonSchema = {};
    for (const [name, child] of Object.entries(out.properties as JsonSchema)) {
      const normalised = normalise(child);
      if (!normalised) return null;
      properties[name] = normalised;
    }
    out.properties = properties;
  }
  for (const key of ["items", "additionalProperties"] as const) {
    const child = out[key];
    if (typeof child === "object" && child !== null) {
      const normalised = normalise(child);
      if (!normalised) return null;
      out[key] = normalised;
    }
  }
  return out;
}

/** The serializer for one route's response schema (compiled on the first response it writes). */
export function compileSerializer(schema: unknown, options: { check: boolean }): Serialize {
  let compiled: Serialize | null = null;
  let json: JsonSchema | null | undefined;
  const serialize: Serialize = (data) => {
    if (json === undefined) {
      json = serializableSchema(schema);
      if (json) compiled = fastJson(json) as Serialize;
    }
    return compiled ? compiled(data) : JSON.stringify(data);
  };
  if (!options.check) return serialize;
  return (data) => {
    const body = serialize(data);
    const expected = JSON.stringify(data);
    if (!isDeepStrictEqual(JSON.parse(body), expected === undefined ? undefined : JSON.parse(expected))) {
      throw new Error(
        `Response does not match its schema: schema-written ${body.slice(0, 500)} ≠ ${expected?.slice(0, 500)}`,
      );
    }
    return body;
  };
}
