import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from "./audit-labels.js";

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Every `action: "…"` and `entityType: "…"` literal the services pass to the audit journal. */
function recordedCodes(): { actions: Set<string>; entities: Set<string> } {
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const entry of readdirSync(modules, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
    const text = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    if (!text.includes("audit.record") && !text.includes("entityType")) continue;
    for (const m of text.matchAll(/\baction: "([a-z_]+)"/g)) actions.add(m[1] as string);
    for (const m of text.matchAll(/\bentityType: "([a-z_]+)"/g)) entities.add(m[1] as string);
  }
  return { actions, entities };
}

describe("audit journal labels", () => {
  it("names every action and kind of record the services write, in Vietnamese and English", () => {
    const { actions, entities } = recordedCodes();
    expect(actions.size).toBeGreaterThan(10);
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect([...entities].filter((e) => !AUDIT_ENTITY_LABELS[e])).toEqual([]);
  });
});
