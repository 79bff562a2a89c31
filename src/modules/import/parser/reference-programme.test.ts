/**
 * The reference programme (Chương trình 02-CTr/BCĐ, Hải Phòng 2024) must come out exactly as the
 * hand-written golden file says, field by field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  compareToExpected,
  FIXTURES_DIR,
  readExpected,
  schemaErrors,
} from "../../../../test/fixtures/programmes/expectations.js";
import { parseProgrammeText } from "./index.js";

const text = readFileSync(`${FIXTURES_DIR}hai-phong-2024.txt`, "utf8");
const expected = readExpected("hai-phong-2024.expected.json") as Record<string, unknown>;

describe("reference programme 02-CTr/BCĐ", () => {
  const parsed = parseProgrammeText(text);

  it("matches the schema", () => {
    expect(schemaErrors(parsed)).toEqual([]);
  });

  for (const key of ["document", "citations", "sections", "signature", "recipients", "warnings"]) {
    it(`reads ${key} as the golden file says`, () => {
      expect(
        compareToExpected((parsed as unknown as Record<string, unknown>)[key], expected[key], key),
      ).toEqual([]);
    });
  }

  it("reads 9 general and 19 specific tasks", () => {
    expect(parsed.tasks.map((t) => t.ref)).toEqual([
      ...Array.from({ length: 9 }, (_, i) => `I.${i + 1}`),
      ...Array.from({ length: 19 }, (_, i) => `II.${i + 1}`),
    ]);
  });

  const expectedTasks = expected.tasks as Array<{ ref: string }>;
  for (const [i, task] of expectedTasks.entries()) {
    it(`reads task ${task.ref} field by field`, () => {
      expect(compareToExpected(parsed.tasks[i], task, task.ref)).toEqual([]);
    });
  }

  it("keeps the source's near-miss name instead of correcting it to the signer's", () => {
    expect(parsed.tasks.find((t) => t.ref === "II.2")?.leads[0]?.name).toBe("Đỗ Mạnh Hiếu");
    expect(parsed.signature?.name).toBe("Đỗ Mạnh Hiến");
  });

  it("gives the same result for NFD text with Windows line breaks and non-breaking spaces", () => {
    const messy = text
      .normalize("NFD")
      .replace(/\n/g, "\r\n")
      .replace(/Đồng chí /g, "Đồng chí\u00a0");
    expect(parseProgrammeText(messy)).toEqual(parsed);
  });
});
