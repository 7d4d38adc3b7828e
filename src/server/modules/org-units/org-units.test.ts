import { describe, expect, it } from 'vitest';
import { people } from '../../db/schema/index.js';
import { foldText } from '../../../shared/text.js';
import { useTestContext, unique } from '../../test/test-app.js';
import { versionedWrite } from '../../test/versioned-write.js';

const { ctx, cookies } = useTestContext({ login: ['admin', 'viewer'] });

const get = (url: string, cookie = cookies.viewer) => ctx.as(cookie, { method: 'GET', url });

describe('reference data', () => {
  it('has the 30 pre-2025 districts, 526 pre-2025 communes and 126 communes from 2025-07-01', async () => {
    expect((await get('/api/org-units?kind=district&limit=1')).json().total).toBe(30);
    expect((await get('/api/org-units?kind=commune&validOn=2025-06-30&limit=1')).json().total).toBe(526);
    expect((await get('/api/org-units?kind=commune&validOn=2025-07-01&limit=1')).json().total).toBe(126);
  });

  it('links old communes to their successors with whole/part shares', async () => {
    // Phường Ngọc Hà (Ba Đình, 00016) was split: it has several successors, all `part`
    const { items } = (await get('/api/org-units?q=HN.D001.00016')).json();
    const detail = (await get(`/api/org-units/${items[0].id}`)).json();
    expect(detail.successors.length).toBeGreaterThan(1);
    expect(detail.successors.every((s: { share: string }) => s.share === 'part')).toBe(true);
    const baDinh = (await get('/api/org-units?q=HN.00004')).json().items[0];
    const preds = (await get(`/api/org-units/${baDinh.id}`)).json().predecessors;
    expect(preds.map((p: { name: string }) => p.name)).toContain('Phường Trúc Bạch');
  });

  it('loads idempotently: a second load inserts nothing', async () => {
    const { loadReferenceData } = await import('../../db/reference/load-reference.js');
    expect((await loadReferenceData(ctx.handle.db)).inserted).toBe(0);
  });
});

describe('search ignores diacritics', () => {
  it('"dong da" finds Đống Đa; "DONG  ĐA" too', async () => {
    for (const q of ['dong da', 'DONG  ĐA', 'Đống Đa']) {
      const names = (await get(`/api/org-units?q=${encodeURIComponent(q)}&limit=50`))
        .json()
        .items.map((u: { name: string }) => u.name);
      expect(names).toEqual(expect.arrayContaining(['Quận Đống Đa', 'Phường Đống Đa', 'Quận ủy Đống Đa']));
    }
  });
  it('treats % and _ literally', async () => {
    expect((await get('/api/org-units?q=%25')).json().total).toBe(0);
    // unescaped, `_` would match any one character: every unit
    expect((await get('/api/org-units?q=_')).json().total).toBe(0);
    expect((await get('/api/org-units?q=d_ng')).json().total).toBe(0);
  });
});

