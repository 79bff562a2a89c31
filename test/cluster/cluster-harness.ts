/**
 * Real parts for the multi-process tests: `haidang serve` processes on one PostgreSQL database and
 * one data directory, Debian's nginx in front of them (run in the foreground with the deployment's
 * own `deploy/nginx/haidang.conf`, ports substituted), and an HTTP client that keeps a session.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const RUNNING_AT = /is running at: (http:\/\/\S+)/;

export interface ServerProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `haidang serve` and waits until it listens. */
export async function startServer(input: {
  name: string;
  port: number;
  /** The compiled CLI (`…/cli/index.js`). */
  entry: string;
  dataDir: string;
  databaseUrl: string;
  args?: string[];
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HAIDANG_DATA_DIR: input.dataDir,
    DATABASE_URL: input.databaseUrl,
    LOG_LEVEL: "warn",
    PORT: String(input.port),
    HOST: "127.0.0.1",
    HAIDANG_JOBS: "on",
    // Each process also opens the public portal: on a free port, or the second would find 8081 taken.
    PORTAL_PORT: "0",
    ...input.env,
  };
  const child = spawn(process.execPath, [input.entry, "serve", ...(input.args ?? [])], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${input.name} did not start:\n${output}`)), 90_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = RUNNING_AT.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${input.port}`);
      }
    });
    child.once("exit", (code) => reject(new Error(`${input.name} exited early (${code}):\n${output}`)));
  });
  return {
    name: input.name,
    url,
    port: input.port,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Debian's nginx binary (in /usr/sbin, often not on a user's PATH), or null. */
export function findNginx(): string | null {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"])
    if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", "command -v nginx"]).toString().trim() || null;
  } catch {
    return null;
  }
}

export const NGINX_CONF = path.join(ROOT, "deploy", "nginx", "haidang.conf");
/** The public portal's site file. */
export const NGINX_PORTAL_CONF = path.join(ROOT, "deploy", "nginx", "haidang-portal.conf");

/** A deployment nginx file (the work platform's by default) with this run's ports. */
export function nginxSite(listenPort: number, upstreamPorts: number[], file = NGINX_CONF): string {
  const conf = fs.readFileSync(file, "utf8");
  const servers = conf.match(/^\s*server 127\.0\.0\.1:\d+ .*;$/gm) ?? [];
  if (servers.length !== 2) throw new Error(`${path.basename(file)}: expected two upstream servers`);
  const template = servers[0] as string;
  const lines = upstreamPorts.map((p) => template.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${p}`)).join("\n");
  return conf
    .replace(servers.join("\n"), lines)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${listenPort};`);
}

export interface Nginx {
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/** Writes a main config around the site file, checks it with `nginx -t`, runs nginx in the foreground. */
export async function startNginx(input: {
  bin: string;
  port: number;
  upstreamPorts: number[];
  /** The site file (default: the work platform's `deploy/nginx/haidang.conf`). */
  site?: string;
}): Promise<Nginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haidang-nginx-"));
  // Workers run as an unprivileged user when started as root: they write their temporary files here.
  fs.chmodSync(dir, 0o777);
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) {
    fs.mkdirSync(path.join(dir, sub));
    fs.chmodSync(path.join(dir, sub), 0o777);
  }
  fs.writeFileSync(path.join(dir, "haidang.conf"), nginxSite(input.port, input.upstreamPorts, input.site));
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/haidang.conf;
}
`,
  );
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf")];
  execFileSync(input.bin, ["-t", ...args], { stdio: "pipe" });
  const child = spawn(input.bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const deadline = Date.now() + 15_000;
  while (!(await canConnect(input.port))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start: ${output}`);
    await sleep(100);
  }
  return {
    url: `http://127.0.0.1:${input.port}`,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HttpResult {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A signed-in browser of sorts: the session cookie and CSRF token, sent to whichever base URL. */
export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  request(base: string, method: string, url: string, body?: unknown): Promise<HttpResult>;
}

export async function request(
  base: string,
  method: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(options.body !== undefined && { "content-type": "application/json" }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body };
}

export async function signIn(base: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const body = (await res.json()) as { csrfToken: string; user: { id: string } };
  return {
    cookie,
    csrfToken: body.csrfToken,
    userId: body.user.id,
    request(b, method, url, payload) {
      return request(b, method, url, {
        ...(payload !== undefined && { body: payload }),
        headers: { cookie, "x-csrf-token": body.csrfToken },
      });
    },
  };
}
