/**
 * A short-lived, bounded, in-process cache of resolved sessions, so that a burst of requests from one
 * browser costs one database lookup. Anything that ends or changes a session evicts it at once: in this
 * process directly, in the others through the change notifier (`platform/db/change-notifier.ts`; on
 * PostgreSQL the database announces every revoked session and changed account). While a process cannot
 * hear the others (its listening connection is down) it does not use its cache at all.
 */
import type { ChangeNotifier } from "../../platform/db/change-notifier.js";

export interface SessionCache<T> {
  get(tokenHash: string): T | undefined;
  set(tokenHash: string, userId: string, value: T): void;
  /** Forgets every cached session of a user (logout, revoke, password or role change). */
  evictUser(userId: string): void;
  evict(tokenHash: string): void;
  /** Forgets everything (changes may have been missed). */
  clear(): void;
}

export function createSessionCache<T>(options: {
  ttlMs: number;
  max: number;
  now?: () => number;
  /** When false, the cache is bypassed (nothing is read from or kept in it). */
  isTrusted?: () => boolean;
}): SessionCache<T> {
  const now = options.now ?? Date.now;
  const isTrusted = options.isTrusted ?? (() => true);
  const entries = new Map<string, { userId: string; value: T; expiresAt: number }>();
  return {
    get(tokenHash) {
      const e = entries.get(tokenHash);
      if (!e) return undefined;
      if (e.expiresAt <= now() || !isTrusted()) {
        entries.delete(tokenHash);
        return undefined;
      }
      return e.value;
    },
    set(tokenHash, userId, value) {
      if (options.ttlMs <= 0 || !isTrusted()) return;
      if (entries.size >= options.max) entries.delete(entries.keys().next().value as string);
      entries.set(tokenHash, { userId, value, expiresAt: now() + options.ttlMs });
    },
    evictUser(userId) {
      for (const [k, e] of entries) if (e.userId === userId) entries.delete(k);
    },
    evict(tokenHash) {
      entries.delete(tokenHash);
    },
    clear() {
      entries.clear();
    },
  };
}

/** A session cache that every process empties of a session or account as soon as any process changes it. */
export function createSharedSessionCache<T>(options: {
  ttlMs: number;
  max: number;
  changes: ChangeNotifier;
}): SessionCache<T> {
  const { changes } = options;
  const cache = createSessionCache<T>({
    ttlMs: options.ttlMs,
    max: options.max,
    isTrusted: changes.isListening,
  });
  changes.subscribe("session", (id) => cache.evict(id));
  changes.subscribe("user", (id) => cache.evictUser(id));
  changes.onReset(() => cache.clear());
  return cache;
}
