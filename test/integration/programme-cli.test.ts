/**
 * `haidang programme parse` and `programme import` as an operator runs them: parse prints the
 * contract JSON and never creates a database; a bad file exits 2 with one line; import commits
 * without review and reports near matches it kept as text.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { referenceProgrammePath } from "../../src/modules/demo/demo-programme.js";
import { ParsedProgrammeSchema } from "../../src/modules/import/parsed-programme.schema.js";
import { cliEnv, runCli } from "../support/cli.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";

describe("haidang programme parse", () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "haidang-cli-parse-")), "data");
  });
  afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

  it("prints the parsed programme as contract JSON, exits 0 and writes nothing", async () => {
    const env = cliEnv(dataDir, { kind: "sqlite", file: path.join(dataDir, "haidang.sqlite") });
    const r = await runCli(["programme", "parse", referenceProgrammePath(), "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    const parsed = ParsedProgrammeSchema.parse(JSON.parse(r.stdout));
    expect(parsed.tasks).toHaveLength(28);
    expect(parsed.document.number).toBe("02-CTr/BCĐ");
    // Not even the data directory exists afterwards.
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it.each([
    ["a missing file", "does-not-exist.txt", null],
    ["binary junk", "junk.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 9, 9, 9, 9])],
    ["an unsupported type", "programme.exe", Buffer.from("MZ\u0090\u0000binary")],
  ])("refuses %s with exit 2 and one line `code: message`", async (_label, name, bytes) => {
    const dir = path.dirname(dataDir);
    const file = path.join(dir, name as string);
    if (bytes) fs.writeFileSync(file, bytes as Buffer);
    const env = cliEnv(dataDir, { kind: "sqlite", file: path.join(dataDir, "haidang.sqlite") });
    const r = await runCli(["programme", "parse", file, "--json"], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^[a-z_]+: \S/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe.each(dialects())("haidang programme import on %s", (dialect) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterAll(async () => testDb?.drop());

  it("imports without review: the demo committee links, the near match stays text, a re-import is version 2", async () => {
    const env = cliEnv(testDb.dataDir, testDb.database);
    const seeded = await runCli(["seed-demo"], env);
    expect(seeded.code, seeded.stderr).toBe(0);
    const r = await runCli(["programme", "import", referenceProgrammePath()], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Programme [0-9a-f-]{36} \(02-CTr\/BCĐ, version 2\)/);
    expect(r.stdout).toMatch(/28 tasks/);
    expect(r.stdout).toMatch(/created 0 people, 0 units/);
    expect(r.stderr).toMatch(/near_match: “Đỗ Mạnh Hiếu” kept as text \(close to Đỗ Mạnh Hiến\)/);
  });
});
