import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { frameworkDefinition } from '../../shared/dx/framework-format.js';
import { generate } from '../modules/dx-analytics/generate/generate.js';
import { loadGeo } from '../modules/dx-analytics/generate/geo.js';
import { readBundledFramework } from '../modules/dx-frameworks/bundled.js';
import { intArg, parseArgs, yearsArg } from './args.js';

/**
 * npm run generate -- --enterprises 300000 --assessments 1000000 --out DIR [--seed 1] [--years 2021-2025]
 *   [--framework-file dbi.json]
 * Writes DIR/enterprises.csv and DIR/assessments.csv (DBI-SME answers by default), deterministic per seed.
 */
async function main() {
  const a = parseArgs(process.argv.slice(2));
  const out = typeof a.out === 'string' ? a.out : 'bench/out/data';
  const framework =
    typeof a['framework-file'] === 'string'
      ? frameworkDefinition.parse(JSON.parse(await readFile(a['framework-file'], 'utf8')))
      : readBundledFramework('dbi-sme.json');
  await mkdir(out, { recursive: true });
  const started = Date.now();
  const res = await generate(
    {
      enterprises: intArg(a.enterprises, 'enterprises', 2000),
      assessments: intArg(a.assessments, 'assessments', 5000),
      years: yearsArg(a.years, [2021, 2022, 2023, 2024, 2025]),
      seed: intArg(a.seed, 'seed', 1),
      framework,
      geo: await loadGeo(),
    },
    createWriteStream(path.join(out, 'enterprises.csv')),
    createWriteStream(path.join(out, 'assessments.csv')),
  );
  console.log(
    `wrote ${res.enterprises} enterprises and ${res.assessments} assessments to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
