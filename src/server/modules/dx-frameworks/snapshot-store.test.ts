import { describe, expect, it } from 'vitest';
import { allQuestions, type FrameworkDefinition, type Question } from '../../../shared/dx/framework-format.js';
import { scoreAssessment } from '../../../shared/dx/scoring.js';
import { packSnapshot, unpackSnapshot } from '../../../shared/dx/snapshot-store.js';
import { rng } from '../dx-analytics/generate/random.js';
import { readBundledFramework } from './bundled.js';

/** Any value a question accepts, or nothing (so skip logic, partial answers and required gaps all occur). */
function randomAnswer(q: Question, r: () => number): unknown {
  if (r() < 0.15) return undefined;
  switch (q.type) {
    case 'single':
      return q.options[Math.floor(r() * q.options.length)].code;
    case 'multi':
      return q.options.filter(() => r() < 0.4).map((o) => o.code);
    case 'number':
    case 'ratio':
      return Math.round(((q.min ?? 0) + r() * ((q.max ?? 100) - (q.min ?? 0))) * 100) / 100;
    case 'yesno':
      return r() < 0.5;
    default:
      return 'text';
  }
}

function randomAnswers(def: FrameworkDefinition, r: () => number) {
  const answers: Record<string, unknown> = {};
  for (const { question } of allQuestions(def)) {
    const v = randomAnswer(question, r);
    if (v !== undefined) answers[question.code] = v;
  }
  return answers;
}

describe('stored score snapshot', () => {
  for (const file of ['dbi-sme.json', 'eu-dma-sme.json'] as const) {
    it(`gives back exactly the scorer's snapshot (${file}, 500 random answer sets)`, () => {
      const def = readBundledFramework(file);
      const r = rng(7);
      for (let i = 0; i < 500; i++) {
        const snap = scoreAssessment(def, randomAnswers(def, r));
        const stored = JSON.parse(JSON.stringify(packSnapshot(def, snap)));
        expect(unpackSnapshot(def, stored)).toEqual(snap);
      }
    });
  }

  it('is a few hundred bytes where the whole snapshot is kilobytes', () => {
    const def = readBundledFramework('dbi-sme.json');
    const snap = scoreAssessment(def, randomAnswers(def, rng(1)));
    expect(JSON.stringify(packSnapshot(def, snap)).length).toBeLessThan(JSON.stringify(snap).length / 5);
  });

  it('reads a snapshot stored whole (before this format) as it is, and null as null', () => {
    const def = readBundledFramework('dbi-sme.json');
    const snap = scoreAssessment(def, {});
    expect(unpackSnapshot(def, JSON.parse(JSON.stringify(snap)))).toEqual(snap);
    expect(unpackSnapshot(def, null)).toBeNull();
  });
});
