import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileSerializer, serializableSchema } from "./serializer.js";

const Person = z.object({
  id: z.string(),
  fullName: z.string(),
  unitName: z.string().nullable(),
  isActive: z.boolean(),
  tags: z.array(z.string()),
  unit: z.object({ id: z.string() }).nullable(),
  note: z.string().optional(),
});
const person = {
  id: "p1",
  fullName: 'Nguyễn "Văn" <A>\u2028',
  unitName: null,
  isActive: true,
  tags: ["một", "hai"],
  unit: { id: "u1" },
};

describe("response serializer", () => {
  it("writes what JSON.stringify writes for a declared shape, nullable fields included", () => {
    const write = compileSerializer(Person, { check: false });
    expect(JSON.parse(write(person))).toEqual(person);
    expect(JSON.parse(write({ ...person, unit: null, note: "ghi chú" }))).toEqual({
      ...person,
      unit: null,
      note: "ghi chú",
    });
    expect(serializableSchema(Person)).not.toBeNull();
  });

  it("sends only the declared fields", () => {
    const write = compileSerializer(Person, { check: false });
    expect(JSON.parse(write({ ...person, passwordHash: "secret" }))).not.toHaveProperty("passwordHash");
  });

  it("keeps JSON.stringify for unions it would not write exactly", () => {
    const Union = z.union([z.object({ kind: z.literal("a"), a: z.string() }), z.object({ b: z.number() })]);
    expect(serializableSchema(Union)).toBeNull();
    const write = compileSerializer(Union, { check: true });
    expect(write({ b: 2, extra: 1 })).toBe('{"b":2,"extra":1}');
  });

  it("in check mode, refuses a body that its schema would write differently", () => {
    const write = compileSerializer(Person, { check: true });
    expect(() => write(person)).not.toThrow();
    expect(() => write({ ...person, passwordHash: "secret" })).toThrow(/does not match its schema/);
    expect(() => write({ ...person, isActive: 1 })).toThrow(/does not match its schema/);
    // fast-json-stringify itself refuses a value that fits none of a field's types.
    expect(() => write({ ...person, unitName: 5 })).toThrow(/unitName/);
  });
});
