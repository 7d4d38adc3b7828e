/**
 * DX analytics benchmark (prints a table; writes only generated files under bench/out/).
 *
 *   npm run bench                         # 20,000 assessments, PGlite (and PostgreSQL when DATABASE_URL is set)
 *   npm run bench -- --assessments 200000 # any size
 *   npm run bench -- --full               # 1,000,000 assessments of 300,000 enterprises
 *   npm run bench -- --only postgres      # one engine
 *
 * Measures: import rows/s next to a raw COPY of the same file into a bare table; each analytics query's
 * median and p95 next to a plain GROUP BY over the assessments table (the answers and scores, no rollup);
 * scoring throughput; peak RSS of this process during the import (PGlite runs inside it, PostgreSQL not).
 */
import { BENCH_ACTOR } from './lib/bench-actor.js';
import { createChangeFeed } from '../src/server/db/change-feed.js';
import { trackPglite } from '../src/server/db/change-tracking.js';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { openDb, type DbHandle } from '../src/server/db/client.js';
import * as schema from '../src/server/db/schema/index.js';
import { systemClock } from '../src/server/lib/clock.js';
import { generate } from '../src/server/modules/dx-analytics/generate/generate.js';
import { loadGeo } from '../src/server/modules/dx-analytics/generate/geo.js';
import { readCsv } from '../src/server/modules/dx-analytics/import/csv.js';
import { DEFAULT_BATCH_SIZE } from '../src/server/modules/dx-analytics/import/import.service.js';
import { decodeAnswer } from '../src/server/modules/dx-analytics/import/answer-cells.js';
import { readBundledFramework } from '../src/server/modules/dx-frameworks/bundled.js';
import { allQuestions } from '../src/shared/dx/framework-format.js';
import { scoreAssessment } from '../src/shared/dx/scoring.js';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { SYSTEM_ACTOR } from '../src/server/http/authorize.js';

const a = parseArgs(process.argv.slice(2));
const full = a.full === 'true';
const assessments = full ? 1_000_000 : intArg(a.assessments, 'assessments', 20_000);
const enterprises = full ? 300_000 : intArg(a.enterprises, 'enterprises', Math.ceil(assessments / 3.33));
const runs = intArg(a.runs, 'runs', 15);
const batch = intArg(a.batch, 'batch', DEFAULT_BATCH_SIZE);
const only = typeof a.only === 'string' ? a.only : null;
const framework = readBundledFramework('dbi-sme.json');
const actor = BENCH_ACTOR;

const rowsOf = (res: unknown): Record<string, unknown>[] =>
  (res as { rows?: Record<string, unknown>[] }).rows ?? (res as Record<string, unknown>[]);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function time<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

async function files() {
  const dir = path.resolve('bench/out', `data-${enterprises}-${assessments}`);
  const e = path.join(dir, 'enterprises.csv');
  const as = path.join(dir, 'assessments.csv');
  if (!existsSync(as)) {
    await mkdir(dir, { recursive: true });
    const [, ms] = await time(async () =>
      generate(
        { enterprises, assessments, years: [2021, 2022, 2023, 2024, 2025], seed: 1, framework, geo: await loadGeo() },
        createWriteStream(e),
        createWriteStream(as),
      ),
    );
    console.error(
      `generated ${fmt(enterprises)} enterprises and ${fmt(assessments)} assessments in ${fmt(ms / 1000, 1)} s`,
    );
  }
  return { e, as };
}

/** Peak resident memory of this process while `f` runs. */
async function peakRss<T>(f: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    return [await f(), peak];
  } finally {
    clearInterval(timer);
  }
}

interface Engine {
  handle: DbHandle;
  drop: () => Promise<void>;
  /** COPY a CSV file into a table, timed by the caller */
  copy: (file: string, table: string) => Promise<void>;
  /** rows of a query written out in COPY text format (untimed), then a function that COPYs them into `table` */
  stage: (query: string) => Promise<(table: string) => Promise<void>>;
}

