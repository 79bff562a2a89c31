import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["src/web/**", "node_modules/**", "dist/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // One file at a time on a two-core machine (Vitest's default: cores − 1). Two at once took CI's Node 20
    // run from 752 to 604 s, but under that contention two browser tests (OCR import, tablet layout)
    // missed their time limits on Node 24: browser files need their own sequential group first.
  },
});
