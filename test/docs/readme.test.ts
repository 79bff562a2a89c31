/** The README's opening, in both languages, says what the platform does today, not what is planned. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const vietnamese = readme.slice(0, readme.indexOf("## Bắt đầu nhanh"));
const english = readme.slice(readme.indexOf("## English"), readme.indexOf("### Quick start"));

describe("README opening", () => {
  it("names the four parts that exist, without calling them a roadmap", () => {
    expect(vietnamese).not.toMatch(/lộ trình/i);
    for (const part of ["nhập chương trình công tác", "theo dõi - đôn đốc", "báo cáo sơ kết", "báo chí"])
      expect(vietnamese).toContain(part);
    expect(english).not.toMatch(/roadmap/i);
    for (const part of ["programme import", "follow-up", "reports", "media monitoring"])
      expect(english).toContain(part);
  });
});
