import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  bandKeys,
  createMinhashIndex,
  isSameStory,
  minhash,
  signatureFromHex,
  signatureToHex,
  similarity,
} from "./near-duplicate.minhash.js";

const dir = new URL("../../../../test/fixtures/monitoring/articles/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), "utf8");

describe("MinHash near-duplicates", () => {
  it("recognises the same story republished by another outlet, and not different stories", () => {
    expect(isSameStory(read("vi-16-cat-bi-bao-a.txt"), read("vi-17-cat-bi-bao-b.txt"))).toBe(true);
    expect(isSameStory(read("en-07-haiphong-airport-a.txt"), read("en-08-haiphong-airport-b.txt"))).toBe(
      true,
    );
    expect(isSameStory(read("vi-16-cat-bi-bao-a.txt"), read("vi-07-dau-tu-fdi.txt"))).toBe(false);
    expect(isSameStory(read("en-07-haiphong-airport-a.txt"), read("vi-16-cat-bi-bao-a.txt"))).toBe(false);
  });

  it("ignores diacritics and tone placement differences", () => {
    expect(
      similarity(minhash("Thủy Nguyên hòa bình khỏe mạnh"), minhash("Thuỷ Nguyên hoà bình khoẻ mạnh")),
    ).toBe(1);
  });

  it("round-trips signatures and finds candidates through band keys", () => {
    const a = minhash(read("vi-16-cat-bi-bao-a.txt"));
    expect(signatureFromHex(signatureToHex(a))).toEqual(a);
    expect(bandKeys(a)).toHaveLength(32);
    const index = createMinhashIndex();
    index.add("vi-16", a);
    index.add("vi-07", minhash(read("vi-07-dau-tu-fdi.txt")));
    const found = index.query(minhash(read("vi-17-cat-bi-bao-b.txt")));
    expect(found.map((f) => f.id)).toEqual(["vi-16"]);
    index.remove("vi-16");
    expect(index.query(a)).toEqual([]);
    expect(index.size).toBe(1);
  });
});
