import { describe, expect, it } from 'vitest';
import { protect } from '../dx-analytics/suppression.js';
import { compareImpact, type ScoredTotal, type Suppress } from './impact.js';

const K = 3;
// the DX analytics' own rule (its service hands it over the same way)
const suppress: Suppress = (cells) => ({ suppressBelow: K, hidden: protect(cells, K) });

let n = 0;
/** A firm scored in 2023 (start) and 2025 (end) on version V1. */
function firm(o: { sector?: string; size?: string; level?: number; start: number; end: number; version2?: string }) {
  const id = `e${++n}`;
  const base = { enterpriseId: id, sectorCode: o.sector ?? 'G', sizeClass: o.size ?? 'small' };
  const rows: ScoredTotal[] = [
    { ...base, frameworkVersionId: 'V1', year: 2023, totalScore: o.start, overallLevel: o.level ?? 1 },
    { ...base, frameworkVersionId: o.version2 ?? 'V1', year: 2025, totalScore: o.end, overallLevel: 2 },
  ];
  return { id, rows };
}

describe('impact of support: enrolled firms against similar firms not enrolled', () => {
  it('compares the mean change of total score within sector × size class × starting level', () => {
    const enrolled = [firm({ start: 10, end: 30 }), firm({ start: 20, end: 40 }), firm({ start: 30, end: 50 })];
    const others = [
      firm({ start: 10, end: 15 }),
      firm({ start: 20, end: 25 }),
      firm({ start: 30, end: 35 }),
      firm({ start: 0, end: 5 }),
    ];
    // a firm of another starting level is not compared with these
    const elsewhere = firm({ level: 2, start: 50, end: 90 });
    const r = compareImpact(
      'P',
      [...enrolled, ...others, elsewhere].flatMap((f) => f.rows),
      new Set(enrolled.map((f) => f.id)),
      2023,
      suppress,
    );
    expect(r.cells).toEqual([
      {
        sectorCode: 'G',
        sizeClass: 'small',
        startLevel: 1,
        enrolled: { n: 3, meanChange: 20 },
        others: { n: 4, meanChange: 5 },
        difference: 15,
      },
    ]);
    expect(r.overall).toEqual({ enrolledN: 3, othersN: 4, weightedDifference: 15 });
    expect(r.caveat.vi).toMatch(/không phải là thí nghiệm có đối chứng/);
    expect(r.caveat.en).toMatch(/not a controlled experiment/);
  });

  it('withholds a cell where either group has fewer than k firms, and its complement', () => {
    const big = [firm({ start: 0, end: 10 }), firm({ start: 0, end: 10 }), firm({ start: 0, end: 10 })];
    const bigOthers = [firm({ start: 0, end: 1 }), firm({ start: 0, end: 1 }), firm({ start: 0, end: 1 })];
    // manufacturing: 1 enrolled firm (a small cell) against 5 others
    const lone = firm({ sector: 'C', start: 0, end: 99 });
    const cOthers = Array.from({ length: 5 }, () => firm({ sector: 'C', start: 0, end: 2 }));
    const all = [...big, ...bigOthers, lone, ...cOthers];
    const r = compareImpact(
      'P',
      all.flatMap((f) => f.rows),
      new Set([...big, lone].map((f) => f.id)),
      2023,
      suppress,
    );
    const c = r.cells.find((x) => x.sectorCode === 'C')!;
    expect(c).toMatchObject({ enrolled: null, others: null, difference: null });
    // the lone firm's change (99) appears nowhere: not in a cell, not in the overall
    expect(JSON.stringify(r)).not.toContain('99');
    // withholding 1 along the "enrolled" line would leave it computable from totals: the rule withholds more
    const g = r.cells.find((x) => x.sectorCode === 'G')!;
    expect(g.enrolled).toBeNull();
    expect(r.overall).toBeNull();
  });

  it('never compares totals across framework versions, and counts enrolled firms it could not compare', () => {
    const switched = firm({ start: 10, end: 80, version2: 'V2' });
    const noStart: ScoredTotal[] = [
      {
        enterpriseId: 'late',
        frameworkVersionId: 'V1',
        year: 2025,
        totalScore: 50,
        overallLevel: 2,
        sectorCode: 'G',
        sizeClass: 'small',
      },
    ];
    const r = compareImpact(
      'P',
      [...switched.rows, ...noStart],
      new Set([switched.id, 'late', 'never-scored']),
      2023,
      suppress,
    );
    expect(r.cells).toEqual([]);
    expect(r.notComparable).toBe(3);
  });

  it('picks the start the same way whatever order the rows come in (two versions scored in the same year)', () => {
    // a firm scored in 2023 on two framework versions, and in 2025 on V1 only: the tie is broken by the lower
    // version id, never by the order the database happened to return the rows in
    const both: ScoredTotal[] = [
      { ...row('tie', 'V1', 2023, 10, 1), sectorCode: 'G' },
      { ...row('tie', 'V2', 2023, 40, 2), sectorCode: 'G' },
      { ...row('tie', 'V1', 2025, 30, 2), sectorCode: 'G' },
      row('other', 'V1', 2023, 10, 1),
      row('other', 'V1', 2025, 15, 1),
    ];
    const enrolled = new Set(['tie']);
    const forward = compareImpact('P', both, enrolled, 2023, publishAll);
    const backward = compareImpact('P', [...both].reverse(), enrolled, 2023, publishAll);
    expect(backward).toEqual(forward);
    expect(forward.notComparable).toBe(0);
    expect(forward.cells).toEqual([
      {
        sectorCode: 'G',
        sizeClass: 'small',
        startLevel: 1,
        enrolled: { n: 1, meanChange: 20 },
        others: { n: 1, meanChange: 5 },
        difference: 15,
      },
    ]);
  });

  it('rounds means and differences half up from the exact scores (no floating-point residue)', () => {
    // changes of 0.01 and 0.02 points: the mean is exactly 0.015, published as 0.02 (10.01 − 10 in floating point is
    // 0.009999…, which summed and halved fell just below 0.015 and was rounded down)
    const rows = [
      ...row2('a', 10, 10.01),
      ...row2('b', 10, 10.02),
      ...row2('c', 10, 10),
      ...row2('d', 20.1, 20.1),
      ...row2('e', 7.7, 7.71),
    ];
    const r = compareImpact('P', rows, new Set(['a', 'b']), 2023, publishAll);
    expect(r.cells[0]).toMatchObject({
      enrolled: { n: 2, meanChange: 0.02 },
      // others: 0, 0 and 0.01 → 0.00333… → 0
      others: { n: 3, meanChange: 0 },
      // 0.015 − 0.00333… = 0.01166… → 0.01
      difference: 0.01,
    });
    expect(r.overall).toEqual({ enrolledN: 2, othersN: 3, weightedDifference: 0.01 });
  });
});

/** Every cell published (k = 1), to test the comparison alone. */
const publishAll: Suppress = () => ({ suppressBelow: 1, hidden: new Set() });

function row(enterpriseId: string, frameworkVersionId: string, year: number, totalScore: number, level: number) {
  return {
    enterpriseId,
    frameworkVersionId,
    year,
    totalScore,
    overallLevel: level,
    sectorCode: 'G',
    sizeClass: 'small',
  } satisfies ScoredTotal;
}
/** A firm scored on V1 in 2023 and 2025, level 1 at the start. */
const row2 = (id: string, start: number, end: number) => [row(id, 'V1', 2023, start, 1), row(id, 'V1', 2025, end, 1)];
