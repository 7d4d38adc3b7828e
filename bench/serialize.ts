/**
 * What writing one response costs: the zod path (fastify-type-provider-zod: `z.encode` then `JSON.stringify`) against
 * fast-json-stringify from the response's JSON Schema (`src/server/http/serialize.ts`), on the real responses of the
 * reads `npm run bench:api` drives and of a few long lists (in-memory PGlite with the demo data). Both run in this
 * process, alternately, on the same values, so a loaded machine slows both alike: compare the columns, not the runs.
 *
 *   npx tsx bench/serialize.ts [--ms 300]     # time per request and serialiser
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { intArg, parseArgs } from '../src/server/cli/args.js';
import { planFor } from '../src/server/http/serialize.js';
import { apiRoutes, type ApiRoute } from '../src/shared/contracts/api-routes.js';
import { benchReads, startInProcessApp } from './lib/in-process-app.js';

const a = parseArgs(process.argv.slice(2));
const budgetMs = intArg(a.ms, 'ms', 300);
const run = await startInProcessApp();
const { get } = run;
const admin = await run.login('admin');
const secretariat = await run.login('secretariat');

const list: [name: string, cookie: string, url: string, route: string][] = [
  // the reads the bench drives but health (no response worth timing)
  ...(await benchReads(run))
    .filter((r) => r.cookie !== null)
    .map((r): [string, string, string, string] => [r.name, r.cookie!, r.url, r.route]),
  ['long: inspections × 100', secretariat, '/api/inspections?limit=100', 'GET /api/inspections'],
  ['long: enterprises × 500', admin, '/api/enterprises?limit=500', 'GET /api/enterprises'],
  ['long: audit events × 500', admin, '/api/audit-events?limit=500', 'GET /api/audit-events'],
];

/** Runs `fn` for about `ms`, returns µs per call. */
function time(fn: () => unknown, ms: number) {
  let n = 0;
  const t = performance.now();
  while (performance.now() - t < ms) for (let i = 0; i < 20; i++, n++) fn();
  return ((performance.now() - t) * 1000) / n;
}

console.log('| response | bytes | zod path µs | fast-json-stringify µs | ratio |\n|---|---|---|---|---|');
const table = apiRoutes as Record<string, ApiRoute>;
for (const [name, cookie, url, route] of list) {
  const schema = table[route].response![200]!;
  // the handler's value: the JSON decoded back through the schema (timestamps become Dates again)
  const value = z.decode(schema, JSON.parse(await get(cookie, url)));
  const plan = planFor(schema);
  if (plan.kind !== 'fast') throw new Error(`${route} is serialised through zod`);
  const viaZod = () => JSON.stringify(z.encode(schema, value));
  const viaFast = () => plan.write(value);
  if (!isDeepStrictEqual(JSON.parse(viaFast()), JSON.parse(viaZod()))) throw new Error(`${name}: the two differ`);
  let zodUs = 0;
  let fastUs = 0;
  for (let round = 0; round < 3; round++) {
    zodUs += time(viaZod, budgetMs / 3);
    fastUs += time(viaFast, budgetMs / 3);
  }
  const bytes = viaFast().length.toLocaleString('en-US');
  console.log(
    `| ${name} | ${bytes} | ${(zodUs / 3).toFixed(1)} | ${(fastUs / 3).toFixed(1)} | ${(zodUs / fastUs).toFixed(1)}× |`,
  );
}
await run.close();
