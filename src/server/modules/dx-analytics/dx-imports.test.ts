import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../shared/contracts/dx-analytics.js';
import { withCheckDigit } from '../../../shared/enterprises/tax-code.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { multipart } from '../../test/multipart.js';
import { dxImportErrors } from '../../db/schema/index.js';
import { csvLine } from './import/csv.js';

let ctx: TestContext;
let admin: string;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
});
afterAll(() => ctx?.close());

describe('import from the admin UI', () => {
  it('takes an upload, runs it in the background with progress on the job, and serves the error report', async () => {
    const code = withCheckDigit(`7${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`) ?? '0100109106';
    const file =
      csvLine(['taxCode', 'name', 'communeCode', 'sectorCode', 'employees', 'revenueVnd', 'capitalVnd']) +
      csvLine([code, 'Công ty Tải lên', 'HN.00004', 'J', '3', '100000000', '100000000']) +
      csvLine(['0100109107', 'Sai mã', 'HN.00004', 'J', '3', '1', '1']);
    const res = await ctx.as(admin, {
      method: 'POST',
      url: '/api/dx/imports?kind=enterprises',
      ...multipart('dn.csv', Buffer.from(file)),
    });
    expect(res.statusCode).toBe(202);
    const job = res.json<ImportJob>();
    expect(job).toMatchObject({ kind: 'enterprises', fileName: 'dn.csv', totalRows: 2 });
    await ctx.services.dxImports.idle();
    const done = (await ctx.as(admin, { method: 'GET', url: `/api/dx/imports/${job.id}` })).json<ImportJob>();
    expect(done).toMatchObject({ status: 'done', rowsDone: 2, rowsOk: 1, rowsFailed: 1 });
    const report = await ctx.as(admin, { method: 'GET', url: `/api/dx/imports/${job.id}/errors.csv` });
    // the report says each reason in Vietnamese first, and in English for scripts
    expect(report.body).toBe(
      '\uFEFFdòng,cột,lý do,reason\r\n3,taxCode,Mã số thuế sai chữ số kiểm tra,Wrong check digit\r\n',
    );
    // an error written before reasons had codes (migration 0022) is reported with the English it has
    await ctx.handle.db.insert(dxImportErrors).values({ jobId: job.id, row: 9, field: 'name', reason: 'legacy text' });
    const again = await ctx.as(admin, { method: 'GET', url: `/api/dx/imports/${job.id}/errors.csv` });
    expect(again.body.split('\r\n')[2]).toBe('9,name,legacy text,legacy text');
    const list = (await ctx.as(admin, { method: 'GET', url: '/api/dx/imports' })).json<ImportJob[]>();
    expect(list.map((j) => j.id)).toContain(job.id);
    const ent = await ctx.as(admin, { method: 'GET', url: `/api/enterprises/${code}` });
    expect(ent.json()).toMatchObject({ name: 'Công ty Tải lên', sizeClass: 'micro' });
  });

  it('refuses other roles and other file types', async () => {
    const secretariat = await ctx.login('secretariat');
    const body = multipart('dn.csv', Buffer.from('taxCode\n'));
    expect(
      (await ctx.as(secretariat, { method: 'POST', url: '/api/dx/imports?kind=enterprises', ...body })).statusCode,
    ).toBe(403);
    expect((await ctx.as(secretariat, { method: 'GET', url: '/api/dx/imports' })).statusCode).toBe(403);
    const pdf = await ctx.as(admin, {
      method: 'POST',
      url: '/api/dx/imports?kind=enterprises',
      ...multipart('dn.pdf', Buffer.from('%PDF')),
    });
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.details.issues[0].field).toBe('file');
    const kind = await ctx.as(admin, { method: 'POST', url: '/api/dx/imports?kind=people', ...body });
    expect(kind.statusCode).toBe(400);
  });
});
