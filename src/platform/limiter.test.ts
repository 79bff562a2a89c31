import { describe, expect, it } from "vitest";
import { createKeyedLimiter } from "./limiter.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("keyed limiter", () => {
  it("runs at most N tasks per key, starts the others in arrival order, and keys do not block each other", async () => {
    const limiter = createKeyedLimiter(2);
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n);
        gates[n] = () => resolve(n);
      });
    const runs = [1, 2, 3, 4, 5].map((n) => limiter.run("a", task(n)));
    const other = limiter.run("b", async () => "b");
    await tick();
    expect(started).toEqual([1, 2]);
    expect(limiter.active("a")).toBe(2);
    expect(limiter.waiting("a")).toBe(3);
    await expect(other).resolves.toBe("b");

    gates[2]?.();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    gates[1]?.();
    gates[3]?.();
    await tick();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    gates[4]?.();
    gates[5]?.();
    await expect(Promise.all(runs)).resolves.toEqual([1, 2, 3, 4, 5]);
    expect(limiter.active("a")).toBe(0);
    expect(limiter.waiting("a")).toBe(0);
  });

  it("frees the slot when a task fails", async () => {
    const limiter = createKeyedLimiter(1);
    await expect(limiter.run("k", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run("k", async () => 7)).resolves.toBe(7);
    expect(limiter.active("k")).toBe(0);
  });
});
