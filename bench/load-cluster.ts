/**
 * Load: simulated users against two `haidang serve` processes on PostgreSQL behind nginx (the
 * deployment's own nginx file), for a bounded time. Each user signs in, then loops with a short think
 * time over a realistic mix: dashboards, task pages and statuses, "my tasks", check-ins with a small
 * file, monitoring search, report exports, the public portal's pages (through its own nginx site, as
 * deployed), now and then a new sign-in. Reports errors, p50/p95/p99 for
 * reads and writes, and the RSS of each process sampled every 10 s (flat over the last half?).
 *
 *   node --import ./scripts/ts-loader.mjs bench/load-cluster.ts [--minutes 10] [--users 200]
 *     [--arrival-seconds 60] [--no-record]
 *
 * Users arrive spread over the first minute (a committee's morning compressed into one minute); a
 * smaller `--arrival-seconds` tests a burst of sign-ins, each one a deliberately slow password hash.
 *
 * Targets (issue 13): no error, p99 < 100 ms for reads and < 300 ms for writes, memory flat over the
 * last 5 minutes.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  findNginx,
  type HttpResult,
  NGINX_PORTAL_CONF,
  ROOT,
  type Session,
  signIn,
  sleep,
  startNginx,
  startServer,
} from "../test/cluster/cluster-harness.js";
import { freePort } from "../test/support/free-port.js";
import { findPostgresBin, startCluster } from "../test/support/postgres-cluster.js";
import { machineLine, percentile, record } from "./bench-support.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MINUTES = arg("minutes", 10);
const USERS = arg("users", 200);
const ARRIVAL_SECONDS = arg("arrival-seconds", 60);
const ADMIN = { email: "admin@load.test", password: "Admin-password-2024" };
const PASSWORD = "Nguoi-dung-2024";

/** Compiles the server once into a private directory (the tree's dist/ is left alone). */
function buildServer(): string {
  const outDir = path.join(ROOT, ".test-build", "bench-server");
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "typescript", "bin", "tsc"),
        "-p",
        "tsconfig.build.json",
        "--outDir",
        outDir,
      ],
      { cwd: ROOT, stdio: "inherit" },
    );
  } catch {
    // type errors are the type-check's to report; the output is what matters here
  }
  return path.join(outDir, "cli", "index.js");
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Sample {
  op: string;
  kind: "read" | "write";
  ms: number;
  ok: boolean;
}

