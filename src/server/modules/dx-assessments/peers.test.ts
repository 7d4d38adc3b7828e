import { describe, expect, it } from 'vitest';
import { allQuestions } from '../../../shared/dx/framework-format.js';
import { scoreAssessment } from '../../../shared/dx/scoring.js';
import { issueFields as fields, useTestContext } from '../../test/test-app.js';
import { bestDbiAnswers, dbi, enterpriseWithAccounts, minimalDbiAnswers } from './test-helpers.js';

// Peer figures in an enterprise's own report must not let it learn other enterprises' scores (issue 9, §3).
const { ctx, f, cookies } = useTestContext({ login: ['secretariat'] });

/** Answers scoring the best on every pillar except `pillar`, or only on `pillar` (`only`). */
function pillarAnswers(pillar: string, only: boolean): Record<string, unknown> {
  const best = bestDbiAnswers();
  const min = minimalDbiAnswers();
  const inPillar = new Set(
    allQuestions(dbi)
      .filter((x) => x.pillar === pillar)
      .map((x) => x.question.code),
  );
  const out: Record<string, unknown> = {};
  for (const code of new Set([...Object.keys(best), ...Object.keys(min)])) {
    const useBest = inPillar.has(code) === only;
    if (useBest && code in best) out[code] = best[code];
    else if (code in min) out[code] = min[code];
  }
  return out;
}
const totalOf = (answers: Record<string, unknown>) => scoreAssessment(dbi, answers).total;

