import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../../shared/enterprises/tax-code.js';
import { dxAssessments, dxRollups } from '../../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { rollupMismatches, testFramework } from '../test-helpers.js';
import { csvLine } from './csv.js';
import { SYSTEM_ACTOR } from '../../../http/authorize.js';

let ctx: TestContext;
let dir: string;
let fw: Awaited<ReturnType<typeof testFramework>>;
const codes: string[] = [];
beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(path.join(tmpdir(), 'dx-import-a-'));
  fw = await testFramework(ctx.handle.db);
  for (let s = Math.floor(Math.random() * 1e6); codes.length < 4; s++) {
    const c = withCheckDigit(`8${String(s).padStart(8, '0')}`);
    if (c) codes.push(c);
  }
  const ents = path.join(dir, 'e.csv');
  await writeFile(
    ents,
    csvLine(['taxCode', 'name', 'communeCode', 'sectorCode', 'employees', 'revenueVnd', 'capitalVnd']) +
      codes
        .map((c, i) =>
          csvLine([
            c,
            `DN ${c}`,
            i < 3 ? 'HN.00004' : 'HN.D001.00016',
            i % 2 ? 'C' : 'G',
            '5',
            '1000000000',
            '1000000000',
          ]),
        )
        .join(''),
  );
  await ctx.services.dxImports.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: ents });
});
afterAll(() => ctx?.close());

const header = ['taxCode', 'frameworkCode', 'frameworkVersion', 'year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5'];

describe('import assessments', () => {
  it('scores good rows, reports bad ones, resumes after a crash, and keeps the rollup equal to a recomputation', async () => {
    const lines = [
      [codes[0], fw.code, '1', '2024', 'full', 'erp;crm', 'có', '95', 'ghi chú, "trích"'], // row 2: 5+4 | 4+6 = 19 → level 2
      [codes[1], fw.code, '1', '2024', 'some', '', 'no', '', ''], // 3: 3 | 0 → level 0
      [codes[2], fw.code, '1', '2024', 'maybe', 'erp;fax', 'perhaps', 'lots', ''], // 4: four bad answers
      [codes[0], fw.code, '2', '2024', 'full', '', '', '', ''], // 5: no such version
      [codes[1], fw.code, '1', '2024', '', 'erp', 'yes', '50', ''], // 6: Q1 required
      ['0100109106', fw.code, '1', '2024', 'full', '', '', '', ''], // 7: enterprise not in the registry
      [codes[1], fw.code, '1', '2024', 'some', 'web', 'yes', '60', ''], // 8: replaces row 3: 3+1 | 4+3 = 11 → level 1
      [codes[3], fw.code, '1', '2023', 'some', 'erp', 'true', '10', ''], // 9: split commune: unresolved
      [codes[2], fw.code, '1', '20x4', 'none', '', '', '', ''], // 10: bad year
    ];
    const file = path.join(dir, 'a.csv');
    await writeFile(file, csvLine(header) + lines.map(csvLine).join(''));
    const tools = ctx.services.dxImports;
    await expect(
      tools.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: file, batchSize: 4, failAfterBatch: 1 }),
    ).rejects.toThrow('injected failure');
    expect(await rollupMismatches(ctx.handle.db, fw.id)).toEqual([]);
    const job = await tools.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: file, batchSize: 4 });
    expect(job).toMatchObject({ status: 'done', rowsDone: 9, rowsFailed: 5 });

    const errors = await ctx.services.dxImports.errors(job.id);
    expect(errors.filter((e) => e.row === 4).map((e) => e.field)).toEqual(['Q1', 'Q2', 'Q3', 'Q4']);
    expect(errors.find((e) => e.row === 5)).toMatchObject({ field: 'frameworkVersion' });
    expect(errors.find((e) => e.row === 6)).toEqual({ row: 6, field: 'Q1', reason: 'Required', code: 'REQUIRED' });
    // every reason has a code, so the error report can say it in Vietnamese
    expect(errors.map((e) => [e.row, e.field, e.code, e.params])).toEqual([
      [4, 'Q1', 'ANSWER_ONE_OF', { options: 'none, some, full' }],
      [4, 'Q2', 'ANSWER_UNKNOWN_OPTION', { option: 'fax' }],
      [4, 'Q3', 'IMPORT_NOT_YES_NO', undefined],
      [4, 'Q4', 'IMPORT_NOT_A_NUMBER', undefined],
      [5, 'frameworkVersion', 'IMPORT_NO_VERSION', { version: '2', framework: fw.code }],
      [6, 'Q1', 'REQUIRED', undefined],
      [7, 'taxCode', 'IMPORT_NO_ENTERPRISE', undefined],
      [10, 'year', 'IMPORT_YEAR', undefined],
    ]);
    expect(errors.find((e) => e.row === 7)).toMatchObject({ field: 'taxCode' });
    expect(errors.find((e) => e.row === 10)).toMatchObject({ field: 'year' });

    const rows = await ctx.handle.db.select().from(dxAssessments).where(eq(dxAssessments.frameworkVersionId, fw.id));
    const byYear = (y: number) => rows.filter((r) => r.year === y);
    expect(
      byYear(2024)
        .map((r) => [r.totalScore, r.overallLevel, r.pillarScores, r.status, r.source])
        .sort(),
    ).toEqual([
      [11, 1, [4, 7], 'submitted', 'import'],
      [19, 2, [9, 10], 'submitted', 'import'],
    ]);
    expect(byYear(2023)[0].communeId).toBeNull();
    expect(await rollupMismatches(ctx.handle.db, fw.id)).toEqual([]);

    // a second file changes one answer and repeats another row: the rollup moves, nothing is counted twice
    const file2 = path.join(dir, 'a2.csv');
    await writeFile(
      file2,
      csvLine(header) + [lines[0], [...lines[1].slice(0, 4), 'none', '', 'no', '', '']].map(csvLine).join(''),
    );
    await tools.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: file2, batchSize: 1 });
    expect(await rollupMismatches(ctx.handle.db, fw.id)).toEqual([]);
    const cells = await ctx.handle.db
      .select()
      .from(dxRollups)
      .where(and(eq(dxRollups.frameworkVersionId, fw.id), eq(dxRollups.year, 2024)));
    expect(
      cells
        .filter((c) => c.n !== 0)
        .map((c) => [c.overallLevel, c.n])
        .sort(),
    ).toEqual([
      [0, 1],
      [2, 1],
    ]);

    // verified by an officer: the same answers imported again keep it verified, changed answers make it submitted again
    const [first] = (
      await ctx.handle.db.select().from(dxAssessments).where(eq(dxAssessments.frameworkVersionId, fw.id))
    ).filter((r) => r.year === 2024 && r.overallLevel === 2);
    const sec = await ctx.login('secretariat');
    expect(
      (await ctx.as(sec, { method: 'POST', url: `/api/dx/assessments/${first.id}/verify`, payload: {} })).statusCode,
    ).toBe(200);
    const statusAfter = async (line: string[]) => {
      const f = path.join(dir, `v-${Math.random()}.csv`);
      await writeFile(f, csvLine(header) + csvLine(line));
      await tools.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: f });
      expect(await rollupMismatches(ctx.handle.db, fw.id)).toEqual([]);
      return (await ctx.handle.db.select().from(dxAssessments).where(eq(dxAssessments.id, first.id)))[0].status;
    };
    expect(await statusAfter(lines[0])).toBe('verified');
    expect(await statusAfter([...lines[0].slice(0, 4), 'some', '', '', '', ''])).toBe('submitted');
  });
});
