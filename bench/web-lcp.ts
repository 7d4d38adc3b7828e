/**
 * Largest Contentful Paint of the login page and of the dashboard, in Debian's Chromium with DevTools' "Slow 4G"
 * network emulation (issue 12: recorded here, never asserted in a timed test).
 *
 *   npm run bench:web                 # builds the web app, starts the real server (PGlite, demo data), 5 runs each
 *   npm run bench:web -- --runs 9 --no-build
 *
 * Two ways in, in the same run: straight to the app (HTTP/1.1, as `npm start` serves it: six connections, so every
 * request waits its turn and pays the emulated round trip) and through nginx as docs/deploy.md installs it
 * (deploy/nginx.conf's TLS server with HTTP/2, a certificate made here; skipped, saying so, without nginx).
 *
 * Each cold run is a new browser context (empty cache) whose session cookie was made by logging in beforehand
 * without throttling, so what is measured is what a person on a slow phone link sees when opening the app: the HTML,
 * the scripts and the page's API reads, all over the throttled link. The warm run opens the same page again in the
 * same context (assets from the cache, `index.html` and the API reads over the link).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs as parse } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launch, login } from '../e2e/browser.js';

const { values } = parse({
  args: process.argv.slice(2),
  options: { runs: { type: 'string', default: '5' }, 'no-build': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error('--runs: a whole number from 1 to 50');

/** DevTools' "Slow 4G" preset (Chromium's network panel): 1.6 Mbit/s down, 750 kbit/s up, 562.5 ms round trip. */
const SLOW_4G = {
  offline: false,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
  latency: 150 * 3.75,
};

if (!values['no-build']) {
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('vite build failed');
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'steerboard-lcp-'));
const { DATABASE_URL: _ignored, ...env } = process.env;
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
  env: {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    // nginx below is the only proxy: the app believes its X-Forwarded-* (HTTPS, the browser's address)
    TRUST_PROXY: '127.0.0.1',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
for (const deadline = Date.now() + 120_000; ;) {
  if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
  const ok = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (Date.now() > deadline) throw new Error('server did not become healthy in 120 s');
  await new Promise((r) => setTimeout(r, 500));
}

/** deploy/nginx.conf with its TLS server switched on (as docs/deploy.md says to), ports and paths made local. */
async function startNginx(): Promise<{ base: string; spki: string; stop: () => void } | null> {
  const nginx = '/usr/sbin/nginx';
  if (spawnSync('test', ['-x', nginx]).status !== 0) {
    console.log('nginx not installed (apt-get install nginx): the HTTP/2 rows are skipped');
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'steerboard-lcp-nginx-'));
  spawnSync('chmod', ['755', dir]);
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-keyout',
    path.join(dir, 'key.pem'),
    '-out',
    path.join(dir, 'cert.pem'),
  ]);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr.toString()}`);
  // the certificate's key hash: Chromium trusts exactly this key (with --ignore-certificate-errors it would also
  // stop caching, and the repeat visit would measure nothing)
  const spki = spawnSync(
    'sh',
    [
      '-c',
      'openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64',
      'sh',
      path.join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  ).stdout.trim();
  const tlsPort = await freePort();
  const conf = readFileSync('deploy/nginx.conf', 'utf8')
    .replace(/server 127\.0\.0\.1:3001 [^;]*;/, `server 127.0.0.1:${port};`)
    .replace(/ *server 127\.0\.0\.1:3002 [^;]*;\n/, '')
    // the plain-HTTP server is not used here
    .replace(/\nserver \{\n {4}listen 80;[\s\S]*?\n\}\n/, '\n')
    // the commented TLS server, switched on
    .replace(/\n# server \{\n[\s\S]*?\n# \}/, (block) => block.replace(/\n# ?/g, '\n'))
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`)
    .replace('listen [::]:443 ssl http2;', '')
    .replace('/etc/ssl/steerboard/fullchain.pem', path.join(dir, 'cert.pem'))
    .replace('/etc/ssl/steerboard/privkey.pem', path.join(dir, 'key.pem'))
    .replaceAll('/var/log/nginx/steerboard.access.log', path.join(dir, 'access.log'))
    .replace('/etc/nginx/snippets/steerboard-proxy.conf', path.resolve('deploy/nginx-proxy.conf'));
  if (!conf.includes(`${tlsPort} ssl http2;`))
    throw new Error('deploy/nginx.conf: no TLS server with http2 found to switch on');
  writeFileSync(path.join(dir, 'steerboard.conf'), conf);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${path.join(dir, t)};`)
    .join('\n  ');
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;\nworker_processes 1;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log warn;\n` +
      `events { worker_connections 256; }\nhttp {\n  ${temp}\n  access_log off;\n  include ${dir}/steerboard.conf;\n}\n`,
  );
  const proc = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const tlsBase = `https://127.0.0.1:${tlsPort}`;
  for (const deadline = Date.now() + 20_000; ;) {
    if (proc.exitCode !== null) throw new Error(`nginx exited with ${proc.exitCode}`);
    const ok = spawnSync('curl', ['-skf', '-o', '/dev/null', `${tlsBase}/api/health`]).status === 0;
    if (ok) break;
    if (Date.now() > deadline) throw new Error('nginx did not answer in 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base: tlsBase,
    spki,
    stop: () => {
      proc.kill('SIGQUIT');
      setTimeout(() => rmSync(dir, { recursive: true, force: true }), 300);
    },
  };
}

