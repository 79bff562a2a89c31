/**
 * A pool of worker threads that turn fetched entries into drafts (`draftFromEntry`: extraction with
 * Readability, sanitising, analysis, MinHash). That is most of the CPU of ingestion; with a pool it runs
 * beside the main thread, which keeps fetching, parsing feeds and writing to the database. Each worker
 * loads its own language model; the editable dictionaries are sent once per configuration.
 *
 * @example
 * const pool = createDraftPool({ size: 1 });
 * const draft = await pool.draft(await fetchEntry(entry, source, deps), source, config);
 */
import fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { AnalysisConfig } from "../analysis/article.analyze.js";
import type { FetchedEntry, ItemDraft, SourceInfo } from "./item-prepare.js";

/** Messages to a worker. */
export type DraftRequest =
  | {
      kind: "config";
      key: number;
      config: Omit<AnalysisConfig, "languageModel">;
      hasLanguageModel: boolean;
    }
  | { kind: "draft"; id: number; configKey: number; fetched: FetchedEntry; source: SourceInfo };

/** Messages from a worker. */
export type DraftReply = { id: number; draft: ItemDraft } | { id: number; error: string };

export interface DraftPool {
  draft(fetched: FetchedEntry, source: SourceInfo, config: AnalysisConfig): Promise<ItemDraft>;
  /** Stops the workers (pending drafts fail). */
  close(): Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  inFlight: number;
  configKey: number;
}

/**
 * A worker drafts one article at a time: a small young generation keeps its memory close to what it
 * holds (the language model and one page) instead of V8's default headroom.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

/**
 * The worker's entry: the compiled `.js` beside this file, else (running from TypeScript sources) the
 * `.ts` file behind a bootstrap that registers the parent's `--import` loaders, because Node 20 does not
 * apply module hooks registered in the main thread to worker threads.
 */
function spawn(): Worker {
  const js = new URL("./draft.worker.js", import.meta.url);
  if (fs.existsSync(fileURLToPath(js))) return new Worker(js, { resourceLimits: WORKER_LIMITS });
  const ts = new URL("./draft.worker.ts", import.meta.url);
  const loaders: string[] = [];
  process.execArgv.forEach((arg, i) => {
    const value =
      arg === "--import" ? process.execArgv[i + 1] : arg.startsWith("--import=") ? arg.slice(9) : null;
    if (value) loaders.push(value.startsWith(".") ? pathToFileURL(value).href : value);
  });
  // Under a test runner that transpiles in-process there is no loader to pass on: use the repository's.
  if (loaders.length === 0) loaders.push(new URL("../../../../scripts/ts-loader.mjs", import.meta.url).href);
  const boot = `import("node:module").then(async (m) => { for (const l of ${JSON.stringify(loaders)}) m.register(l); await import(${JSON.stringify(ts.href)}); });`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

export function createDraftPool(options: { size: number }): DraftPool {
  const configKeys = new WeakMap<AnalysisConfig, number>();
  let nextConfigKey = 1;
  let nextId = 1;
  let isClosed = false;
  const pending = new Map<number, Waiting>();

  interface Waiting {
    resolve: (draft: ItemDraft) => void;
    reject: (err: Error) => void;
    owner: PoolWorker;
  }

  function start(): PoolWorker {
    const entry: PoolWorker = { worker: spawn(), inFlight: 0, configKey: 0 };
    entry.worker.unref(); // an idle pool never keeps the process alive
    entry.worker.on("message", (reply: DraftReply) => {
      if (--entry.inFlight === 0) entry.worker.unref();
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if ("draft" in reply) waiting?.resolve(reply.draft);
      else waiting?.reject(new Error(reply.error));
    });
    // A crashed worker fails its own drafts and is replaced (its configuration is sent again).
    const fail = (err: Error) => {
      for (const [id, waiting] of pending)
        if (waiting.owner === entry) {
          pending.delete(id);
          waiting.reject(err);
        }
      const at = workers.indexOf(entry);
      if (at >= 0 && !isClosed) workers[at] = start();
    };
    entry.worker.on("error", fail);
    entry.worker.on("exit", (code) => fail(new Error(`draft worker exited (${code})`)));
    return entry;
  }

  // Started with the first draft: a server that never polls carries no worker.
  const workers: PoolWorker[] = [];

  return {
    draft(fetched, source, config) {
      if (isClosed) return Promise.reject(new Error("draft pool closed"));
      if (workers.length === 0) for (let i = 0; i < Math.max(1, options.size); i++) workers.push(start());
      let key = configKeys.get(config);
      if (key === undefined) {
        key = nextConfigKey++;
        configKeys.set(config, key);
      }
      const target = workers.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (target.configKey !== key) {
        const { languageModel, ...data } = config;
        target.worker.postMessage({
          kind: "config",
          key,
          config: data,
          hasLanguageModel: languageModel !== undefined,
        } satisfies DraftRequest);
        target.configKey = key;
      }
      const id = nextId++;
      if (target.inFlight++ === 0) target.worker.ref(); // keep the process alive while a draft is owed
      return new Promise<ItemDraft>((resolve, reject) => {
        pending.set(id, { resolve, reject, owner: target });
        const { id: sourceId, country, language, fetch_pages } = source;
        target.worker.postMessage({
          kind: "draft",
          id,
          configKey: key,
          fetched,
          source: { id: sourceId, country, language, fetch_pages },
        } satisfies DraftRequest);
      });
    },
    async close() {
      isClosed = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
