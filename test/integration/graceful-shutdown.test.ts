/**
 * `haidang serve` as a service manager runs it: it prints where it listens, answers, and on SIGTERM
 * drains and exits 0 promptly.
 */
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliEnv, spawnCli } from "../support/cli.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";

const RUNNING_AT = /is running at: (http:\/\/\S+)/;

describe.each(dialects())("graceful shutdown on %s", (dialect) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterAll(async () => testDb?.drop());

  it("serves, then exits 0 within a few seconds of SIGTERM", async () => {
    const env = cliEnv(testDb.dataDir, testDb.database, {
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      HAIDANG_ADMIN_EMAIL: "admin@test.local",
      HAIDANG_ADMIN_PASSWORD: "Admin-password-2024",
    });
    const child = spawnCli(["serve"], env);
    const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = RUNNING_AT.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once("exit", () => reject(new Error(`server exited early:\n${output}`)));
      });
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.json()).toEqual({ status: "ready", database: dialect });
      const login = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@test.local", password: "Admin-password-2024" }),
      });
      expect(login.status).toBe(200);

      const stoppedAt = Date.now();
      child.kill("SIGTERM");
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
  });
});
