/**
 * The `haidang` command line as an operator runs it: help, migrate, accounts with one-time
 * passwords, demo data, and backup/restore (SQLite file copy, or pg_dump/pg_restore).
 * Each command is a real child process (slow: a few seconds each), so the suites stay lean.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { createPlatform, type Platform } from "../../src/main.js";
import { type CliResult, cliEnv, runCli } from "../support/cli.js";
import { createTestDatabase, dialects, type TestDatabase } from "../support/db.js";
import { rawRequest, signIn } from "../support/http.js";

const hasPgTools = (() => {
  try {
    execFileSync("pg_dump", ["--version"], { stdio: "ignore" });
    execFileSync("pg_restore", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

const oneTimePassword = (r: CliResult) => /One-time password: (\S+)/.exec(r.stdout)?.[1] ?? "";

describe.each(dialects())("haidang CLI on %s", (dialect) => {
  let testDb: TestDatabase;
  let env: NodeJS.ProcessEnv;

  /** Opens the CLI's database in this process (as the server would), runs `fn`, closes it. */
  async function withPlatform<T>(fn: (platform: Platform) => Promise<T>): Promise<T> {
    const config = {
      ...loadConfig({ HAIDANG_DATA_DIR: testDb.dataDir, LOG_LEVEL: "silent", HAIDANG_JOBS: "off" }),
      database: testDb.database,
    };
    const platform = await createPlatform(config, { logger: false });
    try {
      return await fn(platform);
    } finally {
      await platform.close();
    }
  }

  const canSignIn = (email: string, password: string) =>
    withPlatform(
      async (p) =>
        (await rawRequest(p.app, "POST", "/api/auth/login", { body: { email, password } })).status === 200,
    );

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    env = cliEnv(testDb.dataDir, testDb.database);
  });
  afterAll(async () => testDb?.drop());

  it("migrates, lists its commands, and refuses to restore a file that is not a backup", async () => {
    const junk = path.join(testDb.dataDir, "not-a-backup.bin");
    fs.writeFileSync(junk, "this is not a database\n".repeat(100));
    const [help, migrate, badRestore] = await Promise.all([
      dialect === "sqlite" ? runCli(["--help"], env) : Promise.resolve(null),
      runCli(["migrate"], env),
      runCli(["restore", junk], env),
    ]);
    if (help) {
      expect(help.code).toBe(0);
      for (const command of ["serve", "migrate", "user", "backup", "restore", "seed-demo"])
        expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
    }
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/Applied: 0001-platform/);
    expect(badRestore.code).not.toBe(0);
    expect(badRestore.stderr).toMatch(/^backup_invalid_file: /m);
    expect(
      await withPlatform(
        async (p) =>
          (
            await p.services.directory.listUnits(
              p.database.db,
              {},
              { limit: 1, offset: 0 },
              { field: "name", direction: "asc" },
            )
          ).total,
      ),
    ).toBe(0);
  });

  it("creates an account with a one-time password that signs in, and resets it", async () => {
    const email = `thu-ky-${dialect}@haiphong.gov.vn`;
    const created = await runCli(
      ["user", "create", "--email", email, "--name", "Thư ký Ban", "--role", "secretariat"],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`Created ${email} (secretariat)`);
    const first = oneTimePassword(created);
    expect(first).toMatch(/^\S{12,}$/);
    const me = await withPlatform(async (p) => {
      const c = await signIn(p.app, email, first);
      return (await c.request("GET", "/api/auth/me")).body as {
        user: { roles: string[]; mustChangePassword: boolean };
      };
    });
    expect(me.user).toMatchObject({ roles: ["secretariat"], mustChangePassword: true });

    if (dialect === "sqlite") {
      const reset = await runCli(["user", "reset-password", "--email", email], env);
      expect(reset.code, reset.stderr).toBe(0);
      const second = oneTimePassword(reset);
      expect(second).toMatch(/^\S{12,}$/);
      expect(second).not.toBe(first);
      expect(await canSignIn(email, first)).toBe(false);
      expect(await canSignIn(email, second)).toBe(true);
    }
    const duplicate = await runCli(["user", "create", "--email", email, "--name", "Trùng"], env);
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toMatch(/^email_taken: /m);
  });

  it.skipIf(dialect === "postgres" && !hasPgTools)(
    "seeds demo data, backs up, and restores the backup after a change",
    async () => {
      const seeded = await runCli(["seed-demo"], env);
      expect(seeded.code, seeded.stderr).toBe(0);
      expect(seeded.stdout).toMatch(/Seeded \d+ units, \d+ people/);
      const file = path.join(testDb.dataDir, "backups", `haidang-${dialect}.backup`);
      const backup = await runCli(["backup", file], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);

      const unitsOf = (p: Platform) =>
        p.services.directory.listUnits(
          p.database.db,
          {},
          { limit: 500, offset: 0 },
          { field: "name", direction: "asc" },
        );
      const before = await withPlatform(async (p) => {
        const { total } = await unitsOf(p);
        const ctx = {
          actor: { userId: "test", displayName: "Test", roles: ["admin" as const], personId: null },
          requestId: null,
          ip: null,
          lang: "vi" as const,
        };
        await p.services.units.create(ctx, { name: "Đơn vị sau sao lưu", type: "other" });
        expect((await unitsOf(p)).total).toBe(total + 1);
        return total;
      });
      expect(before).toBeGreaterThan(3);

      const restore = await runCli(["restore", file], env);
      expect(restore.code, restore.stderr).toBe(0);
      const after = await withPlatform(async (p) => (await unitsOf(p)).rows.map((u) => u.name));
      expect(after).toHaveLength(before);
      expect(after).not.toContain("Đơn vị sau sao lưu");
    },
  );
});
