import type { InjectOptions } from 'fastify';
import type { Factories } from '../../test/factories.js';
import type { TestContext } from '../../test/test-app.js';

/**
 * A program with a lead department, its center (delegated a task), two indicators the center reports on,
 * one derived indicator, and a yearly round for 2024; unit accounts for the center and for an unrelated unit.
 */
export async function monitoringScene(
  ctx: TestContext,
  f: Factories,
  secretariat: string,
  o: { dueDate?: string } = {},
) {
  const program = await f.program();
  const lead = await f.orgUnit();
  const center = await f.orgUnit({ kind: 'center', parentId: lead.id });
  const other = await f.orgUnit();
  const [centerUser, otherUser, leadUser] = await Promise.all([
    f.user('unit', { orgUnitId: center.id }),
    f.user('unit', { orgUnitId: other.id }),
    f.user('unit', { orgUnitId: lead.id }),
  ]);
  const post = async (url: string, payload: object) => {
    const res = await ctx.as(secretariat, { method: 'POST', url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const courses = await post('/api/indicators', {
    programId: program.id,
    code: 'COURSES',
    nameVi: 'Số khóa đào tạo',
    measureUnit: 'count',
    periodType: 'year',
    periodAggregation: 'sum',
    unitAggregation: 'sum',
    direction: 'higher',
    responsibleOrgUnitIds: [center.id],
    targets: [{ year: 2024, value: 20 }],
  });
  const trained = await post('/api/indicators', {
    programId: program.id,
    code: 'TRAINED',
    nameVi: 'Số doanh nghiệp được đào tạo',
    measureUnit: 'enterprises',
    periodType: 'year',
    periodAggregation: 'sum',
    unitAggregation: 'sum',
    direction: 'higher',
    responsibleOrgUnitIds: [center.id],
    targets: [{ year: 2024, value: 100 }],
  });
  const perCourse = await post('/api/indicators', {
    programId: program.id,
    code: 'PER_COURSE',
    nameVi: 'Doanh nghiệp mỗi khóa',
    measureUnit: 'other',
    periodType: 'year',
    periodAggregation: 'sum',
    unitAggregation: 'sum',
    direction: 'higher',
    formula: 'TRAINED / COURSES',
    targets: [{ year: 2024, value: 5 }],
  });
  const task = await post('/api/program-tasks', {
    programId: program.id,
    code: 'T-01',
    title: 'Tổ chức các khóa đào tạo',
    legalBasis: 'QĐ 3457/QĐ-UBND',
    leadOrgUnitId: lead.id,
    delegatedOrgUnitId: center.id,
    deadline: '2024-12-31',
    budgetAllocatedVnd: 2_000_000_000,
  });
  const round = await post('/api/reporting-rounds', {
    programId: program.id,
    title: 'Báo cáo năm 2024',
    periodType: 'year',
    year: 2024,
    dueDate: o.dueDate ?? '2025-03-20',
  });
  const login = (u: { username: string; password: string }) => ctx.login(u.username, u.password);
  return {
    program,
    lead,
    center,
    other,
    courses,
    trained,
    perCourse,
    task,
    round,
    center_: await login(centerUser),
    other_: await login(otherUser),
    lead_: await login(leadUser),
    reportUrl: (unitId = center.id) => `/api/reporting-rounds/${round.id}/reports/${unitId}`,
  };
}
export type MonitoringScene = Awaited<ReturnType<typeof monitoringScene>>;

/**
 * `ctx.as` for tests about reports rather than versions (those are in src/server/http/lost-update.test.ts): a save
 * (PUT of a report) or a revision names the report's current version, read by `reader`, as a form would; so does a
 * change (PATCH) or a progress note (POST …/updates) of a program task, and a program's monitoring thresholds.
 */
export function reportWriter(ctx: TestContext, reader: () => string) {
  return async (cookie: string, opts: InjectOptions) => {
    const url = typeof opts.url === 'string' ? opts.url : (opts.url?.pathname ?? '');
    // a task's change or progress note names the task's version the same way, and a program's thresholds theirs
    const task =
      (opts.method === 'PATCH' && /^\/api\/program-tasks\/[^/]+$/.test(url)) ||
      (opts.method === 'POST' && /^\/api\/program-tasks\/[^/]+\/updates$/.test(url)) ||
      (opts.method === 'PUT' && /^\/api\/programs\/[^/]+\/monitoring-thresholds$/.test(url))
        ? url.replace(/\/updates$/, '')
        : undefined;
    const report =
      task ?? (opts.method === 'PUT' && /\/reports\/[^/]+$/.test(url) ? url : url.match(/^(.*)\/revisions$/)?.[1]);
    if (report && !opts.headers?.['if-match']) {
      const current = await ctx.as(reader(), { method: 'GET', url: report });
      if (current.statusCode === 200)
        opts = { ...opts, headers: { ...opts.headers, 'if-match': `"${current.json().version}"` } };
    }
    return ctx.as(cookie, opts);
  };
}
