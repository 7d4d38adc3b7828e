/**
 * Queries per request for the reads `npm run bench:api` drives: in-memory PGlite with the demo data, every query the
 * app sends counted (and timed) at the PGlite client, each request made 20 times through `inject`, one at a time.
 *
 *   npx tsx bench/api-queries.ts                  # the table
 *   npx tsx bench/api-queries.ts --show dashboard # and the SQL of one request
 *   npx tsx bench/api-queries.ts --dump FILE      # and every response body, as JSON, into FILE (to compare runs)
 *
 * SQL time can exceed the total when a request runs queries in parallel: PGlite runs them one after another.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from '../src/server/cli/args.js';
import { benchReads, startInProcessApp } from './lib/in-process-app.js';

const a = parseArgs(process.argv.slice(2));
const show = typeof a.show === 'string' ? a.show : null;
const dump = typeof a.dump === 'string' ? a.dump : null;
const RUNS = 20;

let count = 0;
let sqlMs = 0;
const seen: string[] = [];
const run = await startInProcessApp((client) => {
  const query = client.query.bind(client);
  client.query = (async (...args: Parameters<typeof query>) => {
    const t = performance.now();
    try {
      return await query(...args);
    } finally {
      count++;
      sqlMs += performance.now() - t;
      seen.push(args[0].replace(/\s+/g, ' ').slice(0, 300));
    }
  }) as typeof client.query;
});
const bodies: Record<string, unknown> = {};

console.log('| request | queries per request | SQL ms | total ms | body bytes |\n|---|---|---|---|---|');
for (const { name, cookie, url } of await benchReads(run)) {
  const headers = cookie ? { cookie } : {};
  for (let i = 0; i < 3; i++) await run.app.inject({ url, headers });
  count = 0;
  sqlMs = 0;
  seen.length = 0;
  let bytes = 0;
  const t = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const r = await run.app.inject({ url, headers });
    if (r.statusCode !== 200) throw new Error(`${name}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    bytes = r.body.length;
    if (i === 0) bodies[name] = r.json();
  }
  const total = (performance.now() - t) / RUNS;
  console.log(
    `| ${name} | ${count / RUNS} | ${(sqlMs / RUNS).toFixed(1)} | ${total.toFixed(1)} | ${bytes.toLocaleString('en-US')} |`,
  );
  if (show === name) console.log(seen.slice(0, count / RUNS).join('\n'));
}
if (dump) writeFileSync(dump, JSON.stringify(bodies, null, 1));
await run.close();
