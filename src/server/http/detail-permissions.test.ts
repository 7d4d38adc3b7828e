import { describe, expect, it } from 'vitest';
import { can } from '../../shared/permissions.js';
import { bestDbiAnswers, enterpriseWithAccounts } from '../modules/dx-assessments/test-helpers.js';
import { useTestContext } from '../test/test-app.js';

const { ctx, f, cookies } = useTestContext({ login: ['secretariat', 'viewer'] });

const get = async (cookie: string, url: string) => {
  const res = await ctx.as(cookie, { method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ permissions: Record<string, boolean> }>();
};

/**
 * Detail responses say what the caller may do with the record (issue 9 §1), so the pages show and hide actions from
 * the server's answer instead of repeating the rules. Each flag is the catalogue's answer for that caller and record.
 */
describe('detail responses carry the caller’s permissions', () => {
  it('a DX assessment: the enterprise answers its draft; the secretariat verifies or returns it once submitted; a viewer only reads', async () => {
    const { cookies: mine } = await enterpriseWithAccounts(ctx, f);
    const id = (await ctx.as(mine[0], { method: 'POST', url: '/api/dx/assessments', payload: { year: 2024 } })).json()
      .id as string;
    const url = `/api/dx/assessments/${id}`;
    expect((await get(mine[0], url)).permissions).toEqual({
      canAnswer: true,
      canVerify: false,
      canReturn: false,
      canRescore: true,
    });
    expect((await get(cookies.secretariat, url)).permissions).toEqual({
      canAnswer: true,
      canVerify: false,
      canReturn: false,
      canRescore: true,
    });
    const none = { canAnswer: false, canVerify: false, canReturn: false, canRescore: false };
    expect((await get(cookies.viewer, url)).permissions).toEqual(none);

    await ctx.as(mine[0], { method: 'PATCH', url: `${url}/answers`, payload: { answers: bestDbiAnswers() } });
    expect((await ctx.as(mine[0], { method: 'POST', url: `${url}/submit` })).statusCode).toBe(200);
    // submitted: nobody answers any more; the enterprise may not verify its own
    expect((await get(mine[0], url)).permissions).toEqual({
      canAnswer: false,
      canVerify: false,
      canReturn: false,
      canRescore: true,
    });
    expect((await get(cookies.secretariat, url)).permissions).toEqual({
      canAnswer: false,
      canVerify: true,
      canReturn: true,
      canRescore: true,
    });
    expect((await get(cookies.viewer, url)).permissions).toEqual(none);
  });

  it('an enterprise: it edits its own details but not its classification; the secretariat does everything; a viewer nothing', async () => {
    const { enterprise, cookies: mine } = await enterpriseWithAccounts(ctx, f);
    const url = `/api/enterprises/${enterprise.taxCode}`;
    expect((await get(mine[0], url)).permissions).toEqual({
      canEdit: true,
      canEditClassification: false,
      canResolveCommune: false,
      canManageAccounts: false,
    });
    expect((await get(mine[0], '/api/enterprises/me')).permissions.canEdit).toBe(true);
    expect((await get(cookies.secretariat, url)).permissions).toEqual({
      canEdit: true,
      canEditClassification: true,
      canResolveCommune: true,
      canManageAccounts: true,
    });
    expect((await get(cookies.viewer, url)).permissions).toEqual({
      canEdit: false,
      canEditClassification: false,
      canResolveCommune: false,
      canManageAccounts: false,
    });
  });

  it('an inspection plan: the office manages it; an inspector and a viewer read it', async () => {
    const { plan } = await f.plan();
    const url = `/api/inspection-plans/${plan.id}`;
    expect((await get(cookies.secretariat, url)).permissions).toEqual({ canManage: true });
    expect((await get(cookies.viewer, url)).permissions).toEqual({ canManage: false });
    const inspector = await f.user('inspector');
    const asInspector = await ctx.login(inspector.username, inspector.password);
    expect((await get(asInspector, url)).permissions).toEqual({ canManage: false });
    // the same answer as the catalogue's, role by role
    for (const role of ['secretariat', 'viewer', 'inspector'] as const)
      expect(can({ role, orgUnitId: null }, 'plan.manage')).toBe(role === 'secretariat');
  });

  it('an inspection: its team links findings to indicators; the inspected unit and a viewer do not', async () => {
    const s = await f.scene({ status: 'in_progress' });
    const url = `/api/inspections/${s.inspection.id}`;
    const head = await ctx.login(s.inspector.username, s.inspector.password);
    const unit = await ctx.login(s.unitUser.username, s.unitUser.password);
    expect((await get(head, url)).permissions.canLink).toBe(true);
    expect((await get(cookies.secretariat, url)).permissions.canLink).toBe(true);
    expect((await get(cookies.viewer, url)).permissions.canLink).toBe(false);
    expect((await get(unit, url)).permissions.canLink).toBe(false);
  });
});
