/**
 * Platform HTTP benchmark (issue: ≥ 70 % of a bare Fastify + better-sqlite3 baseline's requests/s with
 * p99 < 30 ms at 50 connections, for an authenticated 50-row directory list; start to /readyz < 2 s;
 * idle RSS < 150 MB). Ratios are measured in one run because the machine is shared and noisy.
 *
 *   node --import ./scripts/ts-loader.mjs bench/platform-http.ts [--duration 10] [--postgres]
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { loadConfig } from "../src/config/config.js";
import { createPlatform } from "../src/main.js";
import { ensureAdministrator } from "../src/modules/auth/first-run.js";
import { systemContext } from "../src/platform/context.js";
import { findPostgresBin, startCluster } from "../test/support/postgres-cluster.js";

const args = process.argv.slice(2);
const duration = Number(args[args.indexOf("--duration") + 1]) || 10;
const withPostgres = args.includes("--postgres");
const ADMIN = { email: "bench@haidang.local", password: "Bench-password-2024" };
const root = path.resolve(import.meta.dirname, "..");

async function prepare(dataDir: string, databaseUrl?: string) {
  const env: Record<string, string> = { HAIDANG_DATA_DIR: dataDir, LOG_LEVEL: "silent", HAIDANG_JOBS: "off" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const platform = await createPlatform(loadConfig(env), { logger: false });
  const { services } = platform;
  await ensureAdministrator({ db: services.db, auth: services.authRepository, audit: services.audit }, ADMIN);
  const ctx = {
    ...systemContext(),
    actor: { userId: "bench", displayName: "bench", roles: ["admin" as const], personId: null },
  };
  await services.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 500; i++) {
      await services.people.insert(trx, ctx, {
        fullName: `Nguyễn Văn Thử ${String(i).padStart(3, "0")}`,
        position: "Chuyên viên",
        email: `p${i}@haidang.local`,
      });
    }
  });
  await platform.close();
}

function startChild(argv: string[]): Promise<{ child: ChildProcess; port: number; startedMs: number }> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "./scripts/ts-loader.mjs", "bench/platform-server.ts", ...argv],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const m = /READY (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, port: Number(m[1]), startedMs: performance.now() - started });
    });
    child.on("exit", (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** CPU seconds (user + system) the process has used: steadier than requests/s on a shared machine. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

async function load(url: string, pid: number, headers: Record<string, string> = {}) {
  const cpuBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections: 50, duration, headers });
  const cpuUsPerRequest = ((cpuSeconds(pid) - cpuBefore) * 1e6) / result.requests.total;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuUs: cpuUsPerRequest,
    errors: result.errors + result.non2xx,
  };
}

async function signIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
  return cookie;
}

async function measureStartup(dataDir: string) {
  // The built app, as `npm start` runs it (dist/server), to /readyz answering 200.
  const entry = path.join(root, "dist", "server", "cli", "index.js");
  if (!fs.existsSync(entry)) return null;
  const started = performance.now();
  const child = spawn(process.execPath, [entry, "serve"], {
    cwd: root,
    env: {
      ...process.env,
      HAIDANG_DATA_DIR: dataDir,
      PORT: "18089",
      LOG_LEVEL: "warn",
      HAIDANG_ADMIN_EMAIL: ADMIN.email,
      HAIDANG_ADMIN_PASSWORD: ADMIN.password,
      // The bench signs in as the administrator with a password only (no authenticator to enrol).
      HAIDANG_MFA_REQUIRED_ROLES: "",
    },
    stdio: "ignore",
  });
  let readyMs = Number.NaN;
  for (let i = 0; i < 200; i++) {
    try {
      const r = await fetch("http://127.0.0.1:18089/readyz");
      if (r.status === 200) {
        readyMs = performance.now() - started;
        break;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 3000));
  const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  child.kill("SIGTERM");
  return { readyMs, rssMb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/**
 * Both servers run side by side and are loaded in alternation (baseline, ours, baseline, ours…), so a
 * burst of load from elsewhere on the machine hits both; the ratio is the median of adjacent pairs.
 */
async function runSuite(label: string, dataDir: string, databaseUrl?: string, rounds = 3) {
  const baseline = await startChild(["baseline", dataDir]);
  const ours = await startChild(["platform", dataDir, ...(databaseUrl ? [databaseUrl] : [])]);
  const cookie = await signIn(ours.port);
  const url = `http://127.0.0.1:${ours.port}/api/people?pageSize=50`;
  const check = (await (await fetch(url, { headers: { cookie } })).json()) as { items: unknown[] };
  if (check.items.length !== 50) throw new Error("expected 50 rows");
  const pairs: { base: Awaited<ReturnType<typeof load>>; mine: Awaited<ReturnType<typeof load>> }[] = [];
  for (let i = 0; i < rounds; i++) {
    const base = await load(`http://127.0.0.1:${baseline.port}/people`, baseline.child.pid as number);
    const mine = await load(url, ours.child.pid as number, { cookie });
    pairs.push({ base, mine });
  }
  baseline.child.kill();
  ours.child.kill();
  const ratio = median(pairs.map((p) => p.mine.rps / p.base.rps));
  return {
    label,
    base: {
      rps: median(pairs.map((p) => p.base.rps)),
      p99: median(pairs.map((p) => p.base.p99)),
      cpuUs: median(pairs.map((p) => p.base.cpuUs)),
      errors: 0,
    },
    mine: {
      rps: median(pairs.map((p) => p.mine.rps)),
      p99: median(pairs.map((p) => p.mine.p99)),
      cpuUs: median(pairs.map((p) => p.mine.cpuUs)),
      errors: pairs.reduce((n, p) => n + p.mine.errors, 0),
    },
    ratio,
  };
}

const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-bench-"));
await prepare(sqliteDir);
const rows = [await runSuite("SQLite", sqliteDir)];

if (withPostgres) {
  const bin = findPostgresBin();
  if (!bin) throw new Error("--postgres needs PostgreSQL server binaries");
  const cluster = await startCluster(bin);
  try {
    await prepare(sqliteDir, cluster.url);
    // The baseline stays SQLite: it is the reference the issue names.
    rows.push(await runSuite("PostgreSQL", sqliteDir, cluster.url));
  } finally {
    cluster.stop();
  }
}

const startup = await measureStartup(fs.mkdtempSync(path.join(os.tmpdir(), "haidang-bench-start-")));
console.log(
  `\nPlatform HTTP benchmark — ${new Date().toISOString()} — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${duration}s per run, 3 alternating rounds (medians), 50 connections`,
);
console.log(
  "| database | baseline req/s | baseline p99 ms | ours req/s | ours p99 ms | ratio | server CPU µs/request (baseline / ours) | errors |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.base.rps.toFixed(0)} | ${r.base.p99} | ${r.mine.rps.toFixed(0)} | ${r.mine.p99} | ${(r.ratio * 100).toFixed(0)} % | ${r.base.cpuUs.toFixed(0)} / ${r.mine.cpuUs.toFixed(0)} | ${r.mine.errors} |`,
  );
}
if (startup)
  console.log(
    `\nStartup (built app, fresh SQLite) to /readyz 200: ${startup.readyMs.toFixed(0)} ms; idle RSS after 3 s: ${startup.rssMb.toFixed(0)} MB`,
  );
else console.log("\nStartup not measured: run `npm run build` first.");
fs.rmSync(sqliteDir, { recursive: true, force: true });