describe('writes', () => {
  it('admin creates and updates an org unit, with audit events', async () => {
    const code = unique('SO');
    const res = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/org-units',
      payload: { code, name: 'Sở Thử nghiệm', kind: 'department' },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const upd = await versionedWrite(ctx, cookies.admin, {
      method: 'PATCH',
      url: `/api/org-units/${id}`,
      payload: { name: 'Sở Thử nghiệm mới' },
    });
    expect(upd.json().name).toBe('Sở Thử nghiệm mới');
    const events = (
      await ctx.as(cookies.admin, { method: 'GET', url: `/api/audit-events?entityType=orgUnit&entityId=${id}` })
    ).json();
    expect(events.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(events.items[0].before.name).toBe('Sở Thử nghiệm');
  });

  it('the unit’s head: one of its own people, a versioned edit with an audit event', async () => {
    const created = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/org-units',
      payload: { code: unique('SO'), name: 'Sở có người đứng đầu', kind: 'department' },
    });
    const id = created.json().id;
    expect(created.json()).toMatchObject({ headPersonId: null, headName: null });
    const person = async (fullName: string, orgUnitId: string | null) =>
      (
        await ctx.handle.db
          .insert(people)
          .values({ fullName, positionTitle: 'Phó Giám đốc', orgUnitId, searchText: foldText(fullName) })
          .returning()
      )[0];
    const own = await person(`Nguyễn Thị Đứng Đầu ${unique('p')}`, id);
    const elsewhere = await person(`Trần Văn Khác ${unique('p')}`, null);
    const patch = (payload: object) =>
      versionedWrite(ctx, cookies.admin, { method: 'PATCH', url: `/api/org-units/${id}`, payload });
    for (const [headPersonId, reason] of [
      [elsewhere.id, 'HEAD_NOT_IN_UNIT'],
      ['00000000-0000-4000-8000-000000000000', 'NO_SUCH_PERSON'],
    ]) {
      const refused = await patch({ headPersonId });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.details.issues[0]).toMatchObject({ field: 'body.headPersonId', code: reason });
    }
    // none on creation: no one belongs to a new unit yet
    const early = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/org-units',
      payload: { code: unique('SO'), name: 'Sở mới', kind: 'department', headPersonId: own.id },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.issues[0]).toMatchObject({
      field: 'body.headPersonId',
      code: 'HEAD_NOT_IN_UNIT',
    });

    const set = await patch({ headPersonId: own.id });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ headPersonId: own.id, headName: own.fullName, version: 2 });
    // a stale version is refused
    const stale = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url: `/api/org-units/${id}`,
      headers: { 'if-match': '"1"' },
      payload: { headPersonId: null },
    });
    expect(stale.statusCode).toBe(409);
    const events = (
      await ctx.as(cookies.admin, { method: 'GET', url: `/api/audit-events?entityType=orgUnit&entityId=${id}` })
    ).json();
    expect(events.items[0]).toMatchObject({
      action: 'update',
      before: { headPersonId: null },
      after: { headPersonId: own.id },
    });
    const cleared = await patch({ headPersonId: null });
    expect(cleared.json()).toMatchObject({ headPersonId: null, headName: null, version: 3 });
  });

  it('viewer and unit users cannot write (403)', async () => {
    const unit = await ctx.login('unit-stttt');
    for (const cookie of [cookies.viewer, unit]) {
      const res = await ctx.as(cookie, {
        method: 'POST',
        url: '/api/org-units',
        payload: { code: unique('X'), name: 'X', kind: 'department' },
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    const before = (await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?limit=1' })).json().total;
    const cases: [unknown, string][] = [
      [{ code: unique('A'), name: 'A', kind: 'planet' }, 'body.kind'],
      [{ code: unique('A'), name: 'x'.repeat(100_000), kind: 'department' }, 'body.name'],
      [{ code: unique('A'), name: 'A', kind: 'department', parentId: 'not-a-uuid' }, 'body.parentId'],
      [
        { code: unique('A'), name: 'A', kind: 'department', parentId: '00000000-0000-4000-8000-000000000000' },
        'body.parentId',
      ],
      [
        { code: unique('A'), name: 'A', kind: 'department', validFrom: '2025-01-02', validTo: '2025-01-01' },
        'body.validTo',
      ],
      [{ code: unique('A'), name: 'A', kind: 'department', color: 'red' }, 'body.color'],
    ];
    for (const [payload, field] of cases) {
      const res = await ctx.as(cookies.admin, { method: 'POST', url: '/api/org-units', payload: payload as object });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    const dup = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/org-units',
      payload: { code: 'HN.SKHCN', name: 'Dup', kind: 'department' },
    });
    expect(dup.statusCode).toBe(409);
    const bad = await get('/api/org-units/123');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('params.id');
    expect((await get('/api/org-units/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?limit=1' })).json().total).toBe(
      before,
    );
  });

  it('refuses a parent that would make a cycle', async () => {
    const a = (
      await ctx.as(cookies.admin, {
        method: 'POST',
        url: '/api/org-units',
        payload: { code: unique('A'), name: 'A', kind: 'department' },
      })
    ).json();
    const b = (
      await ctx.as(cookies.admin, {
        method: 'POST',
        url: '/api/org-units',
        payload: { code: unique('B'), name: 'B', kind: 'center', parentId: a.id },
      })
    ).json();
    const res = await versionedWrite(ctx, cookies.admin, {
      method: 'PATCH',
      url: `/api/org-units/${a.id}`,
      payload: { parentId: b.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0].field).toBe('body.parentId');
  });
});
