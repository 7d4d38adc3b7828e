import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../../../shared/errors.js';
import type { Role } from '../../../shared/fields.js';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../http/errors.js';
import type { Actor } from '../../http/context.js';
import type { Clock } from '../../lib/clock.js';
import { sha256Hex } from '../../lib/hash.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthRepo } from './auth.repo.js';
import { dummyPasswordHash, verifyPassword } from './password.js';

interface Deps {
  db: Db;
  repo: AuthRepo;
  audit: AuditService;
  clock: Clock;
  sessionTtlHours: number;
  login: { maxFailures: number; windowMinutes: number };
}

const invalidCredentials = () => new DomainError(ErrorCode.INVALID_CREDENTIALS, 401, 'Wrong username or password');

export function createAuthService({ db, repo, audit, clock, sessionTtlHours, login }: Deps) {
  // per-IP allowance is wider: many officials may share one office address
  const ipFactor = 4;

  return {
    /** Checks the password and opens a session; returns the cookie token (only its hash is stored). */
    async login(
      username: string,
      password: string,
      ip: string,
    ): Promise<{ token: string; actor: Actor; expiresAt: Date }> {
      const now = clock.now();
      const since = new Date(now.getTime() - login.windowMinutes * 60_000);
      const failures = await repo.recentFailures(db, username, ip, since);
      if (failures.byUser >= login.maxFailures || failures.byIp >= login.maxFailures * ipFactor) {
        throw new DomainError(ErrorCode.RATE_LIMITED, 429, 'Too many failed logins; try again later', {
          retryAfterMinutes: login.windowMinutes,
        });
      }
      const user = await repo.findUserForLogin(db, username);
      const candidate = user?.active ? user : null;
      // hash even for unknown users so response time does not reveal which usernames exist
      const ok = await verifyPassword(candidate?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!candidate || !ok) {
        await repo.recordAttempt(db, { username, ip, success: false, at: now });
        throw invalidCredentials();
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + sessionTtlHours * 3600_000);
      const actor = toActor(candidate);
      await db.transaction(async (tx) => {
        await repo.insertSession(tx, { tokenHash: sha256Hex(token), userId: candidate.id, expiresAt });
        await repo.clearFailures(tx, username);
        await repo.deleteExpiredSessions(tx, now);
        await audit.record(tx, actor, { action: 'login', entityType: 'user', entityId: candidate.id, after: { ip } });
      });
      return { token, actor, expiresAt };
    },

    async logout(token: string, actor: Actor | null) {
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, sha256Hex(token));
        if (actor) await audit.record(tx, actor, { action: 'logout', entityType: 'user', entityId: actor.id });
      });
    },

    async resolve(token: string): Promise<Actor | null> {
      const row = await repo.findSessionActor(db, sha256Hex(token), clock.now());
      return row ? toActor(row) : null;
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
