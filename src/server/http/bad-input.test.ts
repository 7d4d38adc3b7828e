import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { longText, searchQuery, shortText } from '../../shared/fields.js';
import { rowsOf } from '../db/client.js';
import { useTestContext, type TestContext } from '../test/test-app.js';
import { findBadText } from './text-guard.js';
import { monitoringScene } from '../modules/reporting-rounds/test-helpers.js';
import { PDF, multipart } from '../test/multipart.js';
import { addScored, testFrameworkVersion, unitId } from '../modules/dx-analytics/test-helpers.js';
import { xlsxBomb } from '../modules/files/zip-test-helpers.js';
import { FIRST_ROW, SHEETS } from '../modules/reporting-rounds/report-xlsx.js';
import ExcelJS from 'exceljs';

const { ctx, f, cookies } = useTestContext({ login: ['admin', 'secretariat'] });

const auditCount = async (c: TestContext) =>
  rowsOf<{ n: number }>(await c.handle.db.execute(sql`select count(*)::int as n from audit_events`))[0].n;

/** The refusal every bad string must get: 400 VALIDATION_FAILED naming exactly that field. */
interface Refusal {
  error: { code: string; details: { issues: { field: string }[] } };
}
function expectRefused(res: { statusCode: number; body: string; json<T>(): T }, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json<Refusal>();
  expect(body.error.code).toBe('VALIDATION_FAILED');
  expect(body.error.details.issues.map((i) => i.field)).toEqual([field]);
}

describe('control characters and lone surrogates', () => {
  it('the shared text fields refuse NUL, other control characters and lone surrogates but keep tabs and line breaks', () => {
    for (const schema of [shortText(), longText(), searchQuery]) {
      expect(schema.safeParse('adm\u0000in').success).toBe(false);
      expect(schema.safeParse('a\u001bb').success).toBe(false);
      expect(schema.safeParse('a\ud800b').success).toBe(false);
      expect(schema.safeParse('a\udc00').success).toBe(false);
      expect(schema.safeParse('dòng 1\r\n\tdòng 2 😀').success).toBe(true);
    }
  });

  it('the guard finds the first bad string at any depth and names its path', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 500; i++) deep = { x: [deep] };
    expect(findBadText(deep, ['body'])).toHaveLength(1 + 500 * 2);
    expect(findBadText({ a: ['ok', { b: 'x\ud800' }], c: '\u0000' }, ['body'])).toEqual(['body', 'a', '1', 'b']);
    expect(findBadText({ a: ['ok', { b: 'x' }], n: 1, t: 'dòng\r\n\t😀' }, ['body'])).toBeNull();
  });

  it('an unauthenticated login with NUL or a lone surrogate in the username is a 400 naming body.username', async () => {
    for (const username of ['adm\u0000in', 'a\ud800b']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'x' },
      });
      expectRefused(res, 'body.username');
    }
    const raw = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":"admin","password":"x\\u0000"}',
    });
    expectRefused(raw, 'body.password');
  });

  it('a write with NUL or a lone surrogate anywhere in the body is refused naming its path, and writes nothing', async () => {
    const before = await auditCount(ctx);
    const cases: [unknown, string][] = [
      [{ fullName: 'Nguyễn\u0000 Văn A' }, 'body.fullName'],
      [{ fullName: 'Nguyễn Văn A', positionTitle: 'a\ud800b' }, 'body.positionTitle'],
      [{ fullName: 'Nguyễn Văn A', extra: { list: ['ok', 'b\u0000'] } }, 'body.extra.list.1'],
      [{ fullName: 'Nguyễn Văn A', ['k\u0000']: 'v' }, 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await ctx.as(cookies.admin, { method: 'POST', url: '/api/people', payload: payload as object });
      expectRefused(res, field);
    }
    expect(await auditCount(ctx)).toBe(before);
  });

  it('a query or path parameter with NUL or a lone surrogate is refused naming it', async () => {
    expectRefused(await ctx.as(cookies.admin, { method: 'GET', url: '/api/people?q=a%00b' }), 'querystring.q');
    // a lone surrogate cannot travel in a URL (UTF-8); its encoding's bytes are no valid UTF-8 either
    const surrogate = await ctx.as(cookies.admin, { method: 'GET', url: '/api/people?q=a%ED%A0%80b' });
    expect(surrogate.statusCode, surrogate.body).toBeLessThan(500);
    expectRefused(await ctx.as(cookies.admin, { method: 'GET', url: '/api/users?q=%00' }), 'querystring.q');
    const res = await ctx.as(cookies.admin, { method: 'GET', url: '/api/people/%00' });
    expect(res.statusCode).toBe(400);
  });

  it('an upload whose file name holds a control character or is overlong is refused naming the file, and writes nothing', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const before = await auditCount(ctx);
    for (const name of ['bằng\u0000chứng.pdf', 'a\u001b.pdf', `${'a'.repeat(300)}.pdf`]) {
      const res = await ctx.as(cookies.secretariat, {
        method: 'POST',
        url: `/api/program-tasks/${s.task.id}/evidence`,
        ...multipart(name, PDF),
      });
      expectRefused(res, 'file');
    }
    expect(await auditCount(ctx)).toBe(before);
  });
});

