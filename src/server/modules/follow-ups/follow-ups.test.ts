import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { issueConclusion } from './test-helpers.js';

// "today" is 2024-05-01 in Hanoi for the whole file
const { ctx, f, cookies } = useTestContext({ clock: fixedClock('2024-05-01T00:00:00Z'), login: ['secretariat'] });

/** A scene whose conclusion has a remedy for the target and a recommendation for another unit. */
async function issued(dueDates: [string, string] = ['2024-06-30', '2024-12-31']) {
  const scene = await f.scene({ status: 'issued' });
  const city = await f.orgUnit({ name: 'UBND thành phố thử' });
  const { conclusion, findingIds } = await issueConclusion(ctx, scene, [
    {
      kind: 'remedy',
      text: 'Bổ sung kế hoạch chuyển đổi số',
      addresseeOrgUnitId: scene.target.id,
      dueDate: dueDates[0],
    },
    { kind: 'recommendation', text: 'Bố trí kinh phí đào tạo', addresseeOrgUnitId: city.id, dueDate: dueDates[1] },
  ]);
  const list = await ctx.as(cookies.secretariat, {
    method: 'GET',
    url: `/api/follow-ups?inspectionId=${scene.inspection.id}`,
  });
  const [remedy, recommendation] = ['remedy', 'recommendation'].map((k) =>
    list.json().items.find((i: { kind: string }) => i.kind === k),
  );
  const unit = await ctx.login(scene.unitUser.username, scene.unitUser.password);
  return { scene, city, conclusion, findingIds, remedy, recommendation, unit };
}

const report = (cookie: string, id: string, payload: object) =>
  ctx.as(cookie, { method: 'POST', url: `/api/follow-ups/${id}/updates`, payload });
const decide = (cookie: string, id: string, payload: object) =>
  ctx.as(cookie, { method: 'POST', url: `/api/follow-ups/${id}/acceptance`, payload });
