/**
 * The whole understanding of one monitored item: language, mentions of the city, topics, tone and flags,
 * each with the evidence ("why") an officer needs to trust or correct it.
 */
import { htmlToText } from "../extract/html.text.js";
import { identifyLanguage, type LanguageModel } from "./language.identify.js";
import { DEFAULT_MENTION_ALIASES, type MentionAlias } from "./mention.aliases.js";
import { detectMentions } from "./mention.detect.js";
import { checkFalseInformation, classifyTone, type Tone } from "./tone.classify.js";
import {
  DEFAULT_FALSE_INFO_LEXICON,
  DEFAULT_TONE_LEXICON,
  type FalseInfoLexicon,
  type ToneLexicon,
} from "./tone.lexicon.js";
import { classifyTopics, type TopicScore } from "./topic.classify.js";
import { DEFAULT_TOPICS, type TopicDefinition } from "./topic.terms.js";

/** Editable data and the loaded language model used by `analyzeArticle`. */
export interface AnalysisConfig {
  aliases: MentionAlias[];
  topics: TopicDefinition[];
  /** Minimum topic score to report a topic. */
  topicMinScore: number;
  tone: ToneLexicon;
  falseInfo: FalseInfoLexicon;
  /** From `loadLanguageModel()`; without it only script rules decide the language. */
  languageModel?: LanguageModel;
}

/** The default data (what the database is seeded with), without a language model. */
export const DEFAULT_ANALYSIS_CONFIG: AnalysisConfig = {
  aliases: DEFAULT_MENTION_ALIASES,
  topics: DEFAULT_TOPICS,
  topicMinScore: 3,
  tone: DEFAULT_TONE_LEXICON,
  falseInfo: DEFAULT_FALSE_INFO_LEXICON,
};

/** One article to analyse. `html` is used for the text when `text` is empty. */
export interface ArticleInput {
  title: string;
  text: string;
  html?: string;
  /** ISO 3166 alpha-2 country of the outlet ("VN", "CN"). */
  sourceCountry?: string;
  sourceId?: string;
  /** Host name of the article URL, for the host watch-list. */
  sourceHost?: string;
}

/** Flags raised on an item. */
export type AnalysisFlag = "check_false_info" | "foreign_press";

/** The analysis result; this is what `haidang monitor analyze FILE --json` prints. */
export interface ArticleAnalysis {
  language: string;
  languageConfidence: number;
  mentionsCity: boolean;
  /** Offsets are into `${title}\n\n${text}` (the analysed document). */
  mentions: { alias: string; text: string; offset: number }[];
  topics: TopicScore[];
  tone: Tone;
  flags: AnalysisFlag[];
  why: {
    language: string;
    mentions: { alias: string; text: string; reason: string }[];
    tone: { score: number; positive: string[]; negative: string[]; negated: string[] };
    flags: { flag: AnalysisFlag; reasons: string[] }[];
  };
}

/**
 * Analyses one article. Pure and synchronous: load the language model once (`loadLanguageModel`) and put it
 * in the config.
 *
 * @example
 * const config = { ...DEFAULT_ANALYSIS_CONFIG, languageModel: await loadLanguageModel() };
 * analyzeArticle({ title: "Haiphong port", text: "Container throughput at Lach Huyen rose..." }, config);
 */
export function analyzeArticle(input: ArticleInput, config: AnalysisConfig): ArticleAnalysis {
  const text = input.text.trim() || (input.html ? htmlToText(input.html) : "");
  const document = input.title ? `${input.title}\n\n${text}` : text;
  const language = identifyLanguage(document, config.languageModel);
  const mentions = detectMentions(document, config.aliases);
  const topics = classifyTopics({ title: input.title, text }, config.topics, config.topicMinScore);
  const tone = classifyTone(document, config.tone);
  const falseInfo = checkFalseInformation(
    document,
    { sourceId: input.sourceId, host: input.sourceHost },
    config.falseInfo,
  );

  const flags: ArticleAnalysis["flags"] = [];
  const flagWhy: ArticleAnalysis["why"]["flags"] = [];
  if (falseInfo.isFlagged) {
    flags.push("check_false_info");
    flagWhy.push({ flag: "check_false_info", reasons: falseInfo.reasons });
  }
  const country = input.sourceCountry?.toUpperCase();
  if (country && country !== "VN") {
    flags.push("foreign_press");
    flagWhy.push({ flag: "foreign_press", reasons: [`source country: ${country}`] });
  }
  return {
    language: language.language,
    languageConfidence: Math.round(language.confidence * 1000) / 1000,
    mentionsCity: mentions.length > 0,
    mentions: mentions.map((m) => ({ alias: m.alias, text: m.text, offset: m.offset })),
    topics,
    tone: tone.tone,
    flags,
    why: {
      language: language.reason,
      mentions: mentions.map((m) => ({ alias: m.alias, text: m.text, reason: m.reason })),
      tone: { score: tone.score, positive: tone.positive, negative: tone.negative, negated: tone.negated },
      flags: flagWhy,
    },
  };
}
