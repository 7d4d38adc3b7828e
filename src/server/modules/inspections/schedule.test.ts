import JSZip from 'jszip';
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.js';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext } from '../../test/test-app.js';
import { counts } from './test-helpers.js';

// today is 02/12/2026 in Hanoi
const { ctx, f } = useTestContext({ clock: fixedClock('2026-12-02T03:00:00Z') });

const post = (cookie: string, url: string, payload: object) => ctx.as(cookie, { method: 'POST', url, payload });
const move = (cookie: string, id: string, to: string, reason?: string) =>
  post(cookie, `/api/inspections/${id}/transitions`, reason ? { to, reason } : { to });
const issueBody = { signerName: 'Nguyễn Văn Phong', signerTitle: 'Trưởng đoàn', recipients: ['Lưu hồ sơ'] };

async function documentText(cookie: string, id: string) {
  const res = await ctx.as(cookie, { method: 'GET', url: `/api/inspections/${id}/conclusion.docx` });
  expect(res.statusCode).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:noBreakHyphen\/>/g, '-').replace(/<[^>]+>/g, '');
}

async function lastAudit(entityType: string, entityId: string) {
  const [row] = await ctx.handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

/** A scene scheduled from 07/12/2026 to 11/12/2026, notified. */
async function scheduledLater() {
  const s = await f.scene({ windowStart: '2026-12-07', windowEnd: '2026-12-11' });
  const head = await ctx.login(s.inspector.username, s.inspector.password);
  expect((await move(head, s.inspection.id, 'notified')).statusCode).toBe(200);
  return { s, head, id: s.inspection.id };
}

describe('actions against the inspection schedule', () => {
  it('refuses a start before the scheduled start without a reason, naming the field and the date', async () => {
    const { head, id } = await scheduledLater();
    const before = await counts(ctx);
    const res = await move(head, id, 'in_progress');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({ field: 'body.reason', code: 'START_BEFORE_SCHEDULE', params: { date: '07/12/2026' } }),
    ]);
    expect(await counts(ctx)).toEqual(before);
    const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    expect(detail).toMatchObject({ status: 'notified', startedOn: null });
  });

  it('accepts it with a reason, kept on the inspection and in the audit event', async () => {
    const { head, id } = await scheduledLater();
    const res = await move(head, id, 'in_progress', 'Đơn vị đề nghị kiểm tra sớm');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'in_progress',
      startedOn: '2026-12-02',
      startReason: 'Đơn vị đề nghị kiểm tra sớm',
    });
    expect((await lastAudit('inspection', id)).after).toMatchObject({
      status: 'in_progress',
      startedOn: '2026-12-02',
      startReason: 'Đơn vị đề nghị kiểm tra sớm',
    });
  });

  it('needs a reason to issue before the scheduled end; the document states the actual days, none after its date', async () => {
    const { head, id } = await scheduledLater();
    expect((await move(head, id, 'in_progress', 'Đơn vị đề nghị kiểm tra sớm')).statusCode).toBe(200);
    expect((await move(head, id, 'drafting')).statusCode).toBe(200);
    const url = `/api/inspections/${id}/conclusion`;
    const refused = await post(head, url, { ...issueBody, issuedDate: '2026-12-02' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      expect.objectContaining({
        field: 'body.reason',
        code: 'ISSUE_BEFORE_SCHEDULED_END',
        params: { date: '11/12/2026' },
      }),
    ]);
    const issued = await post(head, url, { ...issueBody, issuedDate: '2026-12-02', reason: 'Hoàn thành sớm' });
    expect(issued.statusCode, issued.body).toBe(201);
    expect((await lastAudit('conclusion', issued.json().id)).after).toMatchObject({ scheduleReason: 'Hoàn thành sớm' });
    const detail = (await ctx.as(head, { method: 'GET', url: `/api/inspections/${id}` })).json();
    expect(detail.conclusions[0].scheduleReason).toBe('Hoàn thành sớm');

    const text = await documentText(head, id);
    expect(text).toContain('ngày 02 tháng 12 năm 2026');
    expect(text).toContain('từ ngày 02/12/2026 đến ngày 02/12/2026');
    expect(text).toContain('bắt đầu sớm hơn thời gian dự kiến trong Kế hoạch (lý do: Đơn vị đề nghị kiểm tra sớm)');
    expect(text).toContain('trước thời gian dự kiến kết thúc kiểm tra theo Kế hoạch (lý do: Hoàn thành sớm)');
    expect(text).not.toContain('07/12/2026');
    expect(text).not.toContain('11/12/2026');
  });

  it('needs a reason to date a conclusion before the recorded start; the document then keeps to the plan’s past window', async () => {
    const s = await f.scene({ windowStart: '2026-11-20', windowEnd: '2026-11-27' });
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const id = s.inspection.id;
    // a late start needs no reason
    for (const to of ['notified', 'in_progress', 'drafting']) expect((await move(head, id, to)).statusCode).toBe(200);
    const url = `/api/inspections/${id}/conclusion`;
    const refused = await post(head, url, { ...issueBody, issuedDate: '2026-11-30' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details.issues).toEqual([
      expect.objectContaining({ field: 'body.reason', code: 'ISSUE_BEFORE_START', params: { date: '02/12/2026' } }),
    ]);
    const reason = 'Kiểm tra trên hồ sơ giấy, nhập vào hệ thống sau';
    expect((await post(head, url, { ...issueBody, issuedDate: '2026-11-30', reason })).statusCode).toBe(201);
    const text = await documentText(head, id);
    expect(text).toContain('từ ngày 20/11/2026 đến ngày 27/11/2026');
    expect(text).toContain(`cập nhật vào hệ thống sau ngày ban hành Kết luận (lý do: ${reason})`);
    expect(text).not.toContain('02/12/2026');
  });

  it('asks nothing of an inspection that keeps to its schedule', async () => {
    const s = await f.scene({ windowStart: '2026-11-20', windowEnd: '2026-11-27' });
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const id = s.inspection.id;
    for (const to of ['notified', 'in_progress', 'drafting']) expect((await move(head, id, to)).statusCode).toBe(200);
    const res = await post(head, `/api/inspections/${id}/conclusion`, { ...issueBody, issuedDate: '2026-12-02' });
    expect(res.statusCode, res.body).toBe(201);
    const text = await documentText(head, id);
    expect(text).toContain('từ ngày 02/12/2026 đến ngày 02/12/2026');
    expect(text).not.toContain('lý do');
  });
});
