import { describe, expect, it } from 'vitest';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { multipart, PDF } from '../../test/multipart.js';
import { bestDbiAnswers, enterpriseWithAccounts, minimalDbiAnswers, rollupCount } from './test-helpers.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';

const { ctx, f } = useTestContext();

const start = (cookie: string, payload: object) =>
  ctx.as(cookie, { method: 'POST', url: '/api/dx/assessments', payload });
const answer = (cookie: string, id: string, answers: object) =>
  ctx.as(cookie, { method: 'PATCH', url: `/api/dx/assessments/${id}/answers`, payload: { answers } });
const act = (cookie: string, id: string, what: string, payload?: object) =>
  ctx.as(cookie, { method: 'POST', url: `/api/dx/assessments/${id}/${what}`, ...(payload ? { payload } : {}) });

describe('assessments', () => {
  it('an enterprise starts one per year and version; a duplicate is 409', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const res = await start(me, { year: 2024 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'draft',
      year: 2024,
      framework: { code: 'DBI-SME', version: 1 },
      answers: {},
      snapshot: null,
    });
    expect(res.json().progress).toHaveLength(6);
    expect((await start(me, { year: 2024 })).statusCode).toBe(409);
    expect((await start(me, { year: 2024, frameworkCode: 'EU-DMA-SME' })).statusCode).toBe(201);
    expect((await start(me, { year: 1800 })).statusCode).toBe(400);
  });

  it("an enterprise cannot read or answer another enterprise's assessment (403)", async () => {
    const a = await enterpriseWithAccounts(ctx, f);
    const b = await enterpriseWithAccounts(ctx, f);
    const id = (await start(a.cookies[0], { year: 2024 })).json().id;
    expect((await ctx.as(b.cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}` })).statusCode).toBe(403);
    expect((await ctx.as(b.cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}/report` })).statusCode).toBe(
      403,
    );
    expect(
      (await ctx.as(b.cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}/report.docx` })).statusCode,
    ).toBe(403);
    expect((await answer(b.cookies[0], id, { 'IT-1a': 's5' })).statusCode).toBe(403);
    expect((await act(b.cookies[0], id, 'submit')).statusCode).toBe(403);
    expect((await start(b.cookies[0], { year: 2024, taxCode: a.enterprise.taxCode })).statusCode).toBe(403);
    const list = await ctx.as(b.cookies[0], { method: 'GET', url: '/api/dx/assessments' });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    // viewers read, but do not answer
    const viewer = await ctx.login('viewer');
    expect((await ctx.as(viewer, { method: 'GET', url: `/api/dx/assessments/${id}` })).statusCode).toBe(200);
    expect((await answer(viewer, id, { 'IT-1a': 's5' })).statusCode).toBe(403);
  });

  it('several respondents saving different pillars at once never overwrite each other', async () => {
    const { cookies, userIds } = await enterpriseWithAccounts(ctx, f, 2);
    const id = (await start(cookies[0], { year: 2024 })).json().id;
    const all = bestDbiAnswers();
    const part = (prefix: string) => Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(prefix)));
    const [r1, r2] = await Promise.all([answer(cookies[0], id, part('CX')), answer(cookies[1], id, part('IT'))]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    const detail = (await ctx.as(cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}` })).json();
    expect(detail.answers).toEqual({ ...part('CX'), ...part('IT') });
    expect(detail.answeredBy['CX-1a']).toBe(userIds[0]);
    expect(detail.answeredBy['IT-1a']).toBe(userIds[1]);
    expect(detail.progress.find((p: { code: string }) => p.code === 'IT')).toMatchObject({
      answered: 16,
      total: 16,
      requiredMissing: [],
    });
    // null clears one answer and leaves the rest
    const cleared = await answer(cookies[1], id, { 'IT-1a': null });
    expect(cleared.json().answers['IT-1a']).toBeUndefined();
    expect(cleared.json().answeredBy['IT-1a']).toBeUndefined();
    expect(cleared.json().answers['IT-2a']).toBe(100);
  });

  it('validates answers per question type and names each bad one', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const id = (await start(me, { year: 2024 })).json().id;
    const res = await answer(me, id, {
      'IT-1a': 's7',
      'IT-2a': 140,
      'ST-1a': 'yes',
      'CX-2a': ['facebook', 'facebook'],
      NOPE: 1,
      'CX-1b': 'https://example.vn',
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res).sort()).toEqual([
      'body.answers.CX-2a',
      'body.answers.IT-1a',
      'body.answers.IT-2a',
      'body.answers.NOPE',
      'body.answers.ST-1a',
    ]);
    // nothing was written
    expect((await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${id}` })).json().answers).toEqual({});
    expect(
      (
        await ctx.as(me, {
          method: 'PATCH',
          url: `/api/dx/assessments/${id}/answers`,
          payload: { answers: {}, extra: 1 },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('enforces required questions on submit, with skip logic deciding which are shown', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const id = (await start(me, { year: 2024 })).json().id;
    const { 'IT-1a': _, 'CU-5a': __, ...almost } = minimalDbiAnswers();
    await answer(me, id, almost);
    const missing = await act(me, id, 'submit');
    expect(missing.statusCode).toBe(400);
    expect(fields(missing).sort()).toEqual(['answers.CU-5a', 'answers.IT-1a']);
    // online sales "yes" shows the online-revenue share, which is then required too
    await answer(me, id, { 'IT-1a': 's0', 'CU-5a': 0, 'CX-3a': 's4' });
    expect(fields(await act(me, id, 'submit'))).toEqual(['answers.CX-5a']);
    await answer(me, id, { 'CX-3a': 's0' });
    const ok = await act(me, id, 'submit');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'submitted',
      totalScore: 0,
      overallLevel: 0,
      snapshot: { total: 0, max: 320, requiredMissing: [] },
    });
    // frozen: no more answers, no second submission
    expect((await answer(me, id, { 'IT-1a': 's5' })).statusCode).toBe(409);
    expect((await act(me, id, 'submit')).statusCode).toBe(409);
  });

  it('return and resubmit keep the rollup counts right; verify keeps it counted', async () => {
    const year = 2031;
    const {
      cookies: [me],
      secretariat,
    } = await enterpriseWithAccounts(ctx, f);
    const id = (await start(me, { year })).json().id;
    await answer(me, id, bestDbiAnswers());
    expect(await rollupCount(ctx, year)).toBe(0);
    const submitted = await act(me, id, 'submit');
    expect(submitted.json()).toMatchObject({ status: 'submitted', totalScore: 320, overallLevel: 5 });
    expect(await rollupCount(ctx, year)).toBe(1);

    expect((await act(me, id, 'return', { comment: 'x' })).statusCode).toBe(403);
    expect(fields(await act(secretariat, id, 'return', { comment: '' }))).toEqual(['body.comment']);
    const returned = await act(secretariat, id, 'return', { comment: 'Bổ sung minh chứng kế hoạch' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung minh chứng kế hoạch' });
    expect(await rollupCount(ctx, year)).toBe(0);

    await answer(me, id, { 'IT-1a': 's2' });
    const again = await act(me, id, 'submit');
    expect(again.json()).toMatchObject({ status: 'submitted', totalScore: 317, overallLevel: 5 });
    expect(await rollupCount(ctx, year)).toBe(1);
    const verified = await act(secretariat, id, 'verify', {});
    expect(verified.json().status).toBe('verified');
    expect(await rollupCount(ctx, year)).toBe(1);
    expect((await act(secretariat, id, 'verify', {})).statusCode).toBe(409);
    // the rollup holds the score as submitted the second time
    const res = await ctx.handle.db.execute(`select sum(sum_total)::float as t from dx_rollups where year = ${year}`);
    expect((res as { rows: { t: number }[] }).rows[0].t).toBe(317);
    const admin = await ctx.login('admin');
    const audit = await ctx.as(admin, {
      method: 'GET',
      url: `/api/audit-events?entityType=dxAssessment&entityId=${id}&limit=50`,
    });
    expect(audit.json().items.length).toBeGreaterThanOrEqual(7);
  });

  it("the secretariat starts one on an enterprise's behalf by tax code", async () => {
    const { enterprise, secretariat } = await enterpriseWithAccounts(ctx, f);
    expect(fields(await start(secretariat, { year: 2024 }))).toEqual(['body.taxCode']);
    expect((await start(secretariat, { year: 2024, taxCode: enterprise.taxCode })).statusCode).toBe(201);
  });
});

describe('recordImported (for the bulk import)', () => {
  it('creates a submitted assessment counted once, even when the same row comes twice, and reports bad rows', async () => {
    const year = 2032;
    const { enterprise } = await enterpriseWithAccounts(ctx, f);
    const { id: versionId } = await ctx.services.dxFrameworks.version(SYSTEM_ACTOR, 'DBI-SME');
    const run = (answers: Record<string, unknown>) =>
      ctx.handle.db.transaction((tx) =>
        ctx.services.dxAssessments.recordImported(tx, SYSTEM_ACTOR, {
          enterpriseId: enterprise.id,
          frameworkVersionId: versionId,
          year,
          answers,
        }),
      );
    const bad = await run({ ...minimalDbiAnswers(), 'IT-1a': 's9', 'CU-5a': null });
    expect(bad.id).toBeNull();
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['answers.CU-5a', 'answers.IT-1a']);
    expect(await rollupCount(ctx, year)).toBe(0);
    const first = await run(bestDbiAnswers());
    const again = await run(bestDbiAnswers());
    expect(again.id).toBe(first.id);
    expect(await rollupCount(ctx, year)).toBe(1);
    const res = await ctx.handle.db.execute(`select sum(sum_total)::float as t from dx_rollups where year = ${year}`);
    expect((res as { rows: { t: number }[] }).rows[0].t).toBe(320);
  });
});

describe('evidence files', () => {
  it('a file question is answered by upload only; readers download it, other enterprises cannot', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const other = await enterpriseWithAccounts(ctx, f);
    const id = (await start(me, { year: 2024 })).json().id;
    const typed = await answer(me, id, { 'ST-1c': `${'a'.repeat(64)}/x.pdf` });
    expect(typed.statusCode).toBe(400);
    expect(fields(typed)).toEqual(['body.answers.ST-1c']);
    const up = await ctx.as(me, {
      method: 'POST',
      url: `/api/dx/assessments/${id}/evidence/ST-1c`,
      ...multipart('kế hoạch.pdf', PDF),
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().answers['ST-1c']).toMatch(/^[0-9a-f]{64}\/kế hoạch\.pdf$/);
    const down = await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${id}/evidence/ST-1c` });
    expect(down.statusCode).toBe(200);
    expect(Buffer.compare(down.rawPayload, PDF)).toBe(0);
    expect(
      (await ctx.as(other.cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}/evidence/ST-1c` })).statusCode,
    ).toBe(403);
    const wrong = await ctx.as(me, {
      method: 'POST',
      url: `/api/dx/assessments/${id}/evidence/IT-1a`,
      ...multipart('a.pdf', PDF),
    });
    expect(fields(wrong)).toEqual(['params.questionCode']);
  });
});

describe('work done by the system (a job, an import) rather than a person', () => {
  it('submits as the system actor: no person is named as the submitter', async () => {
    const a = await f.assessment();
    await ctx.services.dxAssessments.saveAnswers(SYSTEM_ACTOR, a.id, minimalDbiAnswers());
    const submitted = await ctx.services.dxAssessments.submit(SYSTEM_ACTOR, a.id);
    expect(submitted.status).toBe('submitted');
    // and returned by the system: no reviewer named either
    const returned = await ctx.services.dxAssessments.returnToEnterprise(SYSTEM_ACTOR, a.id, 'Thiếu minh chứng');
    expect(returned.status).toBe('returned');
  });
});
