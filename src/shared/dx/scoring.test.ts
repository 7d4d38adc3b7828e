import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FrameworkDefinition, frameworkDefinition } from './framework-format.js';
import { scoreAssessment, scoreAssessmentBigint } from './scoring.js';
import { progressOf } from './answers.js';

const t = (s: string) => ({ vi: s, en: s });
const MAXIMA = [65, 25, 80, 65, 50, 35];

/**
 * DBI rules on six pillars with the real maxima, each made of 0–5 criteria. Every pillar's first criterion
 * also offers 0.01 and 4.99 so a test can land one hundredth either side of a threshold.
 */
const dbiLike: FrameworkDefinition = frameworkDefinition.parse({
  formatVersion: 1,
  code: 'T-DBI',
  version: 1,
  name: t('test'),
  levelNames: [0, 1, 2, 3, 4, 5].map((level) => ({ level, name: t(`L${level}`) })),
  levelSchemes: [
    {
      code: 'share',
      bands: [0, 10, 20, 40, 60, 80].map((abovePercent, level) => ({ level, abovePercent, inclusive: level === 0 })),
    },
  ],
  pillarLevelScheme: 'share',
  overall: {
    type: 'gatedLevels',
    baseLevel: 0,
    gates: [
      [1, 20, 4, 1],
      [2, 64, 4, 2],
      [3, 128, 4, 3],
      [4, 192, 5, 4],
      [5, 256, 6, 5],
    ].map(([level, totalAbove, minPillars, pillarLevelAtLeast]) => ({
      level,
      totalAbove,
      minPillars,
      pillarLevelAtLeast,
    })),
  },
  pillars: MAXIMA.map((max, p) => ({
    code: `P${p + 1}`,
    name: t(`P${p + 1}`),
    maxPoints: max,
    children: Array.from({ length: max / 5 }, (_, c) => ({
      code: `P${p + 1}.C${c + 1}`,
      name: t('c'),
      questions: [
        {
          code: `P${p + 1}.Q${c + 1}`,
          text: t('q'),
          type: 'single',
          required: false,
          options: [0, 1, 2, 3, 4, 5, ...(c === 0 ? [0.01, 4.99] : [])].map((score) => ({
            code: `s${score}`,
            label: t(String(score)),
            score,
          })),
        },
      ],
    })),
  })),
});

/** Answers giving each pillar exactly the points asked (whole points, plus an optional .01). */
function answersFor(pillarPoints: number[]): Record<string, string> {
  const answers: Record<string, string> = {};
  pillarPoints.forEach((target, p) => {
    let whole = Math.floor(target);
    const hundredth = Math.round((target - whole) * 100);
    if (hundredth === 1) answers[`P${p + 1}.Q1`] = 's0.01';
    else if (hundredth !== 0) throw new Error('only .01 fractions');
    for (let c = hundredth ? 2 : 1; whole > 0; c++) {
      const s = Math.min(5, whole);
      answers[`P${p + 1}.Q${c}`] = `s${s}`;
      whole -= s;
    }
  });
  return answers;
}
const score = (pillarPoints: number[]) => scoreAssessment(dbiLike, answersFor(pillarPoints));

describe('pillar level bands (share of the pillar maximum)', () => {
  // pillar 5 has max 50: 10% = 5, 20% = 10, 40% = 20, 60% = 30, 80% = 40
  it.each([
    [0, 0],
    [5, 0],
    [5.01, 1],
    [6, 1],
    [10, 1],
    [10.01, 2],
    [11, 2],
    [20, 2],
    [20.01, 3],
    [21, 3],
    [30, 3],
    [30.01, 4],
    [31, 4],
    [40, 4],
    [40.01, 5],
    [41, 5],
    [50, 5],
  ])('%s of 50 points → level %s', (points, level) => {
    const s = score([0, 0, 0, 0, points, 0]);
    expect(s.pillars[4]).toMatchObject({ code: 'P5', score: points, max: 50, level });
  });
  it('the share is reported in percent to two decimals', () => {
    expect(score([0, 0, 0, 0, 0, 4]).pillars[5]).toMatchObject({ score: 4, max: 35, share: 11.43, level: 1 });
  });
});

