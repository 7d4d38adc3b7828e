/**
 * The assessment import alone, next to its floor, with where the time goes (PostgreSQL): each statement's time on
 * the connection (summed by kind), the event loop's busy share and delay during the import (JavaScript) and, with
 * `--profile DIR`, a CPU profile of the import only (summarise it with bench/profile-summary.ts).
 *
 *   DATABASE_URL=postgres://… npx tsx bench/dx-import.ts [--assessments 100000] [--batch 1000] [--profile DIR]
 *
 * Uses the files `npm run bench` generates (bench/out/, same sizes and seed); run that once first.
 */
import { Session } from 'node:inspector/promises';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { openDb } from '../src/server/db/client.js';
import { systemClock } from '../src/server/lib/clock.js';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { SYSTEM_ACTOR } from '../src/server/http/authorize.js';

const a = parseArgs(process.argv.slice(2));
const assessments = intArg(a.assessments, 'assessments', 100_000);
const enterprises = intArg(a.enterprises, 'enterprises', Math.ceil(assessments / 3.33));
const batch = intArg(a.batch, 'batch', 1000);
const profileDir = typeof a.profile === 'string' ? a.profile : null;
// the server's own statement durations: its log file, readable here (log_min_duration_statement set on the bench database)
const serverLog = typeof a['server-log'] === 'string' ? a['server-log'] : null;
const keep = a.keep === 'true'; // leave the database for a look in psql
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// every statement on every pooled connection, timed from send to answer, summed by its first words
const byKind = new Map<string, { n: number; ms: number }>();
let counting = false;
const note = (text: string, ms: number) => {
  if (!counting) return;
  const kind = text.replace(/\s+/g, ' ').trim().slice(0, 60);
  const k = byKind.get(kind) ?? { n: 0, ms: 0 };
  k.n++;
  k.ms += ms;
  byKind.set(kind, k);
};
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the client as `this`
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const t = performance.now();
  const q = args[0] as { text?: string; submit?: unknown; on?: (e: string, f: () => void) => void };
  const text = typeof q === 'string' ? q : (q?.text ?? (q?.submit ? 'COPY (stream)' : '?'));
  const r = query.apply(this, args);
  if (r && typeof (r as Promise<unknown>).then === 'function')
    void (r as Promise<unknown>).then(
      () => note(text, performance.now() - t),
      () => note(text, performance.now() - t),
    );
  else if (q?.submit && q.on) q.on('finish', () => note(text, performance.now() - t));
  return r;
} as typeof pg.Client.prototype.query;

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL');
  const dir = path.resolve('bench/out', `data-${enterprises}-${assessments}`);
  const files = { e: path.join(dir, 'enterprises.csv'), as: path.join(dir, 'assessments.csv') };
  if (!existsSync(files.as)) throw new Error(`${files.as} missing: run npm run bench with the same sizes first`);
  const name = `steerboard_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  if (serverLog) await admin.query(`alter database ${name} set log_min_duration_statement = 0`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  const handle = await openDb({ url: u.toString() });
  try {
    const config = { ...loadConfig({ NODE_ENV: 'test', DX_DEMO_ENTERPRISES: '0' }), loadDemo: false };
    const { services } = await buildApp({ db: handle.db, dbKind: handle.kind, config, clock: systemClock });
    await prepareDatabase(handle, config, services);
    await services.dxImports.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: files.e, batchSize: batch });

    const session = new Session();
    if (profileDir) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
    }
    const logOffset = serverLog ? (await stat(serverLog)).size : 0;
    await handle.db.execute(sql`select 'bench:import-start'`);
    counting = true;
    const pgCpu = await backendCpu(name);
    const nodeCpu = process.cpuUsage();
    const elu = performance.eventLoopUtilization();
    // how long a request arriving now would wait for the event loop (the server's API shares it with the import)
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const t = performance.now();
    const job = await services.dxImports.importFile('assessments', {
      actor: SYSTEM_ACTOR,
      filePath: files.as,
      batchSize: batch,
    });
    const ms = performance.now() - t;
    const busy = performance.eventLoopUtilization(elu).utilization;
    lag.disable();
    const jsCpu = process.cpuUsage(nodeCpu);
    const serverCpu = cpuSince(pgCpu, await backendCpu(name));
    counting = false;
    await handle.db.execute(sql`select 'bench:import-end'`);
    if (profileDir) {
      const { profile } = await session.post('Profiler.stop');
      await mkdir(profileDir, { recursive: true });
      const file = path.join(profileDir, `import-${Date.now()}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      console.log(`profile: ${file}`);
    }

    // the floor, as npm run bench measures it
    const cols =
      'enterprise_id, framework_version_id, year, status, answers, source, snapshot, total_score, overall_level, pillar_scores, commune_id, sector_code, size_class, submitted_at';
    const tmp = path.join(os.tmpdir(), `bench-stage-${Date.now()}.txt`);
    await handle.db.execute(sql.raw(`copy (select ${cols} from dx_assessments) to '${tmp}'`));
    await handle.db.execute(sql.raw(`create table bench_limit (like dx_assessments including all)`));
    await handle.db.execute(
      sql.raw(`alter table bench_limit add foreign key (enterprise_id) references enterprises(id),
      add foreign key (framework_version_id) references dx_framework_versions(id), add foreign key (commune_id) references org_units(id)`),
    );
    const floorCpu0 = await backendCpu(name);
    const t2 = performance.now();
    await handle.db.execute(sql.raw(`copy bench_limit (${cols}) from '${tmp}'`));
    const floorMs = performance.now() - t2;
    const floorCpu = cpuSince(floorCpu0, await backendCpu(name));
    await rm(tmp, { force: true });

    const rate = job.rowsOk / (ms / 1000);
    const floor = job.rowsOk / (floorMs / 1000);
    console.log(
      `${new Date().toISOString()} load ${os.loadavg()[0].toFixed(1)}: ${fmt(job.rowsOk)} rows in ${fmt(ms / 1000, 1)} s = ${fmt(rate)} rows/s (${fmt((1000 * ms) / job.rowsOk, 0)} µs a row); floor ${fmt(floor)} rows/s (${fmt((1000 * floorMs) / job.rowsOk, 0)} µs); ${fmt((100 * rate) / floor, 1)} % of the floor`,
    );
    // the histogram holds the time between samples, the 10 ms resolution included: the wait is what exceeds it
    const waited = (ns: number) => fmt(Math.max(0, ns / 1e6 - 10), 1);
    console.log(
      `event loop delay during the import (beyond the 10 ms sampling): p50 ${waited(lag.percentile(50))} ms, p99 ${waited(lag.percentile(99))} ms, max ${waited(lag.max)} ms`,
    );
    console.log(
      `event loop busy ${fmt(busy * 100, 0)} % of the import; CPU a row: node ${fmt((jsCpu.user + jsCpu.system) / job.rowsOk, 0)} µs, server ${fmt((serverCpu * 1e6) / job.rowsOk, 0)} µs (floor: server ${fmt((floorCpu * 1e6) / job.rowsOk, 0)} µs)`,
    );
    const kinds = [...byKind.entries()].sort((x, y) => y[1].ms - x[1].ms).slice(0, 15);
    const sqlMs = kinds.reduce((s, [, k]) => s + k.ms, 0);
    console.log(`statements: ${fmt(sqlMs / 1000, 1)} s on the connections (top 15 kinds)`);
    for (const [kind, k] of kinds)
      console.log(
        `  ${fmt(k.ms / 1000, 2).padStart(7)} s ${String(k.n).padStart(6)}× ${fmt((1000 * k.ms) / job.rowsOk, 1).padStart(6)} µs/row  ${kind}`,
      );
    if (serverLog) await serverTimes(serverLog, logOffset, name, job.rowsOk, ms);
  } finally {
    await handle.close();
    if (keep) console.log(`kept database ${name}`);
    else {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}

/** CPU seconds used so far by each server process of the database `db` (Linux /proc; same host). */
async function backendCpu(db: string): Promise<Map<number, number>> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  const { rows } = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [db]);
  await c.end();
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!stat) continue;
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(pid, (Number(f[11]) + Number(f[12])) / 100); // utime + stime, in clock ticks of 10 ms
  }
  return out;
}
const cpuSince = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((s, [pid, t]) => s + t - (before.get(pid) ?? 0), 0);

