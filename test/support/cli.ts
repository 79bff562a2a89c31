/** Runs the `haidang` command line (compiled from the current sources) as a child process, as an operator would. */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import type { Config } from "../../src/config/config.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// The CLI compiled once for this test run by the global setup (see global-setup.ts).
const ENTRY = [inject("cliEntry")];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment that points the CLI at a test database. */
export function cliEnv(
  dataDir: string,
  database: Config["database"],
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HAIDANG_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    HAIDANG_JOBS: "off",
    HAIDANG_MFA_REQUIRED_ROLES: "",
    // `serve` also opens the public portal: on a free port, so suites running side by side never collide.
    PORTAL_PORT: "0",
    ...(database.kind === "postgres" && { DATABASE_URL: database.url }),
    ...extra,
  };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...ENTRY, ...args],
      { cwd: ROOT, env, timeout: 60_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout: stdout.toString(), stderr: stderr.toString() });
      },
    );
  });
}

/** Starts a long-running command (e.g. `serve`) and returns the process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...ENTRY, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
}
