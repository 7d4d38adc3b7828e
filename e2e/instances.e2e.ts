import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createServerDatabase } from '../src/server/test/test-app.js';
import { launch, login, shot } from './browser.js';

/**
 * Two app instances on one PostgreSQL behind Debian's nginx, configured by deploy/nginx.conf: start-up work runs
 * once across instances and survives the death of the instance doing it; a browser journey through the proxy is
 * served by both instances in turn and goes on when one of them is killed in the middle.
 * Needs DATABASE_URL (a fresh database is made on that server) and /usr/sbin/nginx: skipped, saying why, without
 * them; in CI (CI=true) their absence fails the run.
 */
const NGINX = '/usr/sbin/nginx';
const missing = [!process.env.DATABASE_URL && 'DATABASE_URL', !existsSync(NGINX) && NGINX].filter(Boolean);
if (missing.length && process.env.CI === 'true')
  throw new Error(`two-instance test: ${missing.join(' and ')} missing in CI (.ci/run installs nginx)`);
if (missing.length) console.log(`TWO-INSTANCE TEST SKIPPED: ${missing.join(' and ')} missing (apt-get install nginx)`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Instance {
  name: string;
  port: number;
  proc: ChildProcess;
  lines: string[];
}

let db: { url: string; drop(): Promise<void> } | undefined;
let dir: string;
let nginx: ChildProcess | undefined;
let browser: Browser | undefined;
const instances: Instance[] = [];
const PREPARING = 'preparing the database (holding the start-up lock)';
// set by the first test: the first instance to log that it holds the start-up lock is killed on that very line
let killWhilePreparing = false;

function startInstance(name: string, port: number): Instance {
  const { DATABASE_URL: _server, ...env } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...env,
      DATABASE_URL: db!.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      DEMO_DATA: 'true',
      DX_DEMO_ENTERPRISES: '0',
      LOG_LEVEL: 'info',
      TRUST_PROXY: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const inst: Instance = { name, port, proc, lines: [] };
  for (const stream of [proc.stdout, proc.stderr])
    stream.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().split('\n').filter(Boolean);
      inst.lines.push(...lines);
      if (killWhilePreparing && lines.some((l) => l.includes(PREPARING))) {
        killWhilePreparing = false;
        proc.kill('SIGKILL');
      }
    });
  instances.push(inst);
  return inst;
}

const logged = (inst: Instance, text: string) => inst.lines.some((l) => l.includes(text));

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 90_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
const ready = async (port: number) => (await fetch(`http://127.0.0.1:${port}/api/ready`)).status === 200;

