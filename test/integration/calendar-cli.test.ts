/**
 * `haidang calendar lunar|solar` as an operator runs it: JSON in the documented shape, the Vietnamese
 * (not Chinese) dates, and exit 2 with one line `code: message` for a lunar date that does not exist.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliEnv, runCli } from "../support/cli.js";

const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "haidang-cli-calendar-")), "data");
const env = cliEnv(dataDir, { kind: "sqlite", file: path.join(dataDir, "haidang.sqlite") });
afterAll(() => fs.rmSync(path.dirname(dataDir), { recursive: true, force: true }));

describe("haidang calendar", () => {
  it("prints the lunar date of a solar day as JSON", async () => {
    const r = await runCli(["calendar", "lunar", "2025-08-22", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      solar: "2025-08-22",
      lunar: { year: 2025, month: 6, day: 29, leap: true },
      yearName: "Ất Tỵ",
    });
    // Pure computation: no database is created.
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it("gives the Vietnamese Tết of 1985, a month before the Chinese one", async () => {
    const r = await runCli(["calendar", "solar", "1985-01-01", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ solar: "1985-01-21" });
  });

  it("finds a leap-month day with --leap", async () => {
    const r = await runCli(["calendar", "solar", "2023-02-01", "--leap", "--json"], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ solar: "2023-03-22" });
  });

  it.each([
    ["a leap month in a year without it", ["2024-06-01", "--leap"], /không có tháng 6 nhuận/],
    ["day 30 of a 29-day month", ["2025-06-30", "--leap"], /không có ngày 30/],
    ["month 13", ["2025-13-01"], /ngoài phạm vi/],
    ["a malformed date", ["25/6/2025"], /YYYY-MM-DD/],
  ])("exits 2 with one line for %s", async (_label, args, message) => {
    const r = await runCli(["calendar", "solar", ...args, "--json"], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^calendar_lunar_date_not_found: /);
    expect(lines[0]).toMatch(message);
  });

  it("exits 2 for a solar day that does not exist", async () => {
    const r = await runCli(["calendar", "lunar", "2025-02-29", "--json"], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^calendar_invalid_solar_date: /);
  });
});
