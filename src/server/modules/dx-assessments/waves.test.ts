import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { allQuestions, type FrameworkDefinition } from '../../../shared/dx/framework-format.js';
import { useTestContext, issueFields as fields } from '../../test/test-app.js';
import { multipart, PDF } from '../../test/multipart.js';
import { readBundledFramework } from '../dx-frameworks/bundled.js';
import { bestDbiAnswers, dbi, enterpriseWithAccounts, minimalDbiAnswers } from './test-helpers.js';

const { ctx, f, cookies } = useTestContext({ login: ['admin'] });

interface Detail {
  id: string;
  status: string;
  answers: Record<string, unknown>;
  answerVersions: Record<string, number>;
  carriedOver: string[];
  carriedFrom: { assessmentId: string; year: number; framework: { code: string; version: number }; dropped: string[] };
  totalScore: number | null;
  overallLevel: number | null;
}

/** The lowest answer to every required unconditional question of a framework. */
const minimalAnswers = (def: FrameworkDefinition) =>
  Object.fromEntries(
    allQuestions(def)
      .filter(({ question: q }) => q.required && !q.showIf)
      .map(({ question: q }) => [
        q.code,
        q.type === 'single' ? q.options[0].code : q.type === 'yesno' ? false : q.type === 'multi' ? [] : 0,
      ]),
  );

