import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["src/web/**", "node_modules/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Most suites wait on PostgreSQL, Chromium, LibreOffice or child processes rather than compute: at
    // least two files at once even on a two-core machine (Vitest's default there is one), which took
    // CI's Vitest run from about 750 s to XXX s.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
