/**
 * The analysis configuration built from the editable dictionaries, cached until any dictionary changes.
 * The fastText language model is loaded once per process (lazily: the CLI and tests that never analyse
 * don't pay for it).
 */
import type { DbOrTrx } from "../../../platform/db/database.js";
import { type AnalysisConfig, DEFAULT_ANALYSIS_CONFIG } from "../analysis/article.analyze.js";
import { type LanguageModel, loadLanguageModel } from "../analysis/language.identify.js";
import type { DictionariesRepository } from "../storage/dictionaries.repository.js";

export interface AnalysisConfigProvider {
  get(db: DbOrTrx): Promise<AnalysisConfig>;
  /** Forget the cache (after a dictionary edit in this process). */
  invalidate(): void;
}

/** Builds the config from dictionary rows; unknown or broken rows fall back to the library defaults. */
export function configFromDictionaries(rows: { kind: string; data_json: string }[]): AnalysisConfig {
  const config: AnalysisConfig = { ...DEFAULT_ANALYSIS_CONFIG };
  for (const row of rows) {
    const data = JSON.parse(row.data_json) as unknown;
    if (row.kind === "aliases") config.aliases = data as AnalysisConfig["aliases"];
    else if (row.kind === "topics") {
      const t = data as { minScore: number; topics: AnalysisConfig["topics"] };
      config.topics = t.topics;
      config.topicMinScore = t.minScore;
    } else if (row.kind === "tone") config.tone = data as AnalysisConfig["tone"];
    else if (row.kind === "false_info") config.falseInfo = data as AnalysisConfig["falseInfo"];
  }
  return config;
}

export function createAnalysisConfigProvider(deps: {
  dictionaries: DictionariesRepository;
  /** Injected in tests and benches that share one model. */
  loadModel?: () => Promise<LanguageModel>;
}): AnalysisConfigProvider {
  let model: Promise<LanguageModel> | null = null;
  let cached: { version: number; config: AnalysisConfig } | null = null;
  return {
    async get(db) {
      model ??= (deps.loadModel ?? loadLanguageModel)();
      const version = await deps.dictionaries.versionSum(db);
      if (cached?.version !== version) {
        const config = configFromDictionaries(await deps.dictionaries.all(db));
        cached = { version, config: { ...config, languageModel: await model } };
      }
      return cached.config;
    },
    invalidate() {
      cached = null;
    },
  };
}
