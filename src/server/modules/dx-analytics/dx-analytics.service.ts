import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { pillarInfo } from '../../../shared/contracts/dx-analytics.js';
import type {
  AnalyticsDimension,
  AnalyticsOptions,
  AnalyticsStats,
  BreakdownQuery,
  BreakdownResult,
  BreakdownRow,
  ChangeDimension,
  ChangeQuery,
  ChangeResult,
  ChangeStats,
  MoversQuery,
  MoversResult,
} from '../../../shared/contracts/dx-analytics.js';
import { VSIC_VERSION } from '../../../shared/contracts/enterprises.js';
import type { Db } from '../../db/client.js';
import { parseCsv } from '../../db/reference/load-reference.js';
import type { Actor } from '../../http/context.js';
import { invalid } from '../../http/errors.js';
import type { DxFrameworksService } from '../dx-frameworks/dx-frameworks.service.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';
import { type CellRef, type CubeRow, YearCube } from './cube.js';
import type { DxAnalyticsRepo, EnrolmentsSubquery, LevelAggregate } from './dx-analytics.repo.js';
import { comparable } from '../../../shared/dx/waves.js';
import { dxAnalyticsPolicy } from './dx-analytics.policy.js';
import { pillarsOf } from './pillars.js';
import { type CubeCell, protect } from './suppression.js';

const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/reference');
const sizeOrder = ['micro', 'small', 'medium', 'large'];
export const LEVELS = 6;

interface Geography {
  communes: Map<string, { code: string; name: string }>;
  /** org unit id → code, for the communes above and any other unit a rollup named (looked up once) */
  codeOf: Map<string, string | null>;
  districts: Map<string, { code: string; name: string }>;
  /** commune code → the pre-2025 districts whose old communes it took */
  districtsOf: Map<string, string[]>;
  sectors: Map<string, { nameVi: string; nameEn: string }>;
}

/** What the analytics read from the modules that own them: framework versions and VSIC sectors. */
export interface AnalyticsReference {
  frameworks: Pick<DxFrameworksService, 'listedVersions' | 'pillars'>;
  enterprises: Pick<EnterprisesService, 'listVsic'>;
}

/** One firm of the change measure (dx-assessments computes it): its grouping now and its change since. */
export interface ChangeFact {
  enterpriseId: string;
  communeId: string | null;
  sectorCode: string;
  sizeClass: string;
  level: number;
  deltaTotal: number;
  deltaLevel: number;
}

/**
 * The support programs' enrolments (the support-programs module's port): a subquery of (enterpriseId,
 * supportProgramId) pairs, and the programs' names.
 */
export interface SupportEnrolmentsPort {
  enrolments(): EnrolmentsSubquery;
  names(ids: string[]): Promise<Map<string, string>>;
}

