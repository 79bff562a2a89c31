import { describe, expect, it } from "vitest";
import { isAppError } from "../../../platform/errors.js";
import { parseQuery } from "./query-parser.js";
import { toFtsExpression } from "./search-index.sqlite.js";

const fts = (q: string) => {
  const { ast } = parseQuery(q);
  return ast ? toFtsExpression(ast) : null;
};

describe("monitoring query language", () => {
  it("parses words, phrases, OR, NOT and grouping", () => {
    expect(parseQuery('cảng "Lạch Huyện" OR (du lịch -bóng)').ast).toEqual({
      kind: "or",
      children: [
        {
          kind: "and",
          children: [
            { kind: "term", text: "cảng" },
            { kind: "phrase", text: "Lạch Huyện" },
          ],
        },
        {
          kind: "and",
          children: [
            { kind: "term", text: "du" },
            { kind: "term", text: "lịch" },
            { kind: "not", child: { kind: "term", text: "bóng" } },
          ],
        },
      ],
    });
  });

  it("parses both NEAR forms", () => {
    expect(parseQuery("NEAR(cảng hải phòng, 5)").ast).toEqual({
      kind: "near",
      terms: ["cảng", "hải", "phòng"],
      distance: 5,
    });
    expect(parseQuery('cảng NEAR/3 "container"').ast).toEqual({
      kind: "near",
      terms: ["cảng", "container"],
      distance: 3,
    });
  });

  it("collects field filters and date ranges", () => {
    const { ast, filters } = parseQuery(
      'lang:EN country:vn topic:tourism tone:negative source:"Báo Thí Dụ" date:2024-01-01..2024-06-30 port',
    );
    expect(ast).toEqual({ kind: "term", text: "port" });
    expect(filters).toEqual({
      lang: ["en"],
      country: ["VN"],
      topic: ["tourism"],
      tone: ["negative"],
      source: ["Báo Thí Dụ"],
      dateFrom: "2024-01-01",
      dateTo: "2024-06-30",
    });
    expect(parseQuery("date:..2024-03-01").filters).toEqual({ dateTo: "2024-03-01" });
  });

  it("compiles to FTS5 with folded, quoted terms so user text cannot inject FTS syntax", () => {
    expect(fts("Đà Nẵng")).toBe('("da" AND "nang")');
    expect(fts('"Hải Phòng" -xổ')).toBe('(("hai phong") NOT ("xo"))');
    expect(fts("a* col:x {folded}:y ^z")).toBe('("a*" AND "col:x" AND "{folded}:y" AND "^z")');
    expect(fts("NEAR(cảng container, 4)")).toBe('NEAR("cang" "container", 4)');
  });

  it.each([
    ['"unclosed', "unclosed quote"],
    ["(a OR b", "missing closing parenthesis"],
    ["a OR", "OR needs a term on both sides"],
    ["NEAR(a, 5)", "NEAR needs at least two terms"],
    ["a NEAR/999 b", "NEAR distance"],
    ["date:2024/01/01", "YYYY-MM-DD"],
    ["-lang:en", "cannot be negated"],
    ["a OR -b", "NOT inside OR"],
  ])("refuses %s with a clear reason", (q, reason) => {
    try {
      parseQuery(q);
      expect.unreachable();
    } catch (err) {
      expect(isAppError(err) && err.code).toBe("monitoring_query_invalid");
      expect(String((err as { meta?: { reason?: string } }).meta?.reason)).toContain(reason);
    }
  });
});
