import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { dxAssessments, enterprises, supportEnrolments, supportPrograms } from '../../db/schema/index.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { createTestContext, type TestContext } from '../../test/test-app.js';
import { rng, weighted } from '../dx-analytics/generate/random.js';
import { protect } from '../dx-analytics/suppression.js';
import { testFrameworkVersion } from '../dx-analytics/test-helpers.js';
import { compareImpact, type Suppress } from './impact.js';
import { createSupportProgramsRepo } from './support-programs.repo.js';
import { createSupportProgramsService } from './support-programs.service.js';

// The impact of support as the service answers it must equal the rule in plain code (impact.ts `compareImpact`) over
// every scored assessment in the database, on varied data: several framework versions, drafts and returned ones
// between scored ones, two versions in the same year, missing totals, levels, sectors and sizes, firms changing
// sector, enrolled firms never scored, every baseline year around the data, sparse and dense cohorts, k = 1, 3, 5.
const SECTORS = ['C', 'G', 'F', 'J'];
const SIZES = ['micro', 'small', 'medium'] as const;
const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026];
const BASELINES = [2019, ...YEARS];
const DENSITIES = [0.03, 0.3, 0.85];
const KS = [1, 3, 5];

let ctx: TestContext;
let versions: string[];
let seq = 0;
afterAll(() => ctx?.close());
beforeAll(async () => {
  ctx = await createTestContext();
  // two versions of one framework and one of another (the comparison keys on the version id only)
  versions = [
    await testFrameworkVersion(ctx.handle.db),
    await testFrameworkVersion(ctx.handle.db),
    await testFrameworkVersion(ctx.handle.db),
  ];
}, 120_000);

/** Firms, their assessments and programs (one per baseline year and cohort density) from a seed. */
async function load(seed: number, firmCount: number) {
  const db = ctx.handle.db;
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const version = weighted(versions, [60, 25, 15]);
  const status = weighted(['submitted', 'verified', 'draft', 'returned'] as const, [45, 35, 10, 10]);
  const firms: (typeof enterprises.$inferInsert)[] = [];
  const rows: (typeof dxAssessments.$inferInsert)[] = [];
  for (let i = 0; i < firmCount; i++) {
    const id = crypto.randomUUID();
    const n = ++seq;
    const sector = pick(SECTORS);
    const size = pick(SIZES);
    firms.push({
      id,
      taxCode: String(8_000_000_000 + seed * 1_000_000 + n),
      name: `Impact ${seed}-${n}`,
      communeResolution: 'needs_review',
      vsicVersion: 'VSIC2018',
      sectorCode: sector,
      employees: 5,
      revenueVnd: 1,
      capitalVnd: 1,
      sizeClass: size,
      searchText: `impact ${seed} ${n}`,
    });
    // a latent maturity that mostly grows, so changes and levels are not pure noise
    let score = r() * 200;
    const taken = new Set<string>();
    for (const year of YEARS) {
      if (r() > 0.5) continue;
      score = Math.max(0, Math.min(320, score + (r() - 0.35) * 60));
      // sometimes a second version the same year
      const count = r() < 0.12 ? 2 : 1;
      for (let c = 0; c < count; c++) {
        const v = version(r);
        if (taken.has(`${v}|${year}`)) continue;
        taken.add(`${v}|${year}`);
        const s = status(r);
        const scored = s === 'submitted' || s === 'verified';
        // two decimals, as numeric(10, 2) stores them; some halves of a hundredth apart from the others
        const total = Math.round((score + (r() - 0.5) * 20) * 100) / 100;
        const missing = r();
        rows.push({
          enterpriseId: id,
          frameworkVersionId: v,
          year,
          status: s,
          totalScore: scored && missing > 0.03 ? Math.max(0, total) : null,
          overallLevel: scored && (missing < 0.03 || missing > 0.05) ? Math.min(5, Math.floor(score / 60)) : null,
          // the firm's sector at the time: sometimes another one, sometimes not recorded
          sectorCode: missing > 0.07 && missing < 0.09 ? null : r() < 0.08 ? pick(SECTORS) : sector,
          sizeClass: missing > 0.09 && missing < 0.11 ? null : r() < 0.05 ? pick(SIZES) : size,
          pillarScores: scored ? [total, 0] : null,
        });
      }
    }
  }
  await db.insert(enterprises).values(firms);
  await db.insert(dxAssessments).values(rows);
  const programs: { id: string; baselineYear: number }[] = [];
  for (const baselineYear of BASELINES)
    for (const density of DENSITIES) {
      const [p] = await db
        .insert(supportPrograms)
        .values({
          name: `Impact ${seed} ${baselineYear} ${density}`,
          legalBasis: 'test',
          periodFrom: `${baselineYear + 1}-01-01`,
          periodTo: `${baselineYear + 1}-12-31`,
          budgetVnd: 0,
          kinds: ['dx_solutions'],
        })
        .returning();
      const cohort = firms.filter(() => r() < density);
      if (cohort.length)
        await db
          .insert(supportEnrolments)
          .values(
            cohort.map((f) => ({ programId: p.id, enterpriseId: f.id!, enrolledOn: `${baselineYear + 1}-02-01` })),
          );
      programs.push({ id: p.id, baselineYear });
    }
  return programs;
}

