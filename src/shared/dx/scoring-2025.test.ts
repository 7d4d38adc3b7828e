import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerIssues, visibleQuestionCodes } from './answers.js';
import { definitionIssues, type FrameworkDefinition, frameworkDefinition } from './framework-format.js';
import { scoreAssessment, scoreAssessmentBigint } from './scoring.js';

/** The test framework in the 2025 style (NOT the official annex): 3 industries, a common set, industry sets, tools. */
const raw2025 = (): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL('./test-data/sme-2025-test.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
const def: FrameworkDefinition = frameworkDefinition.parse(raw2025());

describe('2025-style framework: format', () => {
  it('validates: industry question, industry sets, a catalogue with a dependent tool, normalised overall', () => {
    expect(def).toMatchObject({ generation: 'qd1567-2025', industryQuestion: 'IND', overall: { type: 'normalised' } });
    expect(def.pillars.map((p) => [p.code, p.industries ?? null])).toEqual([
      ['COMMON', null],
      ['RETAIL', ['retail']],
      ['FNB', ['fnb']],
      ['LOG', ['logistics']],
      ['TOOLS', null],
    ]);
  });

  it('a broken one is refused, each problem at its JSON path', () => {
    const broken = raw2025() as { pillars: Record<string, unknown>[]; [k: string]: unknown };
    broken.pillars[2].industries = ['mining'];
    const tools = (broken.pillars[4].questions as { tools: Record<string, unknown>[] }[])[0].tools;
    tools[1].dependsOn = 'nope';
    tools[0].levels = [{ code: 'x', score: 1.234, label: { vi: 'x', en: 'x' } }];
    broken.pillars[0].aggregate = 'weighted';
    const r = frameworkDefinition.safeParse(broken);
    expect(r.success).toBe(false);
    const issues = definitionIssues(r.error!.issues, 'body');
    expect(issues.map((i) => [i.field, i.reason])).toEqual(
      expect.arrayContaining([['body.pillars[4].questions[0].tools[0].levels[0].score', 'TWO_DECIMALS']]),
    );
    // the cross-field checks run once the shapes are right
    tools[0].levels = [{ code: 'x', score: 1, label: { vi: 'x', en: 'x' } }];
    const again = frameworkDefinition.safeParse(broken);
    expect(definitionIssues(again.error!.issues, 'body').map((i) => [i.field, i.reason])).toEqual(
      expect.arrayContaining([
        ['body.pillars[2].industries[0]', 'UNKNOWN_INDUSTRY'],
        ['body.pillars[4].questions[0].tools[1].dependsOn', 'TOOL_DEPENDS_ON'],
        ['body.pillars[0].aggregate', 'NORMALISED_SUM_ONLY'],
      ]),
    );
  });

  it('industries need an industry question of the common set; catalogues need a normalised framework', () => {
    const noQ = raw2025();
    delete noQ.industryQuestion;
    expect(
      definitionIssues(frameworkDefinition.safeParse(noQ).error!.issues, 'body').map((i) => [i.field, i.reason]),
    ).toEqual(expect.arrayContaining([['body.pillars[1].industries', 'INDUSTRY_QUESTION_MISSING']]));
    const inIndustry = { ...raw2025(), industryQuestion: 'R1' };
    expect(
      definitionIssues(frameworkDefinition.safeParse(inIndustry).error!.issues, 'body').map((i) => [i.field, i.reason]),
    ).toEqual(expect.arrayContaining([['body.industryQuestion', 'INDUSTRY_QUESTION']]));
    const gated = {
      ...raw2025(),
      overall: {
        type: 'gatedLevels',
        baseLevel: 0,
        gates: [{ level: 1, totalAbove: 1, minPillars: 1, pillarLevelAtLeast: 1 }],
      },
    };
    expect(
      definitionIssues(frameworkDefinition.safeParse(gated).error!.issues, 'body').map((i) => [i.field, i.reason]),
    ).toEqual(
      expect.arrayContaining([
        ['body.pillars[4].questions[0].type', 'CATALOGUE_NORMALISED_ONLY'],
        ['body.pillars[0].maxPoints', 'MAX_POINTS_REQUIRED'],
      ]),
    );
  });
});

describe('2025-style framework: exact normalised scoring (hand computed)', () => {
  it('retail: common 20/20, retail set 3/8, tools 9.505/16.005 (the loyalty add-on depends on the POS: half) → 73.87', () => {
    // tools of retail: pos 4+1 (max 5), loyalty (3+0.01)/2 (max 1.505), eshop 3 (max 6), acct unused (max 3.5)
    // achieved 20 + 3 + 9.505 = 32.505 of 20 + 8 + 16.005 = 44.005 → 100 × 6501/8801 = 73.8666… → 73.87, level 3
    const s = scoreAssessment(def, {
      IND: 'retail',
      C1: 'full',
      C2: true,
      C3: 60,
      R1: 'two',
      T: ['pos:daily:integrated', 'loyalty:basic:integrated', 'eshop:basic'],
    });
    expect(s).toMatchObject({ total: 73.87, max: 100, overallLevel: 3, requiredMissing: [] });
    // 9.505 and 16.005 round half-up exactly (as floats, 9.505 × 100 is 950.4999…)
    expect(s.nodes.TOOLS).toEqual({ score: 9.51, max: 16.01 });
    expect(s.pillars.map((p) => [p.code, p.score, p.max, p.level])).toEqual([
      ['COMMON', 20, 20, 4],
      ['RETAIL', 3, 8, 1],
      ['FNB', 0, 0, 0],
      ['LOG', 0, 0, 0],
      ['TOOLS', 9.51, 16.01, 2],
    ]);
  });

  it('F&B with no digital data: the hidden C3 and other industries’ sets and tools count neither way → 55.22', () => {
    // max: common 10 + 4 (C3 hidden) + F&B 6 + 5 + tools pos 5 + acct 3.5 = 33.5; achieved 5 + 0 + 6 + 2 + 2 + 3.5 = 18.5
    // eshop is not in the F&B catalogue: 0 (and refused when written with the industry)
    const answers = {
      IND: 'fnb',
      C1: 'some',
      C2: false,
      F1: true,
      F2: ['qr'],
      T: ['pos:basic', 'acct:daily:integrated', 'eshop:full'],
    };
    const s = scoreAssessment(def, answers);
    expect(s).toMatchObject({ total: 55.22, overallLevel: 2 });
    expect(s.nodes.COMMON).toEqual({ score: 5, max: 14 });
    expect(s.nodes.TOOLS).toEqual({ score: 5.5, max: 8.5 });
    expect(answerIssues(def, answers)).toEqual([
      { question: 'T', reason: 'ANSWER_TOOL_INDUSTRY', params: { option: 'eshop' } },
    ]);
  });

  it('logistics at the best answers reaches 100; no industry yet: only the common set and common tools count', () => {
    const best = scoreAssessment(def, {
      IND: 'logistics',
      C1: 'full',
      C2: true,
      C3: 100,
      L1: 'yes',
      T: ['tms:basic:integrated', 'acct:daily:integrated'],
    });
    expect(best).toMatchObject({ total: 100, overallLevel: 4 });
    expect(best.nodes.TOOLS).toEqual({ score: 10.5, max: 10.5 });
    const none = scoreAssessment(def, {});
    expect(none).toMatchObject({ total: 0, overallLevel: 0, requiredMissing: ['IND', 'C1'] });
    expect(none.nodes.TOOLS).toEqual({ score: 0, max: 3.5 });
    expect([...visibleQuestionCodes(def, { IND: 'fnb' })]).toEqual(['IND', 'C1', 'C2', 'F1', 'F2', 'T']);
  });

  it('bad catalogue answers are named: unknown tool or level, a repeated tool, a malformed entry', () => {
    expect(answerIssues(def, { T: ['pos:weekly'] })[0]).toMatchObject({ reason: 'ANSWER_UNKNOWN_OPTION' });
    expect(answerIssues(def, { T: ['fax:basic'] })[0]).toMatchObject({ reason: 'ANSWER_UNKNOWN_OPTION' });
    expect(answerIssues(def, { T: ['pos:basic', 'pos:daily'] })[0]).toMatchObject({ reason: 'ANSWER_CATALOGUE_ENTRY' });
    expect(answerIssues(def, { T: ['pos'] })[0]).toMatchObject({ reason: 'ANSWER_CATALOGUE_ENTRY' });
    expect(answerIssues(def, { T: 'pos:basic' })[0]).toMatchObject({ reason: 'ANSWER_OPTION_LIST' });
  });

  it('property: within 0–100, the same on plain integers and bigint, and 100 × achieved / applicable', () => {
    const entry = fc.constantFrom(
      'pos:basic',
      'pos:daily:integrated',
      'loyalty:basic',
      'loyalty:basic:integrated',
      'eshop:full',
      'tms:basic',
      'tms:basic:integrated',
      'acct:basic',
      'acct:daily:integrated',
    );
    const answers = fc.record(
      {
        IND: fc.constantFrom('retail', 'fnb', 'logistics'),
        C1: fc.constantFrom('none', 'some', 'full'),
        C2: fc.boolean(),
        C3: fc.integer({ min: 0, max: 100 }),
        R1: fc.constantFrom('no', 'two', 'all'),
        F1: fc.boolean(),
        F2: fc.subarray(['qr', 'card']),
        L1: fc.constantFrom('no', 'yes'),
        T: fc.uniqueArray(entry, { selector: (e) => e.split(':')[0], maxLength: 5 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answers, (a) => {
        const s = scoreAssessment(def, a);
        expect(scoreAssessmentBigint(def, a)).toEqual(s);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100);
        // the pillars' exact sums, in hundredths of hundredths to stay integral: compare with a 0.01 tolerance only
        // for the rounding of the pillar figures themselves
        const achieved = s.pillars.reduce((n, p) => n + p.score, 0);
        const applicable = s.pillars.reduce((n, p) => n + p.max, 0);
        if (applicable > 0) expect(Math.abs(s.total - (100 * achieved) / applicable)).toBeLessThan(0.1);
      }),
      { numRuns: 300 },
    );
  });
});