export function createDxAnalyticsService({
  db,
  repo,
  reference,
  suppressBelow,
  changes,
  supportEnrolments,
}: {
  db: Db;
  repo: DxAnalyticsRepo;
  reference: AnalyticsReference;
  suppressBelow: number;
  /** the change measure's facts (dx-assessments' port); without it, the change measure is empty */
  changes?: { changeFacts(frameworkVersionId: string, year: number): Promise<ChangeFact[]> };
  /** optional: without it, grouping the change by support program answers 400 */
  supportEnrolments?: SupportEnrolmentsPort;
}) {
  let geo: Promise<Geography> | null = null;
  // a published version never changes, so its pillars are read once
  const pillarCache = new Map<string, Promise<z.infer<typeof pillarInfo>[]>>();
  const pillarsFor = (id: string) => {
    let p = pillarCache.get(id);
    if (!p)
      pillarCache.set(
        id,
        (p = reference.frameworks.pillars(id).catch((e) => {
          pillarCache.delete(id);
          throw e;
        })),
      );
    return p;
  };
  // reference data changes only with a deployment, so it is read once per process
  function geography(): Promise<Geography> {
    geo ??= (async () => {
      const g = await repo.geography(db);
      let sectors = (await reference.enterprises.listVsic(VSIC_VERSION, 1)).map((v) => ({
        code: v.code,
        nameVi: v.nameVi,
        nameEn: v.nameEn,
      }));
      if (!sectors.length) {
        const rows = parseCsv(await readFile(path.join(referenceDir, 'vsic-2018-sections.csv'), 'utf8'));
        sectors = rows.map((r) => ({ code: r.code, nameVi: r.name_vi, nameEn: r.name_en }));
      }
      const districtsOf = new Map<string, string[]>();
      for (const l of g.links)
        districtsOf.set(l.communeCode, [...(districtsOf.get(l.communeCode) ?? []), l.districtCode]);
      return {
        communes: new Map(g.communes.map((c) => [c.code, c])),
        codeOf: new Map(g.communes.map((c) => [c.id, c.code])),
        districts: new Map(g.districts.map((d) => [d.code, d])),
        districtsOf,
        sectors: new Map(sectors.map((s) => [s.code, s])),
      };
    })().catch((e) => {
      geo = null;
      throw e;
    });
    return geo;
  }

  // a version that is no longer a draft stays listed, and its code and number never change: once seen, it is known
  // for the life of the process. A draft, an unknown id and the default (changed by any publish, on any instance) are
  // read every time.
  const knownVersions = new Map<string, { id: string; frameworkCode: string; version: number }>();
  async function versionFor(id: string | undefined) {
    const known = id ? knownVersions.get(id) : undefined;
    if (known) return known;
    const versions = await reference.frameworks.listedVersions();
    for (const v of versions) knownVersions.set(v.id, { id: v.id, frameworkCode: v.frameworkCode, version: v.version });
    if (id) {
      const v = versions.find((x) => x.id === id);
      if (!v) throw invalid([{ field: 'querystring.frameworkVersionId', reason: 'NO_SUCH_FRAMEWORK_VERSION' }]);
      return v;
    }
    // default: the newest published version of the DBI framework, else of any framework
    return (
      versions.find((v) => v.frameworkCode === 'DBI-SME' && v.status === 'published') ??
      versions.find((v) => v.status === 'published') ??
      versions[0] ??
      null
    );
  }

  function nameOf(g: Geography, dim: AnalyticsDimension, code: string | null): string {
    if (code === null) return dim === 'commune' || dim === 'district' ? 'unresolved' : '';
    if (dim === 'commune') return g.communes.get(code)?.name ?? code;
    if (dim === 'district') return g.districts.get(code)?.name ?? code;
    if (dim === 'sector') return g.sectors.get(code)?.nameVi ?? code;
    return code;
  }

  /** Replaces the org unit ids at the commune positions of the keys by codes, as a join to `org_units` would. */
  async function communeCodes(g: Geography, levels: LevelAggregate[], at: number[]) {
    const unknown = new Set<string>();
    for (const l of levels)
      for (const i of at) if (l.keys[i] !== null && !g.codeOf.has(l.keys[i])) unknown.add(l.keys[i]);
    if (unknown.size) {
      const found = await repo.unitCodes(db, [...unknown]);
      for (const id of unknown) g.codeOf.set(id, found.get(id) ?? null);
    }
    for (const l of levels) for (const i of at) if (l.keys[i] !== null) l.keys[i] = g.codeOf.get(l.keys[i]) ?? null;
  }

  // The publication cube of each version and year, built from the finest rollup grain and kept until the rollup of
  // that year changes (its fingerprint, read on every call, changes with any write to the coarser grains).
  const cubes = new Map<string, { fingerprint: string; cube: Promise<YearCube> }>();
  async function buildCube(versionId: string, year: number): Promise<YearCube> {
    const g = await geography();
    const pillarCount = (await pillarsFor(versionId)).length;
    const levels = await repo.levelAggregates(
      db,
      ['commune', 'sector', 'sizeClass'],
      { frameworkVersionId: versionId, years: [year] },
      pillarCount,
    );
    await communeCodes(g, levels, [0]);
    const rows = levels.map((l) => ({
      commune: l.keys[0],
      sector: l.keys[1] ?? '',
      size: l.keys[2] ?? '',
      level: l.level,
      n: l.n,
      sumTotal: l.sumTotal,
      pillars: l.pillars,
    }));
    return new YearCube(rows, { districtsOf: g.districtsOf }, suppressBelow, LEVELS, pillarCount);
  }
  async function cubesFor(versionId: string, years: number[]): Promise<Map<number, YearCube>> {
    const fingerprints = await repo.fingerprints(db, versionId);
    const out = new Map<number, YearCube>();
    await Promise.all(
      years.map(async (year) => {
        const key = `${versionId}|${year}`;
        const fingerprint = fingerprints.get(year) ?? '';
        let c = cubes.get(key);
        if (!c || c.fingerprint !== fingerprint) {
          const cube = buildCube(versionId, year);
          c = { fingerprint, cube };
          cubes.set(key, c);
          cube.catch(() => cubes.get(key) === c && cubes.delete(key));
        }
        out.set(year, await c.cube);
      }),
    );
    return out;
  }

  /** Place of a cell from the grouped and filtered commune/district; undefined: the two do not meet. */
  function placeOf(commune: string | null | undefined, district: string | null | undefined, cube: YearCube) {
    if (commune !== undefined) {
      if (district !== undefined && !cube.inDistrict(commune, district)) return undefined;
      return { commune };
    }
    if (district !== undefined) return { district };
    return null;
  }

  const round = (x: number) => Math.round(x * 100) / 100;
  /** A published cell's figures: its level counts are cells too, each withheld on its own. */
  function statsOf(cube: YearCube, ref: CellRef): AnalyticsStats | null {
    const c = cube.cell(ref);
    if (c.n === 0) return null;
    if (c.hidden) return { suppressed: true };
    let sumLevel = 0;
    const levels = Array.from({ length: cube.levels }, (_, level) => {
      const lc = cube.cell({ ...ref, level });
      sumLevel += level * lc.n;
      return lc.hidden ? null : lc.n;
    });
    return {
      suppressed: false,
      n: c.n,
      levels,
      meanTotal: round(c.sumTotal / c.n),
      // n·meanLevel = Σ level × count: beside n and the published counts it would solve for the withheld ones
      meanLevel: levels.includes(null) ? null : round(sumLevel / c.n),
      meanPillars: c.pillars.map((p) => round(p / c.n)),
    };
  }

  function sortRows(groupBy: AnalyticsDimension[], rows: BreakdownRow[]) {
    const cmp = (d: AnalyticsDimension, a: string | null, b: string | null) => {
      if (a === b) return 0;
      if (a === null) return 1;
      if (b === null) return -1;
      if (d === 'sizeClass') return sizeOrder.indexOf(a) - sizeOrder.indexOf(b);
      return a < b ? -1 : 1;
    };
    return rows.sort((x, y) => {
      for (const d of groupBy) {
        const c = cmp(d, x.key[d]?.code ?? null, y.key[d]?.code ?? null);
        if (c) return c;
      }
      return 0;
    });
  }

  function onePlace(q: { commune?: string; district?: string }) {
    if (q.commune !== undefined && q.district !== undefined)
      throw invalid([{ field: 'querystring.district', reason: 'ONE_PLACE' }]);
  }

  async function breakdown(actor: Actor, q: BreakdownQuery): Promise<BreakdownResult> {
    dxAnalyticsPolicy.assertCanRead(actor);
    onePlace(q);
    const groupBy = [...new Set(q.groupBy)];
    const v = await versionFor(q.frameworkVersionId);
    const k = suppressBelow;
    const byYear = groupBy.includes('year');
    if (!v)
      return {
        frameworkVersion: null,
        groupBy,
        year: null,
        suppressBelow: k,
        pillars: [],
        rows: [],
        total: byYear ? null : { suppressed: true },
      };
    const known = await repo.years(db, v.id);
    const years = q.year !== undefined ? [q.year] : byYear ? known : known.slice(-1);
    const [g, pillarDefs, cubeOf] = await Promise.all([geography(), pillarsFor(v.id), cubesFor(v.id, years)]);
    const rows: BreakdownRow[] = [];
    const dims = groupBy.filter((d): d is Exclude<AnalyticsDimension, 'year'> => d !== 'year');
    for (const year of years) {
      const cube = cubeOf.get(year)!;
      // every combination of the grouped values the cube holds; each row is one cell
      let combos: Partial<Record<AnalyticsDimension, string | null>>[] = [{}];
      for (const d of dims) combos = combos.flatMap((c) => cube.values(d).map((x) => ({ ...c, [d]: x })));
      for (const c of combos) {
        const place = placeOf('commune' in c ? c.commune : q.commune, 'district' in c ? c.district : q.district, cube);
        if (place === undefined) continue;
        // a grouped dimension that is also filtered keeps the filtered value only
        if ('commune' in c && q.commune !== undefined && c.commune !== q.commune) continue;
        if ('district' in c && q.district !== undefined && c.district !== q.district) continue;
        if ('sector' in c && q.sector !== undefined && c.sector !== q.sector) continue;
        if ('sizeClass' in c && q.sizeClass !== undefined && c.sizeClass !== q.sizeClass) continue;
        const stats = statsOf(cube, {
          place,
          sector: ('sector' in c ? c.sector : q.sector) ?? null,
          size: ('sizeClass' in c ? c.sizeClass : q.sizeClass) ?? null,
          level: null,
        });
        if (!stats) continue;
        const key: BreakdownRow['key'] = {};
        for (const d of groupBy) {
          const code = d === 'year' ? String(year) : (c[d] ?? null);
          key[d] = { code, name: nameOf(g, d, code) };
        }
        const row: BreakdownRow = { key, stats };
        if (c.district) {
          const shared = [...g.districtsOf.entries()]
            .filter(([, ds]) => ds.length > 1 && ds.includes(c.district!))
            .map(([code]) => code);
          if (shared.length) row.sharedCommunes = shared;
        }
        rows.push(row);
      }
    }
    let total: AnalyticsStats | null = null;
    if (!byYear) {
      const cube = cubeOf.get(years[0]);
      const place = cube ? placeOf(q.commune, q.district, cube) : undefined;
      total = (cube &&
        place !== undefined &&
        statsOf(cube, { place, sector: q.sector ?? null, size: q.sizeClass ?? null, level: null })) || {
        suppressed: true,
      };
    }
    const pillarCount = pillarDefs.length;
    return {
      frameworkVersion: { id: v.id, frameworkCode: v.frameworkCode, version: v.version },
      groupBy,
      year: byYear ? null : (years[0] ?? null),
      suppressBelow: k,
      pillars: pillarsOf(
        { pillars: pillarDefs.map((p) => ({ code: p.code, name: { vi: p.nameVi, en: p.nameEn }, maxPoints: p.max })) },
        pillarCount,
      ),
      rows: sortRows(groupBy, rows),
      total,
    };
  }

  async function movers(actor: Actor, q: MoversQuery): Promise<MoversResult> {
    dxAnalyticsPolicy.assertCanRead(actor);
    onePlace(q);
    if (q.fromYear === q.toYear) throw invalid([{ field: 'querystring.toYear', reason: 'YEARS_MUST_DIFFER' }]);
    const v = await versionFor(q.frameworkVersionId);
    const base = { dimension: q.dimension, metric: q.metric, fromYear: q.fromYear, toYear: q.toYear, suppressBelow };
    if (!v) return { ...base, rising: [], falling: [] };
    const [g, cubeOf] = await Promise.all([geography(), cubesFor(v.id, [q.fromYear, q.toYear])]);
    const from = cubeOf.get(q.fromYear)!;
    const to = cubeOf.get(q.toYear)!;
    const metric = (cube: YearCube, value: string | null) => {
      const isCommune = q.dimension === 'commune';
      if (isCommune && q.commune !== undefined && value !== q.commune) return undefined;
      const place = placeOf(isCommune ? value : q.commune, q.district, cube);
      if (place === undefined) return undefined;
      if (!isCommune && q.sector !== undefined && value !== q.sector) return undefined;
      const s = statsOf(cube, {
        place,
        sector: isCommune ? (q.sector ?? null) : value,
        size: q.sizeClass ?? null,
        level: null,
      });
      // only cells the cube publishes (n ≥ k, not withheld) take part: a mean of fewer is never shown
      if (!s || s.suppressed) return undefined;
      // a mean level withheld with its level counts takes no part either
      return (q.metric === 'meanTotal' ? s.meanTotal : s.meanLevel) ?? undefined;
    };
    const values = new Set([...from.values(q.dimension), ...to.values(q.dimension)]);
    const moved = [...values]
      .filter((code): code is string => code !== null)
      .sort()
      .flatMap((code) => {
        const a = metric(from, code);
        const b = metric(to, code);
        if (a === undefined || b === undefined) return [];
        return [{ key: { code, name: nameOf(g, q.dimension, code) }, from: a, to: b, change: round(b - a) }];
      });
    return {
      ...base,
      rising: moved
        .filter((m) => m.change > 0)
        .sort((a, b) => b.change - a.change)
        .slice(0, q.limit),
      falling: moved
        .filter((m) => m.change < 0)
        .sort((a, b) => a.change - b.change)
        .slice(0, q.limit),
    };
  }

  // The change cube of each version and year: the firms with an earlier comparable assessment, by their commune,
  // sector, size and level now; Σ change of total as the cube's total, Σ change of level and the count of firms that
  // moved up as its two "pillars". Kept until the rollup of any version of the generation changes.
  const changeCubes = new Map<
    string,
    { fingerprint: string; built: Promise<{ cube: YearCube; facts: CodedFact[] }> }
  >();
  type CodedFact = ChangeFact & { commune: string | null };
  async function changeCubeFor(versionId: string, frameworkCode: string, year: number) {
    const listed = await reference.frameworks.listedVersions();
    const generation = listed.find((x) => x.id === versionId)?.generation;
    const family = listed
      .filter((x) =>
        comparable(
          { framework: { code: frameworkCode, generation } },
          { framework: { code: x.frameworkCode, generation: x.generation } },
        ),
      )
      .map((x) => x.id)
      .sort();
    const fingerprint = (
      await Promise.all(
        family.map(async (id) => `${id}:${[...(await repo.fingerprints(db, id)).entries()].sort().join(';')}`),
      )
    ).join('/');
    const key = `${versionId}|${year}`;
    let c = changeCubes.get(key);
    if (!c || c.fingerprint !== fingerprint) {
      const built = (async () => {
        const g = await geography();
        const raw = changes ? await changes.changeFacts(versionId, year) : [];
        const unknown = [...new Set(raw.map((r) => r.communeId).filter((id): id is string => !!id))].filter(
          (id) => !g.codeOf.has(id),
        );
        if (unknown.length) {
          const found = await repo.unitCodes(db, unknown);
          for (const id of unknown) g.codeOf.set(id, found.get(id) ?? null);
        }
        const facts = raw.map((r) => ({ ...r, commune: r.communeId ? (g.codeOf.get(r.communeId) ?? null) : null }));
        return { cube: changeCube(g, facts), facts };
      })();
      c = { fingerprint, built };
      changeCubes.set(key, c);
      const mine = c;
      built.catch(() => changeCubes.get(key) === mine && changeCubes.delete(key));
    }
    return c.built;
  }
  function changeCube(g: Geography, facts: CodedFact[]) {
    const cells = new Map<string, CubeRow>();
    for (const f of facts) {
      const k = `${f.commune}|${f.sectorCode}|${f.sizeClass}|${f.level}`;
      let r = cells.get(k);
      if (!r)
        cells.set(
          k,
          (r = {
            commune: f.commune,
            sector: f.sectorCode,
            size: f.sizeClass,
            level: f.level,
            n: 0,
            sumTotal: 0,
            pillars: [0, 0],
          }),
        );
      r.n += 1;
      r.sumTotal += f.deltaTotal;
      r.pillars[0] += f.deltaLevel;
      r.pillars[1] += f.deltaLevel > 0 ? 1 : 0;
    }
    return new YearCube([...cells.values()], { districtsOf: g.districtsOf }, suppressBelow, LEVELS, 2);
  }
  /** A change cell: withheld as the cube decides, and (a program's cell) when the firms of the same cell outside the
   * program are 1…k−1, since the program's figures beside the whole cell's would give theirs back. */
  function changeStatsOf(cube: YearCube, ref: CellRef, whole?: YearCube): ChangeStats | null {
    const c = cube.cell(ref);
    if (c.n === 0) return null;
    if (c.hidden) return { suppressed: true };
    if (whole) {
      const rest = whole.cell(ref).n - c.n;
      if (rest > 0 && rest < suppressBelow) return { suppressed: true };
    }
    return {
      suppressed: false,
      n: c.n,
      meanChangeTotal: round(c.sumTotal / c.n),
      meanChangeLevel: round(c.pillars[0] / c.n),
      shareUp: Math.round((c.pillars[1] / c.n) * 1000) / 1000,
    };
  }

  async function change(actor: Actor, q: ChangeQuery): Promise<ChangeResult> {
    dxAnalyticsPolicy.assertCanRead(actor);
    onePlace(q);
    const groupBy = [...new Set(q.groupBy)];
    const byProgram = groupBy.includes('supportProgram');
    if (byProgram && !supportEnrolments)
      throw invalid([{ field: 'querystring.groupBy', reason: 'SUPPORT_PROGRAMS_UNAVAILABLE' }]);
    const v = await versionFor(q.frameworkVersionId);
    const none = { groupBy, suppressBelow, rows: [], total: { suppressed: true as const } };
    if (!v) return { frameworkVersion: null, year: null, ...none };
    const year = q.year ?? (await repo.years(db, v.id)).at(-1);
    const frameworkVersion = { id: v.id, frameworkCode: v.frameworkCode, version: v.version };
    if (year === undefined) return { frameworkVersion, year: null, ...none };
    const [g, { cube, facts }] = await Promise.all([geography(), changeCubeFor(v.id, v.frameworkCode, year)]);
    // per program: a cube of its enrolled firms (a firm in two programs counts in each)
    const programs = new Map<string, YearCube>();
    let programNames = new Map<string, string>();
    if (byProgram && supportEnrolments) {
      const pairs = await repo.enrolmentPairs(db, supportEnrolments.enrolments());
      const byFirm = new Map<string, string[]>();
      for (const p of pairs) byFirm.set(p.enterpriseId, [...(byFirm.get(p.enterpriseId) ?? []), p.supportProgramId]);
      const factsOf = new Map<string, CodedFact[]>();
      for (const f of facts)
        for (const pid of byFirm.get(f.enterpriseId) ?? []) factsOf.set(pid, [...(factsOf.get(pid) ?? []), f]);
      for (const [pid, fs] of factsOf) programs.set(pid, changeCube(g, fs));
      programNames = await supportEnrolments.names([...programs.keys()]);
    }
    type PlaceDim = 'commune' | 'district' | 'sector' | 'sizeClass';
    const dims = groupBy.filter((d): d is PlaceDim => d !== 'supportProgram');
    let combos: Partial<Record<ChangeDimension, string | null>>[] = [{}];
    if (byProgram) combos = [...programs.keys()].sort().map((p) => ({ supportProgram: p }));
    for (const d of dims) combos = combos.flatMap((c) => cube.values(d).map((x) => ({ ...c, [d]: x })));
    const rows: ChangeResult['rows'] = [];
    for (const c of combos) {
      const place = placeOf('commune' in c ? c.commune : q.commune, 'district' in c ? c.district : q.district, cube);
      if (place === undefined) continue;
      if ('commune' in c && q.commune !== undefined && c.commune !== q.commune) continue;
      if ('district' in c && q.district !== undefined && c.district !== q.district) continue;
      if ('sector' in c && q.sector !== undefined && c.sector !== q.sector) continue;
      if ('sizeClass' in c && q.sizeClass !== undefined && c.sizeClass !== q.sizeClass) continue;
      const ref: CellRef = {
        place,
        sector: ('sector' in c ? c.sector : q.sector) ?? null,
        size: ('sizeClass' in c ? c.sizeClass : q.sizeClass) ?? null,
        level: null,
      };
      const program = c.supportProgram ? programs.get(c.supportProgram)! : undefined;
      const stats = program ? changeStatsOf(program, ref, cube) : changeStatsOf(cube, ref);
      if (!stats) continue;
      const key: ChangeResult['rows'][number]['key'] = {};
      for (const d of groupBy) {
        const code = c[d] ?? null;
        key[d] = {
          code,
          name: d === 'supportProgram' ? (programNames.get(code!) ?? code!) : nameOf(g, d, code),
        };
      }
      rows.push({ key, stats });
    }
    const place = placeOf(q.commune, q.district, cube);
    const total = (place !== undefined &&
      changeStatsOf(cube, { place, sector: q.sector ?? null, size: q.sizeClass ?? null, level: null })) || {
      suppressed: true as const,
    };
    return { frameworkVersion, groupBy, year, suppressBelow, rows, total };
  }

  /** For the enterprise report: the analytics' small-cell rule on a peer cell (all communes and levels). */
  async function peerCell(cell: { frameworkVersionId: string; year: number; sectorCode: string; sizeClass: string }) {
    const cube = (await cubesFor(cell.frameworkVersionId, [cell.year])).get(cell.year)!;
    const c = cube.cell({ place: null, sector: cell.sectorCode, size: cell.sizeClass, level: null });
    return { suppressBelow, published: c.n >= suppressBelow && !c.hidden };
  }

  /** The names of the place and sector a query filters by, for an export's parameters. */
  async function filterNames(q: Pick<BreakdownQuery, 'commune' | 'district' | 'sector'>) {
    const g = await geography();
    const one = (d: 'commune' | 'district' | 'sector', code: string | undefined) =>
      code === undefined ? undefined : { code, name: nameOf(g, d, code) };
    return {
      commune: one('commune', q.commune),
      district: one('district', q.district),
      sector: one('sector', q.sector),
    };
  }

  async function options(actor: Actor): Promise<AnalyticsOptions> {
    dxAnalyticsPolicy.assertCanRead(actor);
    const [g, versions] = await Promise.all([geography(), reference.frameworks.listedVersions()]);
    const def = await versionFor(undefined);
    return {
      frameworkVersions: versions,
      defaultFrameworkVersionId: def?.id ?? null,
      years: await repo.years(db, def?.id ?? null),
      communes: [...g.communes.values()].map((c) => ({ code: c.code, gso: c.code.replace(/^HN\./, ''), name: c.name })),
      districts: [...g.districts.values()],
      sectors: [...g.sectors.entries()].map(([code, s]) => ({ code, ...s })),
      suppressBelow,
      supportPrograms: !!supportEnrolments,
    };
  }

  /**
   * The analytics' small-cell rule for another module's table of cells (support programs' impact): the cells to
   * withhold — primary (fewer than k) and complementary — and k.
   */
  const suppress = (cells: readonly CubeCell[]) => ({ suppressBelow, hidden: protect(cells, suppressBelow) });

  return {
    breakdown,
    change,
    filterNames,
    movers,
    options,
    peerCell,
    suppress,
    yearsOf: (id: string) => repo.years(db, id),
  };
}
export type DxAnalyticsService = ReturnType<typeof createDxAnalyticsService>;
/** What one scored assessment adds to the rollup (dx-assessments computes it). */
export type { ScoredFacts } from './rollup.repo.js';
/** The import pipeline's reader (CSV or XLSX, header-named rows) and its zip limits, for other modules' imports. */
export { IMPORT_ZIP_LIMITS, openRows, rowValues, type SourceRow } from './import/rows.js';
