// `npm test`: type-check, lint, build the web app (the browser tests use it), then every Vitest suite.
// Prerequisites: PostgreSQL server binaries (or TEST_DATABASE_URL), Chromium at /usr/bin/chromium,
// LibreOffice (soffice) for document tests. Under CI=true a missing prerequisite fails the run;
// otherwise the suite that needs it says so in one line and is skipped.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
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
step("tests (vitest)", bin("vitest"), ["run", ...args.filter((a) => a !== "--quick")], {
  HAIDANG_FETCH_ALLOW_PRIVATE: "true",
});
