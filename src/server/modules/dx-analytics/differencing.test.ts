import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStats, BreakdownQuery, BreakdownResult } from '../../../shared/contracts/dx-analytics.js';
import type { Actor } from '../../http/context.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createDxAnalyticsRepo } from './dx-analytics.repo.js';
import { rng, weighted } from './generate/random.js';
import { applyRollupDeltas } from './rollup.repo.js';
import { testFrameworkVersion, unitIds } from './test-helpers.js';

// Issue 9 §3: two analytics answers subtracted must never give back a count (or a sum) of 1…k−1 enterprises.
// A generated dataset, skewed so that it is full of small cells; every query the API accepts over it (every year,
// every single commune, district, sector and size filter, every grouping of up to two dimensions and the finest
// three); every count it publishes (rows, totals, level counts) as the set of enterprises it counts; and every pair
// of nested sets must differ by 0 or by at least k.
const K = 5;
const YEARS = [2023, 2024];
const COMMUNES: (string | null)[] = ['HN.00004', 'HN.00118', 'HN.00127', 'HN.00229', 'HN.00226', null];
const DISTRICTS = ['HN.D001', 'HN.D002', 'HN.D004', 'HN.D006'];
const SECTORS = ['C', 'G', 'F', 'J'];
const SIZES = ['micro', 'small', 'medium'] as const;

interface Rec {
  year: number;
  commune: string | null;
  sector: string;
  size: string;
  level: number;
  total: number;
}
interface Criteria {
  year: number;
  commune?: string | null;
  district?: string | null;
  sector?: string;
  size?: string;
  level?: number;
}

let ctx: TestContext;
let versionId: string;
let recs: Rec[];
let districtsOf: Map<string, string[]>;
const actor = { id: 'x', username: 'x', displayName: 'x', role: 'secretariat' } as Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  versionId = await testFrameworkVersion(ctx.handle.db);
  const ids = await unitIds(
    ctx.handle.db,
    COMMUNES.filter((c): c is string => c !== null),
  );
  const g = await createDxAnalyticsRepo().geography(ctx.handle.db);
  districtsOf = new Map();
  for (const l of g.links) districtsOf.set(l.communeCode, [...(districtsOf.get(l.communeCode) ?? []), l.districtCode]);
  const r = rng(9);
  const commune = weighted(COMMUNES, [35, 25, 6, 20, 9, 5]);
  const sector = weighted(SECTORS, [50, 30, 15, 5]);
  const size = weighted(SIZES, [60, 30, 10]);
  const level = weighted([0, 1, 2], [30, 50, 20]);
  recs = [];
  for (const year of YEARS)
    for (let i = 0; i < 260; i++) {
      const lv = level(r);
      recs.push({
        year,
        commune: commune(r),
        sector: sector(r),
        size: size(r),
        level: lv,
        total: lv * 6 + Math.floor(r() * 6),
      });
    }
  await ctx.handle.db.transaction((tx) =>
    applyRollupDeltas(
      tx,
      recs.map((x) => ({
        sign: 1,
        facts: {
          frameworkVersionId: versionId,
          year: x.year,
          communeId: x.commune ? ids[x.commune] : null,
          sectorCode: x.sector,
          sizeClass: x.size,
          overallLevel: x.level,
          totalScore: x.total,
          pillarScores: [x.total / 2, x.total / 2],
        },
      })),
    ),
  );
  // a fresh database and 520 rollup rows: minutes when the machine is busy
}, 600_000);
afterAll(() => ctx?.close());

function matches(x: Rec, c: Criteria): boolean {
  if (x.year !== c.year) return false;
  if ('commune' in c && x.commune !== c.commune) return false;
  if ('district' in c) {
    const ds = x.commune ? (districtsOf.get(x.commune) ?? []) : [];
    if (c.district === null ? ds.length > 0 : !ds.includes(c.district!)) return false;
  }
  if (c.sector !== undefined && x.sector !== c.sector) return false;
  if (c.size !== undefined && x.size !== c.size) return false;
  if (c.level !== undefined && x.level !== c.level) return false;
  return true;
}
/** The enterprises a count covers, as a bit set over `recs`. */
function setOf(c: Criteria): bigint {
  let s = 0n;
  recs.forEach((x, i) => {
    if (matches(x, c)) s |= 1n << BigInt(i);
  });
  return s;
}
const popcount = (s: bigint) => {
  let n = 0;
  for (; s; s &= s - 1n) n++;
  return n;
};

/**
 * The withheld level counts (the null ones) if n, the published counts and a mean level rounded to two decimals
 * leave exactly one solution in positive integers: Σ withheld = n − Σ published, Σ level × withheld = n·mean − Σ
 * level × published (within the rounding). Null when none or several fit.
 */
function solveWithheld(levels: (number | null)[], n: number, meanLevel: number): number[] | null {
  const open = levels.flatMap((c, l) => (c === null ? [l] : []));
  const rest = n - levels.reduce<number>((a, c) => a + (c ?? 0), 0);
  const restSum = n * meanLevel - levels.reduce<number>((a, c, l) => a + l * (c ?? 0), 0);
  const tolerance = n * 0.005 + 1e-9;
  const solutions: number[][] = [];
  const walk = (i: number, left: number, sum: number, picked: number[]) => {
    if (solutions.length > 1) return;
    if (i === open.length - 1) {
      const s = sum + open[i] * left;
      if (left >= 1 && Math.abs(s - restSum) <= tolerance) solutions.push([...picked, left]);
      return;
    }
    // a withheld count is never 0 (an empty cell is published as 0), so each is at least 1
    for (let c = 1; c <= left; c++) walk(i + 1, left - c, sum + open[i] * c, [...picked, c]);
  };
  if (open.length) walk(0, rest, 0, []);
  return solutions.length === 1 ? solutions[0] : null;
}

