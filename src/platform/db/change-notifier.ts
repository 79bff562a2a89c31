/**
 * Tells every server process that something it may hold in memory changed, so several processes on
 * one PostgreSQL database can keep small caches (the resolved sessions) without serving stale data.
 *
 * On PostgreSQL each process keeps one dedicated `pg` connection that `LISTEN`s on the channel
 * `haidang_changes`. Changes are announced with `NOTIFY` (delivered when the writing transaction
 * commits): the session and account triggers of migration 0022 announce every revoked session and every
 * changed account whatever code wrote them, and `publish` announces anything else. When the listening
 * connection drops (database restart, failover), notifications may be lost: every cache is dropped at
 * once (`onReset`), `isListening()` turns false so caches are bypassed, and the connection is made again
 * with a growing wait; once it listens again, caches are dropped a second time and may fill again.
 *
 * On SQLite there is one process: `publish` reaches this process's subscribers only.
 *
 * Caches keyed by a revision read from the database on every use (the follow-up data and dashboards,
 * the monitoring analysis configuration) are correct across processes without this.
 *
 * @example
 * const changes = createChangeNotifier({ database: config.database });
 * changes.subscribe("session", (id) => cache.evict(id));
 * changes.onReset(() => cache.clear());
 * await changes.start();
 */
import { createRequire } from "node:module";
import type pg from "pg";

/** The channel every process listens on. */
export const CHANGES_CHANNEL = "haidang_changes";

/** Topics announced by the database triggers of migration 0022 (others may be published). */
export type ChangeTopic = "session" | "user" | (string & {});

export interface Change {
  topic: ChangeTopic;
  /** What changed: a session id (token hash), a user id. */
  id: string;
}

export interface ChangeNotifier {
  /** Announces a change to every process; this process's subscribers hear it before this resolves. */
  publish(change: Change): Promise<void>;
  /** Calls `handler` with the id of every change of `topic`; returns the unsubscribe function. */
  subscribe(topic: ChangeTopic, handler: (id: string) => void): () => void;
  /** Calls `handler` when changes may have been missed: drop everything cached. */
  onReset(handler: () => void): () => void;
  /** True when changes made by other processes are being heard (always true on SQLite). */
  isListening(): boolean;
  /** Starts listening (PostgreSQL); resolves once listening or after the first failed try. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export interface ChangeNotifierOptions {
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  /** Warnings about the listening connection. */
  log?: (level: "info" | "warn", msg: string, data?: Record<string, unknown>) => void;
  /** First wait before reconnecting; doubles up to `maxBackoffMs`. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Parses a notification payload `{"t": topic, "id": id}`; anything else is ignored. */
export function parseChange(payload: string | undefined): Change | null {
  if (!payload) return null;
  try {
    const v = JSON.parse(payload) as { t?: unknown; id?: unknown };
    return typeof v.t === "string" && typeof v.id === "string" ? { topic: v.t, id: v.id } : null;
  } catch {
    return null;
  }
}

/** The notifier of a single process (SQLite, tests, command-line tools): changes reach this process only. */
export function createLocalChangeNotifier(): ChangeNotifier {
  return createChangeNotifier({ database: { kind: "sqlite", file: ":memory:" } });
}

export function createChangeNotifier(options: ChangeNotifierOptions): ChangeNotifier {
  const handlers = new Map<string, Set<(id: string) => void>>();
  const resets = new Set<() => void>();
  const log = options.log ?? (() => {});

  function dispatch(change: Change) {
    for (const h of handlers.get(change.topic) ?? []) h(change.id);
  }
  function reset() {
    for (const h of resets) h();
  }
  const base = {
    subscribe(topic: ChangeTopic, handler: (id: string) => void) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler);
      return () => void set.delete(handler);
    },
    onReset(handler: () => void) {
      resets.add(handler);
      return () => void resets.delete(handler);
    },
  };

  if (options.database.kind === "sqlite") {
    return {
      ...base,
      async publish(change) {
        dispatch(change);
      },
      isListening: () => true,
      async start() {},
      async close() {},
    };
  }

  const url = options.database.url;
  const Client = (createRequire(import.meta.url)("pg") as typeof pg).Client;
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let backoff = minBackoff;
  let retryTimer: NodeJS.Timeout | null = null;

  /** The connection was lost: nothing cached can be trusted until listening again. */
  function lost(c: pg.Client, err?: unknown) {
    if (client !== c) return;
    client = null;
    const wasListening = listening;
    listening = false;
    reset();
    c.end().catch(() => {});
    if (closed) return;
    if (wasListening)
      log("warn", "change notifications lost; reconnecting", {
        error: err instanceof Error ? err.message : undefined,
      });
    retryTimer = setTimeout(() => void connect(), backoff);
    retryTimer.unref();
    backoff = Math.min(maxBackoff, backoff * 2);
  }

  async function connect(): Promise<void> {
    retryTimer = null;
    if (closed) return;
    const c = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    client = c;
    c.on("error", (err) => lost(c, err));
    c.on("end", () => lost(c));
    c.on("notification", (msg) => {
      const change = msg.channel === CHANGES_CHANNEL ? parseChange(msg.payload) : null;
      if (change) dispatch(change);
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANGES_CHANNEL}`);
      if (client !== c) return;
      // Whatever changed while not listening was missed.
      reset();
      listening = true;
      backoff = minBackoff;
      log("info", "listening for changes", {});
    } catch (err) {
      lost(c, err);
    }
  }

  return {
    ...base,
    async publish(change) {
      dispatch(change);
      const c = client;
      // Without a listening connection other processes bypass their caches anyway.
      if (!c || !listening) return;
      await c.query("select pg_notify($1, $2)", [
        CHANGES_CHANNEL,
        JSON.stringify({ t: change.topic, id: change.id }),
      ]);
    },
    isListening: () => listening,
    start: () => connect(),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      listening = false;
      await c?.end().catch(() => {});
    },
  };
}
