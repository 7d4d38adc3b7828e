import { describe, expect, it } from 'vitest';
import { type CubeRow, YearCube } from './cube.js';

const row = (commune: string | null, n: number, sector = 'C'): CubeRow => ({
  commune,
  sector,
  size: 'micro',
  level: 1,
  n,
  sumTotal: 10 * n,
  pillars: [5 * n, 5 * n],
});
const cube = (rows: CubeRow[], districts: Record<string, string[]>) =>
  new YearCube(rows, { districtsOf: new Map(Object.entries(districts)) }, 5, 6, 2);
const hidden = (c: YearCube, place: { commune: string | null } | { district: string | null } | null, sector = null) =>
  c.cell({ place, sector, size: null, level: null }).hidden;

describe('publication cube', () => {
  it('withholds a district whose city total minus it would be a small cell (not a line of the table)', () => {
    // A and B took old district D1's communes, C took D2's: city 22 − D1 20 = C's 2
    const c = cube([row('A', 10), row('B', 10), row('C', 2)], { A: ['D1'], B: ['D1'], C: ['D2'] });
    expect(hidden(c, { commune: 'C' })).toBe(true);
    expect(hidden(c, { district: 'D1' })).toBe(true);
    expect(hidden(c, null)).toBe(false);
    // the line of communes: C's 2 withheld alone would be 22 − 10 − 10: A (first by code) goes with it
    expect([hidden(c, { commune: 'A' }), hidden(c, { commune: 'B' })]).toEqual([true, false]);
  });

  it('withholds every cell that holds the same enterprises as a withheld one', () => {
    // A is withheld as C's complement; its district (A alone) and its one sector hold the same 6: withheld too
    const c = cube([row('A', 6), row('B', 7), row('C', 2)], { A: ['DA'], B: ['DB'], C: ['DC'] });
    expect(hidden(c, { commune: 'A' })).toBe(true);
    expect(hidden(c, { district: 'DA' })).toBe(true);
    expect(c.cell({ place: { commune: 'A' }, sector: 'C', size: null, level: null }).hidden).toBe(true);
    expect(c.cell({ place: { commune: 'A' }, sector: null, size: 'micro', level: 1 }).hidden).toBe(true);
    expect(hidden(c, { district: 'DB' })).toBe(false);
  });

  it('publishes 0 and cells of at least k whose every superset differs by 0 or at least k', () => {
    const c = cube([row('A', 5), row('B', 5, 'G')], { A: ['D1'], B: ['D1'] });
    expect(c.cell({ place: { commune: 'A' }, sector: null, size: null, level: null })).toMatchObject({
      n: 5,
      hidden: false,
      sumTotal: 50,
      pillars: [25, 25],
    });
    expect(c.cell({ place: { commune: 'A' }, sector: 'G', size: null, level: null })).toMatchObject({
      n: 0,
      hidden: false,
    });
    expect(hidden(c, { district: 'D1' })).toBe(false);
  });
});