/** Every scored assessment, read as the service read them before it paired them in SQL. */
const scoredTotals = () =>
  ctx.handle.db
    .select({
      enterpriseId: dxAssessments.enterpriseId,
      frameworkVersionId: dxAssessments.frameworkVersionId,
      year: dxAssessments.year,
      totalScore: dxAssessments.totalScore,
      overallLevel: dxAssessments.overallLevel,
      sectorCode: dxAssessments.sectorCode,
      sizeClass: dxAssessments.sizeClass,
    })
    .from(dxAssessments)
    .where(inArray(dxAssessments.status, ['submitted', 'verified']));

const enrolledIn = async (programId: string) =>
  new Set(
    (
      await ctx.handle.db
        .select({ id: supportEnrolments.enterpriseId })
        .from(supportEnrolments)
        .where(eq(supportEnrolments.programId, programId))
    ).map((e) => e.id),
  );

const serviceWith = (suppress: Suppress) =>
  createSupportProgramsService({
    db: ctx.handle.db,
    repo: createSupportProgramsRepo(),
    audit: ctx.services.audit,
    enterprises: ctx.services.enterprises,
    assessments: ctx.services.dxAssessments,
    analytics: { suppress },
  });

describe('impact of support: the service equals the rule in plain code', () => {
  it.each([1, 2])('on generated data (seed %i, added to the previous seeds’ data)', async (seed) => {
    const programs = await load(seed, 260);
    const rows = await scoredTotals();
    const cohorts = new Map(await Promise.all(programs.map(async (p) => [p.id, await enrolledIn(p.id)] as const)));
    let published = 0;
    let withheld = 0;
    let notComparable = 0;
    for (const k of KS) {
      const suppress: Suppress = (cells) => ({ suppressBelow: k, hidden: protect(cells, k) });
      const service = serviceWith(suppress);
      for (const p of programs) {
        const got = await service.impact(SYSTEM_ACTOR, p.id);
        expect(got, `program ${p.id}, baseline ${p.baselineYear}, k = ${k}`).toEqual(
          compareImpact(p.id, rows, cohorts.get(p.id)!, p.baselineYear, suppress),
        );
        published += got.cells.filter((c) => c.enrolled).length;
        withheld += got.cells.filter((c) => !c.enrolled).length;
        notComparable += got.notComparable;
      }
    }
    // the comparison was not vacuous: cells on both sides of the rule, and firms not compared
    expect(published).toBeGreaterThan(50);
    expect(withheld).toBeGreaterThan(50);
    expect(notComparable).toBeGreaterThan(50);
  });
});
