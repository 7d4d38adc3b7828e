import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTaxCode } from '../../../../shared/enterprises/tax-code.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { parseCsv } from '../../../db/reference/load-reference.js';
import { rollupMismatches, testFramework } from '../test-helpers.js';
import { generate } from './generate.js';
import { loadGeo } from './geo.js';
import { SYSTEM_ACTOR } from '../../../http/authorize.js';

let ctx: TestContext;
let fw: Awaited<ReturnType<typeof testFramework>>;
beforeAll(async () => {
  ctx = await createTestContext();
  fw = await testFramework(ctx.handle.db);
});
afterAll(() => ctx?.close());

async function run(seed: number, prefix: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'dx-gen-'));
  const files = { e: path.join(dir, 'e.csv'), a: path.join(dir, 'a.csv') };
  const res = await generate(
    {
      enterprises: 60,
      assessments: 150,
      years: [2023, 2024, 2025],
      seed,
      framework: fw.definition,
      geo: await loadGeo(),
      taxPrefix: prefix,
    },
    createWriteStream(files.e),
    createWriteStream(files.a),
  );
  return { ...res, files, e: await readFile(files.e, 'utf8'), a: await readFile(files.a, 'utf8') };
}

describe('generate', () => {
  it('writes the same files for the same seed, with valid tax codes, Hanoi communes and answer columns', async () => {
    const prefix = String(700 + Math.floor(Math.random() * 299));
    const one = await run(7, prefix);
    const two = await run(7, prefix);
    expect(two.e).toBe(one.e);
    expect(two.a).toBe(one.a);
    expect((await run(8, prefix)).a).not.toBe(one.a);
    const ents = parseCsv(one.e);
    const asmts = parseCsv(one.a);
    expect(ents).toHaveLength(60);
    expect(asmts).toHaveLength(150);
    expect(ents.every((e) => checkTaxCode(e.taxCode).valid)).toBe(true);
    expect(new Set(ents.map((e) => e.taxCode)).size).toBe(60);
    expect(ents.every((e) => /^HN\.(D\d{3}\.)?\d{5}$/.test(e.communeCode))).toBe(true);
    expect(Object.keys(asmts[0])).toEqual([
      'taxCode',
      'frameworkCode',
      'frameworkVersion',
      'year',
      'Q1',
      'Q2',
      'Q3',
      'Q4',
      'Q5',
    ]);
    expect(new Set(asmts.map((x) => `${x.taxCode}|${x.year}`)).size).toBe(150);

    // the files go through the import as they are, and the rollup matches the assessments
    const tools = ctx.services.dxImports;
    expect(
      await tools.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: one.files.e, batchSize: 25 }),
    ).toMatchObject({
      rowsOk: 60,
      rowsFailed: 0,
    });
    expect(
      await tools.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: one.files.a, batchSize: 40 }),
    ).toMatchObject({
      rowsOk: 150,
      rowsFailed: 0,
    });
    expect(await rollupMismatches(ctx.handle.db, fw.id)).toEqual([]);
  });
});
