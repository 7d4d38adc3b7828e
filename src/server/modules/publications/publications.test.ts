import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.js';
import { issueFields, useTestContext } from '../../test/test-app.js';
import { issueConclusion } from '../follow-ups/test-helpers.js';

// "today" is 2024-08-01 in Hanoi: the remedy below (due 2024-06-30) is 32 days overdue
const { ctx, f, cookies } = useTestContext({
  clock: fixedClock('2024-08-01T00:00:00Z'),
  login: ['secretariat', 'viewer', 'admin'],
  env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '20' },
});

/** An inspection whose conclusion is issued with a remedy for the target and a recommendation for another unit. */
async function issued() {
  const scene = await f.scene({ status: 'issued' });
  const city = await f.orgUnit({ name: 'UBND thành phố công khai' });
  const { conclusion } = await issueConclusion(ctx, scene, [
    {
      kind: 'remedy',
      text: 'Bổ sung kế hoạch chuyển đổi số',
      addresseeOrgUnitId: scene.target.id,
      dueDate: '2024-06-30',
    },
    { kind: 'recommendation', text: 'Bố trí kinh phí đào tạo', addresseeOrgUnitId: city.id, dueDate: '2024-12-31' },
  ]);
  const programId = scene.plan.programId;
  return { scene, city, conclusion, programId };
}

const url = (id: string) => `/api/inspections/${id}/publication`;
const publish = (cookie: string, id: string) => ctx.as(cookie, { method: 'PUT', url: url(id), payload: {} });
const withdraw = (cookie: string, id: string, payload: object) =>
  ctx.as(cookie, { method: 'POST', url: `${url(id)}/withdrawal`, payload });
/** The public feed, with no session at all. */
const feed = (programId: string) =>
  ctx.app.inject({ method: 'GET', url: `/api/public/programs/${programId}/recommendations` });

