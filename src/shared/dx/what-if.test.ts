import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { progressSummary } from './answers.js';
import { allQuestions, frameworkDefinition, type Question } from './framework-format.js';
import { scoreAssessment } from './scoring.js';
import { bestAnswer, topImprovements } from './what-if.js';

const dbi = frameworkDefinition.parse(
  JSON.parse(readFileSync(new URL('../../server/modules/dx-frameworks/data/dbi-sme.json', import.meta.url), 'utf8')),
);
const best = Object.fromEntries(
  allQuestions(dbi).flatMap(({ question }) => {
    const b = bestAnswer(question);
    return b ? [[question.code, b.value]] : [];
  }),
);
const lowest = (q: Extract<Question, { type: 'single' }>) => [...q.options].sort((a, b) => a.score - b.score)[0].code;
const single = allQuestions(dbi)
  .map((x) => x.question)
  .filter((q): q is Extract<Question, { type: 'single' }> => q.type === 'single');
/** Best answers but the first `n` single-choice questions at their lowest option. */
const dropped = (n: number) => ({
  ...best,
  ...Object.fromEntries(single.slice(0, n).map((q) => [q.code, lowest(q)])),
});

describe('what would raise the level (issue 15: "+4 điểm, đạt mức 4" to a firm at level 4)', () => {
  it('at the top level suggests nothing', () => {
    const answers = { ...best, 'IT-1a': 's2' }; // 317 points, level 5: one answer short of the best
    expect(scoreAssessment(dbi, answers).overallLevel).toBe(5);
    expect(topImprovements(dbi, answers)).toEqual([]);
  });

  it('below it, an answer that reaches a higher level says so; one that does not is a step toward the next', () => {
    const n = Array.from({ length: single.length }, (_, i) => i + 1).find((k) => {
      const a = dropped(k);
      return scoreAssessment(dbi, a).overallLevel === 4 && topImprovements(dbi, a).some((i) => i.newLevel === 4);
    })!;
    const list = topImprovements(dbi, dropped(n));
    expect(list.length).toBeGreaterThan(1);
    for (const i of list) {
      expect(i.levelUp).toBe(i.newLevel > 4);
      // never "reach level 4" for a firm already there
      if (!i.levelUp) expect(i.newLevel).toBe(4);
    }
    expect(list.some((i) => i.levelUp)).toBe(true);
    expect(list.some((i) => !i.levelUp)).toBe(true);
  });
});

describe('progress is about the required questions; optional ones apart', () => {
  it('every required answered is 100 %, whatever optional ones are left', () => {
    const optional = allQuestions(dbi).filter(({ question: q }) => !q.required);
    expect(optional.length).toBeGreaterThan(0);
    const answers = { ...best };
    for (const { question: q } of optional) delete answers[q.code];
    const p = progressSummary(dbi, answers);
    expect(p.required.answered).toBe(p.required.total);
    expect(p.percent).toBe(100);
    expect(p.optional.answered).toBe(0);
    expect(p.optional.total).toBeGreaterThan(0);
  });

  it('one required question missing is not 100 %, even when the rounding would say so', () => {
    const required = allQuestions(dbi).find(({ question: q }) => q.required && !q.showIf)!.question;
    const answers = { ...best };
    delete answers[required.code];
    const p = progressSummary(dbi, answers);
    expect(p.required.answered).toBe(p.required.total - 1);
    expect(p.percent).toBeLessThan(100);
    expect(p.requiredMissing).toEqual([required.code]);
  });
});
