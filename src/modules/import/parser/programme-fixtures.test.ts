/**
 * Every fixture document (text, Markdown, Word, PDF, flattened copy-paste, TCVN3, VNI) is read through
 * `parseProgrammeFile` and compared with its hand-written expectation, field by field.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  compareToExpected,
  FIXTURES_DIR,
  readExpected,
  schemaErrors,
} from "../../../../test/fixtures/programmes/expectations.js";
import { foldStrings, omitKeys, PROGRAMME_FIXTURES } from "../../../../test/fixtures/programmes/fixtures.js";
import { ParsedProgrammeSchema } from "../parsed-programme.schema.js";
import { parseProgrammeFile } from "./index.js";

const read = (file: string) => ({
  bytes: new Uint8Array(readFileSync(`${FIXTURES_DIR}${file}`)),
  filename: file,
});

describe("programme fixtures", () => {
  for (const fixture of PROGRAMME_FIXTURES) {
    it(`${fixture.file} reads as ${fixture.expected} says`, async () => {
      const { programme, extractedText } = await parseProgrammeFile(read(fixture.file));
      expect(schemaErrors(programme)).toEqual([]);
      // The import service re-checks parser output with its zod mirror of the contract; it must accept it too.
      expect(ParsedProgrammeSchema.safeParse(programme).success).toBe(true);
      let expected = omitKeys(readExpected(fixture.expected), fixture.omit ?? []);
      let actual: unknown = programme;
      if (fixture.folded) {
        expected = foldStrings(expected);
        actual = foldStrings(actual);
      }
      expect(compareToExpected(actual, expected)).toEqual([]);
      const lines = extractedText.split("\n");
      for (const task of programme.tasks) {
        expect(task.source.lineStart).toBeGreaterThanOrEqual(1);
        expect(task.source.lineEnd).toBeLessThanOrEqual(lines.length);
      }
    });
  }

  it("a truncated programme yields what is there and says what is missing", async () => {
    const { programme } = await parseProgrammeFile(read("hai-phong-2024.truncated.txt"));
    const expected = readExpected("hai-phong-2024.truncated.expected.json") as Record<string, unknown>;
    expect(schemaErrors(programme)).toEqual([]);
    expect(compareToExpected(programme.document, expected.document)).toEqual([]);
    expect(compareToExpected(programme.sections, expected.sections)).toEqual([]);
    expect(programme.tasks.map((t) => t.ref)).toEqual(expected.taskRefs);
    expect(compareToExpected(programme.tasks.at(-1), expected.lastTask)).toEqual([]);
    expect(programme.signature).toBeNull();
    expect(programme.recipients).toEqual([]);
    expect(compareToExpected(programme.warnings, expected.warnings)).toEqual([]);
  });

  it("points task sources at the lines of the extracted Word text", async () => {
    const { programme, extractedText } = await parseProgrammeFile(read("task-table-2024.docx"));
    const lines = extractedText.split("\n");
    const task = programme.tasks.find((t) => t.ref === "II.2");
    expect(lines[(task?.source.lineStart ?? 0) - 1]).toContain("Tổ chức tập huấn nghiệp vụ");
  });
});
