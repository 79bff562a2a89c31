/**
 * What the API benches share: percentiles, running one bench on SQLite and (with --postgres) on a
 * throw-away PostgreSQL cluster, and appending the result table to bench/RESULTS.md with the machine.
 */
import { execSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import type { Config } from "../src/config/config.js";
import { findPostgresBin, startCluster } from "../test/support/postgres-cluster.js";

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Runs `bench` on SQLite, then on PostgreSQL when the command line has --postgres; each in a fresh data dir. */
export async function onEachDatabase<R>(
  bench: (label: string, database: Config["database"], dataDir: string) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  const sqliteDir = mkdtempSync(path.join(tmpdir(), "haidang-bench-"));
  try {
    results.push(
      await bench("SQLite", { kind: "sqlite", file: path.join(sqliteDir, "haidang.sqlite") }, sqliteDir),
    );
  } finally {
    rmSync(sqliteDir, { recursive: true, force: true });
  }
  if (!process.argv.includes("--postgres")) return results;
  const bin = findPostgresBin();
  if (!bin) {
    console.warn("--postgres: no PostgreSQL server binaries under /usr/lib/postgresql");
    return results;
  }
  const cluster = await startCluster(bin);
  const pgDir = mkdtempSync(path.join(tmpdir(), "haidang-bench-"));
  try {
    results.push(await bench("PostgreSQL", { kind: "postgres", url: cluster.url }, pgDir));
  } finally {
    cluster.stop();
    rmSync(pgDir, { recursive: true, force: true });
  }
  return results;
}

/** "Machine: <cpu> × 2, Node v20…; load: `uptime`." — every recorded run says where it ran. */
export function machineLine(): string {
  let load = "n/a";
  try {
    load = execSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    // uptime missing: the load stays unknown
  }
  return `Machine: ${cpus()[0]?.model ?? "unknown"} × ${cpus().length}, Node ${process.version}; load: \`${load}\`.`;
}

/** Prints the lines and, unless --no-record, appends them to bench/RESULTS.md. */
export function record(lines: string[]): void {
  console.log(lines.join("\n"));
  if (!process.argv.includes("--no-record")) {
    appendFileSync(new URL("./RESULTS.md", import.meta.url), `${lines.join("\n")}\n`);
  }
}
