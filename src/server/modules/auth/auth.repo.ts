import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { preparedPer } from '../../db/prepared.js';
import { loginThrottles, orgUnits, sessions, users } from '../../db/schema/index.js';

const actorColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  personId: users.personId,
};

export interface NewSession {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  ip: string;
  userAgent: string | null;
}

/** The session lookup's statement, with its values as placeholders (`tokenHash`, `now` as an ISO string). */
export const sessionActorQuery = (db: DbOrTx) =>
  db
    .select({
      ...actorColumns,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.active, true),
      ),
    );
const preparedSessionActor = preparedPer((db) => sessionActorQuery(db).prepare('auth_session_actor'));

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

    /** The session's actor (the auth hook's one query on a cache miss): a prepared statement. */
    async findSessionActor(db: DbOrTx, tokenHash: string, now: Date) {
      const [row] = await preparedSessionActor(db).execute({ tokenHash, now: now.toISOString() });
      return row;
    },

    touchSession: (db: DbOrTx, id: string, now: Date) =>
      db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)),

    insertSession: (db: DbOrTx, s: NewSession) => db.insert(sessions).values(s),
    deleteSession: (db: DbOrTx, tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)),
    deleteExpiredSessions: (db: DbOrTx, now: Date) => db.delete(sessions).where(lt(sessions.expiresAt, now)),

    listSessions: (db: DbOrTx, userId: string, now: Date) =>
      db
        .select({
          id: sessions.id,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
          ip: sessions.ip,
          userAgent: sessions.userAgent,
        })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastSeenAt)),

    /** Ends one session of this user; returns whether it existed (another user's id ends nothing). */
    async deleteSessionOf(db: DbOrTx, userId: string, id: string) {
      const rows = await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), eq(sessions.id, id)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },

    /** Ends every session of the user except `keepId` (when given); returns how many ended. */
    async deleteSessionsOf(db: DbOrTx, userId: string, keepId?: string) {
      const rows = await db
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), keepId ? ne(sessions.id, keepId) : undefined))
        .returning({ id: sessions.id });
      return rows.length;
    },

    /**
     * Reserves one attempt on a throttle key, atomically: the row is created or its count raised in one
     * statement, so parallel attempts each see their own number and at most `max` of them pass. A window
     * lasts `windowMinutes × 2^strikes`; a window that ended over the limit adds a strike (up to `maxStrikes`),
     * one that ended under it clears them.
     */
    async reserveAttempt(
      db: DbOrTx,
      a: { key: string; now: Date; windowMinutes: number; max: number; maxStrikes: number },
    ): Promise<{ attempts: number; windowEnds: Date }> {
      const t = sql.raw('login_throttles');
      const now = a.now.toISOString();
      // the current window of the stored row, as SQL (every SET expression reads the row as it was)
      const ends = sql`${t}.window_start + make_interval(mins => ${a.windowMinutes} * (2 ^ ${t}.strikes)::int)`;
      const expired = sql`${now}::timestamptz >= ${ends}`;
      const result = await db.execute(sql`
        insert into ${loginThrottles} (key, attempts, window_start, strikes)
        values (${a.key}, 1, ${now}::timestamptz, 0)
        on conflict (key) do update set
          attempts = case when ${expired} then 1 else ${t}.attempts + 1 end,
          strikes = case when not ${expired} then ${t}.strikes
                         when ${t}.attempts > ${a.max} then least(${t}.strikes + 1, ${a.maxStrikes})
                         else 0 end,
          window_start = case when ${expired} then ${now}::timestamptz else ${t}.window_start end
        returning attempts,
          window_start + make_interval(mins => ${a.windowMinutes} * (2 ^ strikes)::int) as window_ends`);
      const [row] = rowsOf<{ attempts: number; window_ends: string | Date }>(result);
      return { attempts: Number(row.attempts), windowEnds: new Date(row.window_ends) };
    },

    /** Gives back an attempt that turned out to be a success (the address's cap counts failures only). */
    releaseAttempt: (db: DbOrTx, key: string) =>
      db
        .update(loginThrottles)
        .set({ attempts: sql`greatest(${loginThrottles.attempts} - 1, 0)` })
        .where(eq(loginThrottles.key, key)),

    clearThrottle: (db: DbOrTx, key: string) => db.delete(loginThrottles).where(eq(loginThrottles.key, key)),

    /** Throttle rows whose window ended long ago (a day past the longest back-off) carry nothing. */
    pruneThrottles: (db: DbOrTx, before: Date) =>
      db.delete(loginThrottles).where(lt(loginThrottles.windowStart, before)),
  };
}
export type AuthRepo = ReturnType<typeof createAuthRepo>;
