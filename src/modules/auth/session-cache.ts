/**
 * A short-lived, bounded, in-process cache of resolved sessions, so that a burst of requests from one
 * browser costs one database lookup. Anything that ends or changes a session in this process evicts it
 * at once; another process (several workers on PostgreSQL) sees the change within `ttlMs`.
 */
export interface SessionCache<T> {
  get(tokenHash: string): T | undefined;
  set(tokenHash: string, userId: string, value: T): void;
  /** Forgets every cached session of a user (logout, revoke, password or role change). */
  evictUser(userId: string): void;
  evict(tokenHash: string): void;
}

export function createSessionCache<T>(options: {
  ttlMs: number;
  max: number;
  now?: () => number;
}): SessionCache<T> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { userId: string; value: T; expiresAt: number }>();
  return {
    get(tokenHash) {
      const e = entries.get(tokenHash);
      if (!e) return undefined;
      if (e.expiresAt <= now()) {
        entries.delete(tokenHash);
        return undefined;
      }
      return e.value;
    },
    set(tokenHash, userId, value) {
      if (options.ttlMs <= 0) return;
      if (entries.size >= options.max) entries.delete(entries.keys().next().value as string);
      entries.set(tokenHash, { userId, value, expiresAt: now() + options.ttlMs });
    },
    evictUser(userId) {
      for (const [k, e] of entries) if (e.userId === userId) entries.delete(k);
    },
    evict(tokenHash) {
      entries.delete(tokenHash);
    },
  };
}