describe('publication of follow-up status (issue 14 §3)', () => {
  it('the secretariat publishes; anyone without a login then reads numbers, dates, units and status, no personal data', async () => {
    const { scene, city, conclusion, programId } = await issued();
    const before = await ctx.as(cookies.secretariat, { method: 'GET', url: url(scene.inspection.id) });
    expect(before.json()).toMatchObject({ published: false, permissions: { publish: true, withdraw: false } });

    const res = await publish(cookies.secretariat, scene.inspection.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      published: true,
      publicPath: `/public/programs/${programId}`,
      permissions: { publish: false, withdraw: true },
    });

    const pub = await feed(programId);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['cache-control']).toBe('public, max-age=60');
    const block = pub.json().inspections.find((i: { planCode: string }) => i.planCode === scene.plan.code);
    expect(block).toEqual({
      inspectedUnit: scene.target.name,
      planCode: scene.plan.code,
      conclusion: { number: conclusion.number, year: 2024 },
      publishedAt: expect.any(String),
      recommendations: [
        {
          kind: 'remedy',
          text: 'Bổ sung kế hoạch chuyển đổi số',
          addressee: scene.target.name,
          dueDate: '2024-06-30',
          status: 'open',
          accepted: false,
          overdue: true,
          daysOverdue: 32,
        },
        {
          kind: 'recommendation',
          text: 'Bố trí kinh phí đào tạo',
          addressee: city.name,
          dueDate: '2024-12-31',
          status: 'open',
          accepted: false,
          overdue: false,
          daysOverdue: 0,
        },
      ],
    });
    expect(pub.json().asOf).toBe('2024-08-01');
    // nothing that names a person or an account: not the signer, not the team, not who published
    expect(pub.body).not.toMatch(/Nguyễn Văn A|signer|publishedBy|withdrawnBy|userId/);

    const programs = await ctx.app.inject({ method: 'GET', url: '/api/public/programs' });
    expect(programs.json().items).toContainEqual(expect.objectContaining({ id: programId, inspections: 1 }));

    const audit = await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?entityType=publication' });
    expect(audit.json().items[0]).toMatchObject({ action: 'publish', subject: { name: expect.any(String) } });
  });

  it('only what is published appears: another issued inspection of the same program stays private', async () => {
    const { scene, programId } = await issued();
    const other = await f.inspection({ planId: scene.plan.id, teamId: scene.team.id, status: 'issued' });
    await issueConclusion(ctx, { ...scene, inspection: other }, [
      { kind: 'remedy', text: 'Việc chưa công khai', addresseeOrgUnitId: scene.target.id, dueDate: '2024-09-30' },
    ]);
    expect((await publish(cookies.secretariat, scene.inspection.id)).statusCode).toBe(200);
    const body = (await feed(programId)).body;
    expect(body).toContain('Bổ sung kế hoạch chuyển đổi số');
    expect(body).not.toContain('Việc chưa công khai');
  });

  it('refuses before issue, to roles that may not publish, and a withdrawal without a reason', async () => {
    const draft = await f.scene({ status: 'in_progress' });
    const early = await publish(cookies.secretariat, draft.inspection.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.reason).toBe('NOT_ISSUED_YET');

    const { scene } = await issued();
    expect((await publish(cookies.viewer, scene.inspection.id)).statusCode).toBe(403);
    const unit = await ctx.login(scene.unitUser.username, scene.unitUser.password);
    expect((await publish(unit, scene.inspection.id)).statusCode).toBe(403);
    expect((await ctx.as(unit, { method: 'GET', url: url(scene.inspection.id) })).json()).toMatchObject({
      permissions: { publish: false, withdraw: false },
    });

    await publish(cookies.secretariat, scene.inspection.id);
    const blank = await withdraw(cookies.secretariat, scene.inspection.id, { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(issueFields(blank)).toEqual(['body.reason']);
    expect((await withdraw(cookies.viewer, scene.inspection.id, { reason: 'x' })).statusCode).toBe(403);
  });

  it('withdrawal takes it off the public page at once, is audited with its reason, and can be undone', async () => {
    const { scene, programId } = await issued();
    const published = (await publish(cookies.secretariat, scene.inspection.id)).json();
    expect((await feed(programId)).body).toContain(scene.plan.code);

    const stale = await withdraw(cookies.secretariat, scene.inspection.id, {
      reason: 'Sai đơn vị',
      version: published.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');

    const res = await withdraw(cookies.secretariat, scene.inspection.id, {
      reason: 'Đơn vị đề nghị rà soát lại số liệu',
      version: published.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ published: false, withdrawReason: 'Đơn vị đề nghị rà soát lại số liệu' });
    expect((await feed(programId)).body).not.toContain(scene.plan.code);

    const again = await withdraw(cookies.secretariat, scene.inspection.id, { reason: 'lần hai' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.reason).toBe('NOT_PUBLISHED');

    const audit = await ctx.as(cookies.admin, { method: 'GET', url: '/api/audit-events?entityType=publication' });
    const withdrawn = audit
      .json()
      .items.find((e: { action: string; after: { withdrawReason?: string } }) => e.action === 'withdraw');
    expect(withdrawn.after.withdrawReason).toBe('Đơn vị đề nghị rà soát lại số liệu');

    const republished = await publish(cookies.secretariat, scene.inspection.id);
    expect(republished.json()).toMatchObject({ published: true, withdrawReason: null });
    expect(republished.json().version).toBe(published.version + 2);
    expect((await feed(programId)).body).toContain(scene.plan.code);
  });

  it('publishing twice at once makes one publication and one audit event', async () => {
    const { scene } = await issued();
    const all = await Promise.all(Array.from({ length: 6 }, () => publish(cookies.secretariat, scene.inspection.id)));
    expect(all.map((r) => r.statusCode)).toEqual(Array(6).fill(200));
    expect(new Set(all.map((r) => r.json().version))).toEqual(new Set([1]));
    const state = await ctx.as(cookies.secretariat, { method: 'GET', url: url(scene.inspection.id) });
    expect(state.json()).toMatchObject({ published: true, version: 1 });
    const audit = await ctx.as(cookies.admin, {
      method: 'GET',
      url: '/api/audit-events?entityType=publication&limit=200',
    });
    const publishes = audit
      .json()
      .items.filter(
        (e: { action: string; after: { inspectionId?: string } }) => e.after?.inspectionId === scene.inspection.id,
      );
    expect(publishes).toHaveLength(1);
  });

  it('limits the public pages per address (429 with the error shape), not the staff pages', async () => {
    const { programId } = await issued();
    const hit = () =>
      ctx.app.inject({
        method: 'GET',
        url: `/api/public/programs/${programId}/recommendations`,
        remoteAddress: '203.0.113.77',
      });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await hit()).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    const limited = await hit();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // another address is not affected
    expect((await feed(programId)).statusCode).toBe(200);
  });

  it('an unknown program is a 404, a malformed id a 400 naming it', async () => {
    expect((await feed('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await feed('not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(issueFields(bad)).toEqual(['params.id']);
  });
});