describe('overall level gates', () => {
  it('L1 needs a total above 20: exactly 20 stays at 0, 20.01 reaches 1', () => {
    // smallest scores at level 1 in four pillars: 7/65, 3/25, 6/50, 4/35 = 20 points
    const at20 = score([7, 3, 0, 0, 6, 4]);
    expect(at20.pillars.filter((p) => p.level >= 1)).toHaveLength(4);
    expect(at20).toMatchObject({ total: 20, max: 320, overallLevel: 0, overallLevelName: { vi: 'L0' } });
    expect(score([7, 3, 0, 0.01, 6, 4])).toMatchObject({ total: 20.01, overallLevel: 1 });
  });
  it('L1 needs four pillars at level 1: three is not enough whatever the total', () => {
    expect(score([65, 25, 80, 0, 0, 0])).toMatchObject({ total: 170, overallLevel: 0 });
    // a fourth pillar at level 1 (7/65) lifts it to L1 only: L2 needs four pillars at level 2
    expect(score([65, 25, 80, 7, 0, 0])).toMatchObject({ total: 177, overallLevel: 1 });
  });
  it('L2 and L3: total above 64 / 128 with four pillars at 2 / 3', () => {
    // level 2 needs > 20%: 14/65, 6/25, 17/80, 14/65 = 51; + 13.01 in pillar 5 (level 2) = 64.01
    expect(score([14, 6, 17, 14, 13, 0])).toMatchObject({ total: 64, overallLevel: 1 });
    expect(score([14, 6, 17, 14, 13.01, 0])).toMatchObject({ total: 64.01, overallLevel: 2 });
    // level 3 needs > 40%: 27/65, 11/25, 33/80, 27/65 = 98; 30 in pillar 5 (60% → level 3) = 128
    expect(score([27, 11, 33, 27, 30, 0])).toMatchObject({ total: 128, overallLevel: 2 });
    expect(score([27, 11, 33, 27, 30.01, 0])).toMatchObject({ total: 128.01, overallLevel: 3 });
  });
  it('L4 needs five pillars at 4 and a total above 192', () => {
    // five pillars just above 60%: 40/65, 16/25, 49/80, 40/65, 31/50 = 176; pillar 6 at 16/35 (level 3)
    expect(score([40, 16, 49, 40, 31, 16])).toMatchObject({ total: 192, overallLevel: 3 });
    expect(score([40, 16, 49, 40, 31, 16.01])).toMatchObject({ total: 192.01, overallLevel: 4 });
    // four pillars full, two at 60% (level 3): 286 points but only four pillars at 4 → level 3
    const four = score([65, 25, 80, 65, 30, 21]);
    expect(four.pillars.map((p) => p.level)).toEqual([5, 5, 5, 5, 3, 3]);
    expect(four).toMatchObject({ total: 286, overallLevel: 3 });
  });
  it('L5 needs all six pillars at 5 and a total above 256', () => {
    // all six at exactly 80% = 256 → every pillar level 4 → L4
    expect(score([52, 20, 64, 52, 40, 28])).toMatchObject({ total: 256, overallLevel: 4 });
    // all six just above 80%
    expect(score([53, 21, 65, 53, 41, 29])).toMatchObject({ total: 262, overallLevel: 5 });
    // 310 points but pillar 5 at 80% (level 4) → L4
    expect(score([65, 25, 80, 65, 40, 35])).toMatchObject({ total: 310, overallLevel: 4 });
    expect(score([65, 25, 80, 65, 50, 35])).toMatchObject({ total: 320, overallLevel: 5, answeredCount: 64 });
  });
  it('reports per-node scores and maxima', () => {
    const s = score([7, 0, 0, 0, 0, 0]);
    expect(s.nodes['P1']).toEqual({ score: 7, max: 65 });
    expect(s.nodes['P1.C1']).toEqual({ score: 5, max: 5 });
    expect(s.nodes['P1.C2']).toEqual({ score: 2, max: 5 });
  });
});

