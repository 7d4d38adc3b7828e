import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../../shared/fields.js';
import { unique, useTestContext } from '../../test/test-app.js';
import { versionedWrite } from '../../test/versioned-write.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin', 'secretariat'] });

type Person = { id: string; fullName: string; email: string | null; orgUnitId: string | null; orgUnitName: string };
const create = (cookie: string, payload: object) => ctx.as(cookie, { method: 'POST', url: '/api/people', payload });
// from the current version (read by the secretariat, so a caller who may not read is still refused for the write)
const patch = (cookie: string, id: string, payload: object) =>
  versionedWrite(ctx, cookie, { method: 'PATCH', url: `/api/people/${id}`, payload }, { cookie: cookies.secretariat });
const search = async (q: string, cookie = cookies.secretariat) =>
  (await ctx.as(cookie, { method: 'GET', url: `/api/people?q=${encodeURIComponent(q)}&limit=100` })).json<{
    items: Person[];
    total: number;
  }>();
const auditOf = async (id: string) =>
  (await ctx.as(cookies.admin, { method: 'GET', url: `/api/audit-events?entityType=person&entityId=${id}` })).json<{
    items: { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[];
  }>().items;
const auditTotal = async () =>
  (await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?limit=1' })).json<{ total: number }>().total;

describe('people: list and search', () => {
  it('finds a person whatever the diacritics and case, and by unit', async () => {
    const unit = await f.orgUnit();
    const tag = unique('hằng').replace('-', '');
    const p = await f.person({ fullName: `Nguyễn Thị ${tag}`, orgUnitId: unit.id });
    const plain = tag.normalize('NFD').replace(/\p{M}/gu, '');
    for (const q of [`nguyen thi ${plain}`, `NGUYỄN THỊ ${tag.toUpperCase()}`, `Nguyễn Thị ${tag}`]) {
      expect(
        (await search(q)).items.map((i) => i.id),
        q,
      ).toEqual([p.id]);
    }
    const byUnit = (
      await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/people?orgUnitId=${unit.id}` })
    ).json<{ items: Person[]; total: number }>();
    expect(byUnit).toMatchObject({ total: 1, items: [{ id: p.id, orgUnitName: unit.name }] });
  });
});

describe('people: writes', () => {
  it('creates and changes a person, each with an audit event, and the search follows the new name', async () => {
    const unit = await f.orgUnit();
    const email = `${unique('ha')}@hanoi.gov.vn`;
    const res = await create(cookies.secretariat, {
      fullName: 'Trần Văn Hà',
      positionTitle: 'Phó Chánh Văn phòng',
      orgUnitId: unit.id,
      email,
      phone: '024 3825 1234',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Person>().id;
    expect(res.json()).toMatchObject({ fullName: 'Trần Văn Hà', orgUnitName: unit.name, email, isDemo: false });

    const newName = `Trần Văn ${unique('Hải').replace('-', '')}`;
    const upd = await patch(cookies.secretariat, id, { fullName: newName, phone: null });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ fullName: newName, phone: null, email });
    expect((await search(newName.normalize('NFD').replace(/\p{M}/gu, ''))).items.map((i) => i.id)).toEqual([id]);

    const events = await auditOf(id);
    expect(events.map((e) => e.action)).toEqual(['update', 'create']);
    expect(events[0].before).toMatchObject({ fullName: 'Trần Văn Hà', phone: '024 3825 1234' });
    expect(events[0].after).toMatchObject({ fullName: newName, phone: null });
  });

  it('refuses bad input with a 400 naming the field, writing nothing', async () => {
    const p = await f.person();
    const before = await auditTotal();
    const cases: [unknown, string][] = [
      [{ fullName: '' }, 'body.fullName'],
      [{ fullName: 'x'.repeat(121) }, 'body.fullName'],
      [{ fullName: 'A', email: 'not-an-email' }, 'body.email'],
      [{ fullName: 'A', phone: '0912<script>' }, 'body.phone'],
      [{ fullName: 'A', orgUnitId: 'nope' }, 'body.orgUnitId'],
      [{ fullName: 'A', orgUnitId: '00000000-0000-4000-8000-000000000000' }, 'body.orgUnitId'],
      [{ fullName: 'A', nickname: 'B' }, 'body.nickname'],
    ];
    for (const [payload, field] of cases) {
      for (const res of [
        await create(cookies.secretariat, payload as object),
        await patch(cookies.secretariat, p.id, payload as object),
      ]) {
        expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
        expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
      }
    }
    const gone = { fullName: 'A', version: 1 };
    expect((await patch(cookies.secretariat, crypto.randomUUID(), gone)).statusCode).toBe(404);
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/people/123' })).statusCode).toBe(400);
    expect(await auditTotal()).toBe(before);
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/people/${p.id}` })).json()).toMatchObject({
      fullName: p.fullName,
    });
  });

  it('the same name and email in the same unit is one person, even when created at once; namesakes without email may coexist', async () => {
    const unit = await f.orgUnit();
    const body = { fullName: 'Lê Thị Mai', orgUnitId: unit.id, email: `${unique('mai')}@hanoi.gov.vn` };
    const res = await Promise.all(Array.from({ length: 8 }, () => create(cookies.secretariat, body)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, ...Array(7).fill(409)]);
    // the rule ignores case, as the unique index does
    const again = await create(cookies.secretariat, { ...body, email: body.email.toUpperCase() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const namesakes = [
      await create(cookies.secretariat, { fullName: 'Lê Thị Mai', orgUnitId: unit.id }),
      await create(cookies.secretariat, { fullName: 'Lê Thị Mai', orgUnitId: unit.id }),
    ];
    expect(namesakes.map((r) => r.statusCode)).toEqual([201, 201]);
    const inUnit = await ctx.as(cookies.secretariat, { method: 'GET', url: `/api/people?orgUnitId=${unit.id}` });
    expect(inUnit.json().total).toBe(3);
  });
});

describe('people: who may', () => {
  // the catalogue (src/shared/permissions.ts): person.read for officials, person.manage for admin and secretariat
  const reads: Role[] = ['admin', 'secretariat', 'inspector', 'unit', 'viewer'];
  const writes: Role[] = ['admin', 'secretariat'];

  it('every role reads and writes exactly as the catalogue says', async () => {
    const accounts = await f.usersPerRole();
    const p = await f.person();
    for (const role of roles) {
      const a = accounts[role];
      const cookie = await ctx.login(a.username, a.password);
      const list = await ctx.as(cookie, { method: 'GET', url: '/api/people?limit=1' });
      const one = await ctx.as(cookie, { method: 'GET', url: `/api/people/${p.id}` });
      expect([list.statusCode, one.statusCode], role).toEqual(reads.includes(role) ? [200, 200] : [403, 403]);
      const made = await create(cookie, { fullName: `Người ${unique(role)}` });
      const changed = await patch(cookie, p.id, { positionTitle: `Chức danh ${role}` });
      expect([made.statusCode, changed.statusCode], role).toEqual(writes.includes(role) ? [201, 200] : [403, 403]);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/api/people' })).statusCode).toBe(401);
  });
});
