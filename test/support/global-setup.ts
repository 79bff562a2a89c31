/**
 * Vitest global setup: decides whether the PostgreSQL suites run, and starts the cluster they use.
 * - TEST_DATABASE_URL set → use that server.
 * - else PostgreSQL server binaries installed → a throw-away cluster for this run.
 * - else: under CI=true fail loudly; locally print one line saying how to enable it.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { findPostgresBin, startCluster } from "./postgres-cluster.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The compiled CLI entry the command-line tests run (built once per test run). */
    cliEntry: string;
    /** Admin URL of the PostgreSQL server for tests, or null when PostgreSQL suites are off. */
    pgUrl: string | null;
  }
}

/**
 * Compiles the server once for the command-line tests: a CLI run from compiled JavaScript starts in
 * about a second, where transpiling on the fly took five or more (and timed out on a loaded machine).
 * Transpiled file by file without type checking (`scripts/transpile-server.mjs`): the typecheck step of
 * `npm test` reports type errors.
 */
function buildCli(): string {
  // `npm test` compiles it once before starting its two lanes.
  const built = process.env.HAIDANG_TEST_CLI;
  if (built && fs.existsSync(built)) return built;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
  const outDir = path.join(root, ".test-build", "server");
  const result = spawnSync(process.execPath, [path.join(root, "scripts", "transpile-server.mjs"), outDir], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.error) throw result.error;
  if (result.status !== 0 || !fs.existsSync(path.join(outDir, "cli", "index.js")))
    throw new Error("the CLI did not compile");
  return path.join(outDir, "cli", "index.js");
}

// Both lanes' projects share one compiled CLI and one cluster when they run in the same process.
let cliEntry: string | undefined;
let cluster: { promise: Promise<{ url: string; stop(): void }>; users: number } | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  cliEntry ??= buildCli();
  project.provide("cliEntry", cliEntry);
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    project.provide("pgUrl", fromEnv);
    return () => {};
  }
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI === "true") {
      throw new Error(
        "CI=true but no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install postgresql (apt-get install postgresql) or set TEST_DATABASE_URL",
      );
    }
    console.warn(
      "PostgreSQL suites skipped: no server binaries found — `apt-get install postgresql` or set TEST_DATABASE_URL to enable them.",
    );
    project.provide("pgUrl", null);
    return () => {};
  }
  cluster ??= { promise: startCluster(bin), users: 0 };
  const shared = cluster;
  shared.users += 1;
  project.provide("pgUrl", (await shared.promise).url);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) (await shared.promise).stop();
  };
}