const dmaLike = frameworkDefinition.parse({
  formatVersion: 1,
  code: 'T-DMA',
  version: 2,
  name: t('dma'),
  levelNames: [1, 2, 3, 4].map((level) => ({ level, name: t(`M${level}`) })),
  levelSchemes: [
    {
      code: 'dma',
      bands: [
        { level: 1, abovePercent: 0, inclusive: true },
        { level: 2, abovePercent: 25 },
        { level: 3, abovePercent: 50 },
        { level: 4, abovePercent: 70 },
      ],
    },
  ],
  pillarLevelScheme: 'dma',
  overall: { type: 'mean', levelScheme: 'dma' },
  pillars: ['D1', 'D2', 'D3'].map((code) => ({
    code,
    name: t(code),
    maxPoints: 100,
    aggregate: 'weighted',
    questions: [
      {
        code: `${code}.a`,
        text: t('a'),
        type: 'single',
        options: [0, 1, 2, 3].map((s) => ({ code: `o${s}`, label: t('o'), score: s })),
      },
      { code: `${code}.b`, text: t('b'), type: 'yesno', yesScore: 1, weight: 2 },
      {
        code: `${code}.c`,
        text: t('c'),
        type: 'ratio',
        bands: [
          { from: 0, score: 0 },
          { from: 30, score: 1 },
          { from: 70, score: 2 },
        ],
      },
      { code: `${code}.note`, text: t('n'), type: 'text' },
    ],
  })),
});

describe('mean rule (EU DMA style)', () => {
  it('scales each dimension to 0–100 by weighted shares, overall = exact mean rounded once', () => {
    // D1: a=3/3 (w1), b=no (w2), c=30% → 1/2 (w1) → (1 + 0 + 0.5)/4 = 37.5
    // D2: a=1/3, b=yes, c=70% → 2/2 → (1/3 + 2 + 1)/4 = 83.333…
    // D3: nothing → 0
    const s = scoreAssessment(dmaLike, {
      'D1.a': 'o3',
      'D1.b': false,
      'D1.c': 30,
      'D2.a': 'o1',
      'D2.b': true,
      'D2.c': 70,
      'D3.note': 'x',
    });
    expect(s.pillars.map((p) => [p.score, p.level])).toEqual([
      [37.5, 2],
      [83.33, 4],
      [0, 1],
    ]);
    // (37.5 + 83.333… + 0) / 3 = 40.2777… → 40.28 (not from the rounded 83.33)
    expect(s).toMatchObject({ total: 40.28, max: 100, overallLevel: 2, answeredCount: 7, version: 2 });
  });
  it('bands at 25 / 50 / 70 exactly stay below, just above move up', () => {
    // D1: b=yes alone = 2/4 = 50 (not above 50 → 2); D2: c=100 alone = 1/4 = 25; D3: a=3/3 alone = 25 (→ 1)
    const s = scoreAssessment(dmaLike, { 'D1.b': true, 'D2.c': 100, 'D3.a': 'o3' });
    expect(s.pillars.map((p) => [p.score, p.level])).toEqual([
      [50, 2],
      [25, 1],
      [25, 1],
    ]);
    expect(s).toMatchObject({ total: 33.33, overallLevel: 2 });
  });
});

