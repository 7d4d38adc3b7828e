/**
 * Query plans and timings of the DX change measure and the support programs' impact, on an already imported
 * PostgreSQL database (`npm run generate`, then `npm run import` of both files; docs/benchmarks.md):
 *
 *   DATABASE_URL=postgres://…/db npx tsx bench/dx-plans.ts [--runs 7] [--year 2025] [--cohort 2000] [--compare]
 *
 * Each statement is captured as the repos issue it (Drizzle's logger: text and parameters), then run again under
 * EXPLAIN (ANALYZE, BUFFERS) on a warm cache; the plans of those taking over 5 ms are printed whole.
 * - change: `GET /api/dx/analytics/change` for the version and year, cold (a fresh service: the cube is rebuilt, as
 *   after any submission of the generation) and warm (the cube kept), and its assessments' statement alone;
 * - impact: `GET /api/support-programs/{id}/impact` for a program made here (period from 2024, so baseline 2023) with
 *   the first `--cohort` firms by tax code enrolled, removed at the end. `--compare` also times the in-memory rule
 *   (every scored assessment loaded, `compareImpact`) and checks that it gives the same answer.
 * Writes nothing else; statistics are what the import left (run `analyze` first after a fresh load).
 */
import { BENCH_ACTOR } from './lib/bench-actor.js';
import os from 'node:os';
import { eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { loadConfig } from '../src/server/config.js';
import type { Db } from '../src/server/db/client.js';
import * as schema from '../src/server/db/schema/index.js';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { systemClock } from '../src/server/lib/clock.js';
import { createServices } from '../src/server/services.js';
import { compareImpact } from '../src/server/modules/support-programs/impact.js';

const a = parseArgs(process.argv.slice(2));
const runs = intArg(a.runs, 'runs', 7);
const cohort = intArg(a.cohort, 'cohort', 2000);
const actor = BENCH_ACTOR;
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to an imported database');
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
  let captured: { query: string; params: unknown[] }[] | null = null;
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (query, params) => captured?.push({ query, params }) },
  }) as unknown as Db;
  const servicesNow = () => createServices({ db, dbKind: 'postgres', config, clock: systemClock });

  async function timed<T>(f: () => Promise<T>) {
    const t = performance.now();
    const r = await f();
    return { r, ms: performance.now() - t };
  }
  async function statementsOf(f: () => Promise<unknown>) {
    captured = [];
    await f();
    const out = captured;
    captured = null;
    return out;
  }
  /** EXPLAIN (ANALYZE, BUFFERS) of each statement, warm: the plan of the second run */
  async function explain(label: string, statements: { query: string; params: unknown[] }[]) {
    for (const s of statements) {
      const run = () => pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${s.query}`, s.params);
      await run();
      const plan = (await run()).rows.map((r) => r['QUERY PLAN']);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
      console.log(`\n#### ${label}: ${fmt(ms, 1)} ms — ${s.query.slice(0, 100).replace(/\s+/g, ' ')}…`);
      if (ms > 5) console.log(['```', s.query, `-- ${JSON.stringify(s.params)}`, ...plan, '```'].join('\n'));
    }
  }

  const [settings] = (
    await pool.query<Record<string, string>>(`select version() as version,
      current_setting('shared_buffers') as shared_buffers, current_setting('work_mem') as work_mem,
      current_setting('jit') as jit, pg_size_pretty(pg_total_relation_size('dx_assessments')) as size,
      (select count(*) from dx_assessments)::text as n`)
  ).rows;
  console.log(
    `DX plans — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, Node ${process.version}`,
  );
  console.log(
    `${settings.version.split(' on ')[0]}; shared_buffers ${settings.shared_buffers}, work_mem ${settings.work_mem}, jit ${settings.jit}; dx_assessments ${fmt(Number(settings.n))} rows, ${settings.size}`,
  );
  const indexes = await pool.query<{ indexdef: string }>(
    `select indexdef from pg_indexes where tablename = 'dx_assessments' order by indexname`,
  );
  for (const i of indexes.rows) console.log(`  ${i.indexdef}`);

  // ---- change measure
  const services = servicesNow();
  const version = (await services.dxFrameworks.listedVersions()).find((v) => v.frameworkCode === 'DBI-SME');
  if (!version) throw new Error('no DBI-SME version');
  const year = intArg(a.year, 'year', 2025);
  const query = { frameworkVersionId: version.id, year, groupBy: [] };
  const cold: number[] = [];
  let answer: Awaited<ReturnType<typeof services.dxAnalytics.change>> | undefined;
  for (let i = 0; i <= runs; i++) {
    const fresh = servicesNow();
    await fresh.dxFrameworks.listedVersions();
    const { r, ms } = await timed(() => fresh.dxAnalytics.change(actor, query));
    if (i > 0) cold.push(ms);
    answer = r;
  }
  await services.dxAnalytics.change(actor, query);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push((await timed(() => services.dxAnalytics.change(actor, query))).ms);
  const total = answer?.total;
  console.log(
    `\n### change, ${year}: cold (cube rebuilt) median ${fmt(median(cold), 1)} ms [${cold.map((x) => fmt(x)).join(', ')}]; warm median ${fmt(median(warm), 1)} ms; firms compared ${total && !total.suppressed ? fmt(total.n) : '-'}`,
  );
  // of which the assessments' statement and its rows to the server, without building the cube
  const facts: number[] = [];
  for (let i = 0; i < runs; i++)
    facts.push((await timed(() => services.dxAssessments.changeFacts(version.id, year))).ms);
  console.log(`changeFacts alone (SQL and rows to the server): median ${fmt(median(facts), 1)} ms`);
  await explain('change (cold)', await statementsOf(() => servicesNow().dxAnalytics.change(actor, query)));

  // ---- impact of support
  const [program] = await db
    .insert(schema.supportPrograms)
    .values({
      name: 'bench: impact',
      legalBasis: 'bench',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
      budgetVnd: 0,
      kinds: ['dx_solutions'],
    })
    .returning();
  try {
    await pool.query(
      `insert into support_enrolments (program_id, enterprise_id, enrolled_on)
       select $1, id, '2024-02-01' from enterprises order by tax_code limit $2`,
      [program.id, cohort],
    );
    await pool.query('analyze support_enrolments');
    const times: number[] = [];
    let result: Awaited<ReturnType<typeof services.supportPrograms.impact>> | undefined;
    for (let i = 0; i <= runs; i++) {
      const { r, ms } = await timed(() => services.supportPrograms.impact(actor, program.id));
      if (i > 0) times.push(ms);
      result = r;
    }
    console.log(
      `\n### impact, cohort ${fmt(cohort)}, baseline 2023: median ${fmt(median(times), 1)} ms [${times.map((x) => fmt(x)).join(', ')}]; ${result!.cells.length} groups, ${result!.cells.filter((c) => c.enrolled).length} published, overall ${JSON.stringify(result!.overall)}, not comparable ${result!.notComparable}`,
    );
    await explain('impact', await statementsOf(() => services.supportPrograms.impact(actor, program.id)));
    if (a.compare === 'true') {
      // the rule in memory, as the service ran it before: every scored assessment to the server
      const old: number[] = [];
      let same = true;
      for (let i = 0; i < 3; i++) {
        const { r, ms } = await timed(async () => {
          const [rows, enrolled] = await Promise.all([
            db
              .select({
                enterpriseId: schema.dxAssessments.enterpriseId,
                frameworkVersionId: schema.dxAssessments.frameworkVersionId,
                year: schema.dxAssessments.year,
                totalScore: schema.dxAssessments.totalScore,
                overallLevel: schema.dxAssessments.overallLevel,
                sectorCode: schema.dxAssessments.sectorCode,
                sizeClass: schema.dxAssessments.sizeClass,
              })
              .from(schema.dxAssessments)
              .where(inArray(schema.dxAssessments.status, ['submitted', 'verified'])),
            db
              .select({ id: schema.supportEnrolments.enterpriseId })
              .from(schema.supportEnrolments)
              .where(eq(schema.supportEnrolments.programId, program.id)),
          ]);
          return compareImpact(
            program.id,
            rows,
            new Set(enrolled.map((e) => e.id)),
            2023,
            services.dxAnalytics.suppress,
          );
        });
        old.push(ms);
        same &&= JSON.stringify(r) === JSON.stringify(result);
      }
      console.log(
        `\n### impact, the rule in memory (every scored assessment loaded): median ${fmt(median(old), 1)} ms [${old.map((x) => fmt(x)).join(', ')}]; same answer: ${same}`,
      );
    }
  } finally {
    await pool.query('delete from support_enrolments where program_id = $1', [program.id]);
    await db.execute(sql`delete from support_programs where id = ${program.id}`);
    await pool.end();
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
