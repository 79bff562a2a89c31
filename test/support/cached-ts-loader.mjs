// The project's TypeScript loader (scripts/ts-loader.mjs) with a disk cache of transpiled modules, for
// tests that start the CLI many times: a cache hit skips loading the TypeScript compiler (~3 s a run).
// Keyed by the source text, so an edited file is transpiled again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";
// Evaluated before the project loader (imports run in order): it must not register itself as well.
import "data:text/javascript,globalThis.__haidangTsLoaderRegistered=true";
import { resolve as resolveTs, load as transpile } from "../../scripts/ts-loader.mjs";

if (isMainThread && !globalThis.__haidangCachedTsLoaderRegistered) {
  globalThis.__haidangCachedTsLoaderRegistered = true;
  register(import.meta.url, pathToFileURL("./"));
}

const CACHE_DIR = path.join(os.tmpdir(), "haidang-ts-cache-v1");
export const resolve = resolveTs;

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const source = readFileSync(fileURLToPath(url), "utf8");
  const key = createHash("sha256").update(url).update("\0").update(source).digest("hex");
  const cached = path.join(CACHE_DIR, `${key}.js`);
  if (existsSync(cached))
    return { format: "module", source: readFileSync(cached, "utf8"), shortCircuit: true };
  const out = await transpile(url, context, nextLoad);
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${cached}.${process.pid}.tmp`;
  writeFileSync(tmp, out.source);
  renameSync(tmp, cached);
  return out;
}
