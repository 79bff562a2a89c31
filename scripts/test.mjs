// `npm test`: type-check, lint, build the web app (the browser tests use it), then every Vitest suite.
// Prerequisites: PostgreSQL server binaries (or TEST_DATABASE_URL), Chromium at /usr/bin/chromium,
// LibreOffice (soffice) for document tests. Under CI=true a missing prerequisite fails the run;
// otherwise the suite that needs it says so in one line and is skipped.
// Independent steps run two at a time (CI machines have two cores), their lines prefixed with their name.
//   node scripts/test.mjs [--quick] [--lanes-in-turn] [vitest arguments…]
//   --quick: only the tests (CI's second Node.js); --lanes-in-turn: the two lanes one after the other
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const args = process.argv.slice(2);
const OPTIONS = ["--quick", "--lanes-in-turn"];
const vitestArgs = args.filter((a) => !OPTIONS.includes(a));
const testEnv = { HAIDANG_FETCH_ALLOW_PRIVATE: "true" };
const cliOut = join(root, ".test-build", "server");

const children = new Set();
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(1);
  });
}

if (!args.includes("--quick")) {
  await together("checks", [
    { name: "tsc server", cmd: bin("tsc"), args: ["-p", "tsconfig.json", "--noEmit"] },
    { name: "tsc web", cmd: bin("tsc"), args: ["-p", "tsconfig.web.json", "--noEmit"] },
  ]);
  await together("lint and build", [
    { name: "biome", cmd: bin("biome"), args: ["check", "--diagnostic-level=error", "."] },
    { name: "vite", cmd: bin("vite"), args: ["build", "--logLevel", "warn"] },
  ]);
}
if (vitestArgs.length > 0) {
  // `npm test -- FILE…` or Vitest options: one Vitest run with exactly those.
  await together("tests (vitest)", [
    { name: "vitest", cmd: bin("vitest"), args: ["run", ...vitestArgs], env: testEnv },
  ]);
} else {
  // The CLI the tests start, compiled once for both lanes (see test/support/global-setup.ts).
  await together("compile the CLI for the tests", [
    { name: "cli", cmd: process.execPath, args: [join(root, "scripts", "transpile-server.mjs"), cliOut] },
  ]);
  // Vitest's two projects (vitest.config.ts) as two processes side by side, one file at a time each:
  // both cores work, and no two browsers ever compete.
  const env = { ...testEnv, HAIDANG_TEST_CLI: join(cliOut, "cli", "index.js") };
  const lanes = ["browser", "server"].map((lane) => ({
    name: lane,
    cmd: bin("vitest"),
    args: ["run", "--project", lane],
    env,
  }));
  if (args.includes("--lanes-in-turn")) {
    // One lane after the other (see .ci/run: Node.js 24's pass).
    for (const lane of lanes) await together(`tests (vitest, lane ${lane.name})`, [lane]);
  } else {
    await together("tests (vitest, two lanes)", lanes);
  }
}

/** Runs the jobs at the same time, each line prefixed with its job's name; stops the run if one fails. */
async function together(label, jobs) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const width = Math.max(...jobs.map((job) => job.name.length));
  const results = await Promise.all(
    jobs.map(
      (job) =>
        new Promise((resolve) => {
          const child = spawn(job.cmd, job.args, {
            cwd: root,
            env: { ...process.env, ...job.env },
            stdio: ["ignore", "pipe", "pipe"],
          });
          children.add(child);
          const prefix = jobs.length > 1 ? `${job.name.padEnd(width)} │ ` : "";
          for (const [stream, out] of [
            [child.stdout, process.stdout],
            [child.stderr, process.stderr],
          ]) {
            createInterface({ input: stream }).on("line", (line) => out.write(`${prefix}${line}\n`));
          }
          child.on("close", (code) => {
            children.delete(child);
            resolve({ name: job.name, code });
          });
        }),
    ),
  );
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length > 0) {
    console.error(
      `✗ ${label} failed: ${failed.map((r) => `${r.name} (exit ${r.code})`).join(", ")} (${took})`,
    );
    process.exit(1);
  }
  console.log(`✓ ${label} (${took})`);
}
