import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownResult, MoversResult } from '../../../shared/contracts/dx-analytics.js';
import { factories } from '../../test/factories.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { addScored, testFrameworkVersion, unitIds } from './test-helpers.js';

let ctx: TestContext;
let secretariat: string;
let versionId: string;
let u: Record<string, string>;

beforeAll(async () => {
  ctx = await createTestContext();
  secretariat = await ctx.login('secretariat');
  versionId = await testFrameworkVersion(ctx.handle.db);
  // HN.00004 Ba Đình took old communes of districts 001, 002 and 003; HN.00118 only of 004
  u = await unitIds(ctx.handle.db, ['HN.00004', 'HN.00118', 'HN.00127']);
  const base = { frameworkVersionId: versionId, sectorCode: 'C', sizeClass: 'micro' };
  await addScored(
    ctx.handle.db,
    { ...base, year: 2024, communeId: u['HN.00004'], overallLevel: 2, totalScore: 100, pillarScores: [40, 60] },
    6,
  );
  await addScored(
    ctx.handle.db,
    { ...base, year: 2024, communeId: u['HN.00004'], overallLevel: 3, totalScore: 150, pillarScores: [70, 80] },
    4,
  );
  await addScored(
    ctx.handle.db,
    { ...base, year: 2024, communeId: u['HN.00118'], overallLevel: 1, totalScore: 30, pillarScores: [10, 20] },
    8,
  );
  // a commune with 2 enterprises only: withheld, and its neighbour must be withheld with it
  await addScored(
    ctx.handle.db,
    {
      ...base,
      year: 2024,
      communeId: u['HN.00127'],
      sectorCode: 'G',
      overallLevel: 1,
      totalScore: 40,
      pillarScores: [20, 20],
    },
    2,
  );
  await addScored(
    ctx.handle.db,
    { ...base, year: 2023, communeId: u['HN.00004'], overallLevel: 1, totalScore: 50, pillarScores: [20, 30] },
    5,
  );
  await addScored(
    ctx.handle.db,
    { ...base, year: 2023, communeId: u['HN.00118'], overallLevel: 1, totalScore: 40, pillarScores: [20, 20] },
    6,
  );
});
afterAll(() => ctx?.close());

const get = async <T>(cookie: string, url: string) => {
  const res = await ctx.as(cookie, { method: 'GET', url });
  return { status: res.statusCode, body: res.json<T>(), res };
};

