import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from '../../../shared/dx/framework-format.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { readBundledFramework } from './bundled.js';

const { ctx, cookies } = useTestContext({ login: ['admin', 'secretariat'] });

/** A copy of EU-DMA-SME as version `version`, changed by `edit`. */
function dmaVersion(version: number, edit: (d: FrameworkDefinition) => void = () => {}) {
  const d = structuredClone(readBundledFramework('eu-dma-sme.json'));
  d.version = version;
  edit(d);
  return d;
}

describe('frameworks API', () => {
  it('lists the two shipped frameworks, published at start, and serves the published version', async () => {
    const list = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dx/frameworks' });
    expect(list.json().map((f: { code: string; publishedVersion: number }) => [f.code, f.publishedVersion])).toEqual([
      ['DBI-SME', 1],
      ['EU-DMA-SME', 1],
    ]);
    const dbi = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dx/frameworks/DBI-SME' });
    expect(dbi.json()).toMatchObject({ code: 'DBI-SME', version: 1, formatVersion: 1 });
    expect(dbi.json().pillars.map((p: { maxPoints: number }) => p.maxPoints)).toEqual([65, 25, 80, 65, 50, 35]);
    // start-up runs again: nothing new
    await ctx.services.dxFrameworks.ensureBundled();
    const again = await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dx/frameworks' });
    expect(again.json()[0].versions).toHaveLength(1);
    expect((await ctx.as(cookies.secretariat, { method: 'GET', url: '/api/dx/frameworks/NOPE' })).statusCode).toBe(404);
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/dx/frameworks/{code}/score',
      '/api/dx/assessments/{id}/answers',
      '/api/enterprises/{taxCode}/resolve-commune',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('scores a what-if without saving, and names bad answers', async () => {
    const viewer = await ctx.login('viewer');
    const res = await ctx.as(viewer, {
      method: 'POST',
      url: '/api/dx/frameworks/DBI-SME/score',
      payload: { answers: { 'ST-1a': true, 'ST-1b': ['targets', 'budget'], 'IT-1a': 's5' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      frameworkCode: 'DBI-SME',
      version: 1,
      total: 14,
      max: 320,
      overallLevel: 0,
      answeredCount: 3,
    });
    expect(res.json().nodes['ST-1']).toEqual({ score: 9, max: 25 });
    const bad = await ctx.as(viewer, {
      method: 'POST',
      url: '/api/dx/frameworks/DBI-SME/score',
      payload: { answers: { 'IT-1a': 's9', 'XX-1': 1, 'CU-5a': 'many' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad).sort()).toEqual(['body.answers.CU-5a', 'body.answers.IT-1a', 'body.answers.XX-1']);
  });

  it('imports a draft (admin only) with errors by JSON path', async () => {
    const v2 = dmaVersion(2);
    expect(
      (await ctx.as(cookies.secretariat, { method: 'POST', url: '/api/dx/frameworks/import', payload: v2 })).statusCode,
    ).toBe(403);
    const broken = dmaVersion(2, (d) => {
      d.pillars[0].maxPoints = -1;
      (d.pillars[1].questions![0] as { type: string }).type = 'slider';
      d.pillars[2].questions![1].showIf = { question: 'NOPE', anyOf: [true] };
    });
    const res = await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: broken });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(
      expect.arrayContaining(['body.pillars[0].maxPoints', 'body.pillars[1].questions[0].type']),
    );
    const refs = dmaVersion(2, (d) => {
      d.pillars[2].questions![1].showIf = { question: 'NOPE', anyOf: [true] };
      d.pillarLevelScheme = 'x';
    });
    expect(
      fields(await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: refs })),
    ).toEqual(expect.arrayContaining(['body.pillarLevelScheme', 'body.pillars[2].questions[1].showIf.question']));
  });

  it('publishes a draft, freezes it, exports it and shows the diff', async () => {
    const v3 = dmaVersion(3, (d) => {
      const q = d.pillars[0].questions![1];
      if (q.type === 'single') q.options[3].score = 4;
      d.pillars[5].questions = d.pillars[5].questions!.filter((x) => x.code !== 'GRD-3');
      d.pillars[4].questions!.push({
        code: 'AAI-3',
        text: { vi: 'Có dùng AI?', en: 'Do you use AI?' },
        type: 'yesno',
        yesScore: 1,
        noScore: 0,
        required: true,
      });
    });
    const imported = await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: v3 });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ code: 'EU-DMA-SME', version: 3, status: 'draft' });
    // drafts stay hidden from enterprises and viewers; the published version is still 1
    const viewer = await ctx.login('viewer');
    expect((await ctx.as(viewer, { method: 'GET', url: '/api/dx/frameworks/EU-DMA-SME/versions/3' })).statusCode).toBe(
      403,
    );
    expect((await ctx.as(viewer, { method: 'GET', url: '/api/dx/frameworks/EU-DMA-SME' })).json().version).toBe(1);

    const diff = await ctx.as(cookies.secretariat, {
      method: 'GET',
      url: '/api/dx/frameworks/EU-DMA-SME/diff?from=1&to=3',
    });
    const changes = diff
      .json()
      .changes.map((c: { kind: string; code: string; change: string }) => `${c.change} ${c.kind} ${c.code}`);
    expect(changes).toEqual(
      expect.arrayContaining(['changed option DBS-2/s3', 'removed question GRD-3', 'added question AAI-3']),
    );
    expect(diff.json().changes.find((c: { code: string }) => c.code === 'DBS-2/s3').fields).toEqual([
      { field: 'score', before: 3, after: 4 },
    ]);

    expect(
      (await ctx.as(cookies.secretariat, { method: 'POST', url: '/api/dx/frameworks/EU-DMA-SME/versions/3/publish' }))
        .statusCode,
    ).toBe(403);
    const pub = await ctx.as(cookies.admin, {
      method: 'POST',
      url: '/api/dx/frameworks/EU-DMA-SME/versions/3/publish',
    });
    expect(pub.json()).toMatchObject({ version: 3, status: 'published' });
    expect(
      (await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/EU-DMA-SME/versions/3/publish' }))
        .statusCode,
    ).toBe(409);
    expect((await ctx.as(viewer, { method: 'GET', url: '/api/dx/frameworks/EU-DMA-SME' })).json().version).toBe(3);
    // frozen: the same version number with other content is refused
    const changed = dmaVersion(3, (d) => {
      d.note = 'changed';
    });
    const frozen = await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: changed });
    expect(frozen.statusCode).toBe(409);
    const exported = await ctx.as(viewer, { method: 'GET', url: '/api/dx/frameworks/EU-DMA-SME/versions/3' });
    expect(exported.json().pillars[4].questions.map((q: { code: string }) => q.code)).toContain('AAI-3');
    expect(exported.headers['content-disposition']).toContain('EU-DMA-SME-v3.json');
  });
});
