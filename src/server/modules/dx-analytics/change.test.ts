import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { pgTable, uuid } from 'drizzle-orm/pg-core';
import type { ChangeQuery, ChangeResult, ChangeStats } from '../../../shared/contracts/dx-analytics.js';
import { dxAssessments, enterprises } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { createDxAnalyticsRepo } from './dx-analytics.repo.js';
import { createDxAnalyticsService, type SupportEnrolmentsPort } from './dx-analytics.service.js';
import { rng, weighted } from './generate/random.js';
import { applyRollupDeltas } from './rollup.repo.js';
import { testFrameworkVersion, unitIds } from './test-helpers.js';

// Issue 13 §1: the change measure (mean change of total and level, share moving up) over firms assessed this year and
// before, with the breakdown's small-cell rules: no two answers subtracted give back 1…k−1 firms, and a program's
// figures beside the whole cell's never give back the few firms outside it.
const K = 5;
const COMMUNES: (string | null)[] = ['HN.00004', 'HN.00118', 'HN.00127', 'HN.00229', null];
const DISTRICTS = ['HN.D001', 'HN.D002', 'HN.D004'];
const SECTORS = ['C', 'G', 'F'];
const SIZES = ['micro', 'small', 'medium'] as const;

/** A firm compared: its attributes in 2024 and its change since 2023; `programs`: its enrolments. */
interface Rec {
  id: string;
  commune: string | null;
  sector: string;
  size: string;
  dTotal: number;
  dLevel: number;
  programs: string[];
}
interface Criteria {
  commune?: string | null;
  district?: string | null;
  sector?: string;
  size?: string;
  program?: string;
}

// a table made by the test, standing for the support-programs module's enrolments
const testEnrolments = pgTable('test_enrolments', {
  enterpriseId: uuid('enterprise_id').notNull(),
  supportProgramId: uuid('support_program_id').notNull(),
});
const PROGRAMS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

let ctx: TestContext;
let versionId: string;
let recs: Rec[];
let onlyCurrent: number;
let districtsOf: Map<string, string[]>;
let withPrograms: ReturnType<typeof createDxAnalyticsService>;
let withoutPrograms: ReturnType<typeof createDxAnalyticsService>;
const actor = { id: 'x', username: 'x', displayName: 'x', role: 'secretariat' } as Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  const db = ctx.handle.db;
  versionId = await testFrameworkVersion(db);
  const ids = await unitIds(
    db,
    COMMUNES.filter((c): c is string => c !== null),
  );
  const g = await createDxAnalyticsRepo().geography(db);
  districtsOf = new Map();
  for (const l of g.links) districtsOf.set(l.communeCode, [...(districtsOf.get(l.communeCode) ?? []), l.districtCode]);
  const r = rng(13);
  const commune = weighted(COMMUNES, [40, 25, 8, 20, 7]);
  const sector = weighted(SECTORS, [55, 35, 10]);
  const size = weighted(SIZES, [60, 30, 10]);
  const level = weighted([0, 1, 2], [30, 50, 20]);
  recs = [];
  onlyCurrent = 0;
  const firms: (typeof enterprises.$inferInsert)[] = [];
  const rows: (typeof dxAssessments.$inferInsert)[] = [];
  for (let i = 0; i < 220; i++) {
    const id = crypto.randomUUID();
    const c = commune(r);
    const s = sector(r);
    const z = size(r);
    firms.push({
      id,
      taxCode: String(9_100_000_000 + Math.floor(r() * 800_000_000) + i),
      name: `Change ${i}`,
      currentCommuneId: c ? ids[c] : null,
      communeResolution: c ? 'direct' : 'needs_review',
      vsicVersion: 'VSIC2018',
      sectorCode: s,
      employees: 5,
      revenueVnd: 1,
      capitalVnd: 1,
      sizeClass: z,
      searchText: `change ${i}`,
    });
    // most firms assessed both years; some only in 2024 (not compared), some in 2022 and 2024 (the latest earlier)
    const kind = r();
    const l24 = level(r);
    const t24 = l24 * 6 + Math.floor(r() * 6);
    const prevYear = kind < 0.15 ? null : kind < 0.25 ? 2022 : 2023;
    const l0 = level(r);
    const t0 = l0 * 6 + Math.floor(r() * 6);
    const base = {
      enterpriseId: id,
      frameworkVersionId: versionId,
      communeId: c ? ids[c] : null,
      sectorCode: s,
      sizeClass: z,
    };
    rows.push({ ...base, year: 2024, status: 'submitted', totalScore: t24, overallLevel: l24, pillarScores: [t24, 0] });
    if (prevYear)
      rows.push({
        ...base,
        year: prevYear,
        status: 'verified',
        totalScore: t0,
        overallLevel: l0,
        pillarScores: [t0, 0],
      });
    // a draft of 2023 beside the 2022 one: not a previous assessment
    if (prevYear === 2022)
      rows.push({ ...base, year: 2023, status: 'draft', totalScore: null, overallLevel: null, pillarScores: null });
    if (!prevYear) {
      onlyCurrent++;
      continue;
    }
    const programs = [r() < 0.35 ? PROGRAMS[0] : null, r() < 0.12 ? PROGRAMS[1] : null].filter((p): p is string => !!p);
    recs.push({ id, commune: c, sector: s, size: z, dTotal: t24 - t0, dLevel: l24 - l0, programs });
  }
  await db.insert(enterprises).values(firms);
  await db.insert(dxAssessments).values(rows);
  await db.transaction((tx) =>
    applyRollupDeltas(
      tx,
      rows
        .filter((x) => x.status !== 'draft')
        .map((x) => ({
          sign: 1,
          facts: {
            frameworkVersionId: versionId,
            year: x.year,
            communeId: x.communeId ?? null,
            sectorCode: x.sectorCode!,
            sizeClass: x.sizeClass!,
            overallLevel: x.overallLevel!,
            totalScore: x.totalScore!,
            pillarScores: [x.totalScore!, 0],
          },
        })),
    ),
  );
  await db.execute(sql`create table test_enrolments (enterprise_id uuid not null, support_program_id uuid not null)`);
  const pairs = recs.flatMap((x) => x.programs.map((p) => ({ enterpriseId: x.id, supportProgramId: p })));
  await db.insert(testEnrolments).values(pairs);
  const port: SupportEnrolmentsPort = {
    enrolments: () =>
      db
        .select({ enterpriseId: testEnrolments.enterpriseId, supportProgramId: testEnrolments.supportProgramId })
        .from(testEnrolments)
        .as('e'),
    names: async (ids) => new Map(ids.map((id) => [id, `Chương trình ${PROGRAMS.indexOf(id) + 1}`])),
  };
  withPrograms = createDxAnalyticsService({
    db,
    repo: createDxAnalyticsRepo(),
    reference: { frameworks: ctx.services.dxFrameworks, enterprises: ctx.services.enterprises },
    suppressBelow: K,
    changes: { changeFacts: (v, y) => ctx.services.dxAssessments.changeFacts(v, y) },
    supportEnrolments: port,
  });
  withoutPrograms = createDxAnalyticsService({
    db,
    repo: createDxAnalyticsRepo(),
    reference: { frameworks: ctx.services.dxFrameworks, enterprises: ctx.services.enterprises },
    suppressBelow: K,
    changes: { changeFacts: (v, y) => ctx.services.dxAssessments.changeFacts(v, y) },
  });
}, 600_000);
afterAll(() => ctx?.close());

