import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../../shared/enterprises/tax-code.js';
import { enterprises } from '../../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../../test/test-app.js';
import { csvLine } from './csv.js';
import { SYSTEM_ACTOR } from '../../../http/authorize.js';

let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = await mkdtemp(path.join(tmpdir(), 'dx-import-'));
});
afterAll(() => ctx?.close());

let seq = Math.floor(Math.random() * 1e6);
/** A valid tax code no other test uses. */
function taxCode(): string {
  for (;;) {
    const code = withCheckDigit(`9${String(seq++).padStart(8, '0')}`);
    if (code) return code;
  }
}
const header = [
  'taxCode',
  'name',
  'address',
  'communeCode',
  'sectorCode',
  'industryCode',
  'employees',
  'revenueVnd',
  'capitalVnd',
];
const good = (tax: string, commune = 'HN.00004', name = `Công ty "${tax}", Hà Nội`) => [
  tax,
  name,
  'Số 1\nphố Huế',
  commune,
  'G',
  '47',
  '8',
  '2000000000',
  '1000000000',
];

describe('import enterprises', () => {
  it('keeps good rows, reports bad ones, survives a failure after batch 2 and completes on rerun', async () => {
    const codes = Array.from({ length: 6 }, taxCode);
    const badCheck = codes[0].slice(0, 9) + String((Number(codes[0][9]) + 1) % 10);
    const lines = [
      good(codes[0]), // row 2
      [badCheck, 'Sai mã', '', 'HN.00004', 'G', '', '1', '1', '1'], // 3: check digit
      good(codes[1], 'HN.D001.00013'), // 4: pre-2025 commune merged whole into Ba Đình
      good(codes[2], 'HN.D001.00016'), // 5: pre-2025 commune that was split: flagged
      [codes[3], '', '', 'HN.99999', 'Z', 'abc', '-1', 'x', '1'], // 6: five bad fields
      good(codes[0], 'HN.00004', 'Tên mới'), // 7: duplicate tax code: the later row wins
      good(codes[4]), // 8
      good(codes[5]), // 9
    ];
    const file = path.join(dir, 'enterprises.csv');
    await writeFile(file, `\uFEFF${csvLine(header)}${lines.map(csvLine).join('')}`);
    const tools = ctx.services.dxImports;

    await expect(
      tools.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: file, batchSize: 3, failAfterBatch: 2 }),
    ).rejects.toThrow('injected failure after batch 2');
    const afterCrash = await ctx.handle.db.select().from(enterprises).where(inArray(enterprises.taxCode, codes));
    // batches 1 (rows 2–4) and 2 (rows 5–7) committed; batch 3 (rows 8–9) did not
    expect(afterCrash.map((e) => e.taxCode).sort()).toEqual([codes[0], codes[1], codes[2]].sort());

    const job = await tools.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: file, batchSize: 3 });
    expect(job).toMatchObject({ status: 'done', rowsDone: 8, rowsOk: 6, rowsFailed: 2, totalRows: 8 });
    const rows = await ctx.handle.db.select().from(enterprises).where(inArray(enterprises.taxCode, codes));
    const byTax = Object.fromEntries(rows.map((e) => [e.taxCode, e]));
    expect(Object.keys(byTax).sort()).toEqual([codes[0], codes[1], codes[2], codes[4], codes[5]].sort());
    expect(byTax[codes[0]]).toMatchObject({
      name: 'Tên mới',
      sizeClass: 'micro',
      communeResolution: 'direct',
      address: 'Số 1\nphố Huế',
    });
    expect(byTax[codes[1]]).toMatchObject({
      communeResolution: 'crosswalk',
      currentCommuneId: byTax[codes[0]].currentCommuneId,
    });
    expect(byTax[codes[2]]).toMatchObject({ communeResolution: 'needs_review', currentCommuneId: null });

    const errors = await ctx.services.dxImports.errors(job.id);
    expect(errors.filter((e) => e.row === 3)).toEqual([
      { row: 3, field: 'taxCode', reason: 'Wrong check digit', code: 'TAX_CODE_CHECK_DIGIT' },
    ]);
    expect(
      errors
        .filter((e) => e.row === 6)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['communeCode', 'employees', 'industryCode', 'name', 'revenueVnd', 'sectorCode']);

    // the same file again: a new job, and nothing changes
    const again = await tools.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: file, batchSize: 3 });
    expect(again.id).not.toBe(job.id);
    expect(await ctx.handle.db.$count(enterprises, inArray(enterprises.taxCode, codes))).toBe(5);
  });

  it('reads XLSX the same way, and fails plainly on a missing column', async () => {
    const code = taxCode();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DN');
    ws.addRow(header);
    ws.addRow([code, 'Công ty XLSX', '', 'HN.00118', 'C', 10, 5, 1_000_000_000, 500_000_000]);
    const file = path.join(dir, 'enterprises.xlsx');
    await wb.xlsx.writeFile(file);
    const tools = ctx.services.dxImports;
    const job = await tools.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: file });
    expect(job).toMatchObject({ status: 'done', rowsOk: 1, rowsFailed: 0 });
    const [row] = await ctx.handle.db
      .select()
      .from(enterprises)
      .where(inArray(enterprises.taxCode, [code]));
    expect(row).toMatchObject({ sectorCode: 'C', industryCode: '10', employees: 5, sizeClass: 'micro' });

    const bad = path.join(dir, 'no-name.csv');
    await writeFile(bad, 'taxCode,communeCode\n0100109106,HN.00004\n');
    await expect(tools.importFile('enterprises', { actor: SYSTEM_ACTOR, filePath: bad })).rejects.toThrow(
      'missing columns: name',
    );
  });
});