describe.skipIf(missing.length > 0)('two instances behind nginx on one PostgreSQL', () => {
  let ports: [number, number, number];
  beforeAll(async () => {
    db = await createServerDatabase(process.env.DATABASE_URL!);
    dir = mkdtempSync(path.join(tmpdir(), 'steerboard-nginx-'));
    // nginx's workers drop to an unprivileged user when the master runs as root (CI): they must reach the temp dir
    chmodSync(dir, 0o755);
    ports = [await freePort(), await freePort(), await freePort()];
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    nginx?.kill('SIGQUIT');
    for (const i of instances) if (i.proc.exitCode === null) i.proc.kill('SIGKILL');
    await sleep(500);
    await db?.drop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'prepares the database once, and the other instance takes over when the one preparing dies',
    { timeout: 240_000 },
    async () => {
      // whichever instance gets the start-up lock first is killed right then, mid-preparation
      killWhilePreparing = true;
      const [a, b] = [startInstance('a', ports[0]), startInstance('b', ports[1])];
      await until('an instance to take the start-up lock', () => logged(a, PREPARING) || logged(b, PREPARING));
      const [first, second] = logged(a, PREPARING) ? [a, b] : [b, a];
      await until(`${first.name} to die`, () => first.proc.exitCode !== null || first.proc.signalCode !== null);
      await until(`${second.name} to prepare and become ready`, () => ready(second.port));
      expect(logged(second, PREPARING)).toBe(true);
      // the killed instance comes back (as a service manager would restart it) and finds everything done
      const again = startInstance(first.name, first.port);
      await until(`${again.name} to become ready again`, () => ready(again.port));
      const all = instances.flatMap((i) => i.lines);
      expect(
        all.filter((l) => l.includes('demo data loaded')),
        'demo data seeded once',
      ).toHaveLength(1);
      expect(again.lines.some((l) => l.includes('migrations applied'))).toBe(false);
      const journal = JSON.parse(readFileSync('src/server/db/migrations/meta/_journal.json', 'utf8')) as {
        entries: unknown[];
      };
      const applied = all
        .filter((l) => l.includes('migrations applied'))
        .flatMap((l) => /migrations applied: ([^"]*)/.exec(l)![1].split(', '));
      expect(applied.length, 'every migration applied exactly once').toBe(journal.entries.length);
      expect(new Set(applied).size).toBe(journal.entries.length);
    },
  );

  it(
    'a browser journey through nginx is served by both instances, and goes on when one is killed',
    { timeout: 240_000 },
    async () => {
      const conf = readFileSync('deploy/nginx.conf', 'utf8')
        .replace(/server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${ports[0]} `)
        .replace(/server 127\.0\.0\.1:3002 /, `server 127.0.0.1:${ports[1]} `)
        .replace('listen 80;', `listen 127.0.0.1:${ports[2]};`)
        .replace('listen [::]:80;', '')
        .replace('/var/log/nginx/steerboard.access.log', path.join(dir, 'access.log'))
        .replace('/etc/nginx/snippets/steerboard-proxy.conf', path.resolve('deploy/nginx-proxy.conf'));
      writeFileSync(path.join(dir, 'steerboard.conf'), conf);
      const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
        .map((t) => `${t}_temp_path ${path.join(dir, t)};`)
        .join('\n  ');
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
          `events { worker_connections 256; }\n` +
          `http {\n  ${temp}\n  access_log off;\n  include ${dir}/steerboard.conf;\n}\n`,
      );
      nginx = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      const proxy = `http://127.0.0.1:${ports[2]}`;
      await until('nginx', async () => (await fetch(`${proxy}/api/ready`)).ok, 20_000);

      const accessLog = () =>
        existsSync(path.join(dir, 'access.log'))
          ? readFileSync(path.join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean)
          : [];
      const upstreams = (lines: string[]) =>
        new Set(lines.flatMap((l) => /upstream=(.+?) rt=/.exec(l)?.[1].split(', ') ?? []));

      const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await login(page, proxy, 'secretariat');
      await page.goto(`${proxy}/inspections`);
      await expect.poll(() => page.getByRole('table').first().isVisible(), { timeout: 30_000 }).toBe(true);
      await page.goto(`${proxy}/monitoring`);
      await page.waitForLoadState('networkidle');
      await shot(page, 'instances-01-before-kill');
      const before = accessLog();
      expect(upstreams(before), 'round robin: both instances answered').toEqual(
        new Set([`127.0.0.1:${ports[0]}`, `127.0.0.1:${ports[1]}`]),
      );

      // one instance dies mid-journey: the session lives in the database, nginx skips the dead instance
      const alive = (i: Instance) => i.proc.exitCode === null && i.proc.signalCode === null;
      const victim = instances.find((i) => i.port === ports[0] && alive(i))!;
      victim.proc.kill('SIGKILL');
      await until('the victim to die', () => victim.proc.signalCode !== null, 10_000);
      // what the dead instance answered just before its death is not part of "after"
      const atKill = accessLog().length;
      await page.goto(`${proxy}/inspections`);
      await expect.poll(() => page.getByRole('table').first().isVisible(), { timeout: 30_000 }).toBe(true);
      await page.goto(`${proxy}/enterprises`);
      await page.waitForLoadState('networkidle');
      await page.goto(`${proxy}/dx-analytics`);
      await page.waitForLoadState('networkidle');
      await shot(page, 'instances-02-after-kill');
      expect(page.url(), 'still logged in: no return to the login page').not.toContain('/login');
      const after = accessLog().slice(atKill);
      expect(after.length).toBeGreaterThan(5);
      // every request after the kill was answered, and by the surviving instance (a refused connection is retried)
      expect(
        after.filter((l) => / (5\d\d) \d+ upstream=/.test(l)),
        'no 5xx through the proxy',
      ).toEqual([]);
      const answeredBy = after.map((l) => /upstream=(.+?) rt=/.exec(l)![1].split(', ').at(-1));
      expect(new Set(answeredBy), after.join('\n')).toEqual(new Set([`127.0.0.1:${ports[1]}`]));
      // the request id travels: nginx's id (or the browser's) is the one the app logged
      const rid = /rid=(\S+)/.exec(after.at(-1)!)![1];
      expect(rid).toMatch(/^[0-9a-f]{32}$|^[\w.:-]{8,128}$/);
      await context.close();
    },
  );
});
