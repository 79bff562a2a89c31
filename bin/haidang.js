#!/usr/bin/env node
import { spawnSync } from "node:child_process";
// Entry point of the `haidang` command: runs the compiled CLI, building it first on a fresh checkout.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "server", "cli", "index.js");
if (!existsSync(entry)) {
  console.error("Đang biên dịch lần đầu / building for the first time…");
  const r = spawnSync(process.execPath, [join(root, "scripts", "build.mjs"), "--server-only"], {
    stdio: "inherit",
    cwd: root,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(entry);
