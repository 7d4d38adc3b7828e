import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { assessments, auditEvents, inspections, inspectionTeams } from '../../db/schema/index.js';
import { useTestContext, unique, issueFields as fields } from '../../test/test-app.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });

const auditCount = async (entityId: string) =>
  (await ctx.handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, entityId)))[0].n;
const teamCount = async (planId: string) =>
  (await ctx.handle.db.select({ n: count() }).from(inspectionTeams).where(eq(inspectionTeams.planId, planId)))[0].n;

async function demoPlan(cookie = cookies.admin) {
  // other tests' random plan codes may contain "15-KH" too: pick the demo plan by its exact code
  const list = (
    await ctx.as(cookie, { method: 'GET', url: `/api/inspection-plans?q=${encodeURIComponent('15-KH/BCĐ')}&limit=500` })
  ).json();
  const plan = list.items.find((p: { code: string }) => p.code === '15-KH/BCĐ');
  return (await ctx.as(cookie, { method: 'GET', url: `/api/inspection-plans/${plan.id}` })).json();
}

async function newPlan(areas = ['Tuyên truyền, quán triệt', 'Kế hoạch, đề án', 'Khó khăn, vướng mắc']) {
  const program = await f.program();
  const res = await ctx.as(cookies.admin, {
    method: 'POST',
    url: '/api/inspection-plans',
    payload: {
      programId: program.id,
      code: `${Math.floor(Math.random() * 900) + 1}-KH/${unique('Đ').replace('-', '')}`,
      title: 'Kế hoạch kiểm tra chuyên đề đổi mới sáng tạo',
      year: 2024,
      issueDate: '2024-02-05',
      contentAreas: areas.map((title) => ({ title })),
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

// team numbers are unique within a plan: a counter keeps every team of this file apart
let teamNumber = 0;
async function newTeam(planId: string, members?: object[]) {
  const head = await f.person();
  const res = await ctx.as(cookies.admin, {
    method: 'POST',
    url: `/api/inspection-plans/${planId}/teams`,
    payload: { number: ++teamNumber, name: 'Đoàn kiểm tra', members: members ?? [{ personId: head.id, role: 'head' }] },
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('plans', () => {
  it('creates a plan with ordered content areas, reads it back and finds it by folded title and year', async () => {
    const plan = await newPlan();
    expect(plan.contentAreas.map((a: { position: number; title: string }) => [a.position, a.title])).toEqual([
      [1, 'Tuyên truyền, quán triệt'],
      [2, 'Kế hoạch, đề án'],
      [3, 'Khó khăn, vướng mắc'],
    ]);
    const read = (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${plan.id}` })).json();
    expect(read).toMatchObject({ code: plan.code, year: 2024, issueDate: '2024-02-05', teams: [], warnings: [] });
    expect(await auditCount(plan.id)).toBe(1);
    const found = (
      await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans?q=chuyen%20de%20doi%20moi&year=2024` })
    ).json();
    expect(found.items.map((p: { id: string }) => p.id)).toContain(plan.id);
    const otherYear = (
      await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans?q=chuyen%20de%20doi%20moi&year=2023` })
    ).json();
    expect(otherYear.items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
  });

  it('lists the demo plan with its counts', async () => {
    const list = (
      await ctx.as(cookies.admin, { method: 'GET', url: '/api/inspection-plans?q=ke%20hoach%2015-kh/bcd' })
    ).json();
    expect(list.items[0]).toMatchObject({ code: '15-KH/BCĐ', programCode: '07-CTr/TU', teamCount: 2 });
    expect(
      list.items[0].inspectionsByStatus.planned +
        list.items[0].inspectionsByStatus.notified +
        list.items[0].inspectionsByStatus.in_progress +
        list.items[0].inspectionsByStatus.drafting +
        list.items[0].inspectionsByStatus.issued +
        list.items[0].inspectionsByStatus.follow_up +
        list.items[0].inspectionsByStatus.closed,
    ).toBe(6);
    expect(list.items[0].inspectionCount).toBe(6);
  });

  it('shows the demo plan’s MEMBER_FROM_TARGET warning on the Sở TT&TT target, naming Phạm Thu Hà', async () => {
    const plan = await demoPlan(await ctx.login('unit-stttt'));
    expect(plan.contentAreas).toHaveLength(5);
    expect(
      plan.teams.map((t: { members: unknown[]; targets: unknown[] }) => [t.members.length, t.targets.length]),
    ).toEqual([
      [8, 3],
      [3, 3],
    ]);
    const target = plan.teams[0].targets.find(
      (t: { targetName: string }) => t.targetName === 'Sở Thông tin và Truyền thông',
    );
    const ha = plan.teams[0].members.find((m: { fullName: string }) => m.fullName === 'Phạm Thu Hà');
    expect(plan.warnings).toEqual([
      expect.objectContaining({
        code: 'MEMBER_FROM_TARGET',
        inspectionIds: [target.inspectionId],
        teamId: plan.teams[0].id,
        personId: ha.personId,
        params: expect.objectContaining({ person: 'Phạm Thu Hà', target: 'Sở Thông tin và Truyền thông' }),
      }),
    ]);
    const one = await ctx.services.inspectionPlans.warningsForInspection(target.inspectionId);
    expect(one.map((w) => w.code)).toEqual(['MEMBER_FROM_TARGET']);
    expect(await ctx.services.inspectionPlans.warningsForInspection(plan.teams[1].targets[0].inspectionId)).toEqual([]);
  });

  it('warns about a target inspected by another plan in an overlapping window', async () => {
    const demo = await demoPlan();
    const syt = demo.teams[1].targets.find((t: { targetName: string }) => t.targetName === 'Sở Y tế');
    const plan = await newPlan();
    const team = await newTeam(plan.id);
    const url = `/api/inspection-teams/${team.id}/targets`;
    const touching = await ctx.as(cookies.admin, {
      method: 'POST',
      url,
      payload: { targetOrgUnitId: syt.targetOrgUnitId, windowStart: '2023-07-14', windowEnd: '2023-07-20' },
    });
    const warnings = (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${plan.id}` })).json()
      .warnings;
    expect(warnings).toEqual([
      expect.objectContaining({
        code: 'TARGET_WINDOW_OVERLAP',
        inspectionIds: [syt.inspectionId, touching.json().inspectionId],
      }),
    ]);
    const moved = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url: `${url}/${touching.json().inspectionId}`,
      payload: { windowStart: '2023-07-15', version: touching.json().version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(
      (await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${plan.id}` })).json().warnings,
    ).toEqual([]);
  });

  it('changes content areas as an ordered list, and refuses to drop one that has assessments (409 naming it)', async () => {
    const plan = await newPlan();
    const [a, b, c] = plan.contentAreas;
    const url = `/api/inspection-plans/${plan.id}`;
    const res = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url,
      payload: {
        title: 'Kế hoạch mới',
        contentAreas: [{ id: c.id, title: c.title }, { title: 'Mới' }, { id: a.id, title: 'Sửa' }],
        version: 1,
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().contentAreas.map((x: { title: string }) => x.title)).toEqual([c.title, 'Mới', 'Sửa']);
    expect(res.json().contentAreas.some((x: { id: string }) => x.id === b.id)).toBe(false);
    expect(await auditCount(plan.id)).toBe(2);

    const team = await newTeam(plan.id);
    const insp = await f.inspection({ planId: plan.id, teamId: team.id });
    await ctx.handle.db.insert(assessments).values({ inspectionId: insp.id, contentAreaId: a.id, rating: 'good' });
    const blocked = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url,
      payload: { title: 'Không lưu', contentAreas: [{ id: c.id, title: c.title }], version: 2 },
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.details).toMatchObject({ contentAreaId: a.id, title: 'Sửa' });
    const after = (await ctx.as(cookies.admin, { method: 'GET', url })).json();
    expect(after.title).toBe('Kế hoạch mới');
    expect(after.contentAreas).toHaveLength(3);
    expect(await auditCount(plan.id)).toBe(2);

    const stranger = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url,
      payload: { contentAreas: [{ id: crypto.randomUUID(), title: 'X' }], version: 2 },
    });
    expect(fields(stranger)).toEqual(['body.contentAreas.0.id']);
  });
});

describe('teams', () => {
  it('needs exactly one head, known people, each person once — and writes nothing otherwise', async () => {
    const plan = await newPlan();
    const [p1, p2] = [await f.person(), await f.person()];
    const post = (members: object[]) =>
      ctx.as(cookies.admin, {
        method: 'POST',
        url: `/api/inspection-plans/${plan.id}/teams`,
        payload: { number: 1, name: 'Đoàn 1', members },
      });
    const twoHeads = await post([
      { personId: p1.id, role: 'head' },
      { personId: p2.id, role: 'head' },
    ]);
    expect([twoHeads.statusCode, fields(twoHeads)]).toEqual([400, ['body.members']]);
    expect(fields(await post([{ personId: p1.id, role: 'member' }]))).toEqual(['body.members']);
    expect(
      fields(
        await post([
          { personId: p1.id, role: 'head' },
          { personId: p1.id, role: 'member' },
        ]),
      ),
    ).toEqual(['body.members.1.personId']);
    const unknown = await post([
      { personId: p1.id, role: 'head' },
      { personId: crypto.randomUUID(), role: 'member' },
    ]);
    expect([unknown.statusCode, fields(unknown)]).toEqual([400, ['body.members.1.personId']]);
    const unknownUnit = await post([{ personId: p1.id, role: 'head', representedOrgUnitId: crypto.randomUUID() }]);
    expect(fields(unknownUnit)).toEqual(['body.members.0.representedOrgUnitId']);
    expect(new Set(fields(await post([])))).toEqual(new Set(['body.members']));
    expect(await teamCount(plan.id)).toBe(0);
    expect(await auditCount(plan.id)).toBe(1);
  });

  it('rolls back the team when a later row of the same write fails', async () => {
    const plan = await newPlan();
    const p = await f.person();
    const before = (await ctx.handle.db.select({ n: count() }).from(auditEvents))[0].n;
    // the service alone (no request schema): the duplicate member fails on the table's unique key, after the team row
    await expect(
      ctx.services.inspectionTeams.createTeam(SYSTEM_ACTOR, plan.id, {
        number: 1,
        name: 'Đoàn 1',
        members: [
          { personId: p.id, role: 'head' },
          { personId: p.id, role: 'member' },
        ],
      }),
    ).rejects.toThrow();
    expect(await teamCount(plan.id)).toBe(0);
    expect((await ctx.handle.db.select({ n: count() }).from(auditEvents))[0].n).toBe(before);
  });

  it('creates, renames and re-staffs a team, and refuses a second team with the same number', async () => {
    const plan = await newPlan();
    const [head, member, unit] = [await f.person(), await f.person(), await f.orgUnit()];
    const team = await newTeam(plan.id, [
      { personId: head.id, role: 'head' },
      { personId: member.id, role: 'member', representedOrgUnitId: unit.id },
    ]);
    expect(team.members).toEqual([
      expect.objectContaining({ personId: head.id, role: 'head', fullName: head.fullName }),
      expect.objectContaining({
        personId: member.id,
        role: 'member',
        representedOrgUnitId: unit.id,
        representedOrgUnitName: unit.name,
      }),
    ]);
    const again = await ctx.as(cookies.admin, {
      method: 'POST',
      url: `/api/inspection-plans/${plan.id}/teams`,
      payload: { number: team.number, name: 'X', members: [{ personId: head.id, role: 'head' }] },
    });
    expect(again.statusCode).toBe(409);
    const patched = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url: `/api/inspection-teams/${team.id}`,
      payload: { name: 'Đoàn mới', members: [{ personId: member.id, role: 'head' }], version: 1 },
    });
    expect(patched.json()).toMatchObject({
      name: 'Đoàn mới',
      members: [expect.objectContaining({ personId: member.id, role: 'head' })],
    });
    expect(await auditCount(team.id)).toBe(2);
  });

  it('deletes a team with its planned inspections, but not once one has started', async () => {
    const plan = await newPlan();
    const team = await newTeam(plan.id);
    const insp = await f.inspection({ planId: plan.id, teamId: team.id });
    const started = await newTeam(plan.id);
    await f.inspection({ planId: plan.id, teamId: started.id, status: 'in_progress' });
    expect(
      (await ctx.as(cookies.admin, { method: 'DELETE', url: `/api/inspection-teams/${started.id}` })).statusCode,
    ).toBe(409);
    expect(
      (await ctx.as(cookies.admin, { method: 'DELETE', url: `/api/inspection-teams/${team.id}` })).statusCode,
    ).toBe(200);
    expect(await ctx.handle.db.select().from(inspections).where(eq(inspections.id, insp.id))).toEqual([]);
    expect(await teamCount(plan.id)).toBe(1);
    expect(await auditCount(team.id)).toBe(2);
  });
});

describe('targets', () => {
  it('adds a target as a planned inspection; the window must not end before it starts; a team takes a unit once', async () => {
    const plan = await newPlan();
    const team = await newTeam(plan.id);
    const unit = await f.orgUnit();
    const url = `/api/inspection-teams/${team.id}/targets`;
    const backwards = await ctx.as(cookies.admin, {
      method: 'POST',
      url,
      payload: { targetOrgUnitId: unit.id, windowStart: '2024-05-10', windowEnd: '2024-05-09' },
    });
    expect([backwards.statusCode, fields(backwards)]).toEqual([400, ['body.windowEnd']]);
    const noUnit = await ctx.as(cookies.admin, {
      method: 'POST',
      url,
      payload: { targetOrgUnitId: crypto.randomUUID(), windowStart: '2024-05-10', windowEnd: '2024-05-10' },
    });
    expect(fields(noUnit)).toEqual(['body.targetOrgUnitId']);
    const ok = await ctx.as(cookies.admin, {
      method: 'POST',
      url,
      payload: { targetOrgUnitId: unit.id, windowStart: '2024-05-10', windowEnd: '2024-05-10' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      targetOrgUnitId: unit.id,
      targetName: unit.name,
      status: 'planned',
      windowStart: '2024-05-10',
    });
    expect(await auditCount(ok.json().inspectionId)).toBe(1);
    expect(
      (
        await ctx.as(cookies.admin, {
          method: 'POST',
          url,
          payload: { targetOrgUnitId: unit.id, windowStart: '2024-06-10', windowEnd: '2024-06-12' },
        })
      ).statusCode,
    ).toBe(409);

    const one = `${url}/${ok.json().inspectionId}`;
    const moveBack = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url: one,
      payload: { windowEnd: '2024-05-01', version: 1 },
    });
    expect([moveBack.statusCode, fields(moveBack)]).toEqual([400, ['body.windowEnd']]);
    const moved = await ctx.as(cookies.admin, {
      method: 'PATCH',
      url: one,
      payload: { windowEnd: '2024-05-14', version: 1 },
    });
    expect(moved.json().windowEnd).toBe('2024-05-14');
    expect((await ctx.as(cookies.admin, { method: 'DELETE', url: one })).statusCode).toBe(200);
    expect(await auditCount(ok.json().inspectionId)).toBe(3);
  });

  it('moves a window while planned or notified only, and removes a target while planned only', async () => {
    const plan = await newPlan();
    const team = await newTeam(plan.id);
    const notified = await f.inspection({ planId: plan.id, teamId: team.id, status: 'notified' });
    const running = await f.inspection({ planId: plan.id, teamId: team.id, status: 'in_progress' });
    const url = (id: string) => `/api/inspection-teams/${team.id}/targets/${id}`;
    expect(
      (
        await ctx.as(cookies.admin, {
          method: 'PATCH',
          url: url(notified.id),
          payload: { windowStart: '2023-06-02', version: 1 },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await ctx.as(cookies.admin, {
          method: 'PATCH',
          url: url(running.id),
          payload: { windowStart: '2023-06-02', version: 1 },
        })
      ).statusCode,
    ).toBe(409);
    expect((await ctx.as(cookies.admin, { method: 'DELETE', url: url(notified.id) })).statusCode).toBe(409);
    const other = await newTeam(plan.id);
    expect(
      (
        await ctx.as(cookies.admin, {
          method: 'DELETE',
          url: `/api/inspection-teams/${other.id}/targets/${running.id}`,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('permissions', () => {
  it('lets every role read and only admin and secretariat write', async () => {
    const plan = await newPlan();
    const team = await newTeam(plan.id);
    const insp = await f.inspection({ planId: plan.id, teamId: team.id });
    const person = await f.person();
    const unit = await f.orgUnit();
    const writes = [
      {
        method: 'POST',
        url: '/api/inspection-plans',
        payload: {
          programId: plan.program.id,
          code: '1-KH/X',
          title: 'X',
          year: 2024,
          issueDate: '2024-01-01',
          contentAreas: [{ title: 'A' }],
        },
      },
      { method: 'PATCH', url: `/api/inspection-plans/${plan.id}`, payload: { title: 'X', version: 1 } },
      {
        method: 'POST',
        url: `/api/inspection-plans/${plan.id}/teams`,
        payload: { number: 99, name: 'X', members: [{ personId: person.id, role: 'head' }] },
      },
      { method: 'PATCH', url: `/api/inspection-teams/${team.id}`, payload: { name: 'X', version: 1 } },
      {
        method: 'POST',
        url: `/api/inspection-teams/${team.id}/targets`,
        payload: { targetOrgUnitId: unit.id, windowStart: '2024-01-01', windowEnd: '2024-01-02' },
      },
      {
        method: 'PATCH',
        url: `/api/inspection-teams/${team.id}/targets/${insp.id}`,
        payload: { windowEnd: '2023-06-11', version: 1 },
      },
      { method: 'DELETE', url: `/api/inspection-teams/${team.id}/targets/${insp.id}` },
      { method: 'DELETE', url: `/api/inspection-teams/${team.id}` },
    ] as const;
    for (const username of ['viewer', 'unit-stttt', 'team1']) {
      const cookie = await ctx.login(username);
      for (const url of [
        '/api/inspection-plans',
        `/api/inspection-plans/${plan.id}`,
        `/api/inspection-plans/${plan.id}/export.xlsx`,
      ]) {
        expect((await ctx.as(cookie, { method: 'GET', url })).statusCode).toBe(200);
      }
      for (const w of writes)
        expect([w.method, w.url, (await ctx.as(cookie, w)).statusCode]).toEqual([w.method, w.url, 403]);
    }
    const secretariat = await ctx.login('secretariat');
    const statuses = [];
    for (const w of writes) statuses.push((await ctx.as(secretariat, w)).statusCode);
    expect(statuses).toEqual([201, 200, 201, 200, 201, 200, 200, 200]);
  });
});

describe('exports', () => {
  it('exports the demo plan as a DOCX holding the plan code', async () => {
    const plan = await demoPlan();
    const res = await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${plan.id}/export.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Ke-hoach-15-KH-BCD.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%2015-KH-BC%C4%90.docx`,
    );
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    // the text as Word shows it: the symbol's hyphen is a non-breaking one
    const text = xml.replace(/<w:noBreakHyphen\/>/g, '-').replace(/<[^>]+>/g, '');
    expect(text).toContain('Số 15-KH/BCĐ');
    expect(text).toContain('Phạm Thu Hà');
  });

  it('exports the demo plan as an XLSX with one row per team member and the warning', async () => {
    const plan = await demoPlan();
    const res = await ctx.as(cookies.admin, { method: 'GET', url: `/api/inspection-plans/${plan.id}/export.xlsx` });
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Ke-hoach-15-KH-BCD\.xlsx"; filename\*=UTF-8''/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: unknown[] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n > 2) names.push(row.getCell(3).value);
    });
    expect(names).toHaveLength(11);
    expect(names).toContain('Phạm Thu Hà');
    expect(book.worksheets[2].getCell('B3').text).toContain('Phạm Thu Hà');
  });
});
