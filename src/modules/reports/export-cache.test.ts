import { describe, expect, it } from "vitest";
import { createExportCache } from "./export-cache.js";

const file = (text: string, size = text.length) => ({
  bytes: Buffer.alloc(size, text),
  contentType: "text/plain",
  filename: `${text}.txt`,
});

describe("report export cache", () => {
  it("renders each content once and shares a rendering in progress", async () => {
    const cache = createExportCache();
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 10));
      return file("a");
    };
    const [x, y] = await Promise.all([
      cache.get(["docx", "model"], build),
      cache.get(["docx", "model"], build),
    ]);
    expect(builds).toBe(1);
    expect(x).toBe(y);
    await cache.get(["docx", "model"], build);
    expect(builds).toBe(1);
    // Another format, or other content, is another file.
    await cache.get(["pdf", "model"], build);
    await cache.get(["docx", "model2"], build);
    expect(builds).toBe(3);
  });

  it("keys by the parts, not their concatenation", async () => {
    const cache = createExportCache();
    let builds = 0;
    const build = async () => {
      builds++;
      return file("b");
    };
    await cache.get(["ab", "c"], build);
    await cache.get(["a", "bc"], build);
    expect(builds).toBe(2);
  });

  it("forgets a failed rendering, so the next request tries again", async () => {
    const cache = createExportCache();
    await expect(
      cache.get(["x"], async () => {
        throw new Error("soffice crashed");
      }),
    ).rejects.toThrow("soffice crashed");
    expect(await cache.get(["x"], async () => file("ok"))).toMatchObject({ filename: "ok.txt" });
  });

  it("stays within its byte budget, dropping the least recently used file first", async () => {
    const cache = createExportCache({ maxBytes: 400 });
    let builds = 0;
    const get = (key: string) =>
      cache.get([key], async () => {
        builds++;
        return file(key, 100);
      });
    await get("one");
    await get("two");
    await get("three");
    await get("four");
    await get("one"); // used again: now the most recent
    await get("five"); // over budget: "two" goes
    expect(cache.size()).toBeLessThanOrEqual(400);
    builds = 0;
    await get("one");
    await get("five");
    expect(builds).toBe(0);
    await get("two");
    expect(builds).toBe(1);
    // A file larger than a quarter of the budget is served but not kept.
    let big = 0;
    await cache.get(["big"], async () => {
      big++;
      return file("big", 150);
    });
    await cache.get(["big"], async () => {
      big++;
      return file("big", 150);
    });
    expect(big).toBe(2);
  });
});