async function main() {
  const pgBin = findPostgresBin();
  const nginxBin = findNginx();
  if (!pgBin || !nginxBin) throw new Error("needs PostgreSQL server binaries and nginx (nginx-light)");
  const entry = buildServer();
  const cluster = await startCluster(pgBin);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-load-"));
  const env = {
    HAIDANG_ADMIN_EMAIL: ADMIN.email,
    HAIDANG_ADMIN_PASSWORD: ADMIN.password,
    HAIDANG_MFA_REQUIRED_ROLES: "",
    HAIDANG_MONITOR_WORKERS: "0",
    LOG_LEVEL: "error",
  };
  const [portA, portB, portN] = [await freePort(), await freePort(), await freePort()];
  // Each process also serves the public portal; visitors reach it through the portal's own nginx site.
  const [portalA, portalB, portalN] = [await freePort(), await freePort(), await freePort()];
  const common = { entry, dataDir, databaseUrl: cluster.url };
  const a = await startServer({
    ...common,
    name: "A",
    port: portA,
    args: ["--demo"],
    env: { ...env, PORTAL_PORT: String(portalA) },
  });
  const b = await startServer({
    ...common,
    name: "B",
    port: portB,
    env: { ...env, HAIDANG_JOBS: "off", PORTAL_PORT: String(portalB) },
  });
  const nginx = await startNginx({ bin: nginxBin, port: portN, upstreamPorts: [portA, portB] });
  const portalNginx = await startNginx({
    bin: nginxBin,
    port: portalN,
    upstreamPorts: [portalA, portalB],
    site: NGINX_PORTAL_CONF,
  });
  const base = nginx.url;
  try {
    // The portal's pages a visitor may open: each language's home page and the articles it links to.
    const portalPages: string[] = [];
    for (const lang of ["vi", "en", "zh", "ja", "ko", "fr", "ru"]) {
      const home = await fetch(`${portalNginx.url}/${lang}/`);
      if (home.status !== 200) continue;
      portalPages.push(`/${lang}/`);
      const links = (await home.text()).matchAll(new RegExp(`href="(/${lang}/[a-z0-9-]+)"`, "g"));
      for (const m of links) if (!portalPages.includes(m[1] as string)) portalPages.push(m[1] as string);
    }
    if (portalPages.length === 0) console.warn("no portal page found; portal pages left out of the mix");
    const admin = await signIn(base, ADMIN.email, ADMIN.password);
    const programmes = (await admin.request(base, "GET", "/api/programmes")).body as {
      items: { id: string }[];
    };
    const programmeId = programmes.items[0]?.id as string;
    const tasks = (await admin.request(base, "GET", `/api/programmes/${programmeId}/tasks?pageSize=200`))
      .body as {
      items: { id: string; leads: { personId: string | null; unitId: string | null }[] }[];
    };
    const withLead = tasks.items
      .map((t) => ({ id: t.id, partyId: t.leads.map((l) => l.personId ?? l.unitId).find(Boolean) }))
      .filter((t): t is { id: string; partyId: string } => typeof t.partyId === "string");
    const report = await admin.request(base, "POST", `/api/programmes/${programmeId}/reports`, {
      kind: "annual",
      year: 2024,
    });
    const reportId = (report.body as { id?: string } | null)?.id;
    if (!reportId) console.warn(`no report to export (${report.status}); exports left out of the mix`);

    // Accounts: one writer (secretariat: check-ins for any party) in five, the others leaders (reads).
    const accounts: { email: string; isWriter: boolean }[] = [];
    for (let i = 0; i < USERS; i++) {
      const isWriter = i % 5 === 0;
      const email = `user${i}@load.test`;
      const res = await admin.request(base, "POST", "/api/users", {
        email,
        displayName: `Người dùng ${i}`,
        roles: [isWriter ? "secretariat" : "leader"],
        password: PASSWORD,
      });
      if (res.status !== 201) throw new Error(`user ${i}: ${res.status} ${JSON.stringify(res.body)}`);
      accounts.push({ email, isWriter });
    }

    const samples: Sample[] = [];
    const errors = new Map<string, number>();
    const timed = async (
      op: string,
      kind: Sample["kind"],
      run: () => Promise<HttpResult>,
      okStatus = 200,
    ) => {
      const started = performance.now();
      let ok = false;
      try {
        const res = await run();
        ok = res.status === okStatus;
        if (!ok) errors.set(`${op} ${res.status}`, (errors.get(`${op} ${res.status}`) ?? 0) + 1);
        return res;
      } catch (err) {
        // One line per kind of failure (without the request id).
        const key = `${op} ${String(err)
          .replace(/"requestId":"[^"]*"/, "")
          .slice(0, 120)}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
        return null;
      } finally {
        samples.push({ op, kind, ms: performance.now() - started, ok });
      }
    };

    const endAt = Date.now() + MINUTES * 60_000;
    const started = Date.now();
    const memory: { t: number; a: number; b: number }[] = [];
    const sampler = setInterval(() => {
      memory.push({
        t: Math.round((Date.now() - started) / 1000),
        a: rssMb(a.child.pid as number),
        b: rssMb(b.child.pid as number),
      });
    }, 10_000);
    const pdf = Buffer.from("%PDF-1.7\nminh chung nho\n".repeat(40)).toString("base64");
    let periodSeq = 0;

    const user = async (k: number) => {
      const account = accounts[k] as { email: string; isWriter: boolean };
      await sleep(Math.random() * ARRIVAL_SECONDS * 1000);
      let session: Session | null = null;
      while (Date.now() < endAt) {
        if (!session || Math.random() < 0.01) {
          const res = await timed("sign-in", "write", async () => {
            session = await signIn(base, account.email, PASSWORD);
            return { status: 200, headers: new Headers(), body: null };
          });
          if (!res) {
            await sleep(1000);
            continue;
          }
        }
        const s = session as unknown as Session;
        const task = withLead[Math.floor(Math.random() * withLead.length)] as { id: string; partyId: string };
        const roll = Math.random();
        if (account.isWriter && roll < 0.3) {
          const created = await timed(
            "check-in + file",
            "write",
            () =>
              s.request(base, "POST", `/api/tasks/${task.id}/check-ins`, {
                period: "2024-Q4",
                doneText: `Báo cáo tiến độ số ${periodSeq++}.`,
                progress: 50,
                partyId: task.partyId,
              }),
            201,
          );
          const id = (created?.body as { id?: string } | null)?.id;
          if (id)
            await timed(
              "evidence upload",
              "write",
              () =>
                s.request(base, "POST", `/api/check-ins/${id}/evidence`, {
                  filename: "minh-chung.pdf",
                  contentBase64: pdf,
                }),
              201,
            );
        } else if (roll < 0.35) {
          await timed("dashboard", "read", () =>
            s.request(base, "GET", `/api/programmes/${programmeId}/dashboard`),
          );
        } else if (roll < 0.55) {
          await timed("task statuses", "read", () =>
            s.request(base, "GET", `/api/programmes/${programmeId}/statuses`),
          );
        } else if (roll < 0.7) {
          await timed("task page", "read", () => s.request(base, "GET", `/api/tasks/${task.id}/status`));
          await timed("task check-ins", "read", () =>
            s.request(base, "GET", `/api/tasks/${task.id}/check-ins`),
          );
        } else if (roll < 0.85) {
          await timed("monitoring search", "read", () =>
            s.request(base, "GET", `/api/monitoring/search?q=${encodeURIComponent("Hải Phòng")}&pageSize=20`),
          );
        } else if (roll < 0.9 && reportId) {
          await timed("report export", "read", () =>
            s.request(base, "GET", `/api/reports/${reportId}/export?format=xlsx`),
          );
        } else if (roll < 0.95 && portalPages.length > 0) {
          const page = portalPages[Math.floor(Math.random() * portalPages.length)] as string;
          await timed("portal page", "read", async () => {
            const res = await fetch(`${portalNginx.url}${page}`);
            await res.arrayBuffer();
            return { status: res.status, headers: res.headers, body: null };
          });
        } else {
          await timed("me + sessions", "read", () => s.request(base, "GET", "/api/auth/me"));
        }
        await sleep(500 + Math.random() * 1500); // think time
      }
    };
    await Promise.all(accounts.map((_, k) => user(k)));
    clearInterval(sampler);

    const lines = summarize(samples, errors, memory, {
      minutes: MINUTES,
      users: USERS,
      arrivalSeconds: ARRIVAL_SECONDS,
    });
    record(lines);
  } finally {
    await portalNginx.stop();
    await nginx.stop();
    await Promise.all([a.stop(), b.stop()]);
    cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function summarize(
  samples: Sample[],
  errors: Map<string, number>,
  memory: { t: number; a: number; b: number }[],
  run: { minutes: number; users: number; arrivalSeconds: number },
): string[] {
  const f = (v: number) => v.toFixed(1);
  const row = (label: string, list: Sample[]) => {
    const ms = list.map((s) => s.ms);
    if (ms.length === 0) return `| ${label} | 0 | | | | |`;
    const bad = list.filter((s) => !s.ok).length;
    return `| ${label} | ${ms.length} | ${bad} | ${f(percentile(ms, 50))} | ${f(percentile(ms, 95))} | ${f(percentile(ms, 99))} |`;
  };
  const ops = [...new Set(samples.map((s) => s.op))];
  const half = memory.slice(Math.floor(memory.length / 2));
  const range = (xs: number[]) => (xs.length ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : "n/a");
  return [
    "",
    `## Load — two processes on PostgreSQL behind nginx (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)`,
    "",
    `\`bench/load-cluster.ts --minutes ${run.minutes} --users ${run.users} --arrival-seconds ${run.arrivalSeconds}\`: ${run.users} simulated users arriving`,
    `over ${run.arrivalSeconds} s (one in five secretariat writing check-ins with a small PDF, the rest leaders reading), think time 0.5–2 s, through nginx`,
    "(`deploy/nginx/haidang.conf`) to two `haidang serve` processes on one throw-away PostgreSQL cluster.",
    machineLine(),
    "",
    "| operation | requests | errors | p50 ms | p95 ms | p99 ms |",
    "|---|---|---|---|---|---|",
    row(
      "**all reads**",
      samples.filter((s) => s.kind === "read"),
    ),
    row(
      "**all writes**",
      samples.filter((s) => s.kind === "write"),
    ),
    ...ops.map((op) =>
      row(
        op,
        samples.filter((s) => s.op === op),
      ),
    ),
    "",
    `Errors: ${errors.size === 0 ? "none" : [...errors].map(([k, n]) => `${k} × ${n}`).join("; ")}.`,
    `RSS (MB) every 10 s, process A: ${memory.map((m) => f(m.a)).join(", ")}.`,
    `RSS (MB) every 10 s, process B: ${memory.map((m) => f(m.b)).join(", ")}.`,
    `Last half of the run: A ${range(half.map((m) => m.a))} MB, B ${range(half.map((m) => m.b))} MB.`,
    "",
  ];
}

await main();
