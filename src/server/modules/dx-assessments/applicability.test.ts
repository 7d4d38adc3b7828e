import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, dxAssessments } from '../../db/schema/index.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { unique, useTestContext } from '../../test/test-app.js';
import { testDefinition } from '../dx-analytics/test-helpers.js';
import { csvLine } from '../dx-analytics/import/csv.js';
import { enterpriseWithAccounts, minimalDbiAnswers } from './test-helpers.js';

const { ctx, f, cookies: logins } = useTestContext({ login: ['admin'] });

const start = (cookie: string, payload: object) =>
  ctx.as(cookie, { method: 'POST', url: '/api/dx/assessments', payload });
/** More than 200 employees (and 300 bn revenue): a large firm in every sector group. */
const LARGE = { employees: 500, revenueVnd: 900_000_000_000, capitalVnd: 500_000_000_000 };
const issue = (res: { json(): { error: { details: { issues: unknown[] } } } }) => res.json().error.details.issues[0];

describe('framework applicability on start', () => {
  it('a large firm cannot start DBI-SME (400 FRAMEWORK_NOT_APPLICABLE naming the field, its class and the allowed ones)', async () => {
    const { enterprise, cookies, secretariat } = await enterpriseWithAccounts(ctx, f, 1, LARGE);
    expect(enterprise.sizeClass).toBe('large');
    for (const who of [cookies[0], secretariat]) {
      const res = await start(who, { year: 2025, taxCode: enterprise.taxCode });
      expect(res.statusCode).toBe(400);
      expect(issue(res)).toMatchObject({
        field: 'body.frameworkCode',
        code: 'FRAMEWORK_NOT_APPLICABLE',
        params: { framework: 'DBI-SME', actual: 'large', allowed: 'micro, small, medium' },
      });
    }
    expect(
      await ctx.handle.db.select().from(dxAssessments).where(eq(dxAssessments.enterpriseId, enterprise.id)),
    ).toEqual([]);
  });

  it('the secretariat may override with a reason, stored on the assessment, audited and shown; the firm may not', async () => {
    const { enterprise, cookies, secretariat } = await enterpriseWithAccounts(ctx, f, 1, LARGE);
    const reason = 'Theo đề nghị của Sở: so sánh với nhóm DNNVV';
    // the enterprise account lacks dxAssessment.overrideApplicability
    expect((await start(cookies[0], { year: 2025, applicabilityOverride: reason })).statusCode).toBe(403);
    const blank = await start(secretariat, { year: 2025, taxCode: enterprise.taxCode, applicabilityOverride: ' ' });
    expect(blank.statusCode).toBe(400);
    const res = await start(secretariat, { year: 2025, taxCode: enterprise.taxCode, applicabilityOverride: reason });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ framework: { code: 'DBI-SME' }, applicabilityOverride: reason });
    const id = res.json().id as string;
    // the firm sees the reason on its assessment page
    const seen = await ctx.as(cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}` });
    expect(seen.json().applicabilityOverride).toBe(reason);
    const [created] = await ctx.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'dxAssessment'), eq(auditEvents.entityId, id)));
    expect(created).toMatchObject({ action: 'create', after: { applicabilityOverride: reason } });
  });

  it('a firm the framework applies to needs no override (400), and starts as before', async () => {
    const { enterprise, cookies, secretariat } = await enterpriseWithAccounts(ctx, f);
    expect(enterprise.sizeClass).toBe('small');
    const res = await start(secretariat, { year: 2025, taxCode: enterprise.taxCode, applicabilityOverride: 'x' });
    expect(res.statusCode).toBe(400);
    expect(issue(res)).toMatchObject({ field: 'body.applicabilityOverride', code: 'APPLICABILITY_OVERRIDE_UNNEEDED' });
    const ok = await start(cookies[0], { year: 2025 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().applicabilityOverride).toBeNull();
  });
});

describe('framework applicability on import', () => {
  it('recordImported refuses a large firm’s row with the same reason, writing nothing', async () => {
    const { enterprise } = await enterpriseWithAccounts(ctx, f, 1, LARGE);
    const { id: versionId } = await ctx.services.dxFrameworks.version(SYSTEM_ACTOR, 'DBI-SME');
    const res = await ctx.handle.db.transaction((tx) =>
      ctx.services.dxAssessments.recordImported(tx, SYSTEM_ACTOR, {
        enterpriseId: enterprise.id,
        frameworkVersionId: versionId,
        year: 2031,
        answers: minimalDbiAnswers(),
      }),
    );
    expect(res).toEqual({
      id: null,
      issues: [
        {
          field: 'framework',
          reason: 'FRAMEWORK_NOT_APPLICABLE',
          params: { framework: 'DBI-SME', actual: 'large', allowed: 'micro, small, medium' },
        },
      ],
    });
  });

  it('the bulk import refuses such rows one by one in its error report; the other rows are written', async () => {
    // a framework of its own, imported and published by the admin, for micro firms in sections C and G only
    const code = unique('FIT').toUpperCase();
    const def = { ...testDefinition(code), appliesTo: { sizeClasses: ['micro'], vsicSections: ['C', 'G'] } };
    const admin = logins.admin;
    expect((await ctx.as(admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: def })).statusCode).toBe(
      201,
    );
    const pub = await ctx.as(admin, { method: 'POST', url: `/api/dx/frameworks/${code}/versions/1/publish` });
    expect(pub.statusCode).toBe(200);
    const micro = await f.enterprise({ employees: 3, revenueVnd: 1_000_000_000, capitalVnd: 1_000_000_000 });
    const microF = await f.enterprise({
      sectorCode: 'F',
      employees: 3,
      revenueVnd: 1_000_000_000,
      capitalVnd: 1_000_000_000,
    });
    const large = await f.enterprise(LARGE);
    const dir = await mkdtemp(path.join(tmpdir(), 'dx-fit-'));
    const file = path.join(dir, 'a.csv');
    const row = (taxCode: string) => csvLine([taxCode, code, '1', '2024', 'full', '', '', '', '']);
    await writeFile(
      file,
      csvLine(['taxCode', 'frameworkCode', 'frameworkVersion', 'year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5']) +
        [micro.taxCode, large.taxCode, microF.taxCode].map(row).join(''),
    );
    const job = await ctx.services.dxImports.importFile('assessments', { actor: SYSTEM_ACTOR, filePath: file });
    expect(job).toMatchObject({ status: 'done', rowsDone: 3, rowsFailed: 2 });
    const errors = await ctx.services.dxImports.errors(job.id);
    expect(errors).toEqual([
      {
        row: 3,
        field: 'frameworkCode',
        reason: `The framework ${code} does not apply to this firm (large); it applies to: micro`,
        code: 'FRAMEWORK_NOT_APPLICABLE',
        params: { framework: code, actual: 'large', allowed: 'micro' },
      },
      {
        row: 4,
        field: 'frameworkCode',
        reason: `The framework ${code} does not apply to this firm (F); it applies to: C, G`,
        code: 'FRAMEWORK_NOT_APPLICABLE',
        params: { framework: code, actual: 'F', allowed: 'C, G' },
      },
    ]);
    const written = await ctx.handle.db.select().from(dxAssessments).where(eq(dxAssessments.enterpriseId, micro.id));
    expect(written).toHaveLength(1);
  });
});