describe('city analytics', () => {
  it('gives means and level counts by commune, withholding small communes and a complement', async () => {
    const { status, body } = await get<BreakdownResult>(
      secretariat,
      `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=commune&year=2024`,
    );
    expect(status).toBe(200);
    const byCode = Object.fromEntries(body.rows.map((r) => [r.key.commune!.code, r]));
    const badinh = byCode['HN.00004'].stats;
    expect(badinh).toMatchObject({ suppressed: false, n: 10, meanTotal: 120, meanPillars: [52, 68] });
    // 6 at level 2 and 4 at level 3: the 4 is withheld, and with it the 6 (else 10 − 6 = 4)
    expect(badinh.suppressed === false && badinh.levels).toEqual([0, 0, null, null, 0, 0]);
    expect(byCode['HN.00127'].stats).toEqual({ suppressed: true });
    // the total (20) minus the other communes would reveal HN.00127's 2: the smallest other commune (8) goes too
    expect(byCode['HN.00118'].stats).toEqual({ suppressed: true });
    expect(body.total).toMatchObject({ suppressed: false, n: 20 });
    expect(body.pillars.map((p) => p.nameEn)).toEqual(['Pillar 1', 'Pillar 2']);
  });

  it('combines filters: commune and sector, one value each', async () => {
    const { body } = await get<BreakdownResult>(
      secretariat,
      `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=year&commune=HN.00004&sector=C`,
    );
    expect(body.rows.map((r) => [r.key.year!.code, r.stats.suppressed ? 'x' : r.stats.n])).toEqual([
      ['2023', 5],
      ['2024', 10],
    ]);
    // no total across years: it is not a cell of the publication cube
    expect(body.total).toBeNull();
    // several values at once would be a union that two answers could be subtracted from (issue 9)
    const several = await ctx.as(secretariat, {
      method: 'GET',
      url: `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=year&commune=HN.00004,HN.00118`,
    });
    expect(several.statusCode).toBe(400);
    const none = await get<BreakdownResult>(
      secretariat,
      `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=year&sector=F`,
    );
    expect(none.body.rows).toEqual([]);
    expect(none.body.total).toBeNull();
  });

  it('attributes a new commune to every pre-2025 district it took communes from, and says so', async () => {
    const { body } = await get<BreakdownResult>(
      secretariat,
      `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=district&year=2023`,
    );
    const byCode = Object.fromEntries(body.rows.map((r) => [r.key.district!.code, r]));
    // Ba Đình (5 in 2023) counts in Ba Đình, Hoàn Kiếm and Tây Hồ districts; HN.00118 (6) in Long Biên only
    for (const d of ['HN.D001', 'HN.D002', 'HN.D003']) {
      expect(byCode[d].stats).toMatchObject({ n: 5 });
      expect(byCode[d].sharedCommunes).toContain('HN.00004');
    }
    expect(byCode['HN.D004'].stats).toMatchObject({ n: 6 });
    expect(byCode['HN.D001'].key.district!.name).toBe('Quận Ba Đình');
    // filtering by one district keeps its shared communes, shown under that district only
    const one = await get<BreakdownResult>(
      secretariat,
      `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=district&year=2023&district=HN.D002`,
    );
    expect(one.body.rows.map((r) => r.key.district!.code)).toEqual(['HN.D002']);
    expect(one.body.total).toMatchObject({ n: 5 });
  });

  it('lists top movers between two years among groups published in both', async () => {
    const { body } = await get<MoversResult>(
      secretariat,
      `/api/dx/analytics/movers?frameworkVersionId=${versionId}&dimension=commune&fromYear=2023&toYear=2024`,
    );
    expect(body.rising).toEqual([{ key: { code: 'HN.00004', name: 'Phường Ba Đình' }, from: 50, to: 120, change: 70 }]);
    // HN.00118 (8 in 2024) is withheld in 2024 as the complement of HN.00127's 2: not published, not a mover
    expect(body.falling).toEqual([]);
    const bad = await get<{ error: { details: { issues: { field: string }[] } } }>(
      secretariat,
      `/api/dx/analytics/movers?dimension=commune&fromYear=2023&toYear=2023`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('querystring.toYear');
  });

  it('exports CSV with a BOM and "<5", and XLSX', async () => {
    const csv = await ctx.as(secretariat, {
      method: 'GET',
      url: `/api/dx/analytics/export?frameworkVersionId=${versionId}&groupBy=commune&year=2024&format=csv`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.rawPayload.toString('utf8');
    expect(text).toContain('HN.00127,Phường Việt Hưng,<5');
    expect(text).toMatch(/HN\.00127,[^\r\n]*<5/);
    expect(text).toContain('Phường Ba Đình,10,0,0,<5,<5,0,0,120');
    const xlsx = await ctx.as(secretariat, {
      method: 'GET',
      url: `/api/dx/analytics/export?frameworkVersionId=${versionId}&groupBy=commune,sector&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('every export states the filters applied: in its file name, in CSV lines above the table, in a sheet', async () => {
    const query = `frameworkVersionId=${versionId}&year=2024&commune=HN.00004&sector=C&groupBy=sizeClass`;
    const csv = await ctx.as(secretariat, { method: 'GET', url: `/api/dx/analytics/export?${query}&format=csv` });
    expect(csv.statusCode).toBe(200);
    const csvName = /filename="([^"]+)"/.exec(String(csv.headers['content-disposition']))?.[1];
    expect(csvName).toBe('dx-analytics_2024_HN.00004_C_by-sizeClass.csv');
    // parameter lines, one blank line, then the table as before; a spreadsheet opens it as plain rows
    const lines = csv.rawPayload
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const blank = lines.indexOf('');
    expect(lines.slice(0, blank)).toEqual([
      'Tham số,Giá trị',
      expect.stringMatching(/^Bộ chỉ số,\S+ v\d+$/),
      'Năm,2024',
      'Xã/phường (2025),HN.00004 – Phường Ba Đình',
      'Quận/huyện (trước 2025),Tất cả',
      'Ngành (VSIC),"C – Công nghiệp chế biến, chế tạo"',
      'Quy mô,Tất cả',
      'Nhóm theo,Quy mô',
      expect.stringMatching(/^Xuất lúc,\d\d\/\d\d\/\d{4} \d\d:\d\d$/),
    ]);
    expect(lines[blank + 1]).toMatch(/^Quy mô – mã,Quy mô,Số doanh nghiệp/);

    const xlsx = await ctx.as(secretariat, { method: 'GET', url: `/api/dx/analytics/export?${query}&format=xlsx` });
    expect(/filename="([^"]+)"/.exec(String(xlsx.headers['content-disposition']))?.[1]).toBe(
      'dx-analytics_2024_HN.00004_C_by-sizeClass.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['DX', 'Tham số']);
    const params = wb.getWorksheet('Tham số')!;
    const cells = params.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    expect(cells).toContainEqual(['Xã/phường (2025)', 'HN.00004 – Phường Ba Đình']);
    expect(cells).toContainEqual(['Năm', '2024']);
    expect(cells).toContainEqual(['Quy mô', 'Tất cả']);
  });

  it('rejects bad filters naming the field', async () => {
    const { status, body } = await get<{ error: { details: { issues: { field: string }[] } } }>(
      secretariat,
      '/api/dx/analytics/breakdown?groupBy=planet',
    );
    expect(status).toBe(400);
    expect(body.error.details.issues[0].field).toMatch(/^querystring\.groupBy/);
  });

  it('is for the secretariat, viewers and admins only', async () => {
    const f = factories(ctx.handle.db, ctx.services);
    const ent = await f.user('enterprise');
    const entCookie = await ctx.login(ent.username, ent.password);
    for (const url of [
      '/api/dx/analytics/breakdown',
      '/api/dx/analytics/options',
      '/api/dx/analytics/communes.geojson',
      '/api/dx/analytics/export?format=csv',
    ]) {
      expect((await ctx.as(entCookie, { method: 'GET', url })).statusCode).toBe(403);
    }
    expect(
      (await ctx.as(await ctx.login('unit-stttt'), { method: 'GET', url: '/api/dx/analytics/breakdown' })).statusCode,
    ).toBe(403);
    const viewer = await get<BreakdownResult>(
      await ctx.login('viewer'),
      `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}`,
    );
    expect(viewer.status).toBe(200);
    const geo = await ctx.as(secretariat, { method: 'GET', url: '/api/dx/analytics/communes.geojson' });
    expect(geo.json().features).toHaveLength(126);
  });
});