function matches(x: Rec, c: Criteria): boolean {
  if ('commune' in c && x.commune !== c.commune) return false;
  if ('district' in c) {
    const ds = x.commune ? (districtsOf.get(x.commune) ?? []) : [];
    if (c.district === null ? ds.length > 0 : !ds.includes(c.district!)) return false;
  }
  if (c.sector !== undefined && x.sector !== c.sector) return false;
  if (c.size !== undefined && x.size !== c.size) return false;
  if (c.program !== undefined && !x.programs.includes(c.program)) return false;
  return true;
}
const setOf = (c: Criteria) => {
  let s = 0n;
  recs.forEach((x, i) => {
    if (matches(x, c)) s |= 1n << BigInt(i);
  });
  return s;
};
const popcount = (s: bigint) => {
  let n = 0;
  for (; s; s &= s - 1n) n++;
  return n;
};
const round = (x: number) => Math.round(x * 100) / 100;

function expectedStats(c: Criteria) {
  const m = recs.filter((x) => matches(x, c));
  return {
    n: m.length,
    meanChangeTotal: round(m.reduce((a, x) => a + x.dTotal, 0) / m.length),
    meanChangeLevel: round(m.reduce((a, x) => a + x.dLevel, 0) / m.length),
    shareUp: Math.round((m.filter((x) => x.dLevel > 0).length / m.length) * 1000) / 1000,
  };
}

function queries(programs: boolean): ChangeQuery[] {
  const dims = [
    'commune',
    'district',
    'sector',
    'sizeClass',
    ...(programs ? ['supportProgram' as const] : []),
  ] as const;
  const groupings: ChangeQuery['groupBy'][] = [[]];
  dims.forEach((a, i) => {
    groupings.push([a]);
    dims.slice(i + 1).forEach((b) => groupings.push([a, b]));
  });
  const places: { commune?: string; district?: string }[] = [
    {},
    ...COMMUNES.filter((c): c is string => c !== null).map((commune) => ({ commune })),
    ...DISTRICTS.map((district) => ({ district })),
  ];
  const out: ChangeQuery[] = [];
  for (const groupBy of groupings)
    for (const place of places)
      for (const sector of [undefined, ...SECTORS])
        for (const sizeClass of [undefined, ...SIZES])
          out.push({ frameworkVersionId: versionId, year: 2024, groupBy, ...place, sector, sizeClass });
  return out;
}

