/**
 * What a prepared statement saves: the session lookup (the auth hook's query on a cache miss) built by Drizzle on
 * every call against the same statement prepared once (`.prepare(name)`), alternately in one process on an
 * in-memory PGlite with the demo data, plus Drizzle's build alone (`toSQL()`) and `select 1` as the floor.
 *
 *   npx tsx bench/prepared.ts [--ms 600]
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { orgUnits, sessions, users } from '../src/server/db/schema/index.js';
import { sessionActorQuery } from '../src/server/modules/auth/auth.repo.js';
import { startInProcessApp } from './lib/in-process-app.js';

const a = parseArgs(process.argv.slice(2));
const budgetMs = intArg(a.ms, 'ms', 600);
const run = await startInProcessApp();
await run.login('viewer');
const { db } = run;
const [{ tokenHash }] = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).limit(1);

// the statement as it was built on every call before (the same columns, joins and conditions, values bound)
const unprepared = () =>
  db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      orgUnitId: users.orgUnitId,
      orgUnitName: orgUnits.name,
      personId: users.personId,
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
const prepared = sessionActorQuery(db).prepare('bench_session_actor');
const values = () => ({ tokenHash, now: new Date().toISOString() });

const [x] = await unprepared();
const [y] = await prepared.execute(values());
if (!x || JSON.stringify(x) !== JSON.stringify(y)) throw new Error('the two forms differ');

/** Runs `fn` for about `ms`, returns µs per call. */
async function time(fn: () => unknown, ms: number) {
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < ms) for (let i = 0; i < 20; i++, n++) await fn();
  return ((performance.now() - t) * 1000) / n;
}
const cases: [string, () => unknown][] = [
  ['Drizzle build only (toSQL), not prepared', () => unprepared().toSQL()],
  ['session lookup, not prepared (build + run)', () => unprepared()],
  ['session lookup, prepared (run)', () => prepared.execute(values())],
  ['select 1 (floor: one PGlite round trip)', () => db.execute(sql`select 1`)],
];
const us = cases.map(() => 0);
for (let round = 0; round < 5; round++)
  for (const [i, [, fn]] of cases.entries()) us[i] += await time(fn, budgetMs / 5);
console.log('| statement | µs per call |\n|---|---|');
for (const [i, [name]] of cases.entries()) console.log(`| ${name} | ${(us[i] / 5).toFixed(1)} |`);
await run.close();
