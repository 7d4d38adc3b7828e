import { describe, expect, it } from 'vitest';
import { protect } from './suppression.js';

const cells = (rows: [string[], number][]) => rows.map(([coords, n]) => ({ coords, n }));

describe('protect (cell suppression)', () => {
  it('withholds 1…k−1 but publishes 0 and ≥ k', () => {
    const c = cells([
      [['a'], 0],
      [['b'], 4],
      [['c'], 5],
      [['d'], 3],
      [['e'], 9],
    ]);
    const hidden = protect(c, 5);
    expect(hidden.has(0)).toBe(false);
    expect(hidden.has(1)).toBe(true);
    expect(hidden.has(3)).toBe(true);
    // 4 + 3 = 7 ≥ 5: the two small cells protect each other; nothing else needs to go
    expect(hidden.has(2) || hidden.has(4)).toBe(false);
  });

  it('adds a complementary cell when a single small cell could be recovered from the total', () => {
    const c = cells([
      [['a'], 2],
      [['b'], 7],
      [['c'], 6],
    ]);
    const hidden = protect(c, 5);
    // total 15 − 7 − 6 would give a's 2 back: the smallest other cell (6) is withheld too
    expect([...hidden].sort()).toEqual([0, 2]);
  });

  it('adds complements when the withheld cells together are still fewer than k', () => {
    const c = cells([
      [['a'], 1],
      [['b'], 2],
      [['c'], 8],
      [['d'], 20],
    ]);
    const hidden = protect(c, 5);
    expect([...hidden].sort()).toEqual([0, 1, 2]);
  });

  it('protects along every dimension of a two-way table until stable', () => {
    // commune × level; row totals and column totals are both obtainable from other queries
    const c = cells([
      [['x', '1'], 3],
      [['x', '2'], 10],
      [['x', '3'], 10],
      [['y', '1'], 10],
      [['y', '2'], 10],
      [['y', '3'], 10],
    ]);
    const hidden = protect(c, 5);
    expect(hidden.has(0)).toBe(true);
    // the row of x needs a second withheld cell, and so does the column of level 1
    const rowX = [0, 1, 2].filter((i) => hidden.has(i));
    const col1 = [0, 3].filter((i) => hidden.has(i));
    expect(rowX.length).toBeGreaterThanOrEqual(2);
    expect(col1.length).toBeGreaterThanOrEqual(2);
    // and every line still satisfies the rule
    for (const line of [
      [0, 1, 2],
      [3, 4, 5],
      [0, 3],
      [1, 4],
      [2, 5],
    ]) {
      const sum = line.filter((i) => hidden.has(i)).reduce((s, i) => s + c[i].n, 0);
      expect(sum === 0 || sum >= 5).toBe(true);
    }
  });

  it('keeps pre-suppressed cells withheld and protects them', () => {
    const c = cells([
      [['a'], 6],
      [['b'], 9],
      [['c'], 10],
    ]);
    expect([...protect(c, 5, [1])].sort()).toEqual([1]);
    const c2 = cells([
      [['a'], 6],
      [['b'], 0],
      [['c'], 10],
    ]);
    expect([...protect(c2, 5, [1])].sort()).toEqual([1]);
  });

  it('publishes everything when the threshold is 1', () => {
    expect(
      protect(
        cells([
          [['a'], 1],
          [['b'], 2],
        ]),
        1,
      ).size,
    ).toBe(0);
  });
});
