import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, programs } from '../../db/schema/index.js';
import { useTestContext, unique, issueFields as fields } from '../../test/test-app.js';
import { versionedWrite } from '../../test/versioned-write.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });

const auditCount = async (entityId: string) =>
  (await ctx.handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, entityId)))[0].n;

async function newProgram(cookie = cookies.admin) {
  const issuer = await f.orgUnit();
  const res = await ctx.as(cookie, {
    method: 'POST',
    url: '/api/programs',
    payload: {
      code: `${Math.floor(Math.random() * 9000) + 1}-CTr/${unique('TU').replace('-', '')}`,
      title: 'Chương trình Chuyển đổi số',
      issuerOrgUnitId: issuer.id,
      periodStart: 2021,
      periodEnd: 2025,
    },
  });
  return res;
}

describe('programs', () => {
  it('lists the demo program when searched without diacritics, and shows its committee', async () => {
    const viewer = await ctx.login('viewer');
    const list = (await ctx.as(viewer, { method: 'GET', url: '/api/programs?q=day%20manh%20doi%20moi' })).json();
    expect(list.items.map((p: { code: string }) => p.code)).toEqual(['07-CTr/TU']);
    expect(list.items[0]).toMatchObject({
      issuerName: 'Thành ủy Hà Nội',
      steeringCommitteeName: 'Ban Chỉ đạo Chương trình 07-CTr/TU',
      periodStart: 2021,
      periodEnd: 2025,
    });
    const detail = (await ctx.as(viewer, { method: 'GET', url: `/api/programs/${list.items[0].id}` })).json();
    expect(detail.committee.slice(0, 3)).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Văn Phong', role: 'head', orgUnitName: 'Thành ủy Hà Nội' }),
      expect.objectContaining({ fullName: 'Lê Hồng Sơn', role: 'standingDeputyHead' }),
      expect.objectContaining({ fullName: 'Nguyễn Doãn Toản', role: 'member' }),
    ]);
  });

  it('creates and changes a program, with an audit event each time', async () => {
    const res = await newProgram();
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.committee).toEqual([]);
    expect(await auditCount(created.id)).toBe(1);
    const patched = await versionedWrite(ctx, cookies.admin, {
      method: 'PATCH',
      url: `/api/programs/${created.id}`,
      payload: { title: 'Chương trình Đổi mới', periodEnd: 2030 },
    });
    expect(patched.json()).toMatchObject({ title: 'Chương trình Đổi mới', periodEnd: 2030 });
    expect(await auditCount(created.id)).toBe(2);
    const found = (
      await ctx.as(cookies.admin, { method: 'GET', url: '/api/programs?q=chuong%20trinh%20doi%20moi' })
    ).json();
    expect(found.items.map((p: { id: string }) => p.id)).toContain(created.id);
  });

  it('names the field of bad input and refuses a duplicate code', async () => {
    const issuer = await f.orgUnit();
    const base = { code: '07-CTr/TU', title: 'X', issuerOrgUnitId: issuer.id, periodStart: 2021, periodEnd: 2025 };
    expect((await ctx.as(cookies.admin, { method: 'POST', url: '/api/programs', payload: base })).statusCode).toBe(409);
    const badCode = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/programs',
      payload: { ...base, code: 'chương trình' },
    });
    expect(fields(badCode)).toEqual(['body.code']);
    const backwards = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/programs',
      payload: { ...base, code: '99-CTr/TU', periodEnd: 2020 },
    });
    expect(fields(backwards)).toEqual(['body.periodEnd']);
    const noIssuer = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/programs',
      payload: { ...base, code: '99-CTr/TU', issuerOrgUnitId: crypto.randomUUID() },
    });
    expect(fields(noIssuer)).toEqual(['body.issuerOrgUnitId']);
    expect(await ctx.handle.db.select().from(programs).where(eq(programs.code, '99-CTr/TU'))).toEqual([]);
  });

  it('replaces the committee as a whole: at most one head, each person once, known people only', async () => {
    const program = (await newProgram()).json();
    const [a, b] = [await f.person(), await f.person()];
    const url = `/api/programs/${program.id}/committee`;
    const twoHeads = await versionedWrite(ctx, cookies.admin, {
      method: 'PUT',
      url,
      payload: {
        members: [
          { personId: a.id, role: 'head' },
          { personId: b.id, role: 'head' },
        ],
      },
    });
    expect(twoHeads.statusCode).toBe(400);
    expect(fields(twoHeads)).toEqual(['body.members']);
    const twice = await versionedWrite(ctx, cookies.admin, {
      method: 'PUT',
      url,
      payload: {
        members: [
          { personId: a.id, role: 'head' },
          { personId: a.id, role: 'member' },
        ],
      },
    });
    expect(fields(twice)).toEqual(['body.members.1.personId']);
    const unknown = await versionedWrite(ctx, cookies.admin, {
      method: 'PUT',
      url,
      payload: { members: [{ personId: crypto.randomUUID(), role: 'member' }] },
    });
    expect(fields(unknown)).toEqual(['body.members.0.personId']);
    expect(await auditCount(program.id)).toBe(1);

    await versionedWrite(ctx, cookies.admin, {
      method: 'PUT',
      url,
      payload: {
        members: [
          { personId: a.id, role: 'head' },
          { personId: b.id, role: 'secretary' },
        ],
      },
    });
    const res = await versionedWrite(ctx, cookies.admin, {
      method: 'PUT',
      url,
      payload: { members: [{ personId: b.id, role: 'head' }] },
    });
    expect(res.json().committee).toEqual([expect.objectContaining({ personId: b.id, role: 'head' })]);
    expect(await auditCount(program.id)).toBe(3);
  });

  it('lets every role read and only admin and secretariat write', async () => {
    const program = (await newProgram()).json();
    for (const username of ['viewer', 'unit-stttt', 'team1', 'secretariat']) {
      const cookie = await ctx.login(username);
      expect((await ctx.as(cookie, { method: 'GET', url: '/api/programs' })).statusCode).toBe(200);
      expect((await ctx.as(cookie, { method: 'GET', url: `/api/programs/${program.id}` })).statusCode).toBe(200);
      const writes = [
        (await newProgram(cookie)).statusCode,
        (
          await versionedWrite(ctx, cookie, {
            method: 'PATCH',
            url: `/api/programs/${program.id}`,
            payload: { title: 'Đổi tên' },
          })
        ).statusCode,
        (
          await versionedWrite(ctx, cookie, {
            method: 'PUT',
            url: `/api/programs/${program.id}/committee`,
            payload: { members: [] },
          })
        ).statusCode,
      ];
      expect(writes).toEqual(username === 'secretariat' ? [201, 200, 200] : [403, 403, 403]);
    }
  });
});
