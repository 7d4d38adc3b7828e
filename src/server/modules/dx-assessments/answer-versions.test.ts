import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { enterpriseWithAccounts } from './test-helpers.js';

const { ctx, f } = useTestContext();

// PGlite has one connection: requests run one after the other, so no race can happen there. The race needs a server.
const onServer = !!process.env.DATABASE_URL;

const start = async (cookie: string) =>
  (await ctx.as(cookie, { method: 'POST', url: '/api/dx/assessments', payload: { year: 2024 } })).json<{
    id: string;
  }>().id;
const save = (cookie: string, id: string, answers: object, versions?: object) =>
  ctx.as(cookie, {
    method: 'PATCH',
    url: `/api/dx/assessments/${id}/answers`,
    payload: versions ? { answers, versions } : { answers },
  });
const detail = async (cookie: string, id: string) =>
  (await ctx.as(cookie, { method: 'GET', url: `/api/dx/assessments/${id}` })).json<{
    answers: Record<string, unknown>;
    answeredBy: Record<string, string>;
    answerVersions: Record<string, number>;
  }>();

function expectOk(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ answers: Record<string, unknown>; answerVersions: Record<string, number> }>();
}

describe('DX answers: merged per question, a stale write to the same question refused', () => {
  it('two respondents on different pillars, both from the version they read, both succeed', async () => {
    const { cookies } = await enterpriseWithAccounts(ctx, f, 2);
    const id = await start(cookies[0]);
    expect((await detail(cookies[0], id)).answerVersions).toEqual({});
    // both read the empty questionnaire (version 0 of every question), then save their own pillar
    const [a, b] = await Promise.all([
      save(cookies[0], id, { 'IT-1a': 's5', 'IT-2a': 40 }, { 'IT-1a': 0, 'IT-2a': 0 }),
      save(cookies[1], id, { 'CU-4a': 60, 'CU-1a': 's2' }, { 'CU-4a': 0, 'CU-1a': 0 }),
    ]);
    expectOk(a);
    expectOk(b);
    const d = await detail(cookies[0], id);
    expect(d.answers).toEqual({ 'IT-1a': 's5', 'IT-2a': 40, 'CU-4a': 60, 'CU-1a': 's2' });
    expect(d.answerVersions).toEqual({ 'IT-1a': 1, 'IT-2a': 1, 'CU-4a': 1, 'CU-1a': 1 });
    // a respondent who read before the other's save still writes another question of the same pillar
    expectOk(await save(cookies[1], id, { 'IT-3a': 's4' }, { 'IT-3a': 0 }));
  });

  it('refuses a stale write to the same question: 409 naming the question, its version and value; nothing written', async () => {
    const { cookies, userIds } = await enterpriseWithAccounts(ctx, f, 2);
    const id = await start(cookies[0]);
    expectOk(await save(cookies[0], id, { 'IT-2a': 40 }, { 'IT-2a': 0 }));
    // the second respondent read version 0 of IT-2a; together with a fresh question
    const stale = await save(cookies[1], id, { 'IT-2a': 90, 'IT-1a': 's2' }, { 'IT-2a': 0, 'IT-1a': 0 });
    expect(stale.statusCode, stale.body).toBe(409);
    const { code, details } = stale.json().error;
    expect(code).toBe('STALE_VERSION');
    expect(details.questions).toEqual([{ code: 'IT-2a', currentVersion: 1, value: 40, answeredBy: userIds[0] }]);
    // the alert's fields: who changed the assessment last, and when
    expect(details.updatedBy).toEqual(expect.any(String));
    expect(new Date(details.updatedAt).getTime()).not.toBeNaN();
    // all or nothing: the fresh question of the refused write was not saved either
    const d = await detail(cookies[0], id);
    expect(d.answers).toEqual({ 'IT-2a': 40 });
    expect(d.answerVersions).toEqual({ 'IT-2a': 1 });
    // after reloading that question, the write goes through
    const ok = expectOk(await save(cookies[1], id, { 'IT-2a': 90, 'IT-1a': 's2' }, { 'IT-2a': 1, 'IT-1a': 0 }));
    expect(ok.answerVersions).toEqual({ 'IT-2a': 2, 'IT-1a': 1 });
  });

  it('a clear is a change too (its version moves), and a stale clear is refused', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const id = await start(me);
    expectOk(await save(me, id, { 'IT-2a': 40 }, { 'IT-2a': 0 }));
    const cleared = expectOk(await save(me, id, { 'IT-2a': null }, { 'IT-2a': 1 }));
    expect(cleared.answers['IT-2a']).toBeUndefined();
    expect(cleared.answerVersions['IT-2a']).toBe(2);
    // someone who still saw 40 (version 1) may not answer over the clear
    const late = await save(me, id, { 'IT-2a': 50 }, { 'IT-2a': 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.questions).toEqual([
      { code: 'IT-2a', currentVersion: 2, value: null, answeredBy: null },
    ]);
  });

  it('names the question whose base version is missing when versions are given (400), and bad versions', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const id = await start(me);
    const res = await save(me, id, { 'IT-2a': 40, 'IT-1a': 's2' }, { 'IT-2a': 0 });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.versions.IT-1a']);
    expect((await save(me, id, { 'IT-2a': 40 }, { 'IT-2a': -1 })).statusCode).toBe(400);
    expect((await save(me, id, { 'IT-2a': 40 }, { 'IT-2a': 'x' })).statusCode).toBe(400);
    expect((await detail(me, id)).answers).toEqual({});
  });

  it('a write without versions (older clients) still merges, and still moves the version', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const id = await start(me);
    expectOk(await save(me, id, { 'IT-2a': 40 }, { 'IT-2a': 0 }));
    expect((await detail(me, id)).answerVersions['IT-2a']).toBe(1);
    expectOk(await save(me, id, { 'IT-2a': 41 }));
    expect((await detail(me, id)).answerVersions['IT-2a']).toBe(2);
  });

  it.skipIf(!onServer)(
    'concurrent respondents lose nothing: disjoint questions all merge, and of writers from the same version one wins (PostgreSQL)',
    async () => {
      const { cookies } = await enterpriseWithAccounts(ctx, f, 4);
      const id = await start(cookies[0]);
      // one numeric question per writer, on different pillars; each saves 10 times from the version it last got
      const questions = ['IT-2a', 'ST-1d', 'OP-11a', 'CU-4a', 'CU-5a'];
      const acknowledged: Record<string, number> = {};
      await Promise.all(
        questions.map(async (q, w) => {
          let version = 0;
          for (let i = 1; i <= 10; i++) {
            const res = await save(cookies[w % cookies.length], id, { [q]: i * 7 }, { [q]: version });
            const body = expectOk(res);
            expect(body.answers[q]).toBe(i * 7);
            version = body.answerVersions[q];
            expect(version).toBe(i);
            acknowledged[q] = i * 7;
          }
        }),
      );
      const d = await detail(cookies[0], id);
      expect(d.answers).toEqual(acknowledged);
      expect(d.answerVersions).toEqual(Object.fromEntries(questions.map((q) => [q, 10])));

      // eight writers of the same question from the same version: exactly one is acknowledged, and it is what is stored
      for (let round = 0; round < 5; round++) {
        const read = (await detail(cookies[0], id)).answerVersions;
        const base = read['IT-2a'];
        const results = await Promise.all(
          [0, 1, 2, 3, 4, 5, 6, 7].map((w) =>
            save(
              cookies[w % cookies.length],
              id,
              { 'IT-2a': round * 10 + w, 'CU-1a': 's2' },
              { 'IT-2a': base, 'CU-1a': read['CU-1a'] ?? 0 },
            ),
          ),
        );
        const ok = results.filter((r) => r.statusCode === 200);
        const refused = results.filter((r) => r.statusCode === 409);
        expect(ok.length, results.map((r) => `${r.statusCode} ${r.body.slice(0, 200)}`).join('\n')).toBe(1);
        expect(refused.length).toBe(7);
        const winner = ok[0].json<{ answers: Record<string, number> }>().answers['IT-2a'];
        const after = await detail(cookies[0], id);
        expect(after.answers['IT-2a']).toBe(winner);
        expect(after.answerVersions['IT-2a']).toBe(base + 1);
        for (const r of refused)
          expect(r.json().error.details.questions.map((x: { code: string }) => x.code)).toContain('IT-2a');
      }
    },
    120_000,
  );
});
