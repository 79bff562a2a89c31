import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["src/web/**", "node_modules/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
  },
});
