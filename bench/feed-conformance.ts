/**
 * Feed reader conformance on feedparser's test feeds (issue 14 §3): pass rate of the mapped `Expect:`
 * parts per folder, crashes, executable HTML left after sanitising, and text kept in the sanitize folder.
 * The mapping and what is left out are documented in `test/support/feed-conformance.ts`.
 *   node --import ./scripts/ts-loader.mjs bench/feed-conformance.ts [--failures FOLDER]
 */
import { fileURLToPath } from "node:url";
import { sanitizeHtml } from "../src/modules/monitoring/extract/html.sanitize.js";
import {
  findConformanceRoot,
  hasExecutableHtml,
  LEFT_OUT_FOLDERS,
  runConformance,
} from "../test/support/feed-conformance.js";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const root = findConformanceRoot(repoRoot);
if (!root) {
  console.error("conformance_missing: no shared/conformance/feedparser beside the repository");
  process.exit(2);
}
const showFailures = process.argv.includes("--failures")
  ? process.argv[process.argv.indexOf("--failures") + 1]
  : undefined;
const started = performance.now();
const byFolder = runConformance(root, sanitizeHtml, hasExecutableHtml);
const ms = performance.now() - started;
const TARGET = new Set([
  "wellformed/rss",
  "wellformed/atom",
  "wellformed/atom10",
  "wellformed/rdf",
  "wellformed/base",
  "wellformed/lang",
  "wellformed/amp",
  "illformed",
  "encoding",
]);
let files = 0;
let crashes = 0;
let unsafe = 0;
let targetMapped = 0;
let targetPassed = 0;
console.log("| Folder | Files | Mapped parts | Passed | Rate | Crashes | Executable HTML |");
console.log("|---|---|---|---|---|---|---|");
for (const [folder, results] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
  const mapped = results.reduce((s, r) => s + r.mapped, 0);
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const crashed = results.filter((r) => r.crashed).length;
  const bad = results.reduce((s, r) => s + r.unsafe.length, 0);
  files += results.length;
  crashes += crashed;
  unsafe += bad;
  if (TARGET.has(folder)) {
    targetMapped += mapped;
    targetPassed += passed;
  }
  const leftOut = LEFT_OUT_FOLDERS.some((f) => folder.endsWith(`/${f}`)) ? " (left out)" : "";
  const rate = mapped ? `${((passed / mapped) * 100).toFixed(1)}%` : "—";
  console.log(
    `| ${folder}${leftOut}${TARGET.has(folder) ? " **target**" : ""} | ${results.length} | ${mapped} | ${passed} | ${rate} | ${crashed} | ${bad} |`,
  );
  if (folder === showFailures)
    for (const r of results)
      if (r.failures.length || r.crashed)
        console.error(`${r.file}: ${r.crashed ?? ""} ${r.failures.join(" | ")}`);
}
const sanitize = byFolder.get("wellformed/sanitize") ?? [];
const kept = sanitize.filter((r) => r.textKept && r.textKept.expected > 0);
const keptRatio =
  kept.reduce((s, r) => s + Math.min(1, (r.textKept?.ours ?? 0) / (r.textKept?.expected ?? 1)), 0) /
  Math.max(1, kept.length);
console.log("");
console.log(
  `- Files: ${files}; crashes: ${crashes}; executable HTML after sanitising: ${unsafe}; ${ms.toFixed(0)} ms`,
);
console.log(
  `- Target folders: ${targetPassed}/${targetMapped} mapped parts pass (${((targetPassed / Math.max(1, targetMapped)) * 100).toFixed(1)}%)`,
);
console.log(
  `- Sanitize folder: mean share of feedparser's text kept ${(keptRatio * 100).toFixed(1)}% over ${kept.length} files with text`,
);
