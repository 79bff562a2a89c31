// Builds the server (tsc → dist/server) and the web app (vite → dist/web). `--server-only` skips the web app.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

function step(label, cmd, args) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`✗ ${label} thất bại / failed`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

step("server: tsc", bin("tsc"), ["-p", "tsconfig.build.json"]);
if (!process.argv.includes("--server-only"))
  step("web: vite build", bin("vite"), ["build", "--logLevel", "warn"]);
mkdirSync(join(root, "dist"), { recursive: true });
writeFileSync(join(root, "dist", ".build-stamp"), new Date().toISOString());