/** Every query the API accepts over this dataset (one value per filter; a commune or a district). */
function queries(): BreakdownQuery[] {
  const dims = ['commune', 'district', 'sector', 'sizeClass', 'year'] as const;
  const groupings: BreakdownQuery['groupBy'][] = [[]];
  dims.forEach((a, i) => {
    groupings.push([a]);
    dims.slice(i + 1).forEach((b) => groupings.push([a, b]));
  });
  groupings.push(['commune', 'sector', 'sizeClass'], ['district', 'sector', 'sizeClass']);
  const places: { commune?: string; district?: string }[] = [
    {},
    ...COMMUNES.filter((c): c is string => c !== null).map((commune) => ({ commune })),
    ...DISTRICTS.map((district) => ({ district })),
  ];
  const out: BreakdownQuery[] = [];
  for (const groupBy of groupings)
    for (const year of groupBy.includes('year') ? [undefined, ...YEARS] : YEARS)
      for (const place of places)
        for (const sector of [undefined, ...SECTORS])
          for (const sizeClass of [undefined, ...SIZES])
            out.push({ frameworkVersionId: versionId, groupBy, year, ...place, sector, sizeClass });
  return out;
}

describe('differencing two analytics answers', () => {
  it('refuses a set of years (all years minus one year gave that year back)', async () => {
    const cookie = await ctx.login('secretariat');
    for (const q of ['year=2023,2024', 'commune=HN.00004,HN.00118', 'sector=C,G', 'sizeClass=micro,small']) {
      const res = await ctx.as(cookie, {
        method: 'GET',
        url: `/api/dx/analytics/breakdown?frameworkVersionId=${versionId}&groupBy=commune&${q}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.issues[0].field).toBe(`querystring.${q.split('=')[0]}`);
    }
  });

  it('finds no count of 1…k−1 enterprises by subtracting any two nested answers, over every accepted query', async () => {
    const published = new Map<bigint, number>(); // set → the n published for it
    const withheld = new Set<bigint>();
    const note = (c: Criteria, n: number | null) => {
      const s = setOf(c);
      // (an empty selection's total comes back withheld, as "no data": it hides nothing)
      if (n === null) return void (s !== 0n && withheld.add(s));
      // every published count is right, and never 1…k−1
      expect(n).toBe(popcount(s));
      expect(n === 0 || n >= K).toBe(true);
      published.set(s, n);
    };
    // a published cell with withheld level counts: n, the published counts and n·meanLevel (= Σ level × count) are two
    // equations in the withheld counts; with the true mean (what the cell would have said) the dataset must be
    // recoverable somewhere, with the published one nowhere
    const recoveredWithTrueMean: string[] = [];
    const recovered: string[] = [];
    const stats = (c: Criteria, st: AnalyticsStats) => {
      if (st.suppressed) return note(c, null);
      note(c, st.n);
      st.levels.forEach((n, level) => note({ ...c, level }, n));
      if (!st.levels.includes(null)) return;
      const members = recs.filter((x) => matches(x, c));
      const trueMean = Math.round((members.reduce((a, x) => a + x.level, 0) / members.length) * 100) / 100;
      const at = `${JSON.stringify(c)} levels ${JSON.stringify(st.levels)}`;
      if (solveWithheld(st.levels, st.n, trueMean)) recoveredWithTrueMean.push(at);
      if (st.meanLevel !== null) {
        const solved = solveWithheld(st.levels, st.n, st.meanLevel);
        if (solved) recovered.push(`${at} meanLevel ${st.meanLevel} → ${JSON.stringify(solved)}`);
      }
    };
    const all = queries();
    for (const q of all) {
      const r: BreakdownResult = await ctx.services.dxAnalytics.breakdown(actor, q);
      const base = {
        ...(q.commune !== undefined && { commune: q.commune }),
        ...(q.district !== undefined && { district: q.district }),
        sector: q.sector,
        size: q.sizeClass,
      };
      for (const row of r.rows) {
        const c: Criteria = { ...base, year: row.key.year ? Number(row.key.year.code) : r.year! };
        if (row.key.commune) c.commune = row.key.commune.code;
        if (row.key.district) c.district = row.key.district.code;
        if (row.key.sector) c.sector = row.key.sector.code!;
        if (row.key.sizeClass) c.size = row.key.sizeClass.code!;
        stats(c, row.stats);
      }
      if (r.total) stats({ ...base, year: r.year! }, r.total);
    }
    expect(all.length).toBeGreaterThan(5000);
    expect(withheld.size).toBeGreaterThan(50);
    // the mean level never gives back withheld level counts (withheld with them); the dataset would leak otherwise
    expect(recoveredWithTrueMean.length).toBeGreaterThan(0);
    expect(recovered).toEqual([]);

    const nested = (sets: bigint[]) => {
      const sized = sets.map((s) => ({ s, n: popcount(s) })).sort((a, b) => a.n - b.n);
      const found: string[] = [];
      for (let i = 0; i < sized.length; i++)
        for (let j = i + 1; j < sized.length; j++) {
          const b = sized[i];
          const a = sized[j];
          if (a.n - b.n >= K) break;
          if (a.n > b.n && (a.s & b.s) === b.s) found.push(`${a.n} − ${b.n}`);
        }
      return found;
    };
    // the dataset has teeth: were the withheld counts published too, subtraction would give small cells back
    expect(nested([...published.keys(), ...withheld]).length).toBeGreaterThan(0);
    // as published: none; and no set withheld under one name is published under another
    expect(nested([...published.keys()])).toEqual([]);
    expect([...withheld].filter((s) => published.has(s)).map(popcount)).toEqual([]);
  }, 600_000);
});
