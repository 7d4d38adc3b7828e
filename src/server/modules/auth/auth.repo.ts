import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginAttempts, orgUnits, sessions, users } from '../../db/schema/index.js';

const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  personId: users.personId,
};

export function createAuthRepo() {
  return {
    async findUserForLogin(db: DbOrTx, username: string) {
      const [row] = await db
        .select({ ...actorColumns, passwordHash: users.passwordHash, active: users.active })
        .from(users)
        .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
        .where(eq(users.username, username));
      return row;
    },

    async findSessionActor(db: DbOrTx, tokenHash: string, now: Date) {
      const [row] = await db
        .select(actorColumns)
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
      return row;
    },

    insertSession: (db: DbOrTx, s: { tokenHash: string; userId: string; expiresAt: Date }) =>
      db.insert(sessions).values(s),
    deleteSession: (db: DbOrTx, tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)),
    deleteExpiredSessions: (db: DbOrTx, now: Date) => db.delete(sessions).where(lt(sessions.expiresAt, now)),

    recordAttempt: (db: DbOrTx, a: { username: string; ip: string; success: boolean; at: Date }) =>
      db.insert(loginAttempts).values(a),

    /** Failures since `since` for this username or from this address. */
    async recentFailures(db: DbOrTx, username: string, ip: string, since: Date) {
      const [byUser] = await db
        .select({ n: count() })
        .from(loginAttempts)
        .where(
          and(eq(loginAttempts.username, username), eq(loginAttempts.success, false), gt(loginAttempts.at, since)),
        );
      const [byIp] = await db
        .select({ n: count() })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
      return { byUser: Number(byUser.n), byIp: Number(byIp.n) };
    },

    clearFailures: (db: DbOrTx, username: string) =>
      db.delete(loginAttempts).where(and(eq(loginAttempts.username, username), eq(loginAttempts.success, false))),

    pruneAttempts: (db: DbOrTx, before: Date) => db.delete(loginAttempts).where(lt(loginAttempts.at, before)),
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
