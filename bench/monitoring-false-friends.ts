/**
 * False friends of the city's name (issue 10 §3): precision and recall per class on fixtures written for
 * it (`test/fixtures/monitoring/false-friends/`): streets named after the city, people whose name holds
 * it, and Vietnamese written without diacritics (language identification).
 *   node --import ./scripts/ts-loader.mjs bench/monitoring-false-friends.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzeFile } from "../src/modules/monitoring/analysis/analyze-file.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../src/modules/monitoring/analysis/article.analyze.js";
import { loadLanguageModel } from "../src/modules/monitoring/analysis/language.identify.js";

const fixtures = new URL("../test/fixtures/monitoring/false-friends/", import.meta.url);
const labels = JSON.parse(readFileSync(new URL("labels.json", fixtures), "utf8")) as {
  articles: Record<string, { class: string; language: string; mentionsCity: boolean }>;
};
const config = { ...DEFAULT_ANALYSIS_CONFIG, languageModel: await loadLanguageModel() };

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function tally(c: Counts, predicted: boolean, expected: boolean) {
  if (predicted && expected) c.tp++;
  else if (predicted) c.fp++;
  else if (expected) c.fn++;
  else c.tn++;
}
const ratio = (a: number, b: number) => (b === 0 ? "—" : `${((a / b) * 100).toFixed(1)}%`);
const pr = (c: Counts) =>
  `precision ${ratio(c.tp, c.tp + c.fp)}, recall ${ratio(c.tp, c.tp + c.fn)} (TP ${c.tp}, FP ${c.fp}, FN ${c.fn}, TN ${c.tn})`;

const mentions = new Map<string, Counts>();
const vietnamese = new Map<string, Counts>();
const languageOk = new Map<string, { ok: number; total: number }>();
const errors: string[] = [];
for (const [file, label] of Object.entries(labels.articles)) {
  const result = await analyzeFile(fileURLToPath(new URL(file, fixtures)), config);
  const m = mentions.get(label.class) ?? empty();
  tally(m, result.mentionsCity, label.mentionsCity);
  mentions.set(label.class, m);
  const v = vietnamese.get(label.class) ?? empty();
  tally(v, result.language === "vi", label.language === "vi");
  vietnamese.set(label.class, v);
  const l = languageOk.get(label.class) ?? { ok: 0, total: 0 };
  l.total++;
  if (result.language === label.language) l.ok++;
  else errors.push(`LANG ${file}: ${result.language} (${result.why.language}), expected ${label.language}`);
  languageOk.set(label.class, l);
  if (result.mentionsCity !== label.mentionsCity)
    errors.push(
      `${result.mentionsCity ? "FP" : "FN"} ${file}: ${result.why.mentions.map((x) => `${x.text} (${x.reason})`).join("; ") || "no mention"}`,
    );
}
const all = (map: Map<string, Counts>) =>
  [...map.values()].reduce(
    (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }),
    empty(),
  );
console.log(`- Fixture set: ${Object.keys(labels.articles).length} articles written for the three classes`);
for (const [cls, c] of mentions) {
  const l = languageOk.get(cls) ?? { ok: 0, total: 0 };
  console.log(`- ${cls}: mentions the city ${pr(c)}; language ${l.ok}/${l.total}`);
}
console.log(`- all classes: mentions the city ${pr(all(mentions))}`);
console.log(`- unaccented: Vietnamese identified ${pr(vietnamese.get("unaccented") ?? empty())}`);
console.log(`- all classes: Vietnamese identified ${pr(all(vietnamese))}`);
if (errors.length) console.log(`- Errors: ${errors.join("; ")}`);
