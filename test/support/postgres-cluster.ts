/**
 * A throw-away PostgreSQL cluster for the test run: initdb + pg_ctl on a free port in a temp dir,
 * listening on 127.0.0.1 only, removed afterwards. PostgreSQL refuses to run as root, so as root
 * the binaries run as the `postgres` user.
 */
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port.js";

export interface Cluster {
  url: string;
  stop(): void;
  /** Stops the server (fast shutdown: sessions are ended), waits `downMs`, starts it again on the same port. */
  restart(downMs?: number): Promise<void>;
}

/** The newest PostgreSQL server binaries directory, if installed. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

export async function startCluster(binDir: string): Promise<Cluster> {
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-pg-"));
  fs.chmodSync(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const run = (bin: string, args: string[]) => {
    const exe = path.join(binDir, bin);
    if (isRoot) execFileSync("runuser", ["-u", "postgres", "--", exe, ...args], { stdio: "pipe", cwd: dir });
    else execFileSync(exe, args, { stdio: "pipe", cwd: dir });
  };
  if (isRoot) execFileSync("chown", ["postgres", dir]);
  run("initdb", ["-D", dataDir, "-U", "haidang", "--auth=trust", "-E", "UTF8", "--no-locale"]);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run("pg_ctl", ["-D", dataDir, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return {
    url: `postgres://haidang@127.0.0.1:${port}/postgres`,
    async restart(downMs = 0) {
      // Asynchronous: the caller keeps sending traffic meanwhile.
      const runAsync = (bin: string, args: string[]) => {
        const exe = path.join(binDir, bin);
        const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
        return promisify(execFile)(cmd as string, argv as string[], { cwd: dir });
      };
      await runAsync("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
      await new Promise((r) => setTimeout(r, downMs));
      await runAsync("pg_ctl", [
        "-D",
        dataDir,
        "-o",
        opts,
        "-l",
        path.join(dir, "server.log"),
        "-w",
        "-t",
        "60",
        "start",
      ]);
    },
    stop() {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
