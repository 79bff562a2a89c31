// `npm start`: build when the sources changed since the last build, then serve with demo data.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".build-stamp");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const isStale =
  !existsSync(stamp) ||
  !existsSync(join(root, "dist", "web", "index.html")) ||
  Math.max(newestMtime(join(root, "src")), statSync(join(root, "package.json")).mtimeMs) >
    statSync(stamp).mtimeMs;

if (isStale) {
  console.log("Đang biên dịch / building…");
  const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs")], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const child = spawn(
  process.execPath,
  [join(root, "dist", "server", "cli", "index.js"), "serve", "--demo", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: { NODE_ENV: "production", ...process.env },
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
