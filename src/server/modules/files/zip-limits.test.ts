import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../http/errors.js';
import { assertZipWithin, OFFICE_UPLOAD_LIMITS, type ZipLimits } from './zip-limits.js';
import { buildZip, deflatedEntry, storedEntry, xlsxBomb } from './zip-test-helpers.js';

const MB = 1024 * 1024;
const statusOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (err: unknown) => (err instanceof DomainError ? err.status : err),
  );

async function realXlsx() {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Chỉ tiêu');
  for (let i = 1; i <= 2000; i++) sheet.addRow([`CT-${i}`, 'Số doanh nghiệp được hỗ trợ', i * 3, -i]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('archive limits', () => {
  it('lets a real workbook through, from memory and from a file', async () => {
    const bytes = await realXlsx();
    expect(await statusOf(assertZipWithin(bytes, OFFICE_UPLOAD_LIMITS))).toBe('ok');
    const dir = await mkdtemp(path.join(tmpdir(), 'zip-limits-'));
    try {
      await writeFile(path.join(dir, 'a.xlsx'), bytes);
      expect(await statusOf(assertZipWithin(path.join(dir, 'a.xlsx'), OFFICE_UPLOAD_LIMITS))).toBe('ok');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses by the central directory alone: too many entries, too much declared, too high a ratio (413)', async () => {
    const few: ZipLimits = { ...OFFICE_UPLOAD_LIMITS, maxEntries: 3 };
    const four = buildZip(['a', 'b', 'c', 'd'].map((n) => storedEntry(n, n)));
    expect(await statusOf(assertZipWithin(four, few))).toBe(413);
    const big = await deflatedEntry('big.xml', 30 * MB);
    expect(await statusOf(assertZipWithin(buildZip([big]), OFFICE_UPLOAD_LIMITS))).toBe(413);
    const dense = await deflatedEntry('dense.xml', 5 * MB);
    expect(await statusOf(assertZipWithin(buildZip([dense]), OFFICE_UPLOAD_LIMITS))).toBe(413);
    expect(await statusOf(assertZipWithin(buildZip([dense]), { ...OFFICE_UPLOAD_LIMITS, maxRatio: 1e6 }))).toBe('ok');
  });

  it('stops inflating an entry that lies about its size (413), without ever holding it', async () => {
    const bomb = await xlsxBomb(300 * MB, { lie: true });
    const rss = process.memoryUsage().rss;
    expect(await statusOf(assertZipWithin(bomb, OFFICE_UPLOAD_LIMITS))).toBe(413);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * MB);
  });

  it('refuses what is no sound ZIP (400): garbage, a cut-off file, an entry hidden from the directory', async () => {
    const good = await realXlsx();
    expect(await statusOf(assertZipWithin(Buffer.from('not a zip at all'), OFFICE_UPLOAD_LIMITS))).toBe(400);
    expect(await statusOf(assertZipWithin(good.subarray(0, good.length - 100), OFFICE_UPLOAD_LIMITS))).toBe(400);
    const hidden = buildZip([storedEntry('xl/workbook.xml', '<workbook/>')], [await deflatedEntry('x.xml', MB)]);
    expect(await statusOf(assertZipWithin(hidden, OFFICE_UPLOAD_LIMITS))).toBe(400);
    const broken = buildZip([{ ...storedEntry('a.xml', 'abc'), method: 8 }]);
    expect(await statusOf(assertZipWithin(broken, OFFICE_UPLOAD_LIMITS))).toBe(400);
  });
});
