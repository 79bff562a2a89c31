/**
 * Worker thread of the draft pool (`draft-pool.ts`): extraction, sanitising and analysis of fetched
 * entries. Messages are handled one at a time, in order, so a configuration always arrives before the
 * drafts that use it.
 */
import { parentPort } from "node:worker_threads";
import type { AnalysisConfig } from "../analysis/article.analyze.js";
import { type LanguageModel, loadLanguageModel } from "../analysis/language.identify.js";
import type { DraftReply, DraftRequest } from "./draft-pool.js";
import { draftFromEntry } from "./item-prepare.js";

const port = parentPort;
if (!port) throw new Error("draft.worker.ts runs as a worker thread");

let model: LanguageModel | undefined;
const configs = new Map<number, AnalysisConfig>();
let queue: Promise<void> = Promise.resolve();

async function handle(message: DraftRequest): Promise<DraftReply | null> {
  if (message.kind === "config") {
    if (message.hasLanguageModel) model ??= await loadLanguageModel();
    configs.clear(); // only the newest configuration is used from now on
    configs.set(message.key, {
      ...message.config,
      ...(message.hasLanguageModel && { languageModel: model }),
    });
    return null;
  }
  const config = configs.get(message.configKey);
  if (!config) return { id: message.id, error: "draft worker: unknown configuration" };
  try {
    return { id: message.id, draft: draftFromEntry(message.fetched, message.source, config) };
  } catch (err) {
    return { id: message.id, error: err instanceof Error ? err.message : String(err) };
  }
}

port.on("message", (message: DraftRequest) => {
  queue = queue.then(async () => {
    const reply = await handle(message);
    if (reply) port.postMessage(reply);
  });
});
