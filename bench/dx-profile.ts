/**
 * Where the milliseconds of the per-commune analytics calls go, on an already imported database
 * (`npm run import`): each call's median next to the time spent in SQL round trips (every `db.execute`).
 *
 *   DATABASE_URL=postgres://…/db npx tsx bench/dx-profile.ts [--runs 50] [--explain]
 *   DATABASE_URL=postgres://…/db npx tsx bench/dx-profile.ts --dump FILE   # answers of ~100 calls, to diff two versions
 */
import { BENCH_ACTOR } from './lib/bench-actor.js';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/server/config.js';
import { openDb, type Db } from '../src/server/db/client.js';
import type { BreakdownQuery } from '../src/shared/contracts/dx-analytics.js';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { createDxAnalyticsRepo } from '../src/server/modules/dx-analytics/dx-analytics.repo.js';
import { createDxAnalyticsService } from '../src/server/modules/dx-analytics/dx-analytics.service.js';
import { createServices } from '../src/server/services.js';
import { systemClock } from '../src/server/lib/clock.js';

const a = parseArgs(process.argv.slice(2));
const runs = intArg(a.runs, 'runs', 50);
const actor = BENCH_ACTOR;
const rowsOf = (res: unknown): Record<string, unknown>[] =>
  (res as { rows?: Record<string, unknown>[] }).rows ?? (res as Record<string, unknown>[]);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to an imported database');
  const handle = await openDb({ url: config.databaseUrl });
  // every round trip timed, with the statement that made it
  let sqlMs = 0;
  let trips = 0;
  const statements: string[] = [];
  const db = new Proxy(handle.db, {
    get(target, prop, receiver) {
      if (prop !== 'execute') return Reflect.get(target, prop, receiver) as unknown;
      return async (q: Parameters<Db['execute']>[0]) => {
        const t = performance.now();
        try {
          return await target.execute(q);
        } finally {
          sqlMs += performance.now() - t;
          trips++;
          if (a.explain === 'true')
            statements.push(
              JSON.stringify(
                (handle.db as unknown as { dialect: { sqlToQuery(q: unknown): unknown } }).dialect.sqlToQuery(q),
              ),
            );
        }
      };
    },
  });
  // the reference lookups (framework versions, sectors) through their owners, as the app wires them
  const { dxFrameworks, enterprises } = createServices({ db, dbKind: handle.kind, config, clock: systemClock });
  const svc = createDxAnalyticsService({
    db,
    repo: createDxAnalyticsRepo(),
    reference: { frameworks: dxFrameworks, enterprises },
    suppressBelow: config.dxSuppressBelow,
  });
  const versionId = String(
    rowsOf(
      await handle.db.execute(
        sql`select v.id from dx_framework_versions v join dx_frameworks f on f.id = v.framework_id where f.code = 'DBI-SME'`,
      ),
    )[0].id,
  );
  const calls = {
    'by commune (map), 2025': () =>
      svc.breakdown(actor, { frameworkVersionId: versionId, groupBy: ['commune'], year: 2025 }),
    'top movers (communes 2024→2025)': () =>
      svc.movers(actor, {
        frameworkVersionId: versionId,
        dimension: 'commune',
        fromYear: 2024,
        toYear: 2025,
        metric: 'meanTotal',
        limit: 10,
      }),
  };
  const rawGroup = (group: string, where: ReturnType<typeof sql>) =>
    handle.db.execute(sql`
    select ${sql.raw(group)}, a.overall_level, count(*), avg(a.total_score)
    from dx_assessments a left join org_units c on c.id = a.commune_id
    where a.framework_version_id = ${versionId} and a.status in ('submitted', 'verified') and ${where}
    group by ${sql.raw(group)}, a.overall_level`);
  const raw: Record<string, () => Promise<unknown>> = {
    'by commune (map), 2025': async () => {
      await rawGroup('c.code', sql`a.year = 2025`);
      await handle.db.execute(sql`
        select c.code, u.ord, avg(u.p) from dx_assessments a left join org_units c on c.id = a.commune_id
        cross join lateral unnest(a.pillar_scores) with ordinality u(p, ord)
        where a.framework_version_id = ${versionId} and a.status in ('submitted', 'verified') and a.year = 2025 group by c.code, u.ord`);
    },
    'top movers (communes 2024→2025)': () => rawGroup('c.code, a.year', sql`a.year in (2024, 2025)`),
  };
  if (typeof a.dump === 'string') {
    // a fixed set of calls over every grain and path, written out to compare two versions of the code
    const out: Record<string, unknown> = {};
    const dims = [
      [],
      ['commune'],
      ['district'],
      ['year'],
      ['sector'],
      ['sizeClass'],
      ['commune', 'year'],
      ['district', 'year'],
      ['sector', 'sizeClass'],
      ['commune', 'sector'],
      ['year', 'sizeClass'],
    ] as const;
    const filters: Omit<BreakdownQuery, 'groupBy'>[] = [
      {},
      { year: 2025 },
      { sector: 'G' },
      { sizeClass: 'micro' },
      { commune: 'HN.00004' },
      { district: 'HN.D002' },
      { year: 2023, sector: 'C', sizeClass: 'small' },
    ];
    for (const g of dims)
      for (const f of filters) {
        out[`breakdown ${g.join(',')} ${JSON.stringify(f)}`] = await svc.breakdown(actor, {
          frameworkVersionId: versionId,
          groupBy: [...g],
          ...f,
        });
      }
    for (const dimension of ['commune', 'sector'] as const)
      for (const metric of ['meanTotal', 'meanLevel'] as const) {
        out[`movers ${dimension} ${metric}`] = await svc.movers(actor, {
          frameworkVersionId: versionId,
          dimension,
          fromYear: 2024,
          toYear: 2025,
          metric,
          limit: 10,
        });
        out[`movers ${dimension} ${metric} back`] = await svc.movers(actor, {
          frameworkVersionId: versionId,
          dimension,
          fromYear: 2025,
          toYear: 2021,
          metric,
          limit: 50,
          sector: 'C',
        });
      }
    out.default = await svc.breakdown(actor, { groupBy: ['commune'], year: 2025 });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(a.dump, JSON.stringify(out, null, 1));
    console.log(`wrote ${Object.keys(out).length} results to ${a.dump}`);
    await handle.close();
    return;
  }
  for (const [name, run] of Object.entries(calls).filter(([n]) => typeof a.only !== 'string' || n.includes(a.only))) {
    for (let i = 0; i < intArg(a.warm, 'warm', 5); i++) await run(); // warm caches and the JIT
    const total: number[] = [];
    const inSql: number[] = [];
    let tripsPerCall = 0;
    statements.length = 0;
    for (let i = 0; i < runs; i++) {
      sqlMs = 0;
      trips = 0;
      const t = performance.now();
      await run();
      total.push(performance.now() - t);
      inSql.push(sqlMs);
      tripsPerCall = trips;
    }
    // the same plain GROUP BY over the assessments as bench/dx.ts, for the ratio on this database
    const rawMs: number[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 5)); i++) {
      const t = performance.now();
      await raw[name]();
      rawMs.push(performance.now() - t);
    }
    console.log(
      `${name}: median ${median(total).toFixed(2)} ms, of which SQL ${median(inSql).toFixed(2)} ms in ${tripsPerCall} round trips; JS ≈ ${(median(total) - median(inSql)).toFixed(2)} ms; GROUP BY ${median(rawMs).toFixed(1)} ms = 1/${(median(rawMs) / median(total)).toFixed(1)}`,
    );
    if (a.explain === 'true') {
      for (const s of new Set(statements)) {
        const { sql: text, params } = JSON.parse(s) as { sql: string; params: unknown[] };
        const { default: pg } = await import('pg');
        const c = new pg.Client({ connectionString: config.databaseUrl });
        await c.connect();
        const plan = await c.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
        console.log(text.replace(/\s+/g, ' ').slice(0, 300));
        for (const r of plan.rows) console.log('   ', r['QUERY PLAN']);
        await c.end();
      }
    }
  }
  await handle.close();
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
