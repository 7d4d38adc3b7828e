import type { Actor } from '../../http/context.js';

/** What a request needs of its session, as read from the database. */
export interface CachedSession {
  actor: Actor;
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

/**
 * Sessions resolved in the last `ttlMs`, by token hash, so that a burst of requests costs one database round trip
 * instead of one each. Whatever ends or changes a session on this instance drops its entries at once (`forget…`);
 * another instance's entry lives at most `ttlMs` more: that is the documented bound (docs/security.md) within which a
 * password change, a deactivation or a logout made elsewhere reaches every instance.
 *
 * A read that started before an invalidation must not put back what the invalidation dropped (the row it saw may be
 * deleted by a transaction committing just after): every `forget…` moves the epoch on, and `put` refuses an entry read
 * under an earlier epoch.
 */
export function createSessionCache(ttlMs: number, maxEntries = 10_000) {
  const entries = new Map<string, { session: CachedSession; cachedAt: number }>();
  let epoch = 0;

  const dropWhere = (test: (s: CachedSession) => boolean) => {
    epoch++;
    for (const [key, e] of entries) if (test(e.session)) entries.delete(key);
  };

  return {
    enabled: ttlMs > 0,
    /** The epoch to hand back to `put` for a read starting now. */
    epoch: () => epoch,
    get(tokenHash: string, now: number): CachedSession | null {
      const e = entries.get(tokenHash);
      if (!e) return null;
      if (now - e.cachedAt >= ttlMs || now >= e.session.expiresAt.getTime() || now < e.cachedAt) {
        entries.delete(tokenHash);
        return null;
      }
      return e.session;
    },
    put(tokenHash: string, session: CachedSession, now: number, readAt: number) {
      if (ttlMs <= 0 || readAt !== epoch) return;
      // bounded: past the limit the oldest entry goes (a Map iterates in insertion order)
      if (entries.size >= maxEntries && !entries.has(tokenHash)) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { session, cachedAt: now });
    },
    forgetToken: (tokenHash: string) => {
      epoch++;
      entries.delete(tokenHash);
    },
    forgetSession: (sessionId: string) => dropWhere((s) => s.sessionId === sessionId),
    /** Every entry of the user (a session kept open is simply read again, with the account as it is now). */
    forgetUser: (userId: string) => dropWhere((s) => s.actor.id === userId),
    size: () => entries.size,
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;
