import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { multipart, PDF, PNG } from '../../test/multipart.js';
import { monitoringScene, type MonitoringScene } from './test-helpers.js';

const { ctx, f, cookies } = useTestContext({
  clock: fixedClock('2025-03-10T03:00:00Z'),
  login: ['secretariat', 'viewer'],
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const valueUrl = (s: MonitoringScene, indicatorId: string) => `${s.reportUrl()}/values/${indicatorId}/evidence`;
const upload = (cookie: string, url: string, fileName: string, data: Buffer) =>
  ctx.as(cookie, { method: 'POST', url, ...multipart(fileName, data) });
/** Evidence rows and audit events of one report: a refused upload must leave both alone. */
async function stored(reportId: string) {
  const res = await ctx.handle.db.execute<{ files: number; audits: number }>(sql`select
    (select count(*)::int from monitoring_attachments where report_id = ${reportId}) as files,
    (select count(*)::int from audit_events where entity_type = 'monitoringAttachment') as audits`);
  return (res as { rows: { files: number; audits: number }[] }).rows[0];
}

describe('evidence on one indicator value', () => {
  it('the owning unit attaches files to one value; the unit and the secretariat list them per value row and download the same bytes', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const scan = Buffer.concat([PDF, Buffer.from(s.round.id)]);
    const first = await upload(s.center_, valueUrl(s, s.courses.id), 'Danh sách khóa học.pdf', scan);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toEqual([
      expect.objectContaining({ fileName: 'Danh sách khóa học.pdf', mimeType: 'application/pdf', size: scan.length }),
    ]);
    const second = await upload(s.center_, valueUrl(s, s.courses.id), 'anh.png', PNG);
    expect(second.json().map((e: { fileName: string }) => e.fileName)).toEqual(['Danh sách khóa học.pdf', 'anh.png']);

    for (const cookie of [s.center_, cookies.secretariat]) {
      const list = await ctx.as(cookie, { method: 'GET', url: valueUrl(s, s.courses.id) });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json().map((e: { fileName: string }) => e.fileName)).toEqual(['Danh sách khóa học.pdf', 'anh.png']);
      expect((await ctx.as(cookie, { method: 'GET', url: valueUrl(s, s.trained.id) })).json()).toEqual([]);
      // the report carries each value's files on its row; the report's own list keeps only whole-report evidence
      const d = (await ctx.as(cookie, { method: 'GET', url: s.reportUrl() })).json();
      const row = (code: string) => d.indicators.find((i: { code: string }) => i.code === code);
      expect(row('COURSES').evidence.map((e: { id: string }) => e.id)).toEqual(
        list.json().map((e: { id: string }) => e.id),
      );
      expect(row('TRAINED').evidence).toEqual([]);
      expect(d.evidence).toEqual([]);

      const down = await ctx.as(cookie, { method: 'GET', url: `/api/monitoring-files/${first.json()[0].id}` });
      expect(down.statusCode).toBe(200);
      expect(down.headers['content-type']).toBe('application/pdf');
      expect(down.headers['content-disposition']).toContain("filename*=UTF-8''Danh%20s");
      expect(sha(down.rawPayload)).toBe(sha(scan));
    }
    const staffView = (await ctx.as(cookies.secretariat, { method: 'GET', url: s.reportUrl() })).json();
    expect(staffView.permissions.canAttachValueEvidence).toBe(false);
    expect(
      (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json().permissions.canAttachValueEvidence,
    ).toBe(true);
  });

  it('refuses another unit (403) to upload, list or download, and the secretariat or a viewer to upload (403)', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const reportId = (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json().id;
    const file = (await upload(s.center_, valueUrl(s, s.courses.id), 'a.pdf', PDF)).json()[0];
    const before = await stored(reportId);
    for (const cookie of [s.other_, s.lead_, cookies.secretariat, cookies.viewer]) {
      const res = await upload(cookie, valueUrl(s, s.courses.id), 'b.pdf', PDF);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect((await ctx.as(s.other_, { method: 'GET', url: valueUrl(s, s.courses.id) })).statusCode).toBe(403);
    expect((await ctx.as(s.other_, { method: 'GET', url: `/api/monitoring-files/${file.id}` })).statusCode).toBe(403);
    expect(await stored(reportId)).toEqual(before);
  });

  it('refuses uploads once the report is submitted or approved (409), and accepts them again when it is returned', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const reportId = (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json().id;
    await ctx.as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    const underReview = await upload(s.center_, valueUrl(s, s.courses.id), 'a.pdf', PDF);
    expect(underReview.statusCode).toBe(409);
    expect(underReview.json().error.code).toBe('IMMUTABLE');
    await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'return', comment: 'Thiếu minh chứng' },
    });
    expect((await upload(s.center_, valueUrl(s, s.courses.id), 'a.pdf', PDF)).statusCode).toBe(201);
    await ctx.as(s.center_, { method: 'POST', url: `${s.reportUrl()}/submit` });
    await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `${s.reportUrl()}/review`,
      payload: { decision: 'approve' },
    });

    const before = await stored(reportId);
    const approved = await upload(s.center_, valueUrl(s, s.courses.id), 'b.pdf', PDF);
    expect(approved.statusCode).toBe(409);
    expect(approved.json().error.code).toBe('IMMUTABLE');
    expect(await stored(reportId)).toEqual(before);
    expect(
      (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json().permissions.canAttachValueEvidence,
    ).toBe(false);
    // the approved report still shows and serves what was attached
    const files = (await ctx.as(cookies.secretariat, { method: 'GET', url: valueUrl(s, s.courses.id) })).json();
    expect(files).toHaveLength(1);
    expect(
      (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/monitoring-files/${files[0].id}` })).statusCode,
    ).toBe(200);
  });

  it('rejects bad input with 400 naming the field (415 for a file that is not what its name says) and stores nothing', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const reportId = (await ctx.as(s.center_, { method: 'GET', url: s.reportUrl() })).json().id;
    const before = await stored(reportId);
    const cases: [() => ReturnType<typeof upload>, string][] = [
      [() => upload(s.center_, `${s.reportUrl()}/values/not-a-uuid/evidence`, 'a.pdf', PDF), 'params.indicatorId'],
      // a derived indicator is computed, never reported, so it cannot carry evidence
      [() => upload(s.center_, valueUrl(s, s.perCourse.id), 'a.pdf', PDF), 'params.indicatorId'],
      [
        () => upload(s.center_, valueUrl(s, '00000000-0000-4000-8000-000000000000'), 'a.pdf', PDF),
        'params.indicatorId',
      ],
      [() => ctx.as(s.center_, { method: 'GET', url: valueUrl(s, s.perCourse.id) }), 'params.indicatorId'],
      [
        () =>
          ctx.as(s.center_, { method: 'POST', url: valueUrl(s, s.courses.id), ...multipart('a.pdf', PDF, 'document') }),
        'file',
      ],
      [() => ctx.as(s.center_, { method: 'POST', url: valueUrl(s, s.courses.id), payload: { file: 'x' } }), 'file'],
      [() => upload(s.center_, valueUrl(s, s.courses.id), 'empty.pdf', Buffer.alloc(0)), 'file'],
    ];
    for (const [send, field] of cases) {
      const res = await send();
      expect(res.statusCode, field).toBe(400);
      expect(fields(res)).toEqual([field]);
    }
    for (const [name, data] of [
      ['fake.pdf', Buffer.from('just text')],
      ['scan.docx', PDF],
    ] as const) {
      const res = await upload(s.center_, valueUrl(s, s.courses.id), name, data);
      expect(res.statusCode).toBe(415);
      expect(fields(res)).toEqual(['file']);
    }
    expect(await stored(reportId)).toEqual(before);
  });

  it('refuses a file over the upload limit with 413 naming the file', async () => {
    const s = await monitoringScene(ctx, f, cookies.secretariat);
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    const res = await upload(s.center_, valueUrl(s, s.courses.id), 'big.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { field: 'file' } });
  });
});
