import { defineConfig } from "vitest/config";

/**
 * Two lanes. `npm test` runs them as two Vitest processes side by side, one file at a time each, so the
 * two cores of a CI machine both work and two browsers never compete (two at once starved each other into
 * time-outs): "browser" holds the suites that drive Chromium or start whole processes behind nginx,
 * "server" everything else. `npx vitest run FILE` runs the files it is given, one at a time.
 */
const lane = {
  testTimeout: 30_000,
  hookTimeout: 120_000,
  pool: "forks" as const,
  maxWorkers: 1,
  // The files of a lane share one process: the app's modules are imported once, not once per file (the
  // server lane went from ~550 to ~430 s). Every suite builds its own platform, database and servers, and
  // restores whatever process state it changes.
  isolate: false,
  // The compiled CLI (both lanes start it) and the PostgreSQL cluster of the database suites.
  globalSetup: ["test/support/global-setup.ts"],
};

export const BROWSER_LANE = ["test/e2e/**/*.test.ts", "test/cluster/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: [
      { test: { ...lane, name: "browser", include: BROWSER_LANE } },
      {
        test: {
          ...lane,
          name: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["src/web/**", "node_modules/**", "dist/**", ...BROWSER_LANE],
        },
      },
    ],
  },
});