const detail = async (id: string) =>
  (await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/follow-ups/${id}` })).json();

describe('follow-ups', () => {
  it('createForConclusion makes one open, audited follow-up per remedy and recommendation', async () => {
    const { scene, city, conclusion, remedy, recommendation } = await issued();
    expect(remedy).toMatchObject({
      status: 'open',
      text: 'Bổ sung kế hoạch chuyển đổi số',
      dueDate: '2024-06-30',
      overdue: false,
      daysOverdue: 0,
      accepted: null,
      lastUpdate: null,
      addressee: { id: scene.target.id, name: scene.target.name },
      inspection: { id: scene.inspection.id, targetName: scene.target.name, planCode: scene.plan.code },
      conclusion: { id: conclusion.id, number: conclusion.number },
    });
    expect(recommendation.addressee).toEqual({ id: city.id, name: city.name });
    const admin = await ctx.login('admin');
    const audit = await ctx.as(admin, {
      method: 'GET',
      url: `/api/audit-events?entityType=followUp&entityId=${remedy.id}`,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('lets the addressee unit report progress, and refuses other units, inspectors and viewers', async () => {
    const { scene, remedy, recommendation, unit } = await issued();
    const res = await report(unit, remedy.id, { status: 'in_progress', note: 'Đang xây dựng kế hoạch' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', lastUpdate: { note: 'Đang xây dựng kế hoạch' } });
    expect(res.json().history).toEqual([
      expect.objectContaining({
        action: 'report',
        status: 'in_progress',
        note: 'Đang xây dựng kế hoạch',
        authorName: scene.unitUser.displayName,
      }),
    ]);

    const other = await f.user('unit', { orgUnitId: (await f.orgUnit()).id });
    const inspector = await ctx.login(scene.inspector.username, scene.inspector.password);
    for (const cookie of [await ctx.login(other.username, other.password), inspector, await ctx.login('viewer')]) {
      expect((await report(cookie, remedy.id, { status: 'done', note: 'x' })).statusCode).toBe(403);
    }
    // the target unit reads the recommendation addressed to the city but does not report on it
    expect((await ctx.as(unit, { method: 'GET', url: `/api/follow-ups/${recommendation.id}` })).statusCode).toBe(200);
    expect((await report(unit, recommendation.id, { status: 'done', note: 'x' })).statusCode).toBe(403);
    expect((await detail(remedy.id)).history).toHaveLength(1);
  });

  it('lets the secretariat accept only a done follow-up, and freezes it afterwards', async () => {
    const { remedy, unit } = await issued();
    const early = await decide(cookies.secretariat, remedy.id, { accepted: true });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_TRANSITION');
    expect((await decide(unit, remedy.id, { accepted: true })).statusCode).toBe(403);

    await report(unit, remedy.id, { status: 'done', note: 'Đã ban hành kế hoạch' });
    const ok = await decide(cookies.secretariat, remedy.id, { accepted: true, note: 'Đạt yêu cầu' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'done', accepted: { byName: 'Bùi Thanh Tùng (Thường trực BCĐ)' } });
    expect(ok.json().history.map((h: { action: string }) => h.action)).toEqual(['report', 'accept']);

    for (const res of [
      await report(unit, remedy.id, { status: 'in_progress', note: 'again' }),
      await decide(cookies.secretariat, remedy.id, { accepted: false, note: 'no' }),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IMMUTABLE');
    }
    const admin = await ctx.login('admin');
    const audit = await ctx.as(admin, {
      method: 'GET',
      url: `/api/audit-events?entityType=followUp&entityId=${remedy.id}`,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['accept', 'update', 'create']);
  });

  it('returns a done report to in progress with the reason in the history', async () => {
    const { remedy, unit } = await issued();
    await report(unit, remedy.id, { status: 'done', note: 'Xong' });
    const noReason = await decide(cookies.secretariat, remedy.id, { accepted: false });
    expect(noReason.statusCode).toBe(400);
    expect(fields(noReason)).toEqual(['body.note']);
    const res = await decide(cookies.secretariat, remedy.id, { accepted: false, note: 'Thiếu văn bản chứng minh' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', accepted: null });
    expect(res.json().history.at(-1)).toMatchObject({
      action: 'return',
      status: 'in_progress',
      note: 'Thiếu văn bản chứng minh',
    });
  });

  it('scopes lists and reads of unit accounts to their own unit', async () => {
    const mine = await issued();
    const theirs = await issued();
    const list = await ctx.as(mine.unit, { method: 'GET', url: '/api/follow-ups?limit=500' });
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine.remedy.id, mine.recommendation.id]));
    expect(list.json().total).toBe(2);
    expect((await ctx.as(mine.unit, { method: 'GET', url: `/api/follow-ups/${theirs.remedy.id}` })).statusCode).toBe(
      403,
    );
    // the city sees what is addressed to it, not the target's remedy
    const cityUser = await f.user('unit', { orgUnitId: mine.city.id });
    const cityList = await ctx.as(await ctx.login(cityUser.username, cityUser.password), {
      method: 'GET',
      url: '/api/follow-ups',
    });
    expect(cityList.json().items.map((i: { id: string }) => i.id)).toEqual([mine.recommendation.id]);
  });

  it('computes overdue against today: due yesterday is overdue, due today is not, done never is', async () => {
    const { scene, remedy, recommendation } = await issued(['2024-04-30', '2024-05-01']);
    expect(remedy).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(recommendation).toMatchObject({ overdue: false, daysOverdue: 0 });
    const overdue = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: `/api/follow-ups?inspectionId=${scene.inspection.id}&overdue=true`,
    });
    expect(overdue.json().items.map((i: { id: string }) => i.id)).toEqual([remedy.id]);
    await report(cookies.secretariat, remedy.id, { status: 'done', note: 'Xong' });
    const after = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: `/api/follow-ups?inspectionId=${scene.inspection.id}&overdue=true`,
    });
    expect(after.json().total).toBe(0);
  });

  it('searches text and addressee names ignoring diacritics, and filters by kind and status', async () => {
    const { scene, remedy, recommendation } = await issued();
    const get = async (qs: string) =>
      (
        await ctx.as(cookies.secretariat, {
          method: 'GET',
          url: `/api/follow-ups?inspectionId=${scene.inspection.id}&${qs}`,
        })
      )
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await get('q=bo sung ke hoach')).toEqual([remedy.id]);
    expect(await get('q=ubnd thanh pho thu')).toEqual([recommendation.id]);
    expect(await get('kind=recommendation')).toEqual([recommendation.id]);
    expect(await get('status=in_progress')).toEqual([]);
  });

  it('relinkForCorrection keeps status and history of superseded items and withdraws dropped ones', async () => {
    const { scene, city, conclusion, findingIds, remedy, recommendation, unit } = await issued([
      '2024-04-01',
      '2024-04-02',
    ]);
    await report(unit, remedy.id, { status: 'in_progress', note: 'Đang làm' });
    const { conclusion: corrected } = await issueConclusion(
      ctx,
      scene,
      [
        {
          kind: 'remedy',
          text: 'Bổ sung kế hoạch (sửa đổi)',
          addresseeOrgUnitId: scene.target.id,
          dueDate: '2024-09-30',
          supersedes: findingIds[0],
        },
        { kind: 'recommendation', text: 'Kiến nghị mới', addresseeOrgUnitId: city.id, dueDate: '2024-10-31' },
      ],
      { id: conclusion.id, version: 1 },
    );

    const moved = await detail(remedy.id);
    expect(moved).toMatchObject({
      status: 'in_progress',
      text: 'Bổ sung kế hoạch (sửa đổi)',
      dueDate: '2024-09-30',
      overdue: false,
      conclusion: { number: corrected.number },
      withdrawn: null,
    });
    expect(moved.history.map((h: { note: string }) => h.note)).toEqual(['Đang làm']);

    const dropped = await detail(recommendation.id);
    expect(dropped).toMatchObject({ withdrawn: { reason: 'dropped_by_correction' }, overdue: false, daysOverdue: 0 });
    const url = `/api/follow-ups?inspectionId=${scene.inspection.id}`;
    const visible = (await ctx.as(cookies.secretariat, { method: 'GET', url })).json().items;
    expect(visible.map((i: { text: string }) => i.text).sort()).toEqual([
      'Bổ sung kế hoạch (sửa đổi)',
      'Kiến nghị mới',
    ]);
    expect(
      (await ctx.as(cookies.secretariat, { method: 'GET', url: `${url}&includeWithdrawn=true` })).json().total,
    ).toBe(3);
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url: `${url}&overdue=true` })).json().total).toBe(0);
    expect(await ctx.services.followUps.countUnfinished(scene.inspection.id)).toBe(2);
    expect((await report(cookies.secretariat, recommendation.id, { status: 'done', note: 'x' })).statusCode).toBe(409);
  });

  it('takes evidence from the addressee unit, downloadable by it, and refuses other units', async () => {
    const { remedy, unit } = await issued();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (cookie: string, fileName: string, bytes: Buffer) => {
      const boundary = 'sb-test-boundary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return ctx.as(cookie, {
        method: 'POST',
        url: `/api/follow-ups/${remedy.id}/evidence`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      });
    };
    const res = await upload(unit, 'bien-ban.pdf', pdf);
    expect(res.statusCode).toBe(201);
    expect(res.json().evidence).toEqual([
      expect.objectContaining({ fileName: 'bien-ban.pdf', mimeType: 'application/pdf', size: pdf.length }),
    ]);
    const download = await ctx.as(unit, { method: 'GET', url: `/api/attachments/${res.json().evidence[0].id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const other = await f.user('unit', { orgUnitId: (await f.orgUnit()).id });
    expect((await upload(await ctx.login(other.username, other.password), 'x.pdf', pdf)).statusCode).toBe(403);
    expect((await upload(await ctx.login('viewer'), 'x.pdf', pdf)).statusCode).toBe(403);
    const fake = await upload(unit, 'fake.pdf', Buffer.from('not a pdf'));
    expect(fake.statusCode).toBe(415);
    expect((await detail(remedy.id)).evidence).toHaveLength(1);
  });

  it("demo: the Sở TT&TT sees its conclusion's follow-ups with progress, an acceptance and an overdue remedy", async () => {
    const unit = await ctx.login('unit-stttt');
    const { items } = (await ctx.as(unit, { method: 'GET', url: '/api/follow-ups' })).json();
    expect(items).toHaveLength(4);
    const byDue = Object.fromEntries(items.map((i: { dueDate: string }) => [i.dueDate, i]));
    expect(byDue['2024-03-31']).toMatchObject({
      kind: 'remedy',
      status: 'open',
      overdue: true,
      conclusion: { number: '01-KL/ĐKT' },
    });
    expect(byDue['2027-06-30']).toMatchObject({
      kind: 'remedy',
      status: 'in_progress',
      lastUpdate: { note: expect.stringContaining('dự thảo kế hoạch') },
    });
    expect(byDue['2024-09-30']).toMatchObject({
      kind: 'recommendation',
      status: 'done',
      accepted: { byName: 'Bùi Thanh Tùng (Thường trực BCĐ)' },
    });
  });

  it('rejects bad input with 400 naming the field, and writes nothing', async () => {
    const { remedy, unit } = await issued();
    const cases: [object, string][] = [
      [{ status: 'done', note: 'ok', extra: 1 }, 'body.extra'],
      [{ status: 'finished', note: 'ok' }, 'body.status'],
      [{ status: 'done', note: 'x'.repeat(10_001) }, 'body.note'],
      [{ status: 'done', note: '   ' }, 'body.note'],
      [{ status: 'done' }, 'body.note'],
    ];
    for (const [payload, field] of cases) {
      const res = await report(unit, remedy.id, payload);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toContain(field);
    }
    const badId = await report(unit, 'not-a-uuid', { status: 'done', note: 'ok' });
    expect(badId.statusCode).toBe(400);
    expect(fields(badId)).toEqual(['params.id']);
    const badQuery = await ctx.as(unit, { method: 'GET', url: '/api/follow-ups?status=late&overdue=yes' });
    expect(fields(badQuery).sort()).toEqual(['querystring.overdue', 'querystring.status']);
    expect(
      (await report(unit, '00000000-0000-4000-8000-000000000000', { status: 'done', note: 'ok' })).statusCode,
    ).toBe(404);
    expect(await detail(remedy.id)).toMatchObject({ status: 'open', history: [] });
  });
});
