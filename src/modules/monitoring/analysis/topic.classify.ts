/**
 * Topic scoring from weighted term lists (see `topic.terms.ts`).
 */
import { findPhrase, foldForPhrases, type PreparedPhrase, preparePhrases } from "./phrase.match.js";
import type { TopicDefinition, TopicKey } from "./topic.terms.js";

/** One topic label with the terms that earned it. */
export interface TopicScore {
  topic: TopicKey;
  score: number;
  terms: string[];
}

/** Occurrences of one term beyond this count add nothing: repetition is not relevance. */
const MAX_COUNT_PER_TERM = 3;
/** Title words weigh more: the headline says what the article is about. */
const TITLE_FACTOR = 2;

const prepared = new WeakMap<TopicDefinition, { phrases: PreparedPhrase[]; weights: number[] }>();

function prepareTopic(def: TopicDefinition) {
  let p = prepared.get(def);
  if (!p) {
    p = { phrases: preparePhrases(def.terms.map((t) => t.term)), weights: def.terms.map((t) => t.weight) };
    prepared.set(def, p);
  }
  return p;
}

/**
 * Scores every topic on a title and body; returns topics whose score reaches `minScore`, best first.
 *
 * @example classifyTopics({ title: "Hải Phòng thu hút đầu tư", text: "..." }, DEFAULT_TOPICS, 3)
 *   // [{ topic: "economy_investment", score: 6, terms: ["thu hút đầu tư", "đầu tư"] }]
 */
export function classifyTopics(
  input: { title: string; text: string },
  topics: TopicDefinition[],
  minScore: number,
): TopicScore[] {
  const title = foldForPhrases(input.title);
  const body = foldForPhrases(input.text);
  const result: TopicScore[] = [];
  for (const def of topics) {
    const { phrases, weights } = prepareTopic(def);
    let score = 0;
    const terms: string[] = [];
    phrases.forEach((phrase, i) => {
      const inTitle = Math.min(MAX_COUNT_PER_TERM, findPhrase(title, phrase).length);
      const inBody = Math.min(MAX_COUNT_PER_TERM, findPhrase(body, phrase).length);
      if (inTitle + inBody === 0) return;
      score += (weights[i] ?? 1) * (inTitle * TITLE_FACTOR + inBody);
      terms.push(phrase.term);
    });
    if (score >= minScore) result.push({ topic: def.topic, score, terms });
  }
  return result.sort((a, b) => b.score - a.score);
}