/**
 * Sums the server-side durations the log recorded for the bench database during the import, by statement kind:
 * the log from `offset` (its size before the import), line by line. Every statement is logged in full (the batch
 * writes bind thousands of values): ~50 MB of log per 100,000 rows.
 */
async function serverTimes(file: string, offset: number, db: string, rows: number, importMs: number) {
  const kinds = new Map<string, { n: number; ms: number }>();
  let inImport = false;
  let total = 0;
  let pending: string | null = null; // a statement starting with a line break: its text is on the next line
  const count = (duration: number, text: string) => {
    if (text.includes("'bench:import-start'")) inImport = true;
    if (text.includes("'bench:import-end'")) inImport = false;
    if (!inImport || text.includes("'bench:import-")) return;
    const kind = text.replace(/\s+/g, ' ').trim().slice(0, 60);
    const k = kinds.get(kind) ?? { n: 0, ms: 0 };
    k.n++;
    k.ms += duration;
    total += duration;
    kinds.set(kind, k);
  };
  let duration = 0;
  for await (const line of createInterface({ input: createReadStream(file, { start: offset }) })) {
    if (pending !== null) {
      count(duration, line);
      pending = null;
      continue;
    }
    if (!line.includes(`@${db} `)) continue;
    const m = /duration: ([\d.]+) ms\s+(?:statement|execute [^:]*): (.*)$/.exec(line);
    if (!m) continue;
    duration = Number(m[1]);
    if (m[2].trim()) count(duration, m[2]);
    else pending = '';
  }
  console.log(`server-side: ${fmt(total / 1000, 1)} s of ${fmt(importMs / 1000, 1)} s in statements`);
  for (const [kind, k] of [...kinds.entries()].sort((x, y) => y[1].ms - x[1].ms).slice(0, 15))
    console.log(
      `  ${fmt(k.ms / 1000, 2).padStart(7)} s ${String(k.n).padStart(6)}× ${fmt((1000 * k.ms) / rows, 1).padStart(6)} µs/row  ${kind}`,
    );
}

main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
