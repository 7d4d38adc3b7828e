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
});