/** The 8 upload routes, each with a URL and an account that gets as far as reading the upload. */
async function uploadRoutes() {
  const s = await monitoringScene(ctx, f, cookies.secretariat);
  const followUp = rowsOf<{ id: string }>(
    await ctx.handle.db.execute(
      sql`select id from follow_ups where accepted_at is null and withdrawn_at is null limit 1`,
    ),
  )[0];
  const anyId = '00000000-0000-4000-8000-000000000000';
  return [
    { cookie: cookies.admin, url: '/api/dx/imports?kind=enterprises' },
    { cookie: cookies.admin, url: `/api/dx/assessments/${anyId}/evidence/Q1` },
    { cookie: cookies.admin, url: `/api/inspections/${anyId}/assessments/${anyId}/evidence` },
    { cookie: cookies.secretariat, url: `/api/follow-ups/${followUp.id}/evidence` },
    { cookie: cookies.secretariat, url: `/api/program-tasks/${s.task.id}/evidence` },
    { cookie: s.center_, url: `${s.reportUrl()}/import.xlsx` },
    { cookie: s.center_, url: `${s.reportUrl()}/evidence` },
    { cookie: s.center_, url: `${s.reportUrl()}/values/${s.courses.id}/evidence` },
  ];
}

describe('broken multipart bodies', () => {
  it('every upload route answers a multipart body without a boundary, or cut short, with 400 naming the file', async () => {
    const routes = await uploadRoutes();
    expect(routes).toHaveLength(8);
    const good = multipart('a.pdf', PDF);
    const payload = good.payload as Buffer;
    const bodies = [
      { headers: { 'content-type': 'multipart/form-data' }, payload },
      { headers: { 'content-type': 'multipart/form-data; boundary=' }, payload },
      { headers: good.headers, payload: payload.subarray(0, payload.length - 30) },
      { headers: good.headers, payload: payload.subarray(0, 60) },
      { headers: good.headers, payload: Buffer.from('garbage that is no multipart at all') },
    ];
    const before = await auditCount(ctx);
    for (const r of routes) {
      for (const [i, b] of bodies.entries()) {
        const res = await ctx.as(r.cookie, { method: 'POST', url: r.url, ...b });
        expect(res.statusCode, `${r.url} body ${i}: ${res.body}`).toBe(400);
        const details = res.json().error.details;
        expect(details.issues?.[0]?.field ?? details.field, `${r.url} body ${i}`).toBe('file');
      }
    }
    expect(await auditCount(ctx)).toBe(before);
  });
});

