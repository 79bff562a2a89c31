/**
 * Starts the real platform for a test: fresh database (SQLite or PostgreSQL), migrations, the
 * administrator, optional demo data, and (for browser tests) the HTTP server on a free port.
 */
import type { FastifyServerOptions } from "fastify";
import { type Config, loadConfig } from "../../src/config/config.js";
import { createPlatform, type Platform } from "../../src/main.js";
import { ensureAdministrator } from "../../src/modules/auth/first-run.js";
import { seedDemo } from "../../src/modules/demo/demo-seed.js";
import type { DialectName } from "../../src/platform/db/database.js";
import { createTestDatabase } from "./db.js";

export const TEST_ADMIN = { email: "admin@test.local", password: "Admin-password-2024" };

export interface TestPlatform {
  platform: Platform;
  config: Config;
  url: string;
  adminEmail: string;
  adminPassword: string;
  close(): Promise<void>;
}

export async function startTestPlatform(
  options: {
    dialect?: DialectName;
    demo?: boolean;
    listen?: boolean;
    webDir?: string;
    env?: Record<string, string>;
    /** Server logger (default: none); the request-log test captures it. */
    logger?: FastifyServerOptions["logger"];
  } = {},
): Promise<TestPlatform> {
  const testDb = await createTestDatabase(options.dialect ?? "sqlite");
  const config: Config = {
    ...loadConfig({
      HAIDANG_DATA_DIR: testDb.dataDir,
      LOG_LEVEL: "silent",
      HAIDANG_JOBS: "off",
      // Suites that test the worker threads ask for them; the others keep drafting in-process.
      HAIDANG_MONITOR_WORKERS: "0",
      HAIDANG_CHECK_RESPONSES: "true",
      // Suites about the second factor ask for it; the others sign the administrator in with a password.
      HAIDANG_MFA_REQUIRED_ROLES: "",
      ...options.env,
    }),
    database: testDb.database,
    admin: { email: TEST_ADMIN.email, password: TEST_ADMIN.password },
  };
  const platform = await createPlatform(config, {
    logger: options.logger ?? false,
    ...(options.webDir && { webDir: options.webDir }),
  });
  const { services } = platform;
  await ensureAdministrator(
    { db: services.db, auth: services.authRepository, audit: services.audit },
    config.admin,
  );
  if (options.demo) await seedDemo(services);
  const url = options.listen ? await platform.app.listen({ port: 0, host: "127.0.0.1" }) : "";
  return {
    platform,
    config,
    url,
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
    async close() {
      await platform.close();
      await testDb.drop();
    },
  };
}

/** Back-compat name used by the browser tests. */
export async function startTestServer(options: { dialect?: DialectName; webDir?: string } = {}) {
  const t = await startTestPlatform({ ...options, demo: true, listen: true });
  return { url: t.url, adminEmail: t.adminEmail, adminPassword: t.adminPassword, close: t.close };
}
