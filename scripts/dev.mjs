// Development: the API server from TypeScript sources (watch) on :8080 and the Vite dev server on :5173.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { NODE_ENV: "development", LOG_LEVEL: "info", ...process.env };
const children = [
  spawn(
    process.execPath,
    ["--watch", "--import", "./scripts/ts-loader.mjs", "src/cli/index.ts", "serve", "--demo"],
    { cwd: root, stdio: "inherit", env },
  ),
  spawn(join(root, "node_modules", ".bin", "vite"), ["--port", "5173"], { cwd: root, stdio: "inherit", env }),
];
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
  });