describe('CSV formula injection', () => {
  it('the analytics CSV writes a commune named like a formula as text (leading quote), numbers as numbers', async () => {
    const versionId = await testFrameworkVersion(ctx.handle.db);
    const communeId = await unitId(ctx.handle.db, 'HN.00004');
    const evil = '=HYPERLINK("http://evil.example","Ba Đình")';
    await ctx.handle.db.execute(sql`update org_units set name = ${evil} where id = ${communeId}`);
    await addScored(
      ctx.handle.db,
      {
        frameworkVersionId: versionId,
        sectorCode: 'C',
        sizeClass: 'micro',
        year: 2024,
        communeId,
        overallLevel: 2,
        totalScore: 100,
        pillarScores: [40, 60],
      },
      6,
    );
    const res = await ctx.as(cookies.admin, {
      method: 'GET',
      url: `/api/dx/analytics/export?frameworkVersionId=${versionId}&groupBy=commune&year=2024&format=csv`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.rawPayload.toString('utf8').split('\r\n');
    const row = lines.find((l) => l.startsWith('HN.00004,'));
    expect(row).toBe(`HN.00004,"'=HYPERLINK(""http://evil.example"",""Ba Đình"")",6,0,0,6,0,0,0,100,2,40,60`);
  });
});

describe('zip bombs', () => {
  const MB = 1024 * 1024;
  // ~400 MB of spaces in the first sheet, honest and lying about it; built once for both tests
  let made: Promise<Buffer[]> | undefined;
  const xlsxBombs = () => (made ??= Promise.all([xlsxBomb(400 * MB), xlsxBomb(400 * MB, { lie: true })]));
  it('a unit uploading a zip bomb as its report workbook gets 413 at once, and the server does not swell', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const bombs = await xlsxBombs();
    expect(bombs[0].length).toBeLessThan(2 * MB);
    const before = await auditCount(ctx);
    const rss = process.memoryUsage().rss;
    for (const bomb of bombs) {
      const res = await ctx.as(s.center_, {
        method: 'POST',
        url: `${s.reportUrl()}/import.xlsx`,
        ...multipart('bao-cao.xlsx', bomb),
      });
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'file' } });
    }
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * MB);
    expect(await auditCount(ctx)).toBe(before);
  });

  it('the admin import refuses a zip bomb with 413 before starting a job', async () => {
    const rss = process.memoryUsage().rss;
    for (const bomb of await xlsxBombs()) {
      const res = await ctx.as(cookies.admin, {
        method: 'POST',
        url: '/api/dx/imports?kind=enterprises',
        ...multipart('dn.xlsx', bomb),
      });
      expect(res.statusCode, res.body).toBe(413);
    }
    await ctx.services.dxImports.idle();
    expect(process.memoryUsage().rss - rss).toBeLessThan(300 * MB);
  });
});

describe('text inside an uploaded workbook', () => {
  it('a report workbook whose text cells unescape to NUL (_x0000_) is refused cell by cell, and writes nothing', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const tpl = await ctx.as(s.center_, { method: 'GET', url: `${s.reportUrl()}/template.xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    book.getWorksheet(SHEETS.indicators)!.getCell(`E${FIRST_ROW}`).value = 12;
    book.getWorksheet(SHEETS.indicators)!.getCell(`F${FIRST_ROW}`).value = 'ghi chú_x0000_';
    book.getWorksheet(SHEETS.narrative)!.getCell('A2').value = 'Thuyết minh_x0000_';
    const before = await auditCount(ctx);
    const res = await ctx.as(s.center_, {
      method: 'POST',
      url: `${s.reportUrl()}/import.xlsx`,
      ...multipart('bao-cao.xlsx', Buffer.from(await book.xlsx.writeBuffer())),
    });
    expect(res.statusCode, res.body).toBe(400);
    const cells = res.json().error.details.cells.map((c: { sheet: string; cell: string }) => `${c.sheet}!${c.cell}`);
    expect(cells).toEqual([`${SHEETS.indicators}!F${FIRST_ROW}`, `${SHEETS.narrative}!A2`]);
    expect(await auditCount(ctx)).toBe(before);
  });
});
