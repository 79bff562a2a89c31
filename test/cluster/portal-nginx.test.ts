/**
 * The public portal as deployed: two `haidang portal` processes behind Debian's nginx with the
 * deployment's own `deploy/nginx/haidang-portal.conf` (checked with `nginx -t`, ports substituted).
 * Pages come through nginx from both processes, nothing but GET reaches them, and when one process
 * is killed the visitors do not notice.
 */
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "../support/app.js";
import { cliEnv, spawnCli } from "../support/cli.js";
import { freePort } from "../support/free-port.js";
import { findNginx, NGINX_PORTAL_CONF, type Nginx, nginxSite, startNginx } from "./cluster-harness.js";

const nginxBin = findNginx();
if (process.env.CI === "true" && !nginxBin)
  throw new Error("CI=true: the portal behind nginx needs nginx (apt-get install nginx-light)");
if (!nginxBin) console.warn("portal-behind-nginx test skipped: install nginx-light to run it");

interface PortalProcess {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startPortal(env: NodeJS.ProcessEnv, port: number): Promise<PortalProcess> {
  const child = spawnCli(["portal"], { ...env, PORTAL_PORT: String(port) });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on http/.test(output)) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`haidang portal exited ${code}: ${output}`)));
    setTimeout(() => reject(new Error(`haidang portal did not start: ${output}`)), 60_000).unref();
  });
  return {
    port,
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

describe.runIf(nginxBin)("the public portal behind nginx", () => {
  let t: TestPlatform;
  let portals: PortalProcess[] = [];
  let nginx: Nginx;

  beforeAll(async () => {
    t = await startTestPlatform({ dialect: "sqlite", demo: true });
    const env = cliEnv(t.config.dataDir, t.config.database, { HOST: "127.0.0.1" });
    const [a, b, front] = [await freePort(), await freePort(), await freePort()];
    portals = await Promise.all([startPortal(env, a), startPortal(env, b)]);
    nginx = await startNginx({
      bin: nginxBin as string,
      port: front,
      upstreamPorts: [a, b],
      site: NGINX_PORTAL_CONF,
    });
  });
  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(portals.map((p) => p.stop()));
    await t?.close();
  });

  it("uses the deployment's file with only its ports changed", () => {
    const site = nginxSite(8000, [8001, 8002], NGINX_PORTAL_CONF);
    expect(site).toContain("server 127.0.0.1:8001 max_fails=1");
    expect(site).toContain("server 127.0.0.1:8002 max_fails=1");
    expect(site).toContain("listen 127.0.0.1:8000;");
    expect(site).toContain("limit_except GET");
  });

  it("serves the demo portal's pages through nginx, in Vietnamese and in Chinese", async () => {
    const vi = await fetch(`${nginx.url}/vi/`);
    expect(vi.status).toBe(200);
    expect(await vi.text()).toMatch(/<html lang="vi"/);
    const zh = await fetch(`${nginx.url}/zh/`);
    expect(zh.status).toBe(200);
    expect(await zh.text()).toMatch(/<html lang="zh/);
    // The version of nginx is not told to the internet.
    expect(vi.headers.get("server")).toBe("nginx");
  });

  it("lets nothing but GET reach the processes", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await fetch(`${nginx.url}/vi/`, { method, body: method === "DELETE" ? null : "x=1" });
      expect(res.status, method).toBe(403);
    }
    // Nor a request that tries the work platform's API: the portal process has no such route.
    expect((await fetch(`${nginx.url}/api/auth/me`)).status).toBe(404);
  });

  it("keeps serving every visitor when one process is killed", async () => {
    const first = portals[0] as PortalProcess;
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${nginx.url}/vi/`)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});
