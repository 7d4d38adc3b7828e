import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { bestDbiAnswers, dbi, enterpriseWithAccounts, minimalDbiAnswers, rollupCount } from './test-helpers.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });

/** An enterprise (trade, small) with a submitted DBI assessment for `year` from `answers`. */
async function submitted(year: number, answers: Record<string, unknown>, o = {}) {
  const e = await enterpriseWithAccounts(ctx, f, 1, o);
  const [me] = e.cookies;
  const id = (await ctx.as(me, { method: 'POST', url: '/api/dx/assessments', payload: { year } })).json().id;
  await ctx.as(me, { method: 'PATCH', url: `/api/dx/assessments/${id}/answers`, payload: { answers } });
  const res = await ctx.as(me, { method: 'POST', url: `/api/dx/assessments/${id}/submit` });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { ...e, id, me };
}

describe('assessment report', () => {
  it('gives levels, pillars with recommendations, peers within sector + size + year, and what to improve', async () => {
    const year = 2040;
    await submitted(year, minimalDbiAnswers());
    await submitted(year, bestDbiAnswers());
    await submitted(year, bestDbiAnswers(), { sectorCode: 'C' }); // another sector: not a peer
    const mine = await submitted(year, { ...bestDbiAnswers(), 'IT-1a': 's2' });
    const res = await ctx.as(mine.me, { method: 'GET', url: `/api/dx/assessments/${mine.id}/report` });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      provisional: false,
      snapshot: { total: 317, overallLevel: 5, overallLevelName: { vi: 'Dẫn dắt' } },
    });
    // peers: 0 and 320 besides itself, fewer than k = 5 others: no figures (peers.test.ts covers the rest)
    expect(r.peers).toEqual({
      status: 'fewer',
      count: null,
      band: null,
      sectorCode: 'G',
      sizeClass: 'small',
      suppressBelow: 5,
    });
    expect(r.pillars.map((p: { code: string; level: number }) => [p.code, p.level])).toEqual([
      ['CX', 5],
      ['ST', 5],
      ['IT', 5],
      ['OP', 5],
      ['CU', 5],
      ['DA', 5],
    ]);
    expect(r.pillars[2].recommendation).toEqual(dbi.pillars[2].recommendations!.find((x) => x.level === 4)!.text);
    // level 5 is the top: no level left to reach, so nothing is suggested (issue 15)
    expect(r.improvements).toEqual([]);
  });

  it('scores a draft provisionally and ranks the answers that would raise the level first', async () => {
    const e = await enterpriseWithAccounts(ctx, f);
    const id = (
      await ctx.as(e.cookies[0], { method: 'POST', url: '/api/dx/assessments', payload: { year: 2041 } })
    ).json().id;
    // CX 7/65, ST 5/25 (20%: level 1), IT 9/80, CU 8/50: four pillars at level 1 with 29 points → L1
    await ctx.as(e.cookies[0], {
      method: 'PATCH',
      url: `/api/dx/assessments/${id}/answers`,
      payload: {
        answers: {
          'CX-1a': 's5',
          'CX-3a': 's2',
          'ST-1a': true,
          'IT-1a': 's5',
          'IT-3a': 's4',
          'CU-1a': 's5',
          'CU-3a': 's3',
        },
      },
    });
    const r = (await ctx.as(e.cookies[0], { method: 'GET', url: `/api/dx/assessments/${id}/report` })).json();
    expect(r).toMatchObject({
      provisional: true,
      snapshot: { total: 29, overallLevel: 1 },
      peers: { status: 'draft', count: null, band: null },
    });
    expect(r.improvements).toHaveLength(5);
    expect(r.improvements[0].newLevel).toBeGreaterThanOrEqual(r.improvements[4].newLevel);
    expect(r.improvements.every((i: { gain: number }) => i.gain > 0)).toBe(true);
    expect(r.pillars[0].recommendation.vi).toBe(dbi.pillars[0].recommendations![0].text.vi);
  });

  it('downloads the report as a Vietnamese Word document', async () => {
    const mine = await submitted(2042, bestDbiAnswers());
    const res = await ctx.as(mine.me, { method: 'GET', url: `/api/dx/assessments/${mine.id}/report.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`${mine.enterprise.taxCode}-2042.docx`);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('BÁO CÁO ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ DOANH NGHIỆP');
    expect(xml).toContain('Mức 5 — Dẫn dắt');
    expect(xml).toContain('Trải nghiệm số cho khách hàng');
  });

  it('re-scores onto a newer published version only when asked, moving the rollup with it', async () => {
    const year = 2043;
    const mine = await submitted(year, { ...bestDbiAnswers(), 'CX-1a': 's4', 'CX-1b': 'https://vidu.vn' });
    expect(await rollupCount(ctx, year)).toBe(1);
    const v2 = structuredClone(dbi);
    v2.version = 2;
    const q = v2.pillars[0].children![0].children![0].questions!;
    if (q[0].type === 'single') q[0].options.find((o) => o.code === 's4')!.score = 3;
    v2.pillars[0].children![0].children![0].questions = [q[0]]; // CX-1b removed
    expect(
      (await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: v2 })).statusCode,
    ).toBe(201);
    // a draft is not a target
    expect(
      fields(
        await ctx.as(mine.me, {
          method: 'POST',
          url: `/api/dx/assessments/${mine.id}/rescore`,
          payload: { version: 2 },
        }),
      ),
    ).toEqual(['body.version']);
    await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/DBI-SME/versions/2/publish' });
    // the frozen snapshot did not move by itself
    const before = (await ctx.as(mine.me, { method: 'GET', url: `/api/dx/assessments/${mine.id}` })).json();
    expect(before).toMatchObject({ framework: { version: 1 }, totalScore: 319 });
    const res = await ctx.as(mine.me, {
      method: 'POST',
      url: `/api/dx/assessments/${mine.id}/rescore`,
      payload: { version: 2 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      framework: { version: 2 },
      status: 'submitted',
      totalScore: 318,
      droppedAnswers: ['CX-1b'],
      snapshot: { version: 2 },
    });
    expect(await rollupCount(ctx, year)).toBe(1);
    const res2 = await ctx.handle.db.execute(
      `select sum(n)::int as n from dx_rollups r join dx_framework_versions v on v.id = r.framework_version_id where year = ${year} and v.version = 2`,
    );
    expect((res2 as { rows: { n: number }[] }).rows[0].n).toBe(1);
    expect(
      fields(
        await ctx.as(mine.me, {
          method: 'POST',
          url: `/api/dx/assessments/${mine.id}/rescore`,
          payload: { version: 1 },
        }),
      ),
    ).toEqual(['body.version']);
  });
});
