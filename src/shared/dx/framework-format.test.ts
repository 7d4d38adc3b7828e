import { describe, expect, it } from 'vitest';
import { definitionIssues, frameworkDefinition } from './framework-format.js';
import { answerIssues } from './answers.js';

const t = (s: string) => ({ vi: s, en: s });
const base = () => ({
  formatVersion: 1,
  code: 'F',
  version: 1,
  name: t('f'),
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
    gates: [{ level: 1, totalAbove: 1, minPillars: 1, pillarLevelAtLeast: 1 }],
  },
  pillars: [
    {
      code: 'P',
      name: t('p'),
      maxPoints: 6,
      children: [
        {
          code: 'C',
          name: t('c'),
          questions: [
            {
              code: 'Q1',
              text: t('q'),
              type: 'single',
              options: [
                { code: 'a', label: t('a'), score: 0 },
                { code: 'b', label: t('b'), score: 5 },
              ],
            },
            { code: 'Q2', text: t('q'), type: 'yesno', yesScore: 1, showIf: { question: 'Q1', anyOf: ['b'] } },
          ],
        },
      ],
    },
  ],
});
const paths = (raw: unknown) => {
  const r = frameworkDefinition.safeParse(raw);
  return r.success ? [] : definitionIssues(r.error.issues, 'body').map((i) => i.field);
};

describe('framework format', () => {
  it('accepts a consistent definition and fills defaults', () => {
    const r = frameworkDefinition.parse(base());
    expect(r.pillars[0].children![0].questions![0].required).toBe(false);
  });
  it('names every inconsistency by JSON path', () => {
    const d = base();
    d.pillars[0].maxPoints = 7;
    expect(paths(d)).toEqual(['body.pillars[0].maxPoints']);
    const dup = base();
    dup.pillars[0].children[0].questions[1].code = 'Q1';
    expect(paths(dup)).toContain('body.pillars[0].children[0].questions[1].code');
    const later = base();
    later.pillars[0].children[0].questions[1].showIf = { question: 'Q9', anyOf: ['b'] };
    expect(paths(later)).toEqual(['body.pillars[0].children[0].questions[1].showIf.question']);
    const gate = base();
    gate.overall.gates[0].level = 4;
    expect(paths(gate)).toEqual(['body.overall.gates[0].level']);
    const band = base();
    band.levelSchemes[0].bands[1].abovePercent = 50.005;
    expect(paths(band)).toEqual(['body.levelSchemes[0].bands[1].abovePercent']);
    expect(paths({ ...base(), extra: 1 })).toEqual(['body.extra']);
  });
  it('checks answers by type and names unknown questions', () => {
    const def = frameworkDefinition.parse(base());
    expect(answerIssues(def, { Q1: 'b', Q2: true })).toEqual([]);
    expect(answerIssues(def, { Q1: 'z', Q2: 'yes', Q3: 1 }).map((i) => i.question)).toEqual(['Q1', 'Q2', 'Q3']);
  });
});
