// Node module hook that strips TypeScript types so scripts and benches run without a build step:
//   node --import ./scripts/ts-loader.mjs bench/x.ts
// Uses `ts.transpileModule` (no type checking; `tsc --noEmit` does that). Relative imports written with
// `.js` (NodeNext style) are resolved to the `.ts` file beside them when the `.js` file does not exist.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { register } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread } from "node:worker_threads";

if (isMainThread && !globalThis.__haidangTsLoaderRegistered) {
  globalThis.__haidangTsLoaderRegistered = true;
  register(import.meta.url, pathToFileURL("./"));
}

let ts;

/** Resolve hook: `./x.js` → `./x.ts` when only the TypeScript source exists. */
export async function resolve(specifier, context, nextResolve) {
  if (
    (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:")) &&
    context.parentURL
  ) {
    const url = new URL(specifier, context.parentURL);
    if (url.protocol === "file:" && url.pathname.endsWith(".js") && !existsSync(fileURLToPath(url))) {
      const tsUrl = new URL(url.href.replace(/\.js$/, ".ts"));
      if (existsSync(fileURLToPath(tsUrl))) return { url: tsUrl.href, shortCircuit: true, format: "module" };
    }
    if (url.protocol === "file:" && url.pathname.endsWith(".ts"))
      return { url: url.href, shortCircuit: true, format: "module" };
  }
  return nextResolve(specifier, context);
}

/** Load hook: transpile `.ts` files to ESM JavaScript. */
export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  ts ??= (await import("typescript")).default;
  const source = await readFile(fileURLToPath(url), "utf8");
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      sourceMap: false,
      inlineSourceMap: true,
      verbatimModuleSyntax: false,
    },
  });
  return { format: "module", source: out.outputText, shortCircuit: true };
}
