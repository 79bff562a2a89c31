import { describe, expect, it } from "vitest";
import { createLocalChangeNotifier } from "../../platform/db/change-notifier.js";
import { createSessionCache, createSharedSessionCache } from "./session-cache.js";

describe("session cache", () => {
  it("forgets a session or a user's sessions when a change is announced, everything on a reset", async () => {
    const changes = createLocalChangeNotifier();
    let resets = 0;
    changes.onReset(() => resets++);
    const cache = createSharedSessionCache<string>({ ttlMs: 60_000, max: 10, changes });
    cache.set("t1", "u1", "s1");
    cache.set("t2", "u1", "s2");
    cache.set("t3", "u2", "s3");
    await changes.publish({ topic: "session", id: "t1" });
    expect([cache.get("t1"), cache.get("t2"), cache.get("t3")]).toEqual([undefined, "s2", "s3"]);
    await changes.publish({ topic: "user", id: "u1" });
    expect([cache.get("t2"), cache.get("t3")]).toEqual([undefined, "s3"]);
    cache.clear();
    expect(cache.get("t3")).toBeUndefined();
    expect(resets).toBe(0);
  });

  it("is bypassed while changes from other processes cannot be heard", () => {
    let isListening = true;
    const cache = createSessionCache<string>({ ttlMs: 60_000, max: 10, isTrusted: () => isListening });
    cache.set("t1", "u1", "s1");
    expect(cache.get("t1")).toBe("s1");
    isListening = false;
    expect(cache.get("t1")).toBeUndefined();
    cache.set("t2", "u1", "s2");
    isListening = true;
    expect(cache.get("t2")).toBeUndefined();
  });
});
