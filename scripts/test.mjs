// `npm test`: type-check, lint, build the web app (the browser tests use it), then every Vitest suite.
// Prerequisites: PostgreSQL server binaries (or TEST_DATABASE_URL), Chromium at /usr/bin/chromium,
// LibreOffice (soffice) for document tests. Under CI=true a missing prerequisite fails the run;
// otherwise the suite that needs it says so in one line and is skipped.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const args = process.argv.slice(2);

function step(label, cmd, cmdArgs, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✗ ${label} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (!args.includes("--quick")) {
  step("typecheck (server)", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]);
  step("typecheck (web)", bin("tsc"), ["-p", "tsconfig.web.json", "--noEmit"]);
  step("lint (biome)", bin("biome"), ["check", "--diagnostic-level=error", "."]);
  step("build web app", bin("vite"), ["build", "--logLevel", "warn"]);
}
const vitestArgs = args.filter((a) => a !== "--quick");
const testEnv = { HAIDANG_FETCH_ALLOW_PRIVATE: "true" };
if (vitestArgs.length > 0) {
  // `npm test -- FILE…` or Vitest options: one Vitest run with exactly those.
  step("tests (vitest)", bin("vitest"), ["run", ...vitestArgs], testEnv);
} else {
  // The CLI the tests start, compiled once for both lanes (see test/support/global-setup.ts).
  const cliOut = join(root, ".test-build", "server");
  step("compile the CLI for the tests", process.execPath, [
    join(root, "scripts", "transpile-server.mjs"),
    cliOut,
  ]);
  await lanes(["browser", "server"], { ...testEnv, HAIDANG_TEST_CLI: join(cliOut, "cli", "index.js") });
}

/**
 * Runs Vitest's two projects (vitest.config.ts) as two processes side by side, one file at a time each:
 * both cores work, and no two browsers ever compete. Each line is prefixed with its lane.
 */
async function lanes(names, env) {
  const started = Date.now();
  console.log(`\n▶ tests (vitest, lanes: ${names.join(" + ")})`);
  const children = [];
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      for (const child of children) child.kill(signal);
      process.exit(1);
    });
  }
  const results = await Promise.all(
    names.map(
      (name) =>
        new Promise((resolve) => {
          const child = spawn(bin("vitest"), ["run", "--project", name], {
            cwd: root,
            env: { ...process.env, ...env },
            stdio: ["ignore", "pipe", "pipe"],
          });
          children.push(child);
          const prefix = `${name.padEnd(7)} │ `;
          for (const [stream, out] of [
            [child.stdout, process.stdout],
            [child.stderr, process.stderr],
          ]) {
            createInterface({ input: stream }).on("line", (line) => out.write(`${prefix}${line}\n`));
          }
          child.on("close", (code) => resolve({ name, code }));
        }),
    ),
  );
  const failed = results.filter((r) => r.code !== 0);
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (failed.length > 0) {
    console.error(
      `✗ tests failed in ${failed.map((r) => `${r.name} (exit ${r.code})`).join(", ")} (${took})`,
    );
    process.exit(1);
  }
  console.log(`✓ tests (vitest, ${names.length} lanes) (${took})`);
}
