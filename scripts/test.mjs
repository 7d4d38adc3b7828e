// `npm test`: the whole suite.
//  0. gates: types, format and lint;
//  1. unit + API tests on embedded PGlite;
//  2. the server suite again on PostgreSQL when DATABASE_URL is set (a fresh database per test file);
//  3. browser journeys in headless Chromium when /usr/bin/chromium exists (required when CI=true or E2E_REQUIRED=1).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const results = [];

function run(name, cmd, args, env) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ name, ok: r.status === 0 });
  return r.status === 0;
}

// Gates first: a type error, an unformatted file or a lint error fails the run (the tests still run after).
run('types (tsc --noEmit: server, shared, web, e2e, bench, scripts)', 'npx', [
  'tsc',
  '--noEmit',
  '-p',
  'tsconfig.json',
]);
run('format (prettier --check)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
run('lint (eslint: type-checked rules, React hooks, import boundaries)', 'npx', ['eslint', '--max-warnings', '0', '.']);

const { DATABASE_URL, ...withoutDb } = process.env;
console.log('\n=== unit + API tests on PGlite ===');
const pglite = spawnSync('npx', ['vitest', 'run'], { stdio: 'inherit', env: withoutDb });
results.push({ name: 'unit + API tests on PGlite', ok: pglite.status === 0 });

if (DATABASE_URL) {
  run(`API tests on PostgreSQL (${new URL(DATABASE_URL).host})`, 'npx', ['vitest', 'run', 'src/server'], {
    DATABASE_URL,
  });
} else {
  console.log('\nPostgreSQL run skipped: DATABASE_URL is not set (CI sets it).');
}

const e2eRequired = process.env.CI === 'true' || process.env.E2E_REQUIRED === '1';
if (existsSync(CHROMIUM)) {
  run('web build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  run('web budgets (compressed JavaScript per page, from the build)', 'node', ['scripts/web-budget.mjs']);
  run('browser journeys (headless Chromium)', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']);
} else if (e2eRequired) {
  console.error(`\nBrowser journeys are required here but ${CHROMIUM} is missing (Debian package: chromium).`);
  results.push({ name: 'browser journeys', ok: false });
} else {
  console.log(`\nBROWSER JOURNEYS SKIPPED: ${CHROMIUM} not found. Install it with: apt-get install chromium`);
}

const failed = results.filter((r) => !r.ok);
console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name}`);
process.exit(failed.length ? 1 : 0);
