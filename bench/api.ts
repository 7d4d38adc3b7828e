/**
 * Read API benchmark (issue 12): the real server next to a bare Fastify route, in the same run.
 *
 *   npm run bench:api                          # PGlite (temp data dir, demo data), 10 s per request
 *   DATABASE_URL=postgres://…/postgres npm run bench:api   # a fresh PostgreSQL database, created and dropped here
 *   npm run bench:api -- --duration 5 --only dashboard     # one request (the bare route always runs)
 *   npm run bench:api -- --soak 300            # then 5 minutes of mixed reads, server RSS every 30 s
 *   npm run bench:api -- --profile DIR         # the server runs under `node --cpu-prof`; the profile lands in DIR
 *   npm run bench:api -- --connections 50      # autocannon connections (default 50)
 *   READ_CACHE_MB=0 npm run bench:api          # every read computed (the read cache off; see http/read-cache.ts)
 *
 * Both servers run as child processes (the real one exactly as `npm start` runs it: `node --import tsx
 * src/server/main.ts`, logging at info to a file); autocannon drives them from this process. Prints req/s, p50, p99,
 * errors and non-2xx answers, the share of the bare route's req/s and the issue's target; then the cost of the
 * authorization check (authorize()/allows() over the whole catalogue, in this process).
 * Nothing here is a test: timings live only in docs/benchmarks.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { allows, authorize } from '../src/server/http/authorize.js';
import type { Actor } from '../src/server/http/context.js';
import { actions, type Facts } from '../src/shared/permissions.js';
import { roles } from '../src/shared/fields.js';

const a = parseArgs(process.argv.slice(2));
const duration = intArg(a.duration, 'duration', 10);
const connections = intArg(a.connections, 'connections', 50);
const soak = intArg(a.soak, 'soak', 0);
const only = typeof a.only === 'string' ? a.only.split(',') : null;
const profileDir = typeof a.profile === 'string' ? path.resolve(a.profile) : null;
const engine: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const log = (msg: string) => console.error(`[bench:api] ${msg}`);

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  await once(s, 'close');
  return port;
}

async function waitFor(url: string, child: ChildProcess, seconds: number) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before answering ${url}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url} within ${seconds} s`);
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/** A fresh database on the server named by DATABASE_URL, dropped at the end. */
async function serverDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `steerboard_bench_api_${Date.now()}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL!);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// ---------------------------------------------------------------- servers

const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/hello', async () => ({ hello: 'world', time: new Date().toISOString() }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

async function startBare() {
  const port = await freePort();
  const child = spawn(process.execPath, ['--input-type=module', '-e', BARE], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/hello`, child, 30);
  return { child, base: `http://127.0.0.1:${port}` };
}