describe('exactness, skip logic and required questions', () => {
  const def = frameworkDefinition.parse({
    formatVersion: 1,
    code: 'T-SKIP',
    version: 1,
    name: t('s'),
    levelNames: [
      { level: 0, name: t('0') },
      { level: 1, name: t('1') },
    ],
    levelSchemes: [
      {
        code: 's',
        bands: [
          { level: 0, abovePercent: 0, inclusive: true },
          { level: 1, abovePercent: 50 },
        ],
      },
    ],
    pillarLevelScheme: 's',
    overall: {
      type: 'gatedLevels',
      baseLevel: 0,
      gates: [{ level: 1, totalAbove: 0.3, minPillars: 1, pillarLevelAtLeast: 0 }],
    },
    pillars: [
      {
        code: 'P',
        name: t('p'),
        maxPoints: 3.6,
        questions: [
          { code: 'has', text: t('has'), type: 'yesno', yesScore: 0.1, required: true },
          {
            code: 'which',
            text: t('which'),
            type: 'multi',
            required: true,
            showIf: { question: 'has', anyOf: [true] },
            options: [0.1, 0.2, 0.7].map((s, i) => ({ code: `o${i}`, label: t('o'), score: s })),
            maxPoints: 1,
          },
          {
            code: 'how',
            text: t('how'),
            type: 'number',
            showIf: { question: 'which', includes: 'o2' },
            bands: [
              { from: 0, score: 0 },
              { from: 10, score: 2.5 },
            ],
          },
        ],
      },
    ],
  });
  it('adds 0.1 + 0.2 exactly and caps a checklist at its maximum', () => {
    expect(scoreAssessment(def, { has: true, which: ['o0', 'o1'] })).toMatchObject({ total: 0.4, overallLevel: 1 });
    expect(scoreAssessment(def, { has: false, which: ['o0', 'o1'] })).toMatchObject({ total: 0, overallLevel: 0 });
    expect(scoreAssessment(def, { has: true, which: ['o0', 'o1', 'o2'], how: 12 }).nodes['P']).toEqual({
      score: 3.6,
      max: 3.6,
    });
  });
  it('hidden questions score nothing and are not required; shown required ones are listed', () => {
    expect(scoreAssessment(def, {}).requiredMissing).toEqual(['has']);
    expect(scoreAssessment(def, { has: false, how: 99 })).toMatchObject({
      requiredMissing: [],
      answeredCount: 1,
      total: 0,
    });
    expect(scoreAssessment(def, { has: true }).requiredMissing).toEqual(['which']);
    expect(progressOf(def, { has: true, which: ['o2'] })).toEqual([
      { code: 'P', answered: 2, total: 3, requiredMissing: [] },
    ]);
  });
  it('ignores values of the wrong type instead of scoring them', () => {
    expect(scoreAssessment(def, { has: 'yes', which: 'o2' })).toMatchObject({ total: 0, answeredCount: 1 });
  });
});

describe('integer and bigint paths agree', () => {
  it('on random answers to every test framework here', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const def of [dbiLike, dmaLike]) {
      for (let i = 0; i < 200; i++) {
        const answers: Record<string, unknown> = {};
        for (const p of def.pillars) {
          const walk = (n: typeof p) => {
            for (const q of n.questions ?? []) {
              if (rnd() < 0.3) continue;
              if (q.type === 'single') answers[q.code] = q.options[Math.floor(rnd() * q.options.length)].code;
              if (q.type === 'yesno') answers[q.code] = rnd() < 0.5;
              if (q.type === 'ratio') answers[q.code] = Math.floor(rnd() * 101);
            }
            n.children?.forEach(walk);
          };
          walk(p);
        }
        expect(scoreAssessment(def, answers)).toEqual(scoreAssessmentBigint(def, answers));
      }
    }
  });
});

describe('the integer fast path of sum-only trees agrees with the bigint path', () => {
  const bundled = (file: string) =>
    frameworkDefinition.parse(
      JSON.parse(readFileSync(new URL(`../../server/modules/dx-frameworks/data/${file}`, import.meta.url), 'utf8')),
    );
  it('on random answers of every question type (and some invalid ones) to the bundled frameworks', () => {
    let seed = 11;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
    for (const def of [bundled('dbi-sme.json'), bundled('eu-dma-sme.json'), dbiLike, dmaLike]) {
      for (let i = 0; i < 300; i++) {
        const answers: Record<string, unknown> = {};
        const walk = (n: FrameworkDefinition['pillars'][number]) => {
          for (const q of n.questions ?? []) {
            if (rnd() < 0.2) continue;
            if (q.type === 'single') answers[q.code] = rnd() < 0.05 ? 'nope' : pick(q.options).code;
            if (q.type === 'multi')
              answers[q.code] =
                rnd() < 0.05
                  ? [q.options[0].code, q.options[0].code]
                  : q.options.filter(() => rnd() < 0.5).map((o) => o.code);
            if (q.type === 'yesno') answers[q.code] = rnd() < 0.5;
            if (q.type === 'ratio' || q.type === 'number') answers[q.code] = Math.floor(rnd() * 120) - 5;
            if (q.type === 'text') answers[q.code] = 'x';
          }
          n.children?.forEach(walk);
        };
        def.pillars.forEach(walk);
        expect(scoreAssessment(def, answers)).toEqual(scoreAssessmentBigint(def, answers));
      }
    }
  });
});