/** Collects LCP candidates from the first paint on (the last one before any input is the page's LCP). */
const observeLcp = () => {
  const w = window as unknown as { __lcp: number; __lcpAt: string[]; __app: number };
  w.__lcp = 0;
  w.__lcpAt = [];
  w.__app = 0;
  // when the web app's own page is up (its heading in #root, the server's first view gone): what a click reaches.
  // (no named function here: tsx would wrap it in a helper the page does not have)
  const poll = setInterval(() => {
    if (!document.querySelector('#root h1') || document.getElementById('first-view')) return;
    w.__app = performance.now();
    clearInterval(poll);
  }, 10);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null; size?: number })[]) {
      w.__lcp = e.startTime;
      // every candidate, for WATERFALL=1: which element, how large, when
      const el = e.element;
      const what = el
        ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').slice(0, 40)}"`
        : '?';
      w.__lcpAt.push(`${Math.round(e.startTime)} ms ${what} ${e.size ?? 0} px²`);
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

async function throttle(page: Page): Promise<{ cdp: CDPSession; bytes: { total: number } }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  const bytes = { total: 0 };
  cdp.on('Network.loadingFinished', (e) => {
    bytes.total += e.encodedDataLength;
  });
  return { cdp, bytes };
}

interface Sample {
  lcp: number;
  /** the web app's own page drawn (ms from navigation) */
  app: number;
  kb: number;
}

async function measure(context: BrowserContext, url: string, ready: (page: Page) => Promise<void>): Promise<Sample> {
  const page = await context.newPage();
  await page.addInitScript(observeLcp);
  const { bytes } = await throttle(page);
  const t0 = Date.now();
  const waterfall: string[] = [];
  if (process.env.WATERFALL) {
    page.on('requestfinished', (r) => {
      const t = r.timing();
      waterfall.push(
        `${String(Math.round(t.startTime - t0 + (t.responseEnd > 0 ? t.responseEnd : 0))).padStart(6)} ms ` +
          `(start ${Math.round(t.startTime - t0)}) ${r.url().replace(/^https?:\/\/[^/]+/, '')}`,
      );
    });
  }
  await page.goto(url);
  await ready(page);
  // the server's first view may have drawn the heading: wait for the web app's own page too
  await page.waitForFunction(() => (window as unknown as { __app: number }).__app > 0, undefined, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  // LCP is reported after the frame is presented: give it one more frame before reading
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
  const { lcp, at, app } = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __lcpAt: string[]; __app: number };
    return { lcp: w.__lcp, at: w.__lcpAt, app: w.__app };
  });
  await page.close();
  if (process.env.WATERFALL)
    console.log(`${url} (LCP ${Math.round(lcp)} ms)\n${waterfall.join('\n')}\nLCP candidates:\n${at.join('\n')}`);
  return { lcp, app, kb: bytes.total / 1024 };
}

const proxy = await startNginx();
const links = [
  { name: 'direct, HTTP/1.1', base },
  ...(proxy ? [{ name: 'nginx, TLS + HTTP/2', base: proxy.base }] : []),
];
// the certificate is made here for 127.0.0.1: the browser is told to trust its key
const browser = await launch(proxy ? [`--ignore-certificate-errors-spki-list=${proxy.spki}`] : []);
const rows: { link: string; page: string; visit: string; samples: Sample[] }[] = [];
const add = (link: string, page: string, visit: string, s: Sample) => {
  let row = rows.find((r) => r.link === link && r.page === page && r.visit === visit);
  if (!row) rows.push((row = { link, page, visit, samples: [] }));
  row.samples.push(s);
};
const pages = [
  { path: '/', name: 'home (my work), the first page after login' },
  { path: '/dashboard', name: 'dashboard' },
];
try {
  for (let i = 0; i < runs; i++) {
    for (const link of links) {
      const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const loginReady = (p: Page) => p.locator('#login_username').waitFor();
      add(link.name, 'login', 'cold', await measure(anonymous, `${link.base}/login`, loginReady));
      await anonymous.close();

      // a session made without throttling, then a cold context carrying only its cookie
      const signIn = await browser.newContext();
      await login(await signIn.newPage(), link.base, 'secretariat');
      const state = await signIn.storageState();
      await signIn.close();
      const ready = (page: Page) => page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
      for (const { path: at, name } of pages) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: state });
        add(link.name, name, 'cold', await measure(context, `${link.base}${at}`, ready));
        add(link.name, name, 'repeat', await measure(context, `${link.base}${at}`, ready));
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  proxy?.stop();
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
const load = (await import('node:os')).loadavg()[0].toFixed(2);
console.log(`\nLargest Contentful Paint, Chromium, "Slow 4G" emulation, ${runs} runs, commit ${git}, load ${load}\n`);
// what the emulated link alone costs for those bytes: three round trips (the document, the scripts it names, a read)
// and the bytes at the link's rate, before any JavaScript runs
const floor = (kb: number) => 3 * SLOW_4G.latency + ((kb * 1024) / SLOW_4G.downloadThroughput) * 1000;
console.log(
  "| way in | page | visit | LCP median | LCP min–max | app's page drawn (median) | transferred (median) | the link alone | target |",
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const lcps = r.samples.map((s) => s.lcp);
  const target = r.page !== 'login' && r.visit === 'cold' ? '< 1,500 ms' : '—';
  const app = median(r.samples.map((s) => s.app));
  console.log(
    `| ${r.link} | ${r.page} | ${r.visit} | ${Math.round(median(lcps))} ms | ${Math.round(Math.min(...lcps))}–${Math.round(
      Math.max(...lcps),
    )} ms | ${app ? `${Math.round(app)} ms` : '—'} | ${median(r.samples.map((s) => s.kb)).toFixed(1)} KB | ${Math.round(
      floor(median(r.samples.map((s) => s.kb))),
    )} ms | ${target} |`,
  );
}
