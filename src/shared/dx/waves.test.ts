import { describe, expect, it } from 'vitest';
import { carryOver, comparable, timeline, wavesChange, type WavePoint } from './waves.js';
import type { FrameworkDefinition } from './framework-format.js';

const opt = (code: string, score: number) => ({ code, score, label: { vi: code, en: code } });
const text = { vi: 'Câu', en: 'Question' };
/** Only what carrying over reads: the questions, by pillar. */
const def = {
  pillars: [
    {
      code: 'P1',
      name: text,
      questions: [
        { code: 'Q1', type: 'single', text, options: [opt('none', 0), opt('full', 5)] },
        { code: 'Q2', type: 'multi', text, options: [opt('erp', 2), opt('crm', 2)] },
        { code: 'Q3', type: 'yesno', yesScore: 4, text },
        { code: 'Q4', type: 'ratio', text, bands: [{ from: 0, score: 0 }] },
      ],
    },
  ],
} as unknown as Pick<FrameworkDefinition, 'pillars'>;

const point = (year: number, code: string, total: number, level: number, pillars: [string, number, number][]) =>
  ({
    assessmentId: `00000000-0000-4000-8000-00000000${year}`,
    year,
    framework: { code, version: 1 },
    total,
    level,
    pillars: pillars.map(([c, score, l]) => ({ code: c, score, level: l })),
  }) satisfies WavePoint;

describe('waves', () => {
  it('comparable: the same framework (code) only', () => {
    expect(comparable({ framework: { code: 'DBI-SME' } }, { framework: { code: 'DBI-SME' } })).toBe(true);
    expect(comparable({ framework: { code: 'DBI-SME' } }, { framework: { code: 'EU-DMA-SME' } })).toBe(false);
  });

  it('comparable: a new version of the same framework in another generation starts a new series', () => {
    const v = (code: string, generation?: 'qd1970-2021' | 'qd2158-2023' | 'custom') => ({
      framework: { code, generation },
    });
    expect(comparable(v('DBI', 'qd1970-2021'), v('DBI', 'qd1970-2021'))).toBe(true);
    expect(comparable(v('DBI', 'qd1970-2021'), v('DBI', 'qd2158-2023'))).toBe(false);
    // one national generation, two different indices (SME and large firms): never compared either
    expect(comparable(v('DBI-SME', 'qd1970-2021'), v('DBI-LARGE', 'qd1970-2021'))).toBe(false);
    // without a generation, as the assessment's own reference carries it: the same code
    expect(comparable(v('DBI'), v('DBI', 'custom'))).toBe(true);
  });

  it('carries over the answers the definition still accepts and names the others', () => {
    const r = carryOver(def, { Q1: 'full', Q2: ['erp', 'gone'], Q3: true, Q4: 70, OLD: 1, Q5: null });
    expect(r.answers).toEqual({ Q1: 'full', Q3: true, Q4: 70 });
    expect(r.carried).toEqual(['Q1', 'Q3', 'Q4']);
    expect(r.dropped).toEqual(['OLD', 'Q2']);
  });

  it('change since the previous and the first earlier assessment; framework changed gives no number', () => {
    const a = point(2022, 'X', 10, 1, [['P1', 5, 1]]);
    const b = point(2023, 'Y', 20, 2, [['P1', 9, 2]]);
    const c = point(2024, 'Y', 25.5, 2, [
      ['P1', 12, 3],
      ['P2', 1, 0],
    ]);
    const later = point(2025, 'Y', 99, 5, []);
    const ch = wavesChange(c, [later, a, b, c]);
    expect(ch.previous).toEqual({
      assessmentId: b.assessmentId,
      year: 2023,
      framework: b.framework,
      comparable: true,
      total: 5.5,
      level: 0,
      pillars: [
        { code: 'P1', score: 3, level: 1 },
        { code: 'P2', score: null, level: null },
      ],
    });
    expect(ch.first).toMatchObject({ year: 2022, comparable: false, total: null, level: null });
    expect(ch.first!.pillars.every((p) => p.score === null && p.level === null)).toBe(true);
    expect(wavesChange(a, [a, b, c])).toEqual({ previous: null, first: null });
  });

  it('timeline: by year, marked where the framework changed', () => {
    const t = timeline([
      { year: 2024, framework: { code: 'Y' } },
      { year: 2022, framework: { code: 'X' } },
      { year: 2023, framework: { code: 'Y' } },
    ]);
    expect(t.map((p) => [p.year, p.frameworkChanged])).toEqual([
      [2022, false],
      [2023, true],
      [2024, false],
    ]);
  });
});
