import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../shared/errors.js';
import type { Role } from '../../../shared/fields.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { DomainError, notFound } from '../../http/errors.js';
import type { Actor } from '../../http/context.js';
import type { Clock } from '../../lib/clock.js';
import { sha256Hex } from '../../lib/hash.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepo } from './auth.repo.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSessionCache } from './session-cache.js';

interface Deps {
  db: Db;
  repo: AuthRepo;
  audit: AuditService;
  clock: Clock;
  sessionTtlHours: number;
  /** How long a resolved session is reused without asking the database (0: never); see session-cache.ts. */
  sessionCacheMs?: number;
  login: { maxFailures: number; windowMinutes: number; maxFailuresPerAddress: number };
}

/** Where a login comes from, as recorded on its session. */
export interface Client {
  ip: string;
  userAgent: string | null;
}

/** The session a request was made with (its public id), beside the actor. */
export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
}

const invalidCredentials = () => new DomainError(ErrorCode.INVALID_CREDENTIALS, 401, 'Wrong username or password');
// a lock doubles with each strike: 15 min, 30, 1 h, … up to 2^6 × the window (16 h by default)
const MAX_STRIKES = 6;
// last_seen_at is refreshed at most this often, so a burst of requests is one write
const TOUCH_EVERY_MS = 60_000;

