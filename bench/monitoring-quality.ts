/**
 * Quality of media-monitoring analysis on the hand-labelled fixtures:
 * precision/recall of mention detection (per alias and per article), language accuracy, near-duplicates.
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-quality.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzeFile } from "../src/modules/monitoring/analysis/analyze-file.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../src/modules/monitoring/analysis/article.analyze.js";
import { loadLanguageModel } from "../src/modules/monitoring/analysis/language.identify.js";
import { minhash, similarity } from "../src/modules/monitoring/analysis/near-duplicate.minhash.js";

const fixtures = new URL("../test/fixtures/monitoring/", import.meta.url);
const labels = JSON.parse(readFileSync(new URL("labels.json", fixtures), "utf8")) as {
  articles: Record<string, { language: string; mentionsCity: boolean; aliases: string[] }>;
  nearDuplicates: [string, string][];
};
const config = { ...DEFAULT_ANALYSIS_CONFIG, languageModel: await loadLanguageModel() };

let tp = 0;
let fp = 0;
let fn = 0;
let docTp = 0;
let docFp = 0;
let docFn = 0;
let langOk = 0;
const errors: string[] = [];
const perLanguage = new Map<string, { ok: number; total: number }>();
const texts = new Map<string, string>();
for (const [file, label] of Object.entries(labels.articles)) {
  const path = fileURLToPath(new URL(`articles/${file}`, fixtures));
  texts.set(file, readFileSync(path, "utf8"));
  const result = await analyzeFile(path, config);
  const got = new Set(result.mentions.map((m) => m.alias));
  const expected = new Set(label.aliases);
  for (const a of got)
    if (expected.has(a)) tp++;
    else {
      fp++;
      errors.push(`FP ${file}: ${a}`);
    }
  for (const a of expected)
    if (!got.has(a)) {
      fn++;
      errors.push(`FN ${file}: ${a}`);
    }
  if (result.mentionsCity && label.mentionsCity) docTp++;
  if (result.mentionsCity && !label.mentionsCity) docFp++;
  if (!result.mentionsCity && label.mentionsCity) docFn++;
  const stat = perLanguage.get(label.language) ?? { ok: 0, total: 0 };
  stat.total++;
  if (result.language === label.language) {
    langOk++;
    stat.ok++;
  } else errors.push(`LANG ${file}: ${result.language} (expected ${label.language})`);
  perLanguage.set(label.language, stat);
}
const n = Object.keys(labels.articles).length;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const dupSims = labels.nearDuplicates.map(([a, b]) =>
  similarity(minhash(texts.get(a) ?? ""), minhash(texts.get(b) ?? "")),
);
const files = [...texts.keys()];
let maxOther = 0;
for (let i = 0; i < files.length; i++)
  for (let j = i + 1; j < files.length; j++) {
    const pair = [files[i], files[j]];
    if (labels.nearDuplicates.some(([a, b]) => pair.includes(a) && pair.includes(b))) continue;
    maxOther = Math.max(
      maxOther,
      similarity(minhash(texts.get(files[i] as string) ?? ""), minhash(texts.get(files[j] as string) ?? "")),
    );
  }

console.log(
  `- Fixture set: ${n} hand-labelled articles (vi, en, zh, ja, ko, fr, ru; ${Object.values(labels.articles).filter((l) => l.mentionsCity).length} with mentions)`,
);
console.log(
  `- Mentions (alias level): precision ${pct(tp / (tp + fp))}, recall ${pct(tp / (tp + fn))} (TP ${tp}, FP ${fp}, FN ${fn})`,
);
console.log(
  `- Mentions city (article level): precision ${pct(docTp / (docTp + docFp))}, recall ${pct(docTp / (docTp + docFn))}`,
);
console.log(
  `- Language accuracy: ${pct(langOk / n)} (${langOk}/${n}); ${[...perLanguage].map(([l, s]) => `${l} ${s.ok}/${s.total}`).join(", ")}`,
);
console.log(
  `- Near-duplicates: MinHash similarity of labelled pairs ${dupSims.map((s) => s.toFixed(2)).join(", ")}; max of other pairs ${maxOther.toFixed(2)}`,
);
if (errors.length) console.log(`- Errors: ${errors.join("; ")}`);