async function start(year: number, o = {}) {
  const e = await enterpriseWithAccounts(ctx, f, 1, o);
  const [me] = e.cookies;
  const res = await ctx.as(me, { method: 'POST', url: '/api/dx/assessments', payload: { year } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return { ...e, me, id: res.json().id as string };
}
async function answer(me: string, id: string, answers: Record<string, unknown>) {
  const res = await ctx.as(me, { method: 'PATCH', url: `/api/dx/assessments/${id}/answers`, payload: { answers } });
  if (res.statusCode !== 200) throw new Error(res.body);
}
async function submit(me: string, id: string) {
  const res = await ctx.as(me, { method: 'POST', url: `/api/dx/assessments/${id}/submit` });
  if (res.statusCode !== 200) throw new Error(res.body);
}
async function submitted(year: number, answers: Record<string, unknown>, o = {}) {
  const a = await start(year, o);
  await answer(a.me, a.id, answers);
  await submit(a.me, a.id);
  return a;
}
const peersOf = async (me: string, id: string) => {
  const res = await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${id}/report` });
  expect(res.statusCode).toBe(200);
  return res.json().peers as Record<string, unknown>;
};
/** Clears every answer, then sets `answers` (a draft or a returned assessment). */
async function replaceAnswers(me: string, id: string, answers: Record<string, unknown>) {
  const clear = Object.fromEntries(allQuestions(dbi).map((x) => [x.question.code, null]));
  await answer(me, id, { ...clear, ...answers });
}

describe('peer figures in the report', () => {
  it('(a) gives a draft no peer comparison, however its owner sweeps the draft total', async () => {
    const year = 2060;
    await submitted(year, bestDbiAnswers());
    await submitted(year, minimalDbiAnswers());
    const attacker = await start(year);
    const seen = [];
    for (const answers of [
      minimalDbiAnswers(),
      pillarAnswers('CX', true),
      pillarAnswers('CX', false),
      bestDbiAnswers(),
    ]) {
      await replaceAnswers(attacker.me, attacker.id, answers);
      seen.push(await peersOf(attacker.me, attacker.id));
    }
    for (const p of seen) {
      expect(p).toEqual({
        status: 'draft',
        count: null,
        band: null,
        sectorCode: 'G',
        sizeClass: 'small',
        suppressBelow: 5,
      });
    }
  });

  it('(b) gives a submitted assessment with fewer than k other peers no count and no band', async () => {
    const year = 2061;
    for (let i = 0; i < 4; i++) await submitted(year, bestDbiAnswers());
    const mine = await submitted(year, minimalDbiAnswers());
    // five in the cell, but only four others: the enterprise could subtract itself
    expect(await peersOf(mine.me, mine.id)).toEqual({
      status: 'fewer',
      count: null,
      band: null,
      sectorCode: 'G',
      sizeClass: 'small',
      suppressBelow: 5,
    });
  });

  it('(c) gives a band that depends on the peers only through their mean: sweeping cannot tell two cells apart', async () => {
    const high = pillarAnswers('CX', false);
    const low = pillarAnswers('CX', true);
    expect(totalOf(high) + totalOf(low)).toBe(totalOf(bestDbiAnswers()) + totalOf(minimalDbiAnswers()));
    // two cells whose five peers differ one by one but have the same sum:
    // {0, 0, low, high, 320} and {0, 0, 0, 320, 320}
    const worlds = {
      2062: [minimalDbiAnswers(), minimalDbiAnswers(), low, high, bestDbiAnswers()],
      2063: [minimalDbiAnswers(), minimalDbiAnswers(), minimalDbiAnswers(), bestDbiAnswers(), bestDbiAnswers()],
    };
    const sweep = [minimalDbiAnswers(), low, pillarAnswers('DA', true), high, bestDbiAnswers()];
    const answersSeen: Record<string, unknown[]> = {};
    for (const [year, peers] of Object.entries(worlds)) {
      for (const p of peers) await submitted(Number(year), p);
      const mine = await start(Number(year));
      answersSeen[year] = [];
      for (const answers of sweep) {
        // re-scoring through the API: the secretariat returns it, the enterprise answers again and resubmits
        await replaceAnswers(mine.me, mine.id, answers);
        await submit(mine.me, mine.id);
        answersSeen[year].push(await peersOf(mine.me, mine.id));
        const back = await ctx.as(cookies.secretariat, {
          method: 'POST',
          url: `/api/dx/assessments/${mine.id}/return`,
          payload: { comment: 'Xem lại' },
        });
        expect(back.statusCode).toBe(200);
      }
    }
    expect(answersSeen[2062]).toEqual(answersSeen[2063]);
    const bands = answersSeen[2062].map((p) => (p as { band: string }).band);
    expect(answersSeen[2062][0]).toMatchObject({ status: 'published', count: 5 });
    expect(bands[0]).toBe('wellBelow');
    expect(bands[bands.length - 1]).toBe('wellAbove');
  });

  it('(d) does not let the enterprise move its own peer cell (sector, size class)', async () => {
    const e = await enterpriseWithAccounts(ctx, f);
    const [me] = e.cookies;
    const url = `/api/enterprises/${e.enterprise.taxCode}`;
    const version = (await ctx.as(me, { method: 'GET', url })).json().version as number;
    for (const payload of [
      { sectorCode: 'C' },
      { employees: 500 },
      { revenueVnd: 900_000_000_000 },
      { capitalVnd: 1 },
    ]) {
      const res = await ctx.as(me, { method: 'PATCH', url, payload: { ...payload, version } });
      expect(res.statusCode).toBe(403);
      expect(fields(res)).toEqual([`body.${Object.keys(payload)[0]}`]);
    }
    // what does not set the cell stays the enterprise's to keep up to date
    const ok = await ctx.as(me, {
      method: 'PATCH',
      url: `/api/enterprises/${e.enterprise.taxCode}`,
      payload: { address: '1 Phố Thử', version },
    });
    expect(ok.statusCode).toBe(200);
    // the secretariat, after checking, may
    const bySecretariat = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/enterprises/${e.enterprise.taxCode}`,
      payload: { employees: 500, revenueVnd: 900_000_000_000, version: ok.json().version },
    });
    expect(bySecretariat.statusCode).toBe(200);
    expect(bySecretariat.json().sizeClass).not.toBe(e.enterprise.sizeClass);
  });
});