export function createAuthService({ db, repo, audit, clock, sessionTtlHours, sessionCacheMs = 0, login }: Deps) {
  const cache = createSessionCache(sessionCacheMs);

  /**
   * Reserves this attempt before any password is checked. Two counters: the (username, address) pair, so failures
   * from one address never lock the owner out from another, with back-off; and the address alone, a generous cap on
   * guessing many usernames. Each reservation is one atomic statement, so N parallel attempts past the limit never
   * reach argon2.
   */
  async function reserve(username: string, ip: string, now: Date) {
    const pairKey = `user:${username.toLowerCase()}|ip:${ip}`;
    const ipKey = `ip:${ip}`;
    const { windowMinutes } = login;
    const tooMany = (windowEnds: Date) =>
      new DomainError(ErrorCode.RATE_LIMITED, 429, 'Too many failed logins; try again later', {
        retryAfterMinutes: Math.max(1, Math.ceil((windowEnds.getTime() - now.getTime()) / 60_000)),
      });
    const byPair = await repo.reserveAttempt(db, {
      key: pairKey,
      now,
      windowMinutes,
      max: login.maxFailures,
      maxStrikes: MAX_STRIKES,
    });
    // a locked pair costs no argon2 and is not counted against the address (an office shares it)
    if (byPair.attempts > login.maxFailures) throw tooMany(byPair.windowEnds);
    const byIp = await repo.reserveAttempt(db, {
      key: ipKey,
      now,
      windowMinutes,
      max: login.maxFailuresPerAddress,
      maxStrikes: 0,
    });
    if (byIp.attempts > login.maxFailuresPerAddress) {
      await repo.releaseAttempt(db, pairKey);
      throw tooMany(byIp.windowEnds);
    }
    return { pairKey, ipKey };
  }

  return {
    /** Checks the password and opens a session; returns the cookie token (only its hash is stored). */
    async login(
      username: string,
      password: string,
      client: Client,
    ): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      const now = clock.now();
      const { ip } = client;
      const keys = await reserve(username, ip, now);
      const user = await repo.findUserForLogin(db, username);
      const candidate = user?.active ? user : null;
      // hash even for unknown users so response time does not reveal which usernames exist
      const ok = await verifyPassword(candidate?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!candidate || !ok) throw invalidCredentials();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + sessionTtlHours * 3600_000);
      const actor = toActor(candidate);
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, {
          tokenHash: sha256Hex(token),
          userId: candidate.id,
          expiresAt,
          ip,
          userAgent: client.userAgent?.slice(0, 500) ?? null,
        });
        // the pair is cleared (strikes too); the address's cap gives back this attempt: it counts failures
        await repo.clearThrottle(tx, keys.pairKey);
        await repo.releaseAttempt(tx, keys.ipKey);
        await repo.deleteExpiredSessions(tx, now);
        await repo.pruneThrottles(
          tx,
          new Date(now.getTime() - (login.windowMinutes * 2 ** MAX_STRIKES + 1440) * 60_000),
        );
        await audit.record(tx, actor, { action: 'login', entityType: 'user', entityId: candidate.id, after: { ip } });
      });
      return { token, actor, expiresAt };
    },

    /**
     * Checks a logged-in user's password (before changing it), throttled as a login from that address: a stolen
     * session must not become a way to guess the password without limit.
     */
    async checkPassword(username: string, password: string, ip: string): Promise<boolean> {
      const keys = await reserve(username, ip, clock.now());
      const user = await repo.findUserForLogin(db, username);
      const ok = !!user && (await verifyPassword(user.passwordHash, password));
      if (ok) {
        await repo.clearThrottle(db, keys.pairKey);
        await repo.releaseAttempt(db, keys.ipKey);
      }
      return ok;
    },

    async logout(token: string, actor: Actor | null) {
      const tokenHash = sha256Hex(token);
      cache.forgetToken(tokenHash);
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, tokenHash);
        if (actor) await audit.record(tx, actor, { action: 'logout', entityType: 'user', entityId: actor.id });
      });
      cache.forgetToken(tokenHash);
    },

    async resolve(token: string): Promise<ResolvedSession | null> {
      const now = clock.now();
      const tokenHash = sha256Hex(token);
      let s = cache.enabled ? cache.get(tokenHash, now.getTime()) : null;
      if (!s) {
        const readAt = cache.epoch();
        const row = await repo.findSessionActor(db, tokenHash, now);
        if (!row) return null;
        s = { actor: toActor(row), sessionId: row.sessionId, expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt };
        cache.put(tokenHash, s, now.getTime(), readAt);
      }
      if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        s.lastSeenAt = now;
        await repo.touchSession(db, s.sessionId, now);
      }
      // a copy: the cached actor is shared by every request of the session
      return { actor: { ...s.actor }, sessionId: s.sessionId };
    },

    /**
     * Drops what this instance remembers of a user's sessions: the users service calls it after committing a change
     * to the account (password, role, unit, deactivation), so the next request reads the account as it is now.
     */
    forgetUser: (userId: string) => cache.forgetUser(userId),

    /** The actor's own sessions, newest activity first, the current one marked. */
    async listSessions(actor: Actor, currentId: string) {
      const rows = await repo.listSessions(db, actor.id, clock.now());
      return { items: rows.map((r) => ({ ...r, current: r.id === currentId })) };
    },

    /** Ends one of the actor's own sessions; another user's session id is "not found". */
    async endSession(actor: Actor, id: string) {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteSessionOf(tx, actor.id, id))) throw notFound('session', id);
        await audit.record(tx, actor, { action: 'delete', entityType: 'session', entityId: id });
      });
      cache.forgetSession(id);
    },

    /** Ends every session of the actor but the current one. */
    async endOtherSessions(actor: Actor, currentId: string) {
      const out = await db.transaction(async (tx) => {
        const ended = await repo.deleteSessionsOf(tx, actor.id, currentId);
        await audit.record(tx, actor, {
          action: 'delete',
          entityType: 'session',
          entityId: actor.id,
          after: { ended, kept: currentId },
        });
        return { ended };
      });
      cache.forgetUser(actor.id);
      return out;
    },

    /**
     * Ends every session of a user, in the caller's transaction: the users service calls it when a password changes
     * or an account is deactivated (`keepId`: the session of the request, when users change their own password),
     * and `forgetUser` once the transaction has committed.
     */
    endAllSessionsOf: (tx: DbOrTx, userId: string, keepId?: string) => {
      cache.forgetUser(userId);
      return repo.deleteSessionsOf(tx, userId, keepId);
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

/** For users: how a password is stored. */
export { hashPassword } from './password.js';

function toActor(row: {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string | null;
  orgUnitName: string | null;
  personId: string | null;
}): Actor {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    personId: row.personId,
  };
}
