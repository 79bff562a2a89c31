/**
 * Supported Node.js versions: 20 (from 20.19) and 24 LTS; CI runs the suite on both (`.ci/run`). Every
 * package in the lockfile must accept both, or `npm ci` warns EBADENGINE (pin or override it in
 * package.json, as done for cookie and nanoid).
 */
import fs from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** The oldest release of each supported line, and the first 24 LTS. */
const SUPPORTED = ["20.19.0", "24.11.0"];

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as T;

describe("supported Node.js versions", () => {
  it("declares Node.js 20.19+ and 24 in package.json", () => {
    const pkg = readJson<{ engines: { node: string } }>("package.json");
    for (const v of SUPPORTED) expect(semver.satisfies(v, pkg.engines.node), v).toBe(true);
    expect(semver.satisfies("20.18.0", pkg.engines.node)).toBe(false);
  });

  it("installs every locked package on each supported version without EBADENGINE", () => {
    const lock = readJson<{ packages: Record<string, LockPackage> }>("package-lock.json");
    const refused: string[] = [];
    for (const [where, p] of Object.entries(lock.packages)) {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
      if (!where || !range) continue;
      for (const v of SUPPORTED)
        if (!semver.satisfies(v, range)) refused.push(`${where}@${p.version} needs node ${range} (not ${v})`);
    }
    expect(refused).toEqual([]);
  });
});