describe('DX analytics: change since the previous assessment', () => {
  it('compares each firm with its latest earlier scored assessment; firms assessed only this year take no part', async () => {
    const r = await ctx.services.dxAnalytics.change(actor, { frameworkVersionId: versionId, year: 2024, groupBy: [] });
    expect(onlyCurrent).toBeGreaterThan(10);
    expect(r.total).toEqual({ suppressed: false, ...expectedStats({}) });
    const bySector = await ctx.services.dxAnalytics.change(actor, {
      frameworkVersionId: versionId,
      year: 2024,
      groupBy: ['sector'],
    });
    for (const row of bySector.rows)
      if (!row.stats.suppressed)
        expect(row.stats).toEqual({ suppressed: false, ...expectedStats({ sector: row.key.sector!.code! }) });
    expect(bySector.rows.some((x) => !x.stats.suppressed)).toBe(true);
  });

  it('by support program: refused naming groupBy without the support programs; with them, each program its cube', async () => {
    await expect(
      withoutPrograms.change(actor, { frameworkVersionId: versionId, year: 2024, groupBy: ['supportProgram'] }),
    ).rejects.toMatchObject({
      status: 400,
      details: { issues: [{ field: 'querystring.groupBy', code: 'SUPPORT_PROGRAMS_UNAVAILABLE' }] },
    });
    expect((await withoutPrograms.options(actor)).supportPrograms).toBe(false);
    // the app wires the support-programs module's enrolments: its route offers the grouping
    const cookie = await ctx.login('secretariat');
    const res = await ctx.as(cookie, {
      method: 'GET',
      url: `/api/dx/analytics/change?frameworkVersionId=${versionId}&groupBy=supportProgram`,
    });
    expect(res.statusCode).toBe(200);
    expect((await ctx.as(cookie, { method: 'GET', url: '/api/dx/analytics/options' })).json().supportPrograms).toBe(
      true,
    );
    expect((await withPrograms.options(actor)).supportPrograms).toBe(true);
    const r = await withPrograms.change(actor, {
      frameworkVersionId: versionId,
      year: 2024,
      groupBy: ['supportProgram'],
    });
    expect(r.rows.map((x) => x.key.supportProgram)).toEqual([
      { code: PROGRAMS[0], name: 'Chương trình 1' },
      { code: PROGRAMS[1], name: 'Chương trình 2' },
    ]);
    expect(r.rows[0].stats).toEqual({ suppressed: false, ...expectedStats({ program: PROGRAMS[0] }) });
  });

  it('finds no count of 1…k−1 firms by subtracting any two nested answers, programs included', async () => {
    const published = new Map<bigint, number>();
    const withheld = new Set<bigint>();
    const note = (c: Criteria, st: ChangeStats) => {
      const s = setOf(c);
      if (st.suppressed) return void (s !== 0n && withheld.add(s));
      expect(st.n).toBe(popcount(s));
      expect(st.n >= K).toBe(true);
      expect(st).toEqual({ suppressed: false, ...expectedStats(c) });
      published.set(s, st.n);
    };
    const all = queries(true);
    for (const q of all) {
      const r: ChangeResult = await withPrograms.change(actor, q);
      const base: Criteria = {
        ...(q.commune !== undefined && { commune: q.commune }),
        ...(q.district !== undefined && { district: q.district }),
        ...(q.sector !== undefined && { sector: q.sector }),
        ...(q.sizeClass !== undefined && { size: q.sizeClass }),
      };
      for (const row of r.rows) {
        const c: Criteria = { ...base };
        if (row.key.commune) c.commune = row.key.commune.code;
        if (row.key.district) c.district = row.key.district.code;
        if (row.key.sector) c.sector = row.key.sector.code!;
        if (row.key.sizeClass) c.size = row.key.sizeClass.code!;
        if (row.key.supportProgram) c.program = row.key.supportProgram.code!;
        note(c, row.stats);
      }
      note(base, r.total);
    }
    expect(all.length).toBeGreaterThan(1000);
    expect(withheld.size).toBeGreaterThan(20);
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
    // the dataset has teeth: published together with the withheld ones, subtraction would give small groups back
    expect(nested([...published.keys(), ...withheld]).length).toBeGreaterThan(0);
    expect(nested([...published.keys()])).toEqual([]);
    expect([...withheld].filter((s) => published.has(s)).map(popcount)).toEqual([]);
  }, 600_000);
});