async function openEngine(engine: 'pglite' | 'postgres'): Promise<Engine> {
  if (engine === 'postgres') {
    const { default: pg } = await import('pg');
    const name = `steerboard_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    const handle = await openDb({ url: u.toString() });
    return {
      handle,
      // the server reads the file itself (same machine): the fastest path PostgreSQL has
      copy: async (file, table) => {
        const tmp = path.join(os.tmpdir(), `bench-copy-${Date.now()}.csv`);
        await copyFile(file, tmp);
        await chmod(tmp, 0o644);
        try {
          await handle.db.execute(sql.raw(`copy ${table} from '${tmp}' with (format csv, header true)`));
        } finally {
          await rm(tmp, { force: true });
        }
      },
      stage: async (query) => {
        const tmp = path.join(os.tmpdir(), `bench-stage-${Date.now()}.txt`);
        await handle.db.execute(sql.raw(`copy (${query}) to '${tmp}'`));
        return async (table) => {
          try {
            await handle.db.execute(sql.raw(`copy ${table} from '${tmp}'`));
          } finally {
            await rm(tmp, { force: true });
          }
        };
      },
      drop: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'steerboard-bench-'));
  const client = new PGlite(dir);
  await client.waitReady;
  const changes = createChangeFeed();
  trackPglite(client, changes);
  const db = drizzle(client, { schema }) as unknown as DbHandle['db'];
  return {
    handle: {
      db,
      kind: 'pglite',
      changes,
      close: () => client.close(),
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      exclusive: (_k, fn) => fn(),
    },
    copy: async (file, table) => {
      const blob = new Blob([await readFile(file)]);
      await client.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], { blob });
    },
    stage: async (query) => {
      const out = await client.query(`copy (${query}) to '/dev/blob'`);
      return async (table) => {
        await client.query(`copy ${table} from '/dev/blob'`, [], { blob: out.blob });
      };
    },
    drop: async () => {
      await client.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function bench(engine: 'pglite' | 'postgres', f: { e: string; as: string }) {
  const { handle, drop, copy, stage } = await openEngine(engine);
  const out: string[][] = [];
  try {
    const config = { ...loadConfig({ NODE_ENV: 'test', DX_DEMO_ENTERPRISES: '0' }), loadDemo: false };
    const { services } = await buildApp({ db: handle.db, dbKind: handle.kind, config, clock: systemClock });
    await prepareDatabase(handle, config, services);
    const db = handle.db;

    const [entJob, entMs] = await time(() =>
      services.dxImports.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: f.e, batchSize: batch }),
    );
    const [[asJob, asMs], rss] = await peakRss(() =>
      time(() =>
        services.dxImports.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: f.as, batchSize: batch }),
      ),
    );
    if (asJob.rowsFailed || entJob.rowsFailed)
      console.error(`warning: ${entJob.rowsFailed} enterprise and ${asJob.rowsFailed} assessment rows rejected`);

    const header = (await readFile(f.as, 'utf8').then((t) => t.slice(0, t.indexOf('\n')))).trim().split(',');
    await db.execute(sql.raw(`create table bench_raw (${header.map((h) => `"${h}" text`).join(', ')})`));
    const [, copyMs] = await time(() => copy(f.as, 'bench_raw'));
    const [, copyEntMs] = await time(async () => {
      const eh = (await readFile(f.e, 'utf8').then((t) => t.slice(0, t.indexOf('\n')))).trim().split(',');
      await db.execute(sql.raw(`create table bench_raw_e (${eh.map((h) => `"${h}" text`).join(', ')})`));
      await copy(f.e, 'bench_raw_e');
    });
    out.push([
      'import enterprises',
      `${fmt(entJob.rowsOk / (entMs / 1000))} rows/s`,
      `COPY ${fmt(enterprises / (copyEntMs / 1000))} rows/s`,
      `${fmt((entJob.rowsOk / (entMs / 1000) / (enterprises / (copyEntMs / 1000))) * 100, 1)} %`,
    ]);
    // the enterprises' floor: the imported registry rows COPYed into a table like enterprises (keys, indexes, foreign keys)
    const entCols =
      'tax_code, name, address, commune_id, current_commune_id, commune_resolution, vsic_version, sector_code, industry_code, employees, revenue_vnd, capital_vnd, size_class, is_demo, search_text';
    const loadEnt = await stage(`select ${entCols} from enterprises`);
    await db.execute(sql.raw(`create table bench_limit_e (like enterprises including all)`));
    await db.execute(
      sql.raw(
        `alter table bench_limit_e add foreign key (commune_id) references org_units(id), add foreign key (current_commune_id) references org_units(id)`,
      ),
    );
    const [, limitEntMs] = await time(() => loadEnt(`bench_limit_e (${entCols})`));
    const limitEntRate = entJob.rowsOk / (limitEntMs / 1000);
    out.push([
      'the same enterprises into a table like enterprises',
      '',
      `COPY, floor ${fmt(limitEntRate)} rows/s`,
      `${fmt((entJob.rowsOk / (entMs / 1000) / limitEntRate) * 100, 1)} % of the floor`,
    ]);
    await db.execute(sql.raw('drop table bench_limit_e'));
    out.push([
      'import assessments (validate + score + upsert + rollup)',
      `${fmt(asJob.rowsOk / (asMs / 1000))} rows/s`,
      `COPY ${fmt(assessments / (copyMs / 1000))} rows/s`,
      `${fmt((asJob.rowsOk / (asMs / 1000) / (assessments / (copyMs / 1000))) * 100, 1)} %`,
    ]);
    // the floor of any import that keeps the schema: the imported rows themselves COPYed into a table with
    // dx_assessments' unique key, indexes and foreign keys (no validation, scoring or rollup)
    const cols =
      'enterprise_id, framework_version_id, year, status, answers, source, snapshot, total_score, overall_level, pillar_scores, commune_id, sector_code, size_class, submitted_at';
    const load = await stage(`select ${cols} from dx_assessments`);
    await db.execute(sql.raw(`create table bench_limit (like dx_assessments including all)`));
    await db.execute(
      sql.raw(`alter table bench_limit add foreign key (enterprise_id) references enterprises(id),
      add foreign key (framework_version_id) references dx_framework_versions(id), add foreign key (commune_id) references org_units(id)`),
    );
    const [, limitMs] = await time(() => load(`bench_limit (${cols})`));
    const limitRate = asJob.rowsOk / (limitMs / 1000);
    out.push([
      'the same assessments into a table like dx_assessments',
      '',
      `COPY, floor ${fmt(limitRate)} rows/s`,
      `${fmt((asJob.rowsOk / (asMs / 1000) / limitRate) * 100, 1)} % of the floor`,
    ]);
    await db.execute(sql.raw('drop table bench_limit'));
    out.push([
      'peak RSS during assessment import',
      `${fmt(rss / 2 ** 20)} MB`,
      engine === 'pglite' ? '(database in process)' : '(client only)',
      '',
    ]);
    await db.execute(sql`analyze`);

    const versionId = String(
      rowsOf(
        await db.execute(
          sql`select v.id from dx_framework_versions v join dx_frameworks f on f.id = v.framework_id where f.code = 'DBI-SME'`,
        ),
      )[0].id,
    );
    const cellCount = Number(
      rowsOf(await db.execute(sql`select count(*)::int as n from dx_rollups where n <> 0`))[0].n,
    );
    out.push(['rollup cells (for the table above)', fmt(cellCount), `${fmt(asJob.rowsOk)} assessments`, '']);
    const raw = (group: string, where = sql`true`) =>
      db.execute(sql`
      select ${sql.raw(group)}, a.overall_level, count(*), avg(a.total_score)
      from dx_assessments a left join org_units c on c.id = a.commune_id
      where a.framework_version_id = ${versionId} and a.status in ('submitted', 'verified') and ${where}
      group by ${sql.raw(group)}, a.overall_level`);
    const rawPillars = (group: string, where = sql`true`) =>
      db.execute(sql`
      select ${sql.raw(group)}, u.ord, avg(u.p) from dx_assessments a left join org_units c on c.id = a.commune_id
      cross join lateral unnest(a.pillar_scores) with ordinality u(p, ord)
      where a.framework_version_id = ${versionId} and a.status in ('submitted', 'verified') and ${where} group by ${sql.raw(group)}, u.ord`);
    const queries: { name: string; run: () => Promise<unknown>; raw: () => Promise<unknown> }[] = [
      {
        name: 'city total, all years',
        run: () => services.dxAnalytics.breakdown(actor, { frameworkVersionId: versionId, groupBy: [] }),
        raw: async () => {
          await raw('1');
          await rawPillars('1');
        },
      },
      {
        name: 'by commune (map), 2025',
        run: () =>
          services.dxAnalytics.breakdown(actor, { frameworkVersionId: versionId, groupBy: ['commune'], year: 2025 }),
        raw: async () => {
          await raw('c.code', sql`a.year = 2025`);
          await rawPillars('c.code', sql`a.year = 2025`);
        },
      },
      {
        name: 'by sector × size class',
        run: () =>
          services.dxAnalytics.breakdown(actor, { frameworkVersionId: versionId, groupBy: ['sector', 'sizeClass'] }),
        raw: async () => {
          await raw('a.sector_code, a.size_class');
          await rawPillars('a.sector_code, a.size_class');
        },
      },
      {
        name: 'trend by year, sector G, micro',
        run: () =>
          services.dxAnalytics.breakdown(actor, {
            frameworkVersionId: versionId,
            groupBy: ['year'],
            sector: 'G',
            sizeClass: 'micro',
          }),
        raw: async () => {
          await raw('a.year', sql`a.sector_code = 'G' and a.size_class = 'micro'`);
          await rawPillars('a.year', sql`a.sector_code = 'G' and a.size_class = 'micro'`);
        },
      },
      {
        name: 'by pre-2025 district',
        run: () => services.dxAnalytics.breakdown(actor, { frameworkVersionId: versionId, groupBy: ['district'] }),
        raw: async () => {
          await raw('c.code');
          await rawPillars('c.code');
        },
      },
      {
        name: 'top movers (communes 2024→2025)',
        run: () =>
          services.dxAnalytics.movers(actor, {
            frameworkVersionId: versionId,
            dimension: 'commune',
            fromYear: 2024,
            toYear: 2025,
            metric: 'meanTotal',
            limit: 10,
          }),
        raw: () => raw('c.code, a.year', sql`a.year in (2024, 2025)`),
      },
    ];
    for (const q of queries) {
      // warm caches and the JIT (a running server is warm): five calls of ours, one of the raw query
      for (let w = 0; w < 5; w++) await q.run();
      await q.raw();
      const t1: number[] = [];
      const t2: number[] = [];
      for (let i = 0; i < runs; i++) {
        t1.push((await time(q.run))[1]);
        if (i < Math.max(3, Math.ceil(runs / 3))) t2.push((await time(q.raw))[1]);
      }
      const m1 = quantile(t1, 0.5);
      const m2 = quantile(t2, 0.5);
      out.push([
        `analytics: ${q.name}`,
        `median ${fmt(m1, 1)} ms, p95 ${fmt(quantile(t1, 0.95), 1)} ms`,
        `GROUP BY median ${fmt(m2, 1)} ms, p95 ${fmt(quantile(t2, 0.95), 1)} ms`,
        `1/${fmt(m2 / m1, 0)}`,
      ]);
    }
  } finally {
    await drop();
  }
  return out;
}

async function scoring(file: string) {
  const questions = new Map(allQuestions(framework).map(({ question }) => [question.code, question]));
  const answers: Record<string, unknown>[] = [];
  let header: string[] = [];
  for await (const r of readCsv(createReadStream(file))) {
    if (!header.length) {
      header = r.fields;
      continue;
    }
    const a: Record<string, unknown> = {};
    r.fields.forEach((v, i) => {
      const q = questions.get(header[i]);
      if (q && v) {
        const d = decodeAnswer(q, v);
        if (d.ok) a[header[i]] = d.value;
      }
    });
    answers.push(a);
    if (answers.length >= 20_000) break;
  }
  const t = performance.now();
  for (const x of answers) scoreAssessment(framework, x);
  return answers.length / ((performance.now() - t) / 1000);
}

async function main() {
  const f = await files();
  const engines = (['pglite', 'postgres'] as const).filter((e) =>
    only ? e === only : e === 'pglite' || !!process.env.DATABASE_URL,
  );
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\nDX benchmark — ${new Date().toISOString()} — ${fmt(assessments)} assessments of ${fmt(enterprises)} enterprises, batches of ${batch}`,
  );
  console.log(
    `machine: ${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / 2 ** 30, 1)} GB RAM, Node ${process.version}, shared with other work\n`,
  );
  console.log(
    `scoring (pure function, DBI-SME, ${framework.pillars.length} pillars): ${fmt(await scoring(f.as))} assessments/s\n`,
  );
  for (const engine of engines) {
    const rows = await bench(engine, f);
    console.log(
      `### ${engine === 'pglite' ? 'PGlite (embedded)' : `PostgreSQL ${new URL(process.env.DATABASE_URL!).host}`}\n`,
    );
    console.log('| measure | steerboard | baseline | ratio |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log('');
  }
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
