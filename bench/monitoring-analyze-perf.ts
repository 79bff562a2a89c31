/**
 * Throughput of the analyser (items/s) on generated articles built from fixture sentences.
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-analyze-perf.ts [items]
 */
import { readdirSync, readFileSync } from "node:fs";
import {
  analyzeArticle,
  DEFAULT_ANALYSIS_CONFIG,
} from "../src/modules/monitoring/analysis/article.analyze.js";
import { loadLanguageModel } from "../src/modules/monitoring/analysis/language.identify.js";
import { bandKeys, minhash } from "../src/modules/monitoring/analysis/near-duplicate.minhash.js";

const dir = new URL("../test/fixtures/monitoring/articles/", import.meta.url);
const sentences: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
  const text = readFileSync(new URL(file, dir), "utf8");
  sentences.push(...text.split(/(?<=[.。!?])\s*/).filter((s) => s.trim().length > 10));
}

// Deterministic pseudo-random generator so runs are comparable.
let seed = 42;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = () => sentences[Math.floor(random() * sentences.length)] as string;

const count = Number(process.argv[2] ?? 2000);
const items = Array.from({ length: count }, () => ({
  title: pick(),
  text: Array.from({ length: 12 + Math.floor(random() * 20) }, pick).join(" "),
}));
const avgChars = Math.round(items.reduce((n, i) => n + i.text.length, 0) / count);

const loadStart = performance.now();
const config = { ...DEFAULT_ANALYSIS_CONFIG, languageModel: await loadLanguageModel() };
const loadMs = performance.now() - loadStart;

for (const item of items.slice(0, 50)) analyzeArticle(item, config); // warm-up
let start = performance.now();
for (const item of items) analyzeArticle(item, config);
const analyzeSeconds = (performance.now() - start) / 1000;

start = performance.now();
for (const item of items) bandKeys(minhash(item.text));
const minhashSeconds = (performance.now() - start) / 1000;

console.log(
  `- Generated items: ${count}, average ${avgChars} characters (mixed languages, from fixture sentences)`,
);
console.log(`- Model load (fastText lid.176, once per process): ${loadMs.toFixed(0)} ms`);
console.log(
  `- analyzeArticle: ${(count / analyzeSeconds).toFixed(0)} items/s (${((analyzeSeconds * 1000) / count).toFixed(2)} ms/item, one thread)`,
);
console.log(`- minhash + bandKeys: ${(count / minhashSeconds).toFixed(0)} items/s`);