async function startWave(me: string, year: number, frameworkCode?: string) {
  const res = await ctx.as(me, {
    method: 'POST',
    url: '/api/dx/assessments',
    payload: frameworkCode ? { year, frameworkCode } : { year },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Detail>();
}
const save = (me: string, id: string, answers: object, versions?: object) =>
  ctx.as(me, {
    method: 'PATCH',
    url: `/api/dx/assessments/${id}/answers`,
    payload: versions ? { answers, versions } : { answers },
  });
async function submit(me: string, id: string) {
  const res = await ctx.as(me, { method: 'POST', url: `/api/dx/assessments/${id}/submit` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Detail>();
}
async function wave(me: string, year: number, answers: object, frameworkCode?: string) {
  const a = await startWave(me, year, frameworkCode);
  expect((await save(me, a.id, answers)).statusCode).toBe(200);
  return submit(me, a.id);
}
const report = async (me: string, id: string) => {
  const res = await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${id}/report` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('DX waves: a new year starts from the previous assessment', () => {
  it('prefills the answers of the latest scored earlier assessment, each marked carried over', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const first = await wave(me, 2031, { ...minimalDbiAnswers(), 'IT-2a': 40 });
    // a later draft is not where a wave starts from: only a submitted or verified one
    const draft2032 = await startWave(me, 2032);
    expect((await save(me, draft2032.id, { 'IT-2a': 90 })).statusCode).toBe(200);
    const next = await startWave(me, 2033);
    expect(next.answers).toEqual(first.answers);
    expect(next.carriedOver).toEqual(Object.keys(first.answers).sort());
    expect(next.carriedFrom).toEqual({
      assessmentId: first.id,
      year: 2031,
      framework: { code: 'DBI-SME', version: 1 },
      dropped: [],
    });
    // each carried answer has a version to write against
    expect(next.answerVersions['IT-2a']).toBe(1);
    // draft2032 itself started from 2031 (its own year is later)
    expect(draft2032.carriedFrom.year).toBe(2031);
  });

  it('a firm without an earlier scored assessment starts empty; a later year is not a previous one', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    await wave(me, 2036, minimalDbiAnswers());
    const earlier = await startWave(me, 2035);
    expect(earlier.answers).toEqual({});
    expect(earlier.carriedOver).toEqual([]);
    expect(earlier.carriedFrom).toBeNull();
  });

  it('confirming (the same value) or changing an answer clears its mark; answer versions keep working', async () => {
    const {
      cookies: [me, other],
    } = await enterpriseWithAccounts(ctx, f, 2);
    await wave(me, 2031, { ...minimalDbiAnswers(), 'IT-2a': 40, 'CU-4a': 60 });
    const next = await startWave(me, 2032);
    // confirm: the same value, from the version read
    let res = await save(me, next.id, { 'IT-2a': 40 }, { 'IT-2a': 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().carriedOver).not.toContain('IT-2a');
    expect(res.json<Detail>().answerVersions['IT-2a']).toBe(2);
    // a stale write of a carried answer is refused like any other, and leaves its mark
    res = await save(other, next.id, { 'IT-2a': 90 }, { 'IT-2a': 1 });
    expect(res.statusCode).toBe(409);
    // change
    res = await save(me, next.id, { 'CU-4a': 80 }, { 'CU-4a': 1 });
    const d = res.json<Detail>();
    expect(d.carriedOver).not.toContain('CU-4a');
    expect(d.answers['CU-4a']).toBe(80);
    // clearing a carried answer clears its mark too
    const someCode = d.carriedOver[0];
    res = await save(me, next.id, { [someCode]: null }, { [someCode]: 1 });
    expect(res.json<Detail>().carriedOver).not.toContain(someCode);
    // the rest are still marked
    expect(res.json<Detail>().carriedOver).toEqual(d.carriedOver.slice(1));
  });

  it('a carried-over evidence file is confirmed by saving its value as it is; another value is still refused', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const first = await startWave(me, 2031);
    expect((await save(me, first.id, { ...minimalDbiAnswers(), 'ST-1a': true })).statusCode).toBe(200);
    const up = await ctx.as(me, {
      method: 'POST',
      url: `/api/dx/assessments/${first.id}/evidence/ST-1c`,
      ...multipart('kế hoạch.pdf', PDF),
    });
    expect(up.statusCode, up.body).toBe(200);
    const evidence = up.json<Detail>().answers['ST-1c'] as string;
    await submit(me, first.id);
    const next = await startWave(me, 2032);
    expect(next.answers['ST-1c']).toBe(evidence);
    expect(next.carriedOver).toContain('ST-1c');
    // the questionnaire's "confirm" (one answer, or a whole pillar with others) saves the value shown
    let res = await save(me, next.id, { 'ST-1c': evidence, 'ST-1a': true }, { 'ST-1c': 1, 'ST-1a': 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().carriedOver).not.toContain('ST-1c');
    expect(res.json<Detail>().carriedOver).not.toContain('ST-1a');
    expect(res.json<Detail>().answers['ST-1c']).toBe(evidence);
    // a file is still given only through the upload: any other value is refused
    res = await save(me, next.id, { 'ST-1c': `${'a'.repeat(64)}/x.pdf` });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['body.answers.ST-1c']);
  });

  it('submits with answers still marked carried over (they are real answers); required questions still enforced', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const first = await wave(me, 2031, minimalDbiAnswers());
    const next = await startWave(me, 2032);
    // a required question cleared: refused at submit, naming it
    const required = Object.keys(minimalDbiAnswers())[0];
    await save(me, next.id, { [required]: null });
    const refused = await ctx.as(me, { method: 'POST', url: `/api/dx/assessments/${next.id}/submit` });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused)).toContain(`answers.${required}`);
    await save(me, next.id, { [required]: first.answers[required] });
    const done = await submit(me, next.id);
    expect(done.status).toBe('submitted');
    expect(done.carriedOver.length).toBe(Object.keys(first.answers).length - 1);
  });

  it('the report gives the change since the previous and the first assessment, overall and per pillar', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const a1 = await wave(me, 2031, minimalDbiAnswers());
    const a2 = await wave(me, 2032, { ...minimalDbiAnswers(), 'IT-2a': 40 });
    const a3 = await wave(me, 2033, bestDbiAnswers());
    const r1 = await report(me, a1.id);
    expect(r1.change).toEqual({ previous: null, first: null });
    const r3 = await report(me, a3.id);
    expect(r3.change.previous).toMatchObject({
      assessmentId: a2.id,
      year: 2032,
      comparable: true,
      total: Math.round((a3.totalScore! - a2.totalScore!) * 100) / 100,
      level: a3.overallLevel! - a2.overallLevel!,
    });
    expect(r3.change.first).toMatchObject({
      assessmentId: a1.id,
      year: 2031,
      comparable: true,
      total: a3.totalScore! - a1.totalScore!,
      level: a3.overallLevel! - a1.overallLevel!,
    });
    // per pillar: this assessment's pillars in framework order, each a difference of the two snapshots
    const r2 = await report(me, a2.id);
    const prevPillars = new Map<string, { score: number; level: number }>(
      r2.pillars.map((p: { code: string; score: number; level: number }) => [p.code, p]),
    );
    expect(r3.change.previous.pillars).toEqual(
      r3.pillars.map((p: { code: string; score: number; level: number }) => ({
        code: p.code,
        score: Math.round((p.score - prevPillars.get(p.code)!.score) * 100) / 100,
        level: p.level - prevPillars.get(p.code)!.level,
      })),
    );
    expect(dbi.pillars.map((p) => p.code)).toEqual(r3.change.previous.pillars.map((p: { code: string }) => p.code));
    // the DOCX has the table of the change
    const docx = await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${a3.id}/report.docx` });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Thay đổi so với lần đánh giá trước');
    expect(xml).toContain(`+${r3.change.previous.total.toLocaleString('vi-VN')}`);
  });

  it('another framework: nothing carried over, and the change says "framework changed" instead of a number', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const eu = readBundledFramework('eu-dma-sme.json');
    const a1 = await wave(me, 2031, minimalAnswers(eu), 'EU-DMA-SME');
    const started = await startWave(me, 2032);
    expect(started.carriedFrom).toBeNull();
    expect(started.answers).toEqual({});
    await save(me, started.id, minimalDbiAnswers());
    const a2 = await submit(me, started.id);
    const r = await report(me, a2.id);
    expect(r.change.previous).toMatchObject({
      assessmentId: a1.id,
      comparable: false,
      total: null,
      level: null,
      framework: { code: 'EU-DMA-SME' },
    });
    expect(r.change.previous.pillars.every((p: { score: null }) => p.score === null)).toBe(true);
    const docx = await ctx.as(me, { method: 'GET', url: `/api/dx/assessments/${a2.id}/report.docx` });
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Bộ tiêu chí đã thay đổi');
  });

  // last: it publishes version 2 of DBI-SME for the whole test database
  it('a newer framework version: carries over the questions it still asks with fitting answers, and says which were dropped', async () => {
    const {
      cookies: [me],
    } = await enterpriseWithAccounts(ctx, f);
    const a1 = await wave(me, 2031, { ...bestDbiAnswers(), 'CX-1a': 's4', 'CX-1b': 'https://vidu.vn' });
    const v2 = structuredClone(dbi);
    v2.version = 2;
    const group = v2.pillars[0].children![0].children![0];
    const q = group.questions!;
    // CX-1b removed; CX-1a no longer offers s4 (the answer no longer fits)
    if (q[0].type === 'single') q[0].options = q[0].options.filter((o) => o.code !== 's4');
    group.questions = [q[0]];
    const imported = await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/import', payload: v2 });
    expect(imported.statusCode, imported.body).toBe(201);
    await ctx.as(cookies.admin, { method: 'POST', url: '/api/dx/frameworks/DBI-SME/versions/2/publish' });
    const next = await startWave(me, 2032);
    expect(next.carriedFrom).toEqual({
      assessmentId: a1.id,
      year: 2031,
      framework: { code: 'DBI-SME', version: 1 },
      dropped: ['CX-1a', 'CX-1b'],
    });
    expect(next.answers['CX-1a']).toBeUndefined();
    expect(next.carriedOver).not.toContain('CX-1b');
    expect(next.carriedOver.length).toBe(Object.keys(a1.answers).length - 2);
    // the change across versions of one framework is a number
    const a2 = await submit(me, (await save(me, next.id, { 'CX-1a': 's2' })).json<Detail>().id);
    const r = await report(me, a2.id);
    expect(r.change.previous).toMatchObject({ comparable: true, framework: { version: 1 } });
    expect(r.change.previous.total).toEqual(expect.any(Number));
  });
});
