import { describe, expect, it } from 'vitest';
import { allQuestions, type Question } from '../../../shared/dx/framework-format.js';
import { scoreAssessment, scoreAssessmentBigint } from '../../../shared/dx/scoring.js';
import { readBundledFramework } from './bundled.js';

/** The answer that scores most on each question (text and file evidence left empty). */
function best(q: Question): unknown {
  switch (q.type) {
    case 'single':
      return [...q.options].sort((a, b) => b.score - a.score)[0].code;
    case 'multi':
      return q.options.map((o) => o.code);
    case 'number':
    case 'ratio':
      return q.bands[q.bands.length - 1].from;
    case 'yesno':
      return q.yesScore >= q.noScore;
    default:
      return undefined;
  }
}

describe('bundled framework data', () => {
  const dbi = readBundledFramework('dbi-sme.json');
  const dma = readBundledFramework('eu-dma-sme.json');

  it('DBI-SME: six pillars with maxima 65/25/80/65/50/35 = 320, criteria 0–5, strategy one criterion 0–25', () => {
    expect(dbi).toMatchObject({ code: 'DBI-SME', version: 1 });
    expect(dbi.note).toContain('Structure after QĐ 1970/QĐ-BTTTT (2021); wording our own');
    expect(dbi.pillars.map((p) => [p.code, p.maxPoints])).toEqual([
      ['CX', 65],
      ['ST', 25],
      ['IT', 80],
      ['OP', 65],
      ['CU', 50],
      ['DA', 35],
    ]);
    const s = scoreAssessment(dbi, {});
    expect(s).toMatchObject({ total: 0, max: 320, overallLevel: 0, overallLevelName: { vi: 'Chưa chuyển đổi số' } });
    const criteria = Object.entries(s.nodes).filter(([code]) => /^[A-Z]{2}-\d+$/.test(code));
    expect(criteria.filter(([code]) => code !== 'ST-1').every(([, n]) => n.max === 5)).toBe(true);
    expect(s.nodes['ST-1']).toEqual({ score: 0, max: 25 });
    expect(dbi.pillars[1].children?.map((c) => c.code)).toEqual(['ST-1']);
    expect(dbi.levelNames.map((l) => l.name.vi)).toEqual([
      'Chưa chuyển đổi số',
      'Khởi động',
      'Bắt đầu',
      'Hình thành',
      'Nâng cao',
      'Dẫn dắt',
    ]);
  });

  it('DBI-SME: the best answers reach 320 and level 5; every question has both languages', () => {
    const answers = Object.fromEntries(
      allQuestions(dbi)
        .map(({ question }) => [question.code, best(question)])
        .filter(([, v]) => v !== undefined),
    );
    expect(scoreAssessment(dbi, answers)).toMatchObject({ total: 320, overallLevel: 5, requiredMissing: [] });
    for (const { question } of allQuestions(dbi)) expect(question.text.vi).not.toEqual(question.text.en);
  });

  it('DBI-SME: skipping online sales hides the online-revenue share and it scores nothing', () => {
    const s = scoreAssessment(dbi, { 'CX-3a': 's0', 'CX-5a': 80 });
    expect(s.nodes['CX-5']).toEqual({ score: 0, max: 5 });
    expect(scoreAssessment(dbi, { 'CX-3a': 's4', 'CX-5a': 80 }).nodes['CX-5']).toEqual({ score: 5, max: 5 });
  });

  it('every pillar has recommendations', () => {
    for (const p of [...dbi.pillars, ...dma.pillars]) expect(p.recommendations?.length).toBeGreaterThan(0);
  });

  it('EU-DMA-SME: six dimensions 0–100, overall = mean', () => {
    expect(dma.pillars.map((p) => [p.code, p.maxPoints])).toEqual([
      ['DBS', 100],
      ['DRE', 100],
      ['HCD', 100],
      ['DMG', 100],
      ['AAI', 100],
      ['GRD', 100],
    ]);
    const answers = Object.fromEntries(
      allQuestions(dma)
        .map(({ question }) => [question.code, best(question)])
        .filter(([, v]) => v !== undefined),
    );
    expect(scoreAssessment(dma, answers)).toMatchObject({ total: 100, max: 100, overallLevel: 4 });
    // a mixed answer set: the fast integer path and the bigint path agree on weighted dimensions
    const mixed = {
      ...answers,
      'DBS-1': ['needs', 'plan'],
      'DRE-2': 60,
      'HCD-2': 's1',
      'AAI-1': ['rpa'],
      'GRD-2': false,
    };
    expect(scoreAssessment(dma, mixed)).toEqual(scoreAssessmentBigint(dma, mixed));
    // only the green dimension full: 100 / 6 = 16.67 → Basic
    const green = scoreAssessment(dma, { 'GRD-1': ['paper', 'energy', 'travel', 'waste', 'ewaste'], 'GRD-2': true });
    expect(green).toMatchObject({ total: 16.67, overallLevel: 1, overallLevelName: { en: 'Basic' } });
  });
});