async function startReal(tmp: string, databaseUrl: string | undefined) {
  const port = await freePort();
  const { DATABASE_URL: _server, ...withoutDatabaseUrl } = process.env;
  const out = createWriteStream(path.join(tmp, 'server.log'));
  await once(out, 'open');
  const child = spawn(
    process.execPath,
    [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--import', 'tsx', 'src/server/main.ts'],
    {
      cwd: root,
      env: {
        ...withoutDatabaseUrl,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(tmp, 'data'),
        WEB_DIST: path.join(tmp, 'no-web'),
        LOG_LEVEL: 'info',
        DEMO_DATA: 'true',
      },
      stdio: ['ignore', out, out],
    },
  );
  await waitFor(`http://127.0.0.1:${port}/api/health`, child, 600);
  return { child, base: `http://127.0.0.1:${port}`, logFile: path.join(tmp, 'server.log') };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

// ---------------------------------------------------------------- the API's data

type Json = Record<string, unknown> & { id: string; items?: (Record<string, unknown> & { id: string })[] };

async function api(base: string, cookie: string | null, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { json: JSON.parse(text) as Json, headers: res.headers };
}

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const set = res.headers.get('set-cookie') ?? '';
  const m = /sb_session=([^;]+)/.exec(set);
  if (!m) throw new Error(`login ${username}: no cookie`);
  return `sb_session=${m[1]}`;
}

interface Scenario {
  name: string;
  kind: 'read' | 'health/me' | 'write';
  method: 'GET' | 'PATCH' | 'PUT';
  path: string;
  cookie: string | null;
  role: string;
  /** writes: one record per connection, its version followed from each answer's ETag */
  pool?: { path: string; version: number; body: (n: number) => unknown }[];
}

async function scenarios(base: string): Promise<Scenario[]> {
  const c: Record<string, string> = {};
  for (const u of ['secretariat', 'viewer', 'team1', 'unit-stttt', 'enterprise-demo']) c[u] = await login(base, u);
  const inspections = (await api(base, c.secretariat, 'GET', '/api/inspections?limit=100')).json.items!;
  const issued = inspections.find((i) => i.status === 'issued')!;
  const working = inspections.find((i) => i.status === 'in_progress')!;
  const rounds = (await api(base, c.secretariat, 'GET', '/api/reporting-rounds')).json.items!;
  const round = (await api(base, c.secretariat, 'GET', `/api/reporting-rounds/${rounds[0].id}`)).json;
  const unit = (round.units as { orgUnit: { id: string } }[])[0].orgUnit.id;
  const dx = (await api(base, c.secretariat, 'GET', '/api/dx/assessments?status=submitted&limit=1')).json.items!;

  const list: Scenario[] = [
    { name: 'health', kind: 'health/me', method: 'GET', path: '/api/health', cookie: null, role: '-' },
    { name: 'me', kind: 'health/me', method: 'GET', path: '/api/auth/me', cookie: c.viewer, role: 'viewer' },
    { name: 'dashboard', kind: 'read', method: 'GET', path: '/api/dashboard', cookie: c.viewer, role: 'viewer' },
    {
      name: 'inspection-plans',
      kind: 'read',
      method: 'GET',
      path: '/api/inspection-plans',
      cookie: c.secretariat,
      role: 'secretariat',
    },
    { name: 'inspections', kind: 'read', method: 'GET', path: '/api/inspections', cookie: c.team1, role: 'inspector' },
    {
      name: 'inspection-detail',
      kind: 'read',
      method: 'GET',
      path: `/api/inspections/${issued.id}`,
      cookie: c.team1,
      role: 'inspector',
    },
    { name: 'follow-ups', kind: 'read', method: 'GET', path: '/api/follow-ups', cookie: c['unit-stttt'], role: 'unit' },
    {
      name: 'monitoring-dashboard',
      kind: 'read',
      method: 'GET',
      path: '/api/monitoring/dashboard',
      cookie: c.secretariat,
      role: 'secretariat',
    },
    { name: 'indicators', kind: 'read', method: 'GET', path: '/api/indicators', cookie: c.viewer, role: 'viewer' },
    {
      name: 'unit-report',
      kind: 'read',
      method: 'GET',
      path: `/api/reporting-rounds/${round.id}/reports/${unit}`,
      cookie: c.secretariat,
      role: 'secretariat',
    },
    {
      name: 'dx-report',
      kind: 'read',
      method: 'GET',
      path: `/api/dx/assessments/${dx[0].id}/report`,
      cookie: c.secretariat,
      role: 'secretariat',
    },
    {
      name: 'dx-breakdown',
      kind: 'read',
      method: 'GET',
      path: '/api/dx/analytics/breakdown?groupBy=year',
      cookie: c.viewer,
      role: 'viewer',
    },
  ];
  const wanted = (name: string) => !only || only.includes(name);

  if (wanted('patch-finding')) {
    // one draft finding per connection, in the inspection team 1 is working on
    const detail = (await api(base, c.team1, 'GET', `/api/inspections/${working.id}`)).json;
    const contentAreaId = (detail.contentAreas as { id: string }[] | undefined)?.[0]?.id;
    if (!contentAreaId) throw new Error('no content area in the working inspection');
    const pool: NonNullable<Scenario['pool']> = [];
    for (let i = 0; i < connections; i++) {
      const f = (
        await api(base, c.team1, 'POST', `/api/inspections/${working.id}/findings`, {
          contentAreaId,
          kind: 'strength',
          text: `Bench finding ${i}`,
        })
      ).json;
      pool.push({
        path: `/api/findings/${f.id}`,
        version: f.version as number,
        body: (n) => ({ text: `Bench finding ${i}, edit ${n}` }),
      });
    }
    list.push({
      name: 'patch-finding',
      kind: 'write',
      method: 'PATCH',
      path: '',
      cookie: c.team1,
      role: 'inspector',
      pool,
    });
  }

  if (wanted('save-report')) {
    // a round asking one unit per connection, so that every connection saves its own draft
    const program = rounds[0].programId as string;
    const units = (await api(base, c.secretariat, 'GET', '/api/org-units?limit=200')).json.items!.slice(0, connections);
    const created = (
      await api(base, c.secretariat, 'POST', '/api/reporting-rounds', {
        programId: program,
        title: 'Bench round',
        periodType: 'year',
        year: 2026,
        dueDate: '2027-01-15',
        orgUnitIds: units.map((u) => u.id),
      })
    ).json;
    const pool: NonNullable<Scenario['pool']> = [];
    for (const u of units) {
      const p = `/api/reporting-rounds/${created.id}/reports/${u.id}`;
      const r = (await api(base, c.secretariat, 'GET', p)).json;
      const indicators = (r.indicators as { indicatorId: string }[]).slice(0, 3);
      pool.push({
        path: p,
        version: r.version as number,
        body: (n) => ({
          narrative: `Bench narrative ${n}`,
          values: indicators.map((x) => ({ indicatorId: x.indicatorId, value: n % 1000, comment: null })),
        }),
      });
    }
    list.push({
      name: 'save-report',
      kind: 'write',
      method: 'PUT',
      path: '',
      cookie: c.secretariat,
      role: 'secretariat',
      pool,
    });
  }
  return list.filter((s) => wanted(s.name));
}

// ---------------------------------------------------------------- load

interface Row {
  name: string;
  role: string;
  kind: Scenario['kind'] | 'bare';
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const currentVersion = (body: string): number | undefined => {
  try {
    return (JSON.parse(body) as { error?: { details?: { currentVersion?: number } } }).error?.details?.currentVersion;
  } catch {
    return undefined;
  }
};

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Waits until the process is nearly idle (under 10 % of a core over 250 ms), at most 60 s. */
async function idle(pid: number) {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const before = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (cpuSeconds(pid) - before < 0.025) return;
  }
}

async function drive(
  base: string,
  s: Omit<Scenario, 'kind'> & { kind: Row['kind'] },
  seconds: number,
  settle?: () => Promise<void>,
): Promise<Row> {
  const headers: Record<string, string> = s.cookie ? { cookie: s.cookie } : {};
  let requests: autocannon.Request[] | undefined;
  let firstFailure = '';
  if (s.pool) {
    // a record is leased to one request at a time; its answer's ETag is the next If-Match
    const free = [...s.pool];
    let n = 0;
    type Ctx = { rec?: (typeof free)[number] };
    requests = [
      {
        setupRequest: (req, context) => {
          const rec = free.shift()!;
          (context as Ctx).rec = rec;
          return {
            ...req,
            method: s.method,
            path: rec.path,
            headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${rec.version}"` },
            body: JSON.stringify(rec.body(++n)),
          };
        },
        onResponse: (status, body, context, resHeaders) => {
          if (status >= 300 && !firstFailure) firstFailure = `${status} ${body.slice(0, 300)}`;
          const rec = (context as Ctx).rec;
          if (!rec) return;
          const etag = resHeaders?.etag;
          if (status < 300 && typeof etag === 'string') rec.version = Number(etag.replace(/"/g, ''));
          if (status === 409) rec.version = currentVersion(body) ?? rec.version;
          free.push(rec);
        },
      },
    ];
  }
  if (s.pool) {
    // a request cut off by the end of an earlier run may still have changed its record: ask each its version
    // (a write naming version 0 changes nothing and answers 409 with the current one)
    for (const rec of s.pool) {
      const res = await fetch(base + rec.path, {
        method: s.method,
        headers: { ...headers, 'content-type': 'application/json', 'if-match': '"0"' },
        body: JSON.stringify(rec.body(0)),
      });
      rec.version = currentVersion(await res.text()) ?? rec.version;
    }
  }
  const r = await autocannon({
    url: base + s.path,
    method: s.method,
    connections: s.pool ? Math.min(connections, s.pool.length) : connections,
    duration: seconds,
    headers,
    requests,
  });
  // autocannon leaves its last requests unanswered: let the server finish them before the next run is timed
  if (settle) await settle();
  if (firstFailure) log(`${s.name}: first failure ${firstFailure}`);
  return {
    name: s.name,
    role: s.role,
    kind: s.kind,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

function target(r: Row, bare: number): string {
  const share = r.rps / bare;
  if (r.kind === 'bare') return '';
  if (r.kind === 'write') return '(none set)';
  const minShare = r.kind === 'health/me' ? 0.3 : engine === 'postgres' ? 0.1 : 0.05;
  const maxP99 = engine === 'postgres' ? 50 : 100;
  const ok = share >= minShare && (r.kind === 'health/me' || r.p99 < maxP99) && r.errors + r.non2xx === 0;
  const want = r.kind === 'health/me' ? `≥ ${minShare * 100} %` : `≥ ${minShare * 100} %, p99 < ${maxP99} ms`;
  return `${want} — ${ok ? 'met' : 'NOT met'}`;
}

function printTable(rows: Row[], bare: number) {
  const lines = [
    `| request | role | req/s | p50 | p99 | errors / non-2xx | share of bare Fastify | target (${engine}) |`,
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.role} | ${fmt(r.rps)} | ${fmt(r.p50)} ms | ${fmt(r.p99)} ms | ${r.errors} / ${r.non2xx} | ` +
        `${fmt((100 * r.rps) / bare, 1)} % | ${target(r, bare)} |`,
    ),
  ];
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------- authorize()

/** ns per authorize()/allows() call, over every action × role with facts that exercise the scope rules. */
function authorizeBench() {
  const unitId = '00000000-0000-0000-0000-0000000000aa';
  const actors: Actor[] = roles.map((role) => ({
    id: `00000000-0000-0000-0000-00000000000${roles.indexOf(role)}`,
    username: role,
    displayName: role,
    role,
    orgUnitId: role === 'unit' ? unitId : null,
    orgUnitName: null,
    personId: null,
  }));
  const facts: Facts[] = [
    {},
    { orgUnitIds: [unitId] },
    { orgUnitIds: ['00000000-0000-0000-0000-0000000000bb'], teamRoles: ['member'], inspectionStatus: 'in_progress' },
    { enterpriseId: 'e1', actorEnterpriseId: 'e1' },
  ];
  const calls: [Actor, (typeof actions)[number], Facts][] = [];
  for (const actor of actors) for (const action of actions) for (const f of facts) calls.push([actor, action, f]);
  const time = (f: () => void) => {
    const rounds = 200;
    for (let i = 0; i < 20; i++) f(); // warm up
    const t = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) f();
    return Number(process.hrtime.bigint() - t) / (rounds * calls.length);
  };
  let allowed = 0;
  const nsAllows = time(() => {
    for (const [actor, action, f] of calls) if (allows(actor, action, f)) allowed++;
  });
  if (allowed === 0) throw new Error('the catalogue allowed nothing: the micro-benchmark measures the wrong thing');
  const nsAuthorize = time(() => {
    for (const [actor, action, f] of calls)
      try {
        authorize(actor, action, f);
      } catch {
        // a denial is a thrown 403: part of what is measured
      }
  });
  return { calls: calls.length, nsAllows, nsAuthorize };
}

// ---------------------------------------------------------------- main

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'steerboard-bench-api-'));
  const db = engine === 'postgres' ? await serverDatabase() : undefined;
  const bare = await startBare();
  log(`bare Fastify at ${bare.base}; starting the server (${engine}, demo data)…`);
  const t0 = performance.now();
  const real = await startReal(tmp, db?.url);
  const sinceStart = () => fmt((performance.now() - t0) / 1000, 1);
  log(`server ready in ${fmt((performance.now() - t0) / 1000, 1)} s at ${real.base} (pid ${real.child.pid})`);
  try {
    const list = await scenarios(real.base);
    const warm = Math.max(1, Math.min(3, Math.round(duration / 5)));
    if (profileDir)
      log(`load begins ${sinceStart()} s after the server started (profile-summary --skip ${sinceStart()})`);
    const bareScenario = {
      name: 'bare Fastify (small JSON)',
      kind: 'bare' as const,
      method: 'GET' as const,
      path: '/hello',
      cookie: null,
      role: '-',
    };
    const settleBare = () => idle(bare.child.pid!);
    const settleReal = () => idle(real.child.pid!);
    await drive(bare.base, bareScenario, warm, settleBare);
    const bareRow = await drive(bare.base, bareScenario, duration, settleBare);
    log(`bare: ${fmt(bareRow.rps)} req/s`);
    const rows: Row[] = [bareRow];
    for (const s of list) {
      await drive(real.base, s, warm, settleReal);
      const row = await drive(real.base, s, duration, settleReal);
      log(`${s.name}: ${fmt(row.rps)} req/s, p99 ${row.p99} ms, ${row.errors} errors, ${row.non2xx} non-2xx`);
      rows.push(row);
    }
    console.log(
      `\n${engine}, ${connections} connections × ${duration} s each (after ${warm} s warm-up), ` +
        `${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}, ` +
        `read cache ${process.env.READ_CACHE_MB === '0' ? 'off (READ_CACHE_MB=0: every read computed)' : `on (${process.env.READ_CACHE_MB ?? 64} MB)`}\n`,
    );
    printTable(rows, bareRow.rps);
    const auth = authorizeBench();
    console.log(
      `\nauthorize(): ${fmt(auth.nsAuthorize)} ns per call, allows(): ${fmt(auth.nsAllows)} ns per call ` +
        `(${auth.calls} action × role × facts combinations; target < 100,000 ns — ` +
        `${auth.nsAuthorize < 100_000 ? 'met' : 'NOT met'})`,
    );
    const lines = readFileSync(real.logFile, 'utf8').split('\n').length;
    console.log(`server log: ${fmt(lines)} lines; RSS now ${fmt(rssMb(real.child.pid!))} MB`);

    if (soak > 0) {
      // mixed reads on every connection, RSS sampled every 30 s: it should level off, not climb
      const reads = list.filter((s) => s.kind !== 'write');
      const samples: string[] = [`0 s: ${fmt(rssMb(real.child.pid!))} MB`];
      const timer = setInterval(() => {
        samples.push(`${samples.length * 30} s: ${fmt(rssMb(real.child.pid!))} MB`);
        console.log(`soak ${samples.at(-1)}`);
      }, 30_000);
      const results = await Promise.all(
        reads.map((s) =>
          autocannon({
            url: real.base + s.path,
            connections: Math.max(1, Math.round(connections / reads.length)),
            duration: soak,
            headers: s.cookie ? { cookie: s.cookie } : {},
          }),
        ),
      );
      clearInterval(timer);
      samples.push(`end: ${fmt(rssMb(real.child.pid!))} MB`);
      const total = results.reduce((n, r) => n + r.requests.total, 0);
      // apart: a time-out (autocannon's 10 s) says the server fell behind, a 4xx/5xx that it answered wrongly
      const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((n, r) => n + pick(r), 0);
      console.log(
        `\nsoak: ${soak} s of mixed reads (${reads.length} requests), ${fmt(total)} requests; ` +
          `errors ${sum((r) => r.errors)} (of which time-outs ${sum((r) => r.timeouts)}), ` +
          `4xx ${sum((r) => r['4xx'])}, 5xx ${sum((r) => r['5xx'])}; server RSS ${samples.join(', ')}`,
      );
    }
  } finally {
    await stop(real.child);
    await stop(bare.child);
    await db?.drop();
    await rm(tmp, { recursive: true, force: true });
    if (profileDir) log(`CPU profile written to ${profileDir}`);
  }
}

await main();
